"""Build the tutorial's pattern, INPUT -> [[CONV -> RELU] * N -> POOL?] * M -> [FC -> RELU] * K
-> FC, with spin boxes and the tutorial's advice on choosing them: its layers, shapes and
parameters are listed as they change, a configuration that would shrink the image below a
pixel is flagged before anything trains, and "Use this model" hands its ``pattern:`` spec to
the run panel."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
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

from cnnviz.core.analysis.summary import OUTPUT
from cnnviz.core.data.datasets import DATASETS
from cnnviz.core.errors import ModelLoadError
from cnnviz.core.models.pattern import LIMITS, POOLS, Pattern, plan
from cnnviz.core.models.shape import InputShape
from cnnviz.ui.widgets.controls import fill_table, labelled_spin, text_table
from cnnviz.ui.widgets.style import fit_columns_to_text

ADVICE = (
    "The tutorial's advice: usually 0 ≤ N ≤ 3, M ≥ 0 and 0 ≤ K < 3. Zero padding P = (F − 1)/2 "
    "keeps the size (this builder pads F//2, the same for odd F); a stride of 2 is common, 3 "
    "rare. POOL? may differ from block to block (here one choice holds for all). Pool none "
    "gives each block's last conv stride 2 instead: the All-Convolutional Net (Springenberg "
    "et al.), which has no pooling layers at all.")  # fmt: skip
#: the input the layers are shown for while the run panel's data set has no fixed shape
FALLBACK_INPUT = InputShape(3, 32, 32, 10)
#: (key, label, tooltip) of the spin boxes, in the order of the spec
SPINS = (
    ("n", "N convs a block", "[CONV -> RELU] * N: convolutions (each with a ReLU) per block"),
    ("m", "M blocks", "blocks of N convs and a pool; the channels double from one to the next"),
    ("k", "K hidden FC", "[FC -> RELU] * K: hidden fully connected layers before the last FC"),
    ("width", "Channels", "channels of the first block's convs"),
    ("kernel", "Kernel", "conv kernel size F (padding F//2)"),
    ("fc", "FC units", "units of each hidden FC layer"),
)


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
        for index, (key, label, tooltip) in enumerate(SPINS):
            caption, spin = labelled_spin(f"pattern{key.capitalize()}Spin", label, tooltip,
                                          *LIMITS[key], getattr(defaults, key))  # fmt: skip
            grid.addWidget(caption, index // 3, 2 * (index % 3))
            grid.addWidget(spin, index // 3, 2 * (index % 3) + 1)
            spin.valueChanged.connect(lambda _: self.update_plan())
            self.spins[key] = spin
        self.pool_combo = QComboBox(objectName="patternPoolCombo")
        self.pool_combo.addItems(list(POOLS))
        self.pool_combo.setToolTip("max or average 2x2 pooling, or none: the last conv of "
                                   "each block takes stride 2 instead (the All-Convolutional "
                                   "Net)")  # fmt: skip
        grid.addWidget(QLabel("Pool"), 2, 0)
        grid.addWidget(self.pool_combo, 2, 1)
        self.pool_combo.currentIndexChanged.connect(lambda _: self.update_plan())
        grid.setColumnStretch(6, 1)
        self.spec_label = QLabel(objectName="patternSpecLabel")
        self.spec_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem_label = QLabel(objectName="patternProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #b00000")
        self.use_button = QPushButton("Use this model", objectName="patternUseButton")
        self.use_button.setToolTip("Select this model in the run panel; Train trains it")
        self.table = text_table("patternLayers", ["Layer", "Type", OUTPUT, "Params"])
        fit_columns_to_text(self.table)
        self.total_label = QLabel(objectName="patternTotal")
        self.total_label.setWordWrap(True)
        pattern = QLabel("INPUT → [[CONV → RELU] × N → POOL?] × M → [FC → RELU] × K → FC")
        pattern.setWordWrap(True)
        advice = QLabel(ADVICE, objectName="patternAdvice")
        advice.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(pattern)
        layout.addWidget(advice)
        layout.addLayout(grid)
        layout.addWidget(self.spec_label)
        layout.addWidget(self.problem_label)
        use_row = QHBoxLayout()
        use_row.addWidget(self.use_button)
        use_row.addStretch(1)
        layout.addLayout(use_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total_label)
        self.use_button.clicked.connect(lambda: self.use_requested.emit(self.pattern().spec))
        self.update_plan()

    def pattern(self) -> Pattern:
        values = {key: spin.value() for key, spin in self.spins.items()}
        return Pattern(**values, pool=self.pool_combo.currentText())

    def set_dataset(self, name: str) -> None:
        """Show the layers for the run panel's data set. What is only known once its files
        are read (an image folder's shape, CIFAR-100's class count) is stood in for by
        FALLBACK_INPUT's, and the text says so."""
        entry = DATASETS.get(name)
        info = entry.info if entry is not None else None
        if info is None:
            self.dataset, self.shape = "an image folder", FALLBACK_INPUT
            self.stand_in = "size and classes"
        else:
            known = info.num_classes > 0
            self.dataset, self.stand_in = name, "" if known else "classes"
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
            self.problem_label.setText(f"Cannot be built: {exc}")
            self.problem_label.show()
            self.use_button.setEnabled(False)
            self.table.setRowCount(0)
            self.total_label.setText("")
            self.spec_label.setText("")
            return
        self.problem_label.hide()
        self.use_button.setEnabled(True)
        self.spec_label.setText(f"Model spec: {pattern.spec}")
        fill_table(self.table, [[layer.name, layer.kind, "x".join(map(str, layer.output_shape)),
                                 f"{layer.parameters:,}"] for layer in layers])  # fmt: skip
        total = sum(layer.parameters for layer in layers)
        self.total_label.setText(
            f"{total:,} parameters for {self.dataset} ({shape.channels}x{shape.height}x"
            f"{shape.width} (CxHxW) inputs, {shape.num_classes} classes"
            f"{f'; its {self.stand_in} are read with it, these stand in' if self.stand_in else ''}"
            f"). Train it, change N, M or K, train again, and compare the runs.")
