"""Local connectivity and weight sharing: the tutorial's arithmetic with numbers to change,
why the two work on images, and the same three counts for every convolution of the current
model."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cnnviz.core.analysis.connectivity import layer_counts, tutorial_counts
from cnnviz.core.analysis.inspection import LayerInfo
from cnnviz.core.analysis.summary import OUTPUT
from cnnviz.ui.widgets.controls import fill_table, text_table
from cnnviz.ui.widgets.style import fit_columns_to_text

WHY = (
    "Why this works on images: nearby pixels are strongly correlated (an edge, a corner or a "
    "texture lives in a small patch), so a neuron loses little by seeing only a patch: local "
    "connectivity. And a feature worth detecting in one place, a vertical edge say, is worth "
    "detecting anywhere in the image, so every position can use the same filter: weight "
    "sharing.")  # fmt: skip
COLUMNS = ("Layer", OUTPUT, "Fully connected", "Locally connected", "Convolutional",
           "Sharing saves")  # fmt: skip


class SharingPanel(QWidget):
    """Three parameter counts, in the tutorial's example and in the current model."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sharingPanel")
        self.layers: list[LayerInfo] | None = None
        self.image_spin = QSpinBox(objectName="sharingImageSpin", minimum=1, maximum=4000,
                                   value=1000, singleStep=100)  # fmt: skip
        self.image_spin.setSuffix(" pixels a side")
        self.field_spin = QSpinBox(objectName="sharingFieldSpin", minimum=1, maximum=100,
                                   value=10)  # fmt: skip
        self.field_spin.setSuffix(" pixels a side")
        self.tutorial_label = QLabel(objectName="sharingTutorial")
        self.tutorial_label.setWordWrap(True)
        why = QLabel(WHY, objectName="sharingWhy")
        why.setWordWrap(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow("Image", self.image_spin)
        form.addRow("Each neuron sees", self.field_spin)
        self.model_label = QLabel(objectName="sharingModelLabel")
        self.model_label.setWordWrap(True)
        self.table = text_table("sharingTable", COLUMNS)
        fit_columns_to_text(self.table)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.tutorial_label)
        layout.addWidget(why)
        layout.addWidget(self.model_label)
        layout.addWidget(self.table, 1)
        self.image_spin.valueChanged.connect(lambda _: self._show_tutorial())
        self.field_spin.valueChanged.connect(lambda _: self._show_tutorial())
        self._show_tutorial()
        self.show_layers([])

    def _show_tutorial(self) -> None:
        side, field = self.image_spin.value(), self.field_spin.value()
        counts = tutorial_counts(side, field)
        neurons = side * side
        self.tutorial_label.setText(
            f"A {side}x{side} image and one hidden neuron per pixel: {neurons:,} neurons. "
            f"<b>Fully connected</b>, each sees every pixel: {neurons:,} x {neurons:,} = "
            f"{counts.fully_connected:,} weights. <b>Locally connected</b>, each sees a "
            f"{field}x{field} patch: {neurons:,} x {field * field:,} = "
            f"{counts.locally_connected:,}. <b>Shared</b>, every neuron uses the same "
            f"{field * field:,} weights, one filter slid over the image: "
            f"{counts.convolutional:,}.")

    def show_layers(self, layers: list[LayerInfo]) -> None:
        """The current model's layers; its convolutions fill the table."""
        if layers is self.layers:
            return
        self.layers = layers
        rows = [(info, counts) for info in layers
                if (counts := layer_counts(info)) is not None]  # fmt: skip
        fill_table(self.table, [
            [info.name, "x".join(map(str, info.output_shape)), f"{counts.fully_connected:,}",
             f"{counts.locally_connected:,}", f"{counts.convolutional:,}",
             f"{counts.locally_connected / counts.convolutional:,.0f}x"]
            for info, counts in rows])  # fmt: skip
        self.model_label.setText(
            "The current model's convolutions, counted the same three ways (with biases). "
            "Locally connected is the convolution with its own copy of the filters at every "
            "output position; sharing them saves that many times over." if rows else
            "The current model has no convolutions to count.")  # fmt: skip
