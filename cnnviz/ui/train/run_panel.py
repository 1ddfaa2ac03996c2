"""The side panel: what to train, on what, for how long, and the Train / Pause / Stop buttons."""

from __future__ import annotations

import ast
from collections.abc import Callable
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

from cnnviz.core.data.datasets import DATASETS
from cnnviz.core.data.types import DatasetSpec
from cnnviz.core.models.registry import MODELS
from cnnviz.core.models.spec import ModelSpec
from cnnviz.core.training.config import SETTINGS, TrainConfig
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


class ChoiceCombo(QComboBox):
    """A combo whose items carry a value (the registry name or spec) besides their label, and
    whose last item can ask the user for a new value (a file or a folder). A value added
    without a label is labelled ``name_of(value)`` (a spec's display name)."""

    browse_requested = Signal()

    def __init__(self, object_name: str, browse_label: str | None = None,
                 name_of: Callable[[str], str] = str) -> None:  # fmt: skip
        super().__init__()
        self.setObjectName(object_name)
        self.browse_label = browse_label
        self.name_of = name_of
        self._previous = 0
        if browse_label:
            self.addItem(browse_label, None)
        self.activated.connect(self._on_activated)

    def add_choice(self, value: str, label: str | None = None, tooltip: str = "") -> int:
        index = self.findData(value)
        if index < 0:
            index = self.count() - 1 if self.browse_label else self.count()
            self.insertItem(index, label or self.name_of(value), value)
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


def setting_spin(name: str, object_name: str, tooltip: str | None = None,
                 **presentation: object) -> QSpinBox | QDoubleSpinBox:  # fmt: skip
    """A spin box for a TrainConfig setting, with its range (``span``), default and help from
    the setting; a default of None shows as the lowest value (the special value text)."""
    setting, default = SETTINGS[name], getattr(TrainConfig(), name)
    assert setting.span is not None, f"{name} has no range for the form"
    low, high = setting.span
    kind = QDoubleSpinBox if isinstance(low, float) else QSpinBox
    box = kind(objectName=object_name, **presentation)  # decimals before the range
    box.setRange(low, high)
    box.setValue(low if default is None else default)
    box.setToolTip(tooltip or setting.described(default))
    return box


def setting_combo(name: str, object_name: str) -> ChoiceCombo:
    """A combo of a TrainConfig setting's choices, each with what it does."""
    setting, default = SETTINGS[name], getattr(TrainConfig(), name)
    assert setting.choices is not None, f"{name} has no choices"
    combo = ChoiceCombo(object_name)
    for value, text in setting.choices.items():
        combo.add_choice(value, value, text)
    combo.select(default)
    combo.setToolTip(setting.described(default))
    return combo


class RunPanel(QWidget):
    """Widgets for a TrainConfig, plus the run buttons and the progress bar."""

    #: a model file the user picked in the file dialog (a spec ``path.py:Name``)
    model_file_chosen = Signal(str)

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.model_combo = ChoiceCombo("modelCombo", LOAD_MODEL_ITEM,
                                       lambda spec: ModelSpec.parse(spec).display_name)
        for entry in MODELS.values():
            self.model_combo.add_choice(entry.name, entry.name, entry.description)
        self.dataset_combo = ChoiceCombo("datasetCombo", IMAGE_FOLDER_ITEM,
                                         lambda spec: DatasetSpec.parse(spec).display_name)
        for entry in DATASETS.values():
            self.dataset_combo.add_choice(entry.info.name, entry.info.name, entry.info.description)
        self.device_combo = ChoiceCombo("deviceCombo")
        devices = available_devices()
        self.device_combo.add_choice("auto", f"auto ({devices[0]})",
                                     "the best device here: CUDA, then Apple MPS, else the CPU")
        for name in devices:
            self.device_combo.add_choice(name, describe_device(name))

        self.epochs_spin = setting_spin("epochs", "epochsSpin",
                                        tooltip="epochs to train (continuing a run: epochs more)")
        self.batch_size_spin = setting_spin("batch_size", "batchSizeSpin", singleStep=10)
        self.learning_rate_spin = setting_spin("lr", "learningRateSpin", decimals=6,
                                               singleStep=1e-4)
        self.optimizer_combo = setting_combo("optimizer", "optimizerCombo")
        self.schedule_combo = setting_combo("schedule", "scheduleCombo")
        self.augment_combo = setting_combo("augment", "augmentCombo")
        self.seed_spin = setting_spin("seed", "seedSpin")
        self.image_size_spin = setting_spin("image_size", "imageSizeSpin", singleStep=8,
                                            suffix=" px")
        self.image_size_spin.setSpecialValueText("auto")
        self.processes_spin = QSpinBox(objectName="processesSpin", minimum=1, maximum=64, value=1)
        self.processes_spin.setToolTip(
            "1: train in this window. More: launch torchrun with that many processes "
            "(DistributedDataParallel; the batch size stays the global batch) and follow it")
        self.copy_command_button = QPushButton("Copy command", objectName="copyCommandButton")
        self.copy_command_button.setToolTip(
            "Copy the torchrun command for these settings, to run them on other machines")
        #: the widget of each TrainConfig setting the form shows
        self.fields: dict[str, ChoiceCombo | QSpinBox | QDoubleSpinBox] = {
            "model": self.model_combo, "dataset": self.dataset_combo,
            "device": self.device_combo, "epochs": self.epochs_spin,
            "batch_size": self.batch_size_spin, "lr": self.learning_rate_spin,
            "optimizer": self.optimizer_combo, "schedule": self.schedule_combo,
            "augment": self.augment_combo, "seed": self.seed_spin,
            "image_size": self.image_size_spin,
        }  # fmt: skip

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
                                        and DatasetSpec.parse(self.dataset_combo.value() or "")
                                        .is_folder)

    # -- config -----------------------------------------------------------------------------
    def config(self) -> TrainConfig:
        values = {name: widget.value() for name, widget in self.fields.items()}
        folder = DatasetSpec.parse(values["dataset"]).is_folder
        values["image_size"] = (values["image_size"] or None) if folder else None
        return TrainConfig(**values, data_dir=self.settings.data_dir())

    def restore(self) -> None:
        """The settings last used, each (a device no longer here aside) where it was."""
        defaults = TrainConfig()
        for name, widget in self.fields.items():
            default = getattr(defaults, name)
            if isinstance(widget, ChoiceCombo):
                value = self.settings.value(f"run/{name}", default)
                if widget is self.device_combo and widget.findData(value) < 0:
                    value = default
                widget.select(value)
            else:
                kind = float if isinstance(widget, QDoubleSpinBox) else int
                widget.setValue(self.settings.value(f"run/{name}", default or 0, kind))
        self.processes_spin.setValue(self.settings.value("run/processes", 1, int))

    def save(self) -> None:
        for name, widget in self.fields.items():
            self.settings.set(f"run/{name}", widget.value())
        self.settings.set("run/processes", self.processes_spin.value())

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
            self.dataset_combo.select(DatasetSpec.of_folder(path).text)
