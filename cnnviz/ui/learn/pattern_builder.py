"""Build the tutorial's pattern, INPUT -> [[CONV -> RELU] * N -> POOL?] * M -> [FC -> RELU] * K
-> FC, with spin boxes and the tutorial's advice on choosing them: its layers, shapes and
parameters are listed as they change, a configuration that would shrink the image below a
pixel is flagged before anything trains, and "Use this model" hands its ``pattern:`` spec to
the run panel."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cnnviz.core.data.datasets import DATASETS
from cnnviz.core.errors import ModelLoadError
from cnnviz.core.models.pattern import LIMITS, POOLS, Pattern, plan
from cnnviz.core.models.shape import InputShape
from cnnviz.ui.learn.layer_table import LAYER, OUTPUT, layer_table
from cnnviz.ui.learn.notes import NotesPane, beside_notes, notes_label
from cnnviz.ui.shell.i18n import translate_error
from cnnviz.ui.widgets.controls import fill_table, labelled_spin

#: the input the layers are shown for while the run panel's data set has no fixed shape
FALLBACK_INPUT = InputShape(3, 32, 32, 10)
#: (key, label, tooltip) of the spin boxes, in the order of the spec
SPINS = (
    ("n", QT_TRANSLATE_NOOP("PatternBuilder", "N convs a block"),
     QT_TRANSLATE_NOOP("PatternBuilder", "[CONV -> RELU] * N: convolutions (each with a ReLU) "
                       "per block")),
    ("m", QT_TRANSLATE_NOOP("PatternBuilder", "M blocks"),
     QT_TRANSLATE_NOOP("PatternBuilder", "Blocks of N convs and a pool; the channels double "
                       "from one to the next")),
    ("k", QT_TRANSLATE_NOOP("PatternBuilder", "K hidden FC"),
     QT_TRANSLATE_NOOP("PatternBuilder", "[FC -> RELU] * K: hidden fully connected layers "
                       "before the last FC")),
    ("width", QT_TRANSLATE_NOOP("PatternBuilder", "Channels"),
     QT_TRANSLATE_NOOP("PatternBuilder", "Channels of the first block's convs")),
    ("kernel", QT_TRANSLATE_NOOP("PatternBuilder", "Kernel"),
     QT_TRANSLATE_NOOP("PatternBuilder", "Conv kernel size F (padding F//2)")),
    ("fc", QT_TRANSLATE_NOOP("PatternBuilder", "FC units"),
     QT_TRANSLATE_NOOP("PatternBuilder", "Units of each hidden FC layer")),
)
#: the pool menu's items, by the spec's value (its data)
POOL_NAMES = {
    "max": QT_TRANSLATE_NOOP("PatternBuilder", "max"),
    "avg": QT_TRANSLATE_NOOP("PatternBuilder", "average"),
    "none": QT_TRANSLATE_NOOP("PatternBuilder", "none"),
}
COLUMNS = (LAYER, QT_TRANSLATE_NOOP("PatternBuilder", "Type"), OUTPUT,
           QT_TRANSLATE_NOOP("PatternBuilder", "Params"))  # fmt: skip


class PatternBuilder(QWidget):
    """Spin boxes for a Pattern, its planned layers, and "Use this model"."""

    #: the ``pattern:`` spec to select for training
    use_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("patternBuilder")
        self.shape = InputShape(1, 28, 28, 10)
        self.dataset = "mnist"
        self.stand_in = ""  # what of the data set is not known until it is read
        defaults = Pattern(2, 2, 1)
        self.spins: dict[str, QSpinBox] = {}
        grid = QGridLayout()
        translate = QCoreApplication.translate
        for index, (key, label, tooltip) in enumerate(SPINS):
            caption, spin = labelled_spin(f"pattern{key.capitalize()}Spin",
                                          translate("PatternBuilder", label),
                                          translate("PatternBuilder", tooltip),
                                          *LIMITS[key], getattr(defaults, key))  # fmt: skip
            grid.addWidget(caption, index // 3, 2 * (index % 3))
            grid.addWidget(spin, index // 3, 2 * (index % 3) + 1)
            spin.valueChanged.connect(lambda _: self.update_plan())
            self.spins[key] = spin
        self.pool_combo = QComboBox(objectName="patternPoolCombo")
        for pool in POOLS:
            self.pool_combo.addItem(translate("PatternBuilder", POOL_NAMES[pool]), pool)
        self.pool_combo.setToolTip(self.tr("Max or average 2x2 pooling, or none: the last conv "
                                           "of each block takes stride 2 instead (the "
                                           "All-Convolutional Net)"))  # fmt: skip
        grid.addWidget(QLabel(self.tr("Pool")), 2, 0)
        grid.addWidget(self.pool_combo, 2, 1)
        self.pool_combo.currentIndexChanged.connect(lambda _: self.update_plan())
        grid.setColumnStretch(6, 1)
        self.spec_label = QLabel(objectName="patternSpecLabel")
        self.spec_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem_label = QLabel(objectName="patternProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #b00000")
        self.use_button = QPushButton(self.tr("Use this model"), objectName="patternUseButton")
        self.use_button.setToolTip(self.tr("Select this model in the run panel; Train trains it"))
        self.table = layer_table("patternLayers", "PatternBuilder", COLUMNS)
        self.total_label = QLabel(objectName="patternTotal")
        self.total_label.setWordWrap(True)
        demo = QVBoxLayout()
        demo.addLayout(grid)
        demo.addWidget(self.spec_label)
        demo.addWidget(self.problem_label)
        use_row = QHBoxLayout()
        use_row.addWidget(self.use_button)
        use_row.addStretch(1)
        demo.addLayout(use_row)
        demo.addWidget(self.table, 1)
        demo.addWidget(self.total_label)
        self.notes = NotesPane("patternNotes", [notes_label("patternNotesText", self.tr(
            "<p><b>The usual pattern</b></p>"
            "<p>INPUT → [[CONV → RELU] × N → POOL?] × M → [FC → RELU] × K → FC</p>"
            "<p>Read it from the inside out: N convolutional layers, each followed by a ReLU, "
            "then an optional pooling layer (the ? says it may be left out). That block "
            "repeats M times. Then come K fully connected layers, each with a ReLU, and a "
            "last fully connected layer that gives the class scores.</p>"
            "<p>Some nets it describes: INPUT → FC is a linear classifier (N = M = K = 0); "
            "INPUT → [CONV → RELU → POOL] × 2 → FC → RELU → FC has one conv a block; "
            "INPUT → [CONV → RELU → CONV → RELU → POOL] × 3 → [FC → RELU] × 2 → FC has two, "
            "which suits larger, deeper networks.</p>"
            "<p>Why stack small convs before a pool? Three 3×3 convs in a row see a 7×7 "
            "patch of the input, like one 7×7 conv, but with three ReLUs in between and "
            "27C² weights instead of 49C² (C channels in and out).</p>")),
            notes_label("patternAdvice", self.tr(
                "The tutorial's advice: usually 0 ≤ N ≤ 3, M ≥ 0 and 0 ≤ K < 3. "
                "Zero padding P = (F − 1)/2 keeps the size (this builder pads F//2, the same "
                "for odd F); a stride of 2 is common, 3 rare. POOL? may differ from block to "
                "block (here one choice holds for all). Pool none gives each block's last conv "
                "stride 2 instead: the All-Convolutional Net (Springenberg et al.), which has "
                "no pooling layers at all."), rich=False)])
        beside_notes(self, demo, self.notes)
        self.use_button.clicked.connect(lambda: self.use_requested.emit(self.pattern().spec))
        self.update_plan()

    def pattern(self) -> Pattern:
        values = {key: spin.value() for key, spin in self.spins.items()}
        return Pattern(**values, pool=self.pool_combo.currentData())

    def set_dataset(self, name: str) -> None:
        """Show the layers for the run panel's data set. What is only known once its files
        are read (an image folder's shape, CIFAR-100's class count) is stood in for by
        FALLBACK_INPUT's, and the text says so."""
        entry = DATASETS.get(name)
        info = entry.info if entry is not None else None
        if info is None:
            self.dataset, self.shape = self.tr("an image folder"), FALLBACK_INPUT
            self.stand_in = self.tr("its size and classes are read with it, these stand in")
        else:
            known = info.num_classes > 0
            self.dataset = name
            self.stand_in = "" if known else self.tr("its classes are read with it, these "
                                                     "stand in")  # fmt: skip
            self.shape = InputShape(info.channels, info.height, info.width,
                                    info.num_classes if known else FALLBACK_INPUT.num_classes)
        self.update_plan()

    def update_plan(self) -> None:
        """List the layers of the configuration, or say why it cannot be built."""
        shape = self.shape
        try:
            pattern = self.pattern()
            layers = plan(pattern, shape)
        except ModelLoadError as exc:
            self.problem_label.setText(self.tr("Cannot be built: {reason}").format(
                reason=translate_error(exc)))
            self.problem_label.show()
            self.use_button.setEnabled(False)
            self.table.setRowCount(0)
            self.total_label.setText("")
            self.spec_label.setText("")
            return
        self.problem_label.hide()
        self.use_button.setEnabled(True)
        self.spec_label.setText(self.tr("Model spec: {spec}").format(spec=pattern.spec))
        fill_table(self.table, [[layer.name, layer.kind, "x".join(map(str, layer.output_shape)),
                                 f"{layer.parameters:,}"] for layer in layers])  # fmt: skip
        total = sum(layer.parameters for layer in layers)
        inputs = self.tr("{channels}x{height}x{width} (CxHxW) inputs, {classes} classes").format(
            channels=shape.channels, height=shape.height, width=shape.width,
            classes=shape.num_classes)
        if self.stand_in:
            inputs = self.tr("{inputs}; {stand_in}").format(inputs=inputs,
                                                            stand_in=self.stand_in)
        self.total_label.setText(self.tr(
            "{total} parameters for {dataset} ({inputs}). Train it, change N, M or K, train "
            "again, and compare the runs.").format(total=f"{total:,}", dataset=self.dataset,
                                                   inputs=inputs))
