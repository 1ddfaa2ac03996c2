"""Local connectivity and weight sharing: the tutorial's arithmetic with numbers to change,
why the two work on images, and the same three counts for every convolution of the current
model."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cnnviz.core.analysis.connectivity import layer_counts, tutorial_counts
from cnnviz.core.analysis.inspection import LayerInfo
from cnnviz.ui.learn.layer_table import LAYER, OUTPUT, layer_table
from cnnviz.ui.learn.notes import NotesPane, beside_notes, notes_label
from cnnviz.ui.widgets.controls import fill_table

COLUMNS = (LAYER, OUTPUT, QT_TRANSLATE_NOOP("SharingPanel", "Fully connected"),
           QT_TRANSLATE_NOOP("SharingPanel", "Locally connected"),
           QT_TRANSLATE_NOOP("SharingPanel", "Convolutional"),
           QT_TRANSLATE_NOOP("SharingPanel", "Sharing saves"))  # fmt: skip


class SharingPanel(QWidget):
    """Three parameter counts, in the tutorial's example and in the current model."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sharingPanel")
        self.layers: list[LayerInfo] | None = None
        self.image_spin = QSpinBox(objectName="sharingImageSpin", minimum=1, maximum=4000,
                                   value=1000, singleStep=100)  # fmt: skip
        self.image_spin.setSuffix(self.tr(" pixels a side"))
        self.image_spin.setToolTip(self.tr("The image's width and height"))
        self.field_spin = QSpinBox(objectName="sharingFieldSpin", minimum=1, maximum=100,
                                   value=10)  # fmt: skip
        self.field_spin.setSuffix(self.tr(" pixels a side"))
        self.field_spin.setToolTip(self.tr("The receptive field of each neuron: the patch it "
                                           "is connected to"))  # fmt: skip
        self.tutorial_label = QLabel(objectName="sharingTutorial")
        self.tutorial_label.setWordWrap(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("Image"), self.image_spin)
        form.addRow(self.tr("Each neuron sees"), self.field_spin)
        self.model_label = QLabel(objectName="sharingModelLabel")
        self.model_label.setWordWrap(True)
        self.table = layer_table("sharingTable", "SharingPanel", COLUMNS)
        demo = QVBoxLayout()
        demo.addLayout(form)
        demo.addWidget(self.tutorial_label)
        demo.addWidget(self.model_label)
        demo.addWidget(self.table, 1)
        self.notes = NotesPane("sharingNotes", [notes_label("sharingNotesText", self.tr(
            "<p><b>Why not fully connected?</b></p>"
            "<p>A 1000x1000 image is a million inputs. A hidden layer of a million neurons, "
            "each connected to every pixel, needs 10<sup>6</sup> × 10<sup>6</sup> = "
            "10<sup>12</sup> weights: no computer learns that.</p>"
            "<p><b>Local connectivity.</b> Let each neuron see only a 10x10 patch, its "
            "receptive field: 10<sup>6</sup> × 100 = 10<sup>8</sup> weights. Better, but still "
            "a hundred million.</p>"
            "<p><b>Weight sharing.</b> Now let every neuron use the same 100 weights: one "
            "filter, slid over the whole image. The layer has 100 weights, and a bias. With K "
            "filters, each making its own feature map, it has K times as many.</p>"
            "<p><b>A convolutional layer's parameters.</b> K filters of F×F×D weights and one "
            "bias each: K·(F·F·D + 1), whatever the size of the image. The tutorial's "
            "convolution demo: 2·(3·3·3 + 1) = 56.</p>")),
            notes_label("sharingWhy", self.tr(
                "<p><b>Why this works on images:</b> nearby pixels are strongly correlated (an "
                "edge, a corner or a texture lives in a small patch), so a neuron loses little "
                "by seeing only a patch: local connectivity. And a feature worth detecting in "
                "one place, a vertical edge say, is worth detecting anywhere in the image, so "
                "every position can use the same filter: weight sharing.</p>"))])
        beside_notes(self, demo, self.notes)
        self.image_spin.valueChanged.connect(lambda _: self._show_tutorial())
        self.field_spin.valueChanged.connect(lambda _: self._show_tutorial())
        self._show_tutorial()
        self.show_layers([])

    def _show_tutorial(self) -> None:
        side, field = self.image_spin.value(), self.field_spin.value()
        counts = tutorial_counts(side, field)
        neurons = side * side
        self.tutorial_label.setText(self.tr(
            "A {side}x{side} image and one hidden neuron per pixel: {neurons} neurons. "
            "<b>Fully connected</b>, each sees every pixel: {neurons} x {neurons} = "
            "{fully_connected} weights. <b>Locally connected</b>, each sees a {field}x{field} "
            "patch: {neurons} x {patch} = {locally_connected}. <b>Shared</b>, every neuron "
            "uses the same {patch} weights, one filter slid over the image: "
            "{convolutional}.").format(
            side=side, field=field, neurons=f"{neurons:,}", patch=f"{field * field:,}",
            fully_connected=f"{counts.fully_connected:,}",
            locally_connected=f"{counts.locally_connected:,}",
            convolutional=f"{counts.convolutional:,}"))

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
             f"{counts.locally_connected / counts.convolutional:,.0f}×"]
            for info, counts in rows])  # fmt: skip
        self.model_label.setText(
            self.tr("The current model's convolutions, counted the same three ways (with "
                    "biases). Locally connected is the convolution with its own copy of the "
                    "filters at every output position; sharing them saves that many times "
                    "over.") if rows else
            self.tr("The current model has no convolutions to count."))  # fmt: skip
