"""The neuron demo: inputs, weights and a bias to change, the inner product written out, then
the activation (the tutorial's sigmoid, ReLU or tanh) drawn as a curve with the neuron's
operating point on it.

The numbers come from core.analysis.neurons; this module lays them out.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from cnnviz.core.analysis.neurons import ACTIVATIONS, Neuron, activate
from cnnviz.ui.widgets.controls import number_spin
from cnnviz.ui.widgets.style import MARKER_SIZE, SERIES, TEXT, line_pen, pixels, style_plot

#: the neuron the demo starts with: three inputs, as in the tutorial's figure
START = Neuron(inputs=(1.0, 0.5, -1.0), weights=(0.8, -0.4, 0.3), bias=0.1)
#: the curve is drawn at least over this range of z, wider when z goes past it
Z_RANGE = 6.0
POINT_BRUSH = pg.mkBrush(SERIES[1])

INTRODUCTION = (
    "A neuron multiplies each input by its weight, adds the products and its bias (the inner "
    "product w·x + b), and passes the sum z through an activation function f. The tutorial "
    "uses the sigmoid, which squashes z into 0 to 1 (a firing rate); ReLU keeps z when it is "
    "positive and gives 0 otherwise; tanh squashes into -1 to 1. Change the numbers and watch "
    "the operating point move along the curve.")  # fmt: skip


class NeuronDemo(QWidget):
    """Spin boxes for a Neuron, its sum and output as text, and its activation's curve."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("neuronDemo")
        grid = QGridLayout()
        self.input_spins, self.weight_spins = [], []
        for i, (x, w) in enumerate(zip(START.inputs, START.weights, strict=True)):
            self.input_spins.append(number_spin(f"neuronInput{i}", x, f"input x{i}"))
            self.weight_spins.append(number_spin(f"neuronWeight{i}", w,
                                                 f"the weight w{i} of input x{i}"))
            grid.addWidget(QLabel(f"x{i}"), 0, 2 * i)
            grid.addWidget(self.input_spins[-1], 0, 2 * i + 1)
            grid.addWidget(QLabel(f"w{i}"), 1, 2 * i)
            grid.addWidget(self.weight_spins[-1], 1, 2 * i + 1)
        self.bias_spin = number_spin("neuronBias", START.bias, "the bias b")
        grid.addWidget(QLabel("b"), 1, 6)
        grid.addWidget(self.bias_spin, 1, 7)
        self.activation_combo = QComboBox(objectName="neuronActivationCombo")
        self.activation_combo.addItems(list(ACTIVATIONS))
        self.activation_combo.setToolTip("The activation function f")
        grid.addWidget(QLabel("f"), 0, 6)
        grid.addWidget(self.activation_combo, 0, 7)
        row = QHBoxLayout()
        row.addLayout(grid)
        row.addStretch(1)
        introduction = QLabel(INTRODUCTION)
        introduction.setWordWrap(True)
        self.sum_label = QLabel(objectName="neuronSum")
        self.sum_label.setTextFormat(Qt.TextFormat.RichText)
        self.sum_label.setWordWrap(True)
        self.sum_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.plot = pg.PlotWidget(objectName="neuronPlot")
        self.plot.setLabel("bottom", "z = w·x + b")
        self.plot.setLabel("left", "f(z)")
        self.plot.showGrid(x=True, y=True, alpha=0.3)
        self.plot.setMouseEnabled(False, False)
        self.plot.setMenuEnabled(False)
        self.curve = self.plot.plot(pen=line_pen(SERIES[0]))
        self.point = pg.ScatterPlotItem(size=pixels(MARKER_SIZE), brush=POINT_BRUSH,
                                        pen=pg.mkPen(TEXT))  # fmt: skip
        self.plot.addItem(self.point)
        style_plot(self.plot)
        layout = QVBoxLayout(self)
        layout.addWidget(introduction)
        layout.addLayout(row)
        layout.addWidget(self.sum_label)
        layout.addWidget(self.plot, 1)
        for spin in (*self.input_spins, *self.weight_spins, self.bias_spin):
            spin.valueChanged.connect(lambda _: self.update_neuron())
        self.activation_combo.currentIndexChanged.connect(lambda _: self.update_neuron())
        self.update_neuron()

    def neuron(self) -> Neuron:
        return Neuron(tuple(s.value() for s in self.input_spins),
                      tuple(s.value() for s in self.weight_spins), self.bias_spin.value(),
                      self.activation_combo.currentText())  # fmt: skip

    def update_neuron(self) -> None:
        """The sum, the output, the curve and the operating point for the current numbers."""
        neuron = self.neuron()
        z, name = neuron.pre_activation, neuron.activation
        self.sum_label.setText(f"{neuron.sum_text()}<br>output f(z) = {name}({z:.4g}) = "
                               f"<b>{neuron.output:.4g}</b>")  # fmt: skip
        reach = max(Z_RANGE, abs(z) + 1)
        zs = np.linspace(-reach, reach, 401)
        self.curve.setData(zs, activate(name, zs))
        self.point.setData([z], [neuron.output])
