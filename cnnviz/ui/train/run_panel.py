"""The side panel: what to train, on what, for how long, and the Train / Pause / Stop buttons."""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cnnviz.core.data.batches import AUGMENTATIONS
from cnnviz.core.data.datasets import DATASETS
from cnnviz.core.data.types import FOLDER_PREFIX, is_folder
from cnnviz.core.models.custom_model import is_custom_model_spec
from cnnviz.core.models.registry import MODELS
from cnnviz.core.training.config import OPTIMIZERS, SCHEDULES, TrainConfig
from cnnviz.core.training.devices import available_devices, describe_device
from cnnviz.session.run_controller import RunController
from cnnviz.session.run_lifecycle import Phase
from cnnviz.ui.shell.settings import AppSettings
from cnnviz.ui.train.run_progress import RunProgressBar

LOAD_MODEL_ITEM = "Load from file..."
IMAGE_FOLDER_ITEM = "Image folder..."


def module_classes(path: Path) -> list[str]:
    """Top-level classes and functions in a Python file, without running it."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, UnicodeDecodeError):
        return []
    return [node.name for node in tree.body
            if isinstance(node, ast.ClassDef | ast.FunctionDef) and not node.name.startswith("_")]


def _short(spec: str) -> str:
    if is_custom_model_spec(spec):
        path, _, name = spec.rpartition(":")
        return f"{Path(path).name}:{name}"
    if spec.startswith(FOLDER_PREFIX):
        return f"folder: {Path(spec[len(FOLDER_PREFIX):]).name}"
    return spec


class ChoiceCombo(QComboBox):
    """A combo whose items carry a value (the registry name or spec) besides their label, and
    whose last item can ask the user for a new value (a file or a folder)."""

    browse_requested = Signal()

    def __init__(self, object_name: str, browse_label: str | None = None) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self.browse_label = browse_label
        self._previous = 0
        if browse_label:
            self.addItem(browse_label, None)
        self.activated.connect(self._on_activated)

    def add_choice(self, value: str, label: str | None = None, tooltip: str = "") -> int:
        index = self.findData(value)
        if index < 0:
            index = self.count() - 1 if self.browse_label else self.count()
            self.insertItem(index, label or _short(value), value)
            if tooltip or value != label:
                self.setItemData(index, tooltip or value, 3)  # Qt.ToolTipRole
        return index

    def select(self, value: str) -> None:
        self.setCurrentIndex(self.add_choice(value))
        self._previous = self.currentIndex()

    def value(self) -> str:
        return self.currentData() or self.itemData(self._previous)

    def _on_activated(self, index: int) -> None:
        if self.browse_label and index == self.count() - 1:
            self.setCurrentIndex(self._previous)
            self.browse_requested.emit()
        else:
            self._previous = index


class RunPanel(QWidget):
    """Widgets for a TrainConfig, plus the run buttons and the progress bar."""

    #: a model file the user picked in the file dialog (a spec ``path.py:Name``)
    model_file_chosen = Signal(str)

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.model_combo = ChoiceCombo("modelCombo", LOAD_MODEL_ITEM)
        for spec in MODELS.values():
            self.model_combo.add_choice(spec.name, spec.name, spec.description)
        self.dataset_combo = ChoiceCombo("datasetCombo", IMAGE_FOLDER_ITEM)
        for entry in DATASETS.values():
            self.dataset_combo.add_choice(entry.info.name, entry.info.name, entry.info.description)
        self.device_combo = ChoiceCombo("deviceCombo")
        devices = available_devices()
        self.device_combo.add_choice("auto", f"auto ({devices[0]})",
                                     "the best device here: CUDA, then Apple MPS, else the CPU")
        for name in devices:
            self.device_combo.add_choice(name, describe_device(name))

        self.epochs_spin = QSpinBox(objectName="epochsSpin", minimum=1, maximum=1000, value=1)
        self.batch_size_spin = QSpinBox(objectName="batchSizeSpin", minimum=2, maximum=8192,
                                        value=100, singleStep=10)
        self.learning_rate_spin = QDoubleSpinBox(
            objectName="learningRateSpin", decimals=6, minimum=1e-6, maximum=10.0,
            value=1e-3, singleStep=1e-4,
        )  # fmt: skip
        self.optimizer_combo = ChoiceCombo("optimizerCombo")
        for name, text in OPTIMIZERS.items():
            self.optimizer_combo.add_choice(name, name, text)
        self.schedule_combo = ChoiceCombo("scheduleCombo")
        for name, text in SCHEDULES.items():
            self.schedule_combo.add_choice(name, name, text)
        self.augment_combo = ChoiceCombo("augmentCombo")
        self.augment_combo.add_choice("auto", "auto",
                                      "crop-flip for colour photos, none for digits")
        for name, text in AUGMENTATIONS.items():
            self.augment_combo.add_choice(name, name, text)
        self.seed_spin = QSpinBox(objectName="seedSpin", minimum=0, maximum=2**31 - 1, value=0)
        self.image_size_spin = QSpinBox(objectName="imageSizeSpin", minimum=0, maximum=1024,
                                        value=0, singleStep=8, suffix=" px")  # fmt: skip
        self.image_size_spin.setSpecialValueText("auto")
        self.processes_spin = QSpinBox(objectName="processesSpin", minimum=1, maximum=64, value=1)
        self.processes_spin.setToolTip(
            "1: train in this window. More: launch torchrun with that many processes "
            "(DistributedDataParallel; the batch size stays the global batch) and follow it")
        self.copy_command_button = QPushButton("Copy command", objectName="copyCommandButton")
        self.copy_command_button.setToolTip(
            "Copy the torchrun command for these settings, to run them on other machines")
        self.image_size_spin.setToolTip(
            "Image folders: the longer side of the input, in pixels. auto: the folder's most "
            "common size, scaled so that its longer side is at most 64")

        form = QFormLayout()
        form.addRow("&Model", self.model_combo)
        form.addRow("&Data set", self.dataset_combo)
        form.addRow("De&vice", self.device_combo)
        form.addRow("&Epochs", self.epochs_spin)
        form.addRow("&Batch size", self.batch_size_spin)
        form.addRow("&Learning rate", self.learning_rate_spin)
        form.addRow("&Optimiser", self.optimizer_combo)
        form.addRow("S&chedule", self.schedule_combo)
        form.addRow("&Augmentation", self.augment_combo)
        form.addRow("See&d", self.seed_spin)
        form.addRow("&Image size", self.image_size_spin)
        form.addRow("&Processes", self.processes_spin)
        form.addRow("", self.copy_command_button)
        box = QGroupBox("Run")
        box.setLayout(form)

        self.train_button = QPushButton("Train", objectName="trainButton")
        self.pause_button = QPushButton("Pause", objectName="pauseButton")
        self.stop_button = QPushButton("Stop", objectName="stopButton")
        self.train_button.setToolTip("Start training (Ctrl+R)")
        self.pause_button.setToolTip("Pause or resume at the next batch (Ctrl+P)")
        self.stop_button.setToolTip("Stop at the next batch and save a checkpoint (Ctrl+.)")
        buttons = QHBoxLayout()
        for button in (self.train_button, self.pause_button, self.stop_button):
            buttons.addWidget(button)
        self.progress = RunProgressBar()

        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        self.model_combo.browse_requested.connect(self.browse_model_file)
        self.dataset_combo.browse_requested.connect(self.browse_image_folder)
        self.dataset_combo.currentIndexChanged.connect(lambda _: self._update_image_size())
        self.set_state(Phase.IDLE)

    # -- state ------------------------------------------------------------------------------
    def subscribe(self, controller: RunController) -> None:
        """The buttons and the progress bar render the run controller's run."""
        controller.state_changed.connect(self.set_state)
        self.progress.subscribe(controller)
        self.set_state(controller.phase, controller.can_pause)

    def set_state(self, phase: Phase, can_pause: bool = True) -> None:
        """Which buttons make sense in this phase of a run (one that cannot pause, a job,
        only stops)."""
        self.train_button.setEnabled(phase.at_rest)
        self.pause_button.setEnabled(can_pause and phase in (Phase.TRAINING, Phase.PAUSED))
        self.pause_button.setText("Resume" if phase is Phase.PAUSED else "Pause")
        self.stop_button.setEnabled(phase in (Phase.LOADING, Phase.TRAINING, Phase.PAUSED))
        # while the data set loads or downloads, stopping cancels it
        self.stop_button.setText("Cancel" if phase is Phase.LOADING else "Stop")
        for widget in (self.model_combo, self.dataset_combo, self.device_combo,
                       self.processes_spin):  # fmt: skip
            widget.setEnabled(phase.at_rest)
        self._update_image_size()

    def _update_image_size(self) -> None:
        """The image size is a folder's to choose: a registry set has one size."""
        self.image_size_spin.setEnabled(self.train_button.isEnabled()
                                        and is_folder(self.dataset_combo.value() or ""))

    # -- config -----------------------------------------------------------------------------
    def config(self) -> TrainConfig:
        dataset = self.dataset_combo.value()
        return TrainConfig(
            model=self.model_combo.value(), dataset=dataset,
            data_dir=self.settings.data_dir(), epochs=self.epochs_spin.value(),
            batch_size=self.batch_size_spin.value(), lr=self.learning_rate_spin.value(),
            optimizer=self.optimizer_combo.value(), schedule=self.schedule_combo.value(),
            augment=self.augment_combo.value(), seed=self.seed_spin.value(),
            device=self.device_combo.value(),
            image_size=(self.image_size_spin.value() or None) if is_folder(dataset) else None,
        )  # fmt: skip

    def restore(self) -> None:
        s = self.settings
        self.model_combo.select(s.value("run/model", "simple-cnn"))
        self.dataset_combo.select(s.value("run/dataset", "mnist"))
        device = s.value("run/device", "auto")
        self.device_combo.select(device if self.device_combo.findData(device) >= 0 else "auto")
        self.epochs_spin.setValue(s.value("run/epochs", 1, int))
        self.batch_size_spin.setValue(s.value("run/batch_size", 100, int))
        self.learning_rate_spin.setValue(s.value("run/lr", 1e-3, float))
        self.optimizer_combo.select(s.value("run/optimizer", "adam"))
        self.schedule_combo.select(s.value("run/schedule", "none"))
        self.augment_combo.select(s.value("run/augment", "auto"))
        self.seed_spin.setValue(s.value("run/seed", 0, int))
        self.processes_spin.setValue(s.value("run/processes", 1, int))
        self.image_size_spin.setValue(s.value("run/image_size", 0, int))

    def save(self) -> None:
        c = self.config()
        for key, value in (("model", c.model), ("dataset", c.dataset), ("device", c.device),
                           ("epochs", c.epochs), ("batch_size", c.batch_size), ("lr", c.lr),
                           ("optimizer", c.optimizer), ("schedule", c.schedule),
                           ("augment", c.augment), ("seed", c.seed),
                           ("image_size", self.image_size_spin.value()),
                           ("processes", self.processes_spin.value())):  # fmt: skip
            self.settings.set(f"run/{key}", value)

    # -- browsing ---------------------------------------------------------------------------
    def browse_model_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Load a model from a Python file", "",
                                              "Python files (*.py)")
        if not path:
            return
        names = module_classes(Path(path)) or ["Net"]
        name, ok = QInputDialog.getItem(self, "Model class",
                                        f"Which class or factory in {Path(path).name}?",
                                        names, 0, True)  # fmt: skip
        if ok and name:
            self.model_file_chosen.emit(f"{path}:{name}")  # chosen here: trusted as it is now
            self.model_combo.select(f"{path}:{name}")

    def browse_image_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(
            self, "Image folder: train/<class>/ and test/<class>/, or one folder per class"
        )
        if path:
            self.dataset_combo.select(f"{FOLDER_PREFIX}{path}")
