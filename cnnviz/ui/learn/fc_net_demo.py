"""The fully connected net demo: the tutorial's 3-4-2 and 3-4-4-1 nets drawn as units and
connections, a forward pass on inputs to change, how the layers are counted, and the step to
images: a fully connected layer on a 1000x1000 image would need 10^12 weights, which is where
the weight-sharing page takes over.

The numbers come from core.analysis.neurons (and the 10^12 from core.analysis.connectivity);
this module lays them out and asks for the weight-sharing page (``sharing_requested``).
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from cnnviz.core.analysis.connectivity import tutorial_counts
from cnnviz.core.analysis.neurons import FC_NETS, FcNet
from cnnviz.ui.widgets.controls import number_spin
from cnnviz.ui.widgets.style import follow_scale, pixels

POSITIVE = QColor(200, 60, 40)
NEGATIVE = QColor(40, 80, 200)
UNIT = QColor(255, 250, 225)
START_INPUTS = (1.0, 0.5, -1.0)
#: the tutorial's example of an image too large for fully connected layers, pixels a side
IMAGE_SIDE = 1000


def layer_names(layers: int) -> list[str]:
    """What each column is called, the input first: it is drawn, but not counted."""
    hidden = [f"hidden layer {i}" for i in range(1, layers)]
    return ["input layer (not counted)", *hidden, "output layer"]


class FcNetCanvas(QWidget):
    """Paints an FcNet's units (with their values) and connections (red positive, blue
    negative, thicker for larger weights), units and lines as large as the display scale
    says, each layer's name under its column."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("fcNetCanvas")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(360, 200)
        self.net: FcNet | None = None
        self.values: list = []
        follow_scale(self, self.update)

    def show_net(self, net: FcNet, values: list) -> None:
        self.net, self.values = net, values
        self.update()

    def unit_rect(self, layer: int, unit: int) -> QRectF:
        """Where a unit's circle goes: layers left to right, units centred top to bottom."""
        sizes, band = self.net.sizes, self._names_band()
        radius = min(pixels(26.0), (self.height() - band) / (2.3 * max(sizes)),
                     self.width() / (4 * len(sizes)))  # fmt: skip
        x = self.width() * (layer + 0.5) / len(sizes)
        step = (self.height() - band) / max(sizes)
        y = (self.height() - band) / 2 + (unit - (sizes[layer] - 1) / 2) * step
        return QRectF(x - radius, y - radius, 2 * radius, 2 * radius)

    def _names_band(self) -> int:
        """The height under the units for the layers' names: two lines."""
        return 2 * self.fontMetrics().height() + 6

    def paintEvent(self, event) -> None:
        if self.net is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        for (layer, i), (after, j), weight in self.net.connections():
            colour = POSITIVE if weight >= 0 else NEGATIVE
            painter.setPen(QPen(colour, pixels(0.5 + 2.5 * abs(weight))))
            painter.drawLine(self.unit_rect(layer, i).center(), self.unit_rect(after, j).center())
        names = layer_names(self.net.layers)
        for layer, size in enumerate(self.net.sizes):
            for unit in range(size):
                rect = self.unit_rect(layer, unit)
                painter.setPen(QPen(Qt.GlobalColor.black, pixels(1.5)))
                painter.setBrush(UNIT)
                painter.drawEllipse(rect)
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter,
                                 f"{self.values[layer][unit]:.2f}")  # fmt: skip
            column, band = self.width() / len(self.net.sizes), self._names_band()
            painter.drawText(QRectF(layer * column, self.height() - band, column, band),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             names[layer])  # fmt: skip
        painter.end()


