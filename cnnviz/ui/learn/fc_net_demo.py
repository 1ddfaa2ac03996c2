"""The fully connected net demo: the tutorial's 3-4-2 and 3-4-4-1 nets drawn as units and
connections, a forward pass on inputs to change, how the layers are counted, and the step to
images: a fully connected layer on a 1000x1000 image would need 10^12 weights, which is where
the weight-sharing page takes over.

The numbers come from core.analysis.neurons (and the 10^12 from core.analysis.connectivity);
this module lays them out and asks for the weight-sharing page (``sharing_requested``).
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QCoreApplication, QRectF, Qt, Signal
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
from cnnviz.ui.learn.notes import NotesPane, beside_notes, notes_label
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
    translate = QCoreApplication.translate
    hidden = [translate("FcNetDemo", "hidden layer {index}").format(index=i)
              for i in range(1, layers)]  # fmt: skip
    return [translate("FcNetDemo", "input layer (not counted)"), *hidden,
            translate("FcNetDemo", "output layer")]


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
        self.net_combo.setToolTip(self.tr("The tutorial's two nets: units per layer, the "
                                          "input first"))  # fmt: skip
        self.input_spins = [number_spin(f"fcNetInput{i}", x, self.tr("Input x{i}").format(i=i))
                            for i, x in enumerate(START_INPUTS)]  # fmt: skip
        self.weights_button = QPushButton(self.tr("New weights"), objectName="fcNetWeightsButton")
        self.weights_button.setToolTip(self.tr("Draw new random weights and biases"))
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Net")))
        controls.addWidget(self.net_combo)
        for i, spin in enumerate(self.input_spins):
            controls.addWidget(QLabel(self.tr("x{i}").format(i=i)))
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
        scale = notes_label("fcNetScale", self.tr(
            "<p><b>Now take an image.</b> A {side}x{side} image is {pixels} inputs. A hidden "
            "layer of {pixels} units, each connected to every pixel, needs {pixels} x {pixels} "
            "= {weights} (10<sup>12</sup>) weights: far too many to learn, or even to store. "
            "Convolutions avoid that: each unit sees a small patch, and all units share the "
            "same weights.</p>").format(side=side, pixels=f"{pixels:,}", weights=f"{weights:,}"))
        self.sharing_button = QPushButton(self.tr("Local connectivity and weight sharing →"),
                                          objectName="fcNetSharingButton")  # fmt: skip
        demo = QVBoxLayout()
        demo.addLayout(controls)
        demo.addWidget(self.canvas, 1)
        demo.addWidget(self.summary_label)
        demo.addWidget(self.forward_label)
        self.notes = NotesPane("fcNetNotes", [notes_label("fcNetNotesText", self.tr(
            "<p><b>Layers of neurons</b></p>"
            "<p>Neurons are arranged in layers, and the signal flows one way, from the "
            "inputs to the output. In a <b>fully connected</b> layer every unit takes every "
            "value of the layer before as an input. Units within one layer are not "
            "connected to each other.</p>"
            "<p><b>Counting layers.</b> The input layer only holds the data: it computes "
            "nothing and has no weights, so it is not counted. The 3-4-2 net is a 2-layer "
            "neural network (one hidden layer and the output layer); 3-4-4-1 is a 3-layer "
            "one.</p>"
            "<p><b>Counting parameters.</b> Every connection is a weight, and every unit of a "
            "counted layer has a bias: 3-4-2 has 3×4 + 4×2 = 20 weights and 4 + 2 = 6 biases, "
            "26 learnable parameters.</p>"
            "<p>The hidden units here use the sigmoid. The output layer has no activation: "
            "its values are scores, one per class.</p>")), scale, self.sharing_button])
        beside_notes(self, demo, self.notes)
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
        sizes = self.tr(", ").join(str(size) for size in net.sizes[1:])
        weights = " + ".join(f"{a}x{b}" for a, b in itertools.pairwise(net.sizes))
        self.summary_label.setText(self.tr(
            "A %n-layer neural network (units per layer: {sizes}, the last being the output "
            "layer); the input layer is not counted. {neurons} neurons, {weights} = {weight_count} "
            "weights and {neurons} biases: {parameters} learnable parameters. Red lines are "
            "positive weights, blue negative, thicker for larger.", "", net.layers).format(
            sizes=sizes, neurons=net.neurons, weights=weights, weight_count=net.weight_count,
            parameters=net.parameters))
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
        names = layer_names(self.net.layers)
        for layer in range(1, len(values)):
            numbers = ", ".join(f"{v:.3f}" for v in values[layer])
            if layer == self.net.layers:
                formula = self.tr("W{layer}·h + b{layer}, no activation (scores)")
            else:
                formula = "sigmoid(W{layer}·" + ("x" if layer == 1 else "h") + " + b{layer})"
            lines.append(self.tr("{name}: {formula} = [{values}]").format(
                name=names[layer], formula=formula.format(layer=layer), values=numbers))
        self.forward_label.setText(self.tr("Forward pass: {layers}.").format(
            layers=self.tr("; ").join(lines)))
