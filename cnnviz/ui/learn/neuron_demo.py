"""The neuron demo: inputs, weights and a bias to change, the inner product written out, then
the activation (the tutorial's sigmoid, ReLU or tanh) drawn as a curve with the neuron's
operating point on it.

The numbers come from core.analysis.neurons; this module lays them out.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from cnnviz.core.analysis.neurons import ACTIVATIONS, Neuron, activate
from cnnviz.ui.learn.notes import NotesPane, beside_notes, notes_label
from cnnviz.ui.widgets.controls import number_spin
from cnnviz.ui.widgets.style import MARKER_SIZE, SERIES, TEXT, line_pen, pixels, style_plot

#: the neuron the demo starts with: three inputs, as in the tutorial's figure
START = Neuron(inputs=(1.0, 0.5, -1.0), weights=(0.8, -0.4, 0.3), bias=0.1)
#: the curve is drawn at least over this range of z, wider when z goes past it
Z_RANGE = 6.0
POINT_BRUSH = pg.mkBrush(SERIES[1])
#: the activations' names as the menu shows them (the core's keys are their data)
ACTIVATION_NAMES = {
    "sigmoid": QT_TRANSLATE_NOOP("NeuronDemo", "sigmoid"),
    "ReLU": QT_TRANSLATE_NOOP("NeuronDemo", "ReLU"),
    "tanh": QT_TRANSLATE_NOOP("NeuronDemo", "tanh"),
}
class NeuronDemo(QWidget):
    """Spin boxes for a Neuron, its sum and output as text, and its activation's curve."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("neuronDemo")
        grid = QGridLayout()
        self.input_spins, self.weight_spins = [], []
        for i, (x, w) in enumerate(zip(START.inputs, START.weights, strict=True)):
            self.input_spins.append(number_spin(f"neuronInput{i}", x,
                                                self.tr("Input x{i}").format(i=i)))
            self.weight_spins.append(number_spin(
                f"neuronWeight{i}", w, self.tr("The weight w{i} of input x{i}").format(i=i)))
            grid.addWidget(QLabel(self.tr("input x{i}").format(i=i)), 0, 2 * i)
            grid.addWidget(self.input_spins[-1], 0, 2 * i + 1)
            grid.addWidget(QLabel(self.tr("weight w{i}").format(i=i)), 1, 2 * i)
            grid.addWidget(self.weight_spins[-1], 1, 2 * i + 1)
        self.bias_spin = number_spin("neuronBias", START.bias, self.tr("The bias b"))
        grid.addWidget(QLabel(self.tr("bias b")), 1, 6)
        grid.addWidget(self.bias_spin, 1, 7)
        self.activation_combo = QComboBox(objectName="neuronActivationCombo")
        for name in ACTIVATIONS:
            self.activation_combo.addItem(
                QCoreApplication.translate("NeuronDemo", ACTIVATION_NAMES[name]), name)
        self.activation_combo.setToolTip(self.tr("The activation function f"))
        grid.addWidget(QLabel(self.tr("activation f")), 0, 6)
        grid.addWidget(self.activation_combo, 0, 7)
        row = QHBoxLayout()
        row.addLayout(grid)
        row.addStretch(1)
        self.sum_label = QLabel(objectName="neuronSum")
        self.sum_label.setTextFormat(Qt.TextFormat.RichText)
        self.sum_label.setWordWrap(True)
        self.sum_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.plot = pg.PlotWidget(objectName="neuronPlot")
        self.plot.setLabel("bottom", self.tr("z = w·x + b, the weighted sum"))
        self.plot.setLabel("left", self.tr("f(z), the output"))
        self.plot.showGrid(x=True, y=True, alpha=0.3)
        self.plot.setMouseEnabled(False, False)
        self.plot.setMenuEnabled(False)
        self.curve = self.plot.plot(pen=line_pen(SERIES[0]))
        self.point = pg.ScatterPlotItem(size=pixels(MARKER_SIZE), brush=POINT_BRUSH,
                                        pen=pg.mkPen(TEXT))  # fmt: skip
        self.plot.addItem(self.point)
        style_plot(self.plot)
        demo = QVBoxLayout()
        demo.addLayout(row)
        demo.addWidget(self.sum_label)
        demo.addWidget(self.plot, 1)
        self.notes = NotesPane("neuronNotes", [notes_label("neuronNotesText", self.tr(
            "<p><b>One neuron</b></p>"
            "<p>A neuron does two things. First it weighs its evidence: each input "
            "x<sub>i</sub> times its weight w<sub>i</sub>, all added up, plus the bias b. "
            "That is the inner product z = w·x + b, a single number.</p>"
            "<p>Then it decides how strongly to respond: the activation function f turns z "
            "into the output f(z). The tutorial uses the <b>sigmoid</b>, 1/(1 + e<sup>−z</sup>), "
            "which squashes any z into 0 to 1, like a firing rate. <b>tanh</b> squashes "
            "into −1 to 1. <b>ReLU</b>, max(0, z), lets a positive z through and gives 0 "
            "otherwise; most CNNs use it today, since it is cheap and does not saturate.</p>"
            "<p>Try it: a large weight makes its input count more, a negative weight makes "
            "its input argue against firing, and the bias moves the point along the curve "
            "whatever the inputs are. Where the sigmoid is flat, a change of z hardly "
            "changes the output.</p>"))])
        beside_notes(self, demo, self.notes)
        for spin in (*self.input_spins, *self.weight_spins, self.bias_spin):
            spin.valueChanged.connect(lambda _: self.update_neuron())
        self.activation_combo.currentIndexChanged.connect(lambda _: self.update_neuron())
        self.update_neuron()

    def neuron(self) -> Neuron:
        return Neuron(tuple(s.value() for s in self.input_spins),
                      tuple(s.value() for s in self.weight_spins), self.bias_spin.value(),
                      self.activation_combo.currentData())  # fmt: skip

    def update_neuron(self) -> None:
        """The sum, the output, the curve and the operating point for the current numbers."""
        neuron = self.neuron()
        z, name = neuron.pre_activation, neuron.activation
        self.sum_label.setText(self.tr("{sum}<br>output f(z) = {f}({z}) = <b>{output}</b>").format(
            sum=neuron.sum_text(), f=self.activation_combo.currentText(), z=f"{z:.4g}",
            output=f"{neuron.output:.4g}"))
        reach = max(Z_RANGE, abs(z) + 1)
        zs = np.linspace(-reach, reach, 401)
        self.curve.setData(zs, activate(name, zs))
        self.point.setData([z], [neuron.output])
