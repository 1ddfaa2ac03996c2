"""The side panel: what to train, on what, for how long, and the Train / Pause / Stop buttons.

The settings' help comes from TrainConfig's settings (their texts are marked for translation
under "Setting" in the core); the choices' labels are the panel's own."""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from cnnviz.core.data.datasets import DATASETS
from cnnviz.core.data.types import IMAGE_SUFFIXES, DatasetSpec
from cnnviz.core.models.registry import MODELS
from cnnviz.core.models.spec import ModelSpec
from cnnviz.core.training.config import SETTINGS, TrainConfig
from cnnviz.core.training.devices import available_devices, describe_device
from cnnviz.session.run_controller import RunController
from cnnviz.session.run_lifecycle import Phase
from cnnviz.ui.shell.settings import AppSettings
from cnnviz.ui.train.run_progress import RunProgressBar

LOAD_MODEL_ITEM = QT_TRANSLATE_NOOP("RunPanel", "Load from file...")
IMAGE_FOLDER_ITEM = QT_TRANSLATE_NOOP("RunPanel", "Image folder...")
#: how the form names each choice of a setting (the value itself in English, as the command
#: line spells it)
CHOICE_LABELS = {
    "auto": QT_TRANSLATE_NOOP("RunPanel", "auto"),
    "none": QT_TRANSLATE_NOOP("RunPanel", "none"),
    "adam": QT_TRANSLATE_NOOP("RunPanel", "adam"),
    "adamw": QT_TRANSLATE_NOOP("RunPanel", "adamw"),
    "sgd": QT_TRANSLATE_NOOP("RunPanel", "sgd"),
    "step": QT_TRANSLATE_NOOP("RunPanel", "step"),
    "cosine": QT_TRANSLATE_NOOP("RunPanel", "cosine"),
    "onecycle": QT_TRANSLATE_NOOP("RunPanel", "onecycle"),
    "crop-flip": QT_TRANSLATE_NOOP("RunPanel", "crop-flip"),
    "affine": QT_TRANSLATE_NOOP("RunPanel", "affine"),
    "handwriting": QT_TRANSLATE_NOOP("RunPanel", "handwriting"),
}
#: what the image-folder dialog says about the folder it wants (core/data/image_folder.py)
IMAGE_FOLDER_HELP = QT_TRANSLATE_NOOP(
    "RunPanel",
    "Choose a folder with one sub-folder per class, named after the class, holding that "
    "class's images ({suffixes}). With train/ and test/ sub-folders that each hold the same "
    "class folders, those are the training and test sets; otherwise a tenth of the images, "
    "picked at random (always the same ones), is kept as the test set. Hidden files and "
    "folders are skipped.")


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
    without a label is labelled ``name_of(value)`` (a spec's display name).

    A label wider than the combo (``pattern:n=2,m=2,k=1``) is elided in the middle, never cut
    off, and the tool tip then names it whole; the list that drops down shows it whole."""

    browse_requested = Signal()

    def __init__(self, object_name: str, browse_label: str | None = None,
                 name_of: Callable[[str], str] = str) -> None:  # fmt: skip
        super().__init__()
        self.setObjectName(object_name)
        self.browse_label = browse_label
        self.name_of = name_of
        self._previous = 0
        #: the tool tip while the label fits
        self.help = ""
        # as wide as the form gives it, not as its longest item: elided instead
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        if browse_label:
            self.addItem(browse_label, None)
        self.activated.connect(self._on_activated)
        self.currentIndexChanged.connect(lambda _: self._update_tooltip())

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

    # -- a label too long for the combo -----------------------------------------------------
    def set_help(self, text: str) -> None:
        self.help = text
        self._update_tooltip()

    def _style_option(self) -> QStyleOptionComboBox:
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        return option

    def shown_text(self) -> str:
        """The current label as drawn: elided in the middle when it does not fit."""
        option = self._style_option()
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        return self.fontMetrics().elidedText(self.currentText(), Qt.TextElideMode.ElideMiddle,
                                             field.width())  # fmt: skip

    def _update_tooltip(self) -> None:
        elided = self.shown_text() != self.currentText()
        self.setToolTip(self.currentText() if elided else self.help)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = self._style_option()
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_tooltip()

    def showPopup(self) -> None:
        """The list as wide as its longest label."""
        self.view().setMinimumWidth(self.view().sizeHintForColumn(0)
                                    + self.view().verticalScrollBar().sizeHint().width())
        super().showPopup()


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
    box.setToolTip(tooltip or setting.described(default, QCoreApplication.translate))
    return box


def setting_combo(name: str, object_name: str) -> ChoiceCombo:
    """A combo of a TrainConfig setting's choices, each with what it does."""
    setting, default = SETTINGS[name], getattr(TrainConfig(), name)
    assert setting.choices is not None, f"{name} has no choices"
    combo = ChoiceCombo(object_name)
    for value, text in setting.choices.items():
        label = QCoreApplication.translate("RunPanel", CHOICE_LABELS.get(value, value))
        combo.add_choice(value, label, QCoreApplication.translate("Setting", text))
    combo.select(default)
    combo.set_help(setting.described(default, QCoreApplication.translate))
    return combo


def device_label(name: str) -> str:
    """A device as the form names it (core marks the names it writes under "Device")."""
    return QCoreApplication.translate("Device", describe_device(name))


class RunPanel(QWidget):
    """Widgets for a TrainConfig, plus the run buttons and the progress bar."""

    #: a model file the user picked in the file dialog (a spec ``path.py:Name``)
    model_file_chosen = Signal(str)

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.model_combo = ChoiceCombo("modelCombo", self.tr(LOAD_MODEL_ITEM),
                                       lambda spec: ModelSpec.parse(spec).display_name)
        for entry in MODELS.values():
            self.model_combo.add_choice(entry.name, entry.name, entry.description)
        self.dataset_combo = ChoiceCombo("datasetCombo", self.tr(IMAGE_FOLDER_ITEM),
                                         lambda spec: DatasetSpec.parse(spec).display_name)
        for entry in DATASETS.values():
            self.dataset_combo.add_choice(entry.info.name, entry.info.name, entry.info.description)
        self.device_combo = ChoiceCombo("deviceCombo")
        devices = available_devices()
        self.device_combo.add_choice(
            "auto", self.tr("auto ({device})").format(device=device_label(devices[0])),
            self.tr("the best device here: CUDA, then Apple MPS, else the CPU"))
        for name in devices:
            self.device_combo.add_choice(name, device_label(name))

        self.epochs_spin = setting_spin(
            "epochs", "epochsSpin",
            tooltip=self.tr("epochs to train (continuing a run: epochs more)"))
        self.batch_size_spin = setting_spin("batch_size", "batchSizeSpin", singleStep=10)
        self.learning_rate_spin = setting_spin("lr", "learningRateSpin", decimals=6,
                                               singleStep=1e-4)
        self.optimizer_combo = setting_combo("optimizer", "optimizerCombo")
        self.schedule_combo = setting_combo("schedule", "scheduleCombo")
        self.augment_combo = setting_combo("augment", "augmentCombo")
        self.seed_spin = setting_spin("seed", "seedSpin")
        self.image_size_spin = setting_spin("image_size", "imageSizeSpin", singleStep=8,
                                            suffix=" px")
        self.image_size_spin.setSpecialValueText(self.tr("auto"))
        self.processes_spin = QSpinBox(objectName="processesSpin", minimum=1, maximum=64, value=1)
        self.processes_spin.setToolTip(self.tr(
            "1: train in this window. More: launch torchrun with that many processes "
            "(DistributedDataParallel; the batch size stays the global batch) and follow it"))
        self.copy_command_button = QPushButton(self.tr("Copy command"),
                                               objectName="copyCommandButton")
        self.copy_command_button.setToolTip(self.tr(
            "Copy the torchrun command for these settings, to run them on other machines"))
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
        form.addRow(self.tr("&Model"), self.model_combo)
        form.addRow(self.tr("&Data set"), self.dataset_combo)
        form.addRow(self.tr("De&vice"), self.device_combo)
        form.addRow(self.tr("&Epochs"), self.epochs_spin)
        form.addRow(self.tr("&Batch size"), self.batch_size_spin)
        form.addRow(self.tr("&Learning rate"), self.learning_rate_spin)
        form.addRow(self.tr("&Optimiser"), self.optimizer_combo)
        form.addRow(self.tr("S&chedule"), self.schedule_combo)
        form.addRow(self.tr("&Augmentation"), self.augment_combo)
        form.addRow(self.tr("See&d"), self.seed_spin)
        form.addRow(self.tr("&Image size"), self.image_size_spin)
        form.addRow(self.tr("&Processes"), self.processes_spin)
        form.addRow("", self.copy_command_button)
        box = QGroupBox(self.tr("Run"))
        box.setLayout(form)

        self.train_button = QPushButton(self.tr("Train"), objectName="trainButton")
        self.pause_button = QPushButton(self.tr("Pause"), objectName="pauseButton")
        self.stop_button = QPushButton(self.tr("Stop"), objectName="stopButton")
        self.train_button.setToolTip(self.tr("Start training (Ctrl+R)"))
        self.pause_button.setToolTip(self.tr("Pause or resume at the next batch (Ctrl+P)"))
        self.stop_button.setToolTip(self.tr("Stop at the next batch and save a checkpoint "
                                            "(Ctrl+.)"))  # fmt: skip
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
        self.pause_button.setText(self.tr("Resume") if phase is Phase.PAUSED else self.tr("Pause"))
        self.stop_button.setEnabled(phase in (Phase.LOADING, Phase.TRAINING, Phase.PAUSED))
        # while the data set loads or downloads, stopping cancels it
        self.stop_button.setText(self.tr("Cancel") if phase is Phase.LOADING else self.tr("Stop"))
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
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load a model from a Python file"),
                                              "", self.tr("Python files (*.py)"))
        if not path:
            return
        names = module_classes(Path(path)) or ["Net"]
        name, ok = QInputDialog.getItem(
            self, self.tr("Model class"),
            self.tr("Which class or factory in {file}?").format(file=Path(path).name),
            names, 0, True)  # fmt: skip
        if ok and name:
            self.model_file_chosen.emit(f"{path}:{name}")  # chosen here: trusted as it is now
            self.model_combo.select(f"{path}:{name}")

    def browse_image_folder(self) -> QFileDialog:
        """Ask for an image folder, saying under the list what layout it must have. Qt's own
        dialog, not the system's: only it can say that."""
        dialog = QFileDialog(self, self.tr("Choose an image folder"))
        dialog.setObjectName("imageFolderDialog")
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOptions(QFileDialog.Option.ShowDirsOnly
                          | QFileDialog.Option.DontUseNativeDialog)  # fmt: skip
        layout = dialog.layout()
        assert isinstance(layout, QGridLayout), "Qt's file dialog lays out in a grid"
        help_label = QLabel(self.tr(IMAGE_FOLDER_HELP).format(
            suffixes=", ".join(IMAGE_SUFFIXES)), objectName="imageFolderHelp", wordWrap=True)
        layout.addWidget(help_label, layout.rowCount(), 0, 1, layout.columnCount())
        dialog.fileSelected.connect(
            lambda path: self.dataset_combo.select(DatasetSpec.of_folder(path).text))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
