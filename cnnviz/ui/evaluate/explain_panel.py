"""The Inspect tab's Explain page: an attribution map over the current input, by cnnviz's
Grad-CAM and saliency or Captum's integrated gradients, occlusion, guided Grad-CAM and
SmoothGrad.

Some methods take a tenth of a second or more on a larger model (occlusion runs the model
once per patch), so every map is made in the background on a copy of the model: a live
weight snapshot never changes the model under it, and the hooks Captum sets never touch the
model the other views run. A request made while one runs waits for it and then runs with
the latest input and settings; a result that a newer request made stale is dropped.

A colour bar beside the map says what its colours mean: each map is scaled to its own peak,
so the bar runs from 0 (no part in the class's score) to 1 (the map's strongest).
"""

from __future__ import annotations

import copy

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QSignalBlocker, Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QSlider, QWidget

from cnnviz.core.analysis.explain import (
    LAYER_METHODS,
    METHODS,
    Explanation,
    colorize,
    explain,
    overlay,
)
from cnnviz.core.analysis.inspection import ModelInspector
from cnnviz.session.generation import Generation
from cnnviz.ui.widgets.charts import image_view
from cnnviz.ui.widgets.grid_marks import colour_bar
from cnnviz.ui.workers.background import BackgroundCall, stop_call

#: each method's name in the menu and the summary, translated where shown (core's
#: METHOD_NAMES are the English ones, for the CLI and errors)
METHOD_LABELS = {
    "gradcam": QT_TRANSLATE_NOOP("ExplainPanel", "Grad-CAM"),
    "saliency": QT_TRANSLATE_NOOP("ExplainPanel", "gradient saliency"),
    "integrated-gradients": QT_TRANSLATE_NOOP("ExplainPanel", "integrated gradients"),
    "occlusion": QT_TRANSLATE_NOOP("ExplainPanel", "occlusion"),
    "guided-gradcam": QT_TRANSLATE_NOOP("ExplainPanel", "guided Grad-CAM"),
    "smoothgrad": QT_TRANSLATE_NOOP("ExplainPanel", "SmoothGrad"),
}
#: the colour bar's stops: the heatmap's own colours (core/analysis/explain.py's colorize)
_STOPS = np.linspace(0.0, 1.0, 256)


class ExplainPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("explainPanel")
        self.inspector: ModelInspector | None = None
        self.image: np.ndarray | None = None
        self.explanation: Explanation | None = None
        self.generation = Generation()
        self.task: BackgroundCall | None = None
        self._again = False  # a request came while a map was being made
        self.method_combo = QComboBox(objectName="explainMethod")
        for method in METHODS:
            self.method_combo.addItem(self.tr(METHOD_LABELS[method]), method)
        self.layer_combo = QComboBox(objectName="explainLayer")
        self.class_combo = QComboBox(objectName="explainClass")
        self.opacity_slider = QSlider(Qt.Orientation.Horizontal, objectName="explainOpacity")
        self.opacity_slider.setRange(0, 100)
        self.opacity_slider.setValue(55)
        self.summary = QLabel(objectName="explainSummary")
        self.summary.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Method"), self.method_combo)
        form.addRow(self.tr("Layer"), self.layer_combo)
        form.addRow(self.tr("Class"), self.class_combo)
        form.addRow(self.tr("Opacity"), self.opacity_slider)
        form.addRow(self.summary)
        controls = QWidget()
        controls.setLayout(form)
        controls.setMaximumWidth(320)
        self.view, self.view_box, self.overlay_item = image_view("explainOverlay")
        self.colour_bar = colour_bar(self.view)
        self.colour_bar.setColorMap(pg.ColorMap(_STOPS, colorize(_STOPS)))
        self.colour_bar.axis.setLabel(self.tr("share of the map's peak"))
        self.colour_bar.setVisible(False)  # until there is a map
        layout = QHBoxLayout(self)
        layout.addWidget(controls)
        layout.addWidget(self.view, 1)
        for combo in (self.method_combo, self.layer_combo, self.class_combo):
            combo.currentIndexChanged.connect(lambda _: self.recompute())
        self.opacity_slider.valueChanged.connect(lambda _: self._draw())

    def set_model(self, inspector: ModelInspector, class_names: list[str]) -> None:
        self.inspector = inspector
        self.generation.next()  # a map of the model before is not this model's
        # Grad-CAM hooks a module: a convolution called as a function has none to hook
        modules = dict(inspector.model.named_modules())
        convs = [name for name in inspector.conv_layer_names() if name in modules]
        for combo, items in ((self.layer_combo, convs),
                             (self.class_combo, [self.tr("predicted class"),
                                                 *class_names])):  # fmt: skip
            with QSignalBlocker(combo):
                previous = combo.currentText()
                combo.clear()
                combo.addItems(items)
                combo.setCurrentIndex(items.index(previous) if previous in items
                                      else (len(items) - 1 if combo is self.layer_combo else 0))

    def set_input(self, image: np.ndarray, recompute: bool) -> None:
        """A new input; explained at once when the page is on screen, else when it shows.
        A new input is explained for its own predicted class, not the class chosen before."""
        if self.image is None or not np.array_equal(self.image, image):
            with QSignalBlocker(self.class_combo):
                self.class_combo.setCurrentIndex(0)
        self.image = image
        if recompute:
            self.recompute()

    def recompute(self) -> None:
        """Explain the current input with the chosen method, layer and class, and draw it."""
        if self.inspector is None or self.image is None:
            return
        token = self.generation.next()
        if self.task is not None and self.task.is_running:
            self._again = True
            return
        method = self.method_combo.currentData()
        self.layer_combo.setEnabled(method in LAYER_METHODS)
        class_index = self.class_combo.currentIndex() - 1
        model = copy.deepcopy(self.inspector.model)
        inputs = self.inspector.normalizer.from_numpy(self.image)
        layer = self.layer_combo.currentText() or None
        self.task = BackgroundCall(
            lambda state: explain(model, inputs, method, layer,
                                  None if class_index < 0 else class_index),
            lambda result: self._finish(token, result),
            lambda error: self._finish(token, error),
        )  # fmt: skip

    def stop_background(self) -> None:
        stop_call(self.task)

    def _finish(self, token: int, outcome: Explanation | Exception) -> None:
        if self._again:  # newer settings or input: make their map now
            self._again = False
            self.recompute()
            return
        if not self.generation.is_current(token):
            return
        if isinstance(outcome, Exception):
            self.summary.setText(self.tr("Cannot explain this input: {error}").format(
                error=outcome))
            self.explanation = None
            self.overlay_item.clear()
            self.colour_bar.setVisible(False)
            return
        self.explanation = outcome
        names = [self.class_combo.itemText(i) for i in range(1, self.class_combo.count())]
        what = self.tr(METHOD_LABELS[outcome.method])
        words = (self.tr("{method} of {layer} for class {name} (probability {probability}).")
                 if outcome.layer else
                 self.tr("{method} for class {name} (probability {probability})."))  # fmt: skip
        self.summary.setText(words.format(
            method=what if outcome.layer else what[:1].upper() + what[1:], layer=outcome.layer,
            name=names[outcome.class_index], probability=f"{outcome.probability:.1%}"))
        self.colour_bar.setVisible(True)
        self._draw()

    def _draw(self) -> None:
        if self.explanation is None or self.image is None:
            return
        picture = self.image.transpose(1, 2, 0)
        mixed = overlay(picture, self.explanation.heatmap, self.opacity_slider.value() / 100)
        self.overlay_item.setImage(mixed.astype(np.float32), autoLevels=False, levels=(0, 255))
        self.view_box.autoRange(padding=0.01)