class FcNetDemo(QWidget):
    """A net to pick, its inputs, the drawing, the counts and the forward pass in words."""

    #: the user asked to go on to the weight-sharing page
    sharing_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fcNetDemo")
        self.seed = 0
        self.net_combo = QComboBox(objectName="fcNetCombo")
        self.net_combo.addItems(list(FC_NETS))
        self.net_combo.setToolTip("The tutorial's two nets: units per layer, the input first")
        self.input_spins = [number_spin(f"fcNetInput{i}", x, f"input x{i}")
                            for i, x in enumerate(START_INPUTS)]  # fmt: skip
        self.weights_button = QPushButton("New weights", objectName="fcNetWeightsButton")
        controls = QHBoxLayout()
        controls.addWidget(QLabel("Net"))
        controls.addWidget(self.net_combo)
        for i, spin in enumerate(self.input_spins):
            controls.addWidget(QLabel(f"x{i}"))
            controls.addWidget(spin)
        controls.addWidget(self.weights_button)
        controls.addStretch(1)
        self.canvas = FcNetCanvas()
        self.summary_label = QLabel(objectName="fcNetSummary")
        self.summary_label.setWordWrap(True)
        self.forward_label = QLabel(objectName="fcNetForward")
        self.forward_label.setWordWrap(True)
        self.forward_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        side, pixels = IMAGE_SIDE, IMAGE_SIDE * IMAGE_SIDE
        weights = tutorial_counts(IMAGE_SIDE, 1).fully_connected
        scale = QLabel(
            f"Now take an image. A {side}x{side} image is {pixels:,} inputs; a hidden layer of "
            f"{pixels:,} units, each connected to every pixel, needs {pixels:,} x {pixels:,} = "
            f"{weights:,} (10^12) weights, far too many to learn. Convolutions avoid that: each "
            f"unit sees a small patch, and all units share the same weights.")  # fmt: skip
        scale.setObjectName("fcNetScale")
        scale.setWordWrap(True)
        self.sharing_button = QPushButton("Local connectivity and weight sharing →",
                                          objectName="fcNetSharingButton")  # fmt: skip
        lead = QHBoxLayout()
        lead.addWidget(scale, 1)
        lead.addWidget(self.sharing_button)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.forward_label)
        layout.addLayout(lead)
        self.net_combo.currentIndexChanged.connect(lambda _: self.rebuild())
        for spin in self.input_spins:
            spin.valueChanged.connect(lambda _: self.run_forward())
        self.weights_button.clicked.connect(self.new_weights)
        self.sharing_button.clicked.connect(self.sharing_requested)
        self.net: FcNet | None = None
        self.rebuild()

    def rebuild(self) -> None:
        """The chosen net with weights from the current seed, counted and run."""
        net = FcNet.random(FC_NETS[self.net_combo.currentText()], self.seed)
        self.net = net
        hidden = " and ".join(str(size) for size in net.sizes[1:-1])
        weights = " + ".join(f"{a}x{b}" for a, b in itertools.pairwise(net.sizes))
        self.summary_label.setText(
            f"A {net.layers}-layer neural network: {net.layers - 1} hidden "
            f"layer{'s' if net.layers > 2 else ''} of {hidden} units and an output layer of "
            f"{net.sizes[-1]}; the input layer is not counted. {net.neurons} neurons, "
            f"{weights} = {net.weight_count} weights and {net.neurons} biases: "
            f"{net.parameters} learnable parameters. Every unit is connected to every unit of "
            f"the next layer (fully connected); units in the same layer are not connected to "
            f"each other. Red lines are positive weights, blue negative, thicker for larger.")
        self.run_forward()

    def new_weights(self) -> None:
        self.seed += 1
        self.rebuild()

    def inputs(self) -> list[float]:
        return [spin.value() for spin in self.input_spins]

    def run_forward(self) -> None:
        """The forward pass on the inputs: every unit's value drawn, each layer in words."""
        values = self.net.forward(self.inputs())
        self.canvas.show_net(self.net, values)
        lines = []
        for layer in range(1, len(values)):
            numbers = ", ".join(f"{v:.3f}" for v in values[layer])
            formula = (f"W{layer}·h + b{layer}, no activation (scores)"
                       if layer == self.net.layers else
                       f"sigmoid(W{layer}·{'x' if layer == 1 else 'h'} + b{layer})")  # fmt: skip
            lines.append(f"{layer_names(self.net.layers)[layer]}: {formula} = [{numbers}]")
        self.forward_label.setText("Forward pass: " + "; ".join(lines) + ".")
