"""The Inspect tab's Explain page: an attribution map over the current input, by cnnviz's
Grad-CAM and saliency or Captum's integrated gradients, occlusion, guided Grad-CAM and
SmoothGrad.

Some methods take a tenth of a second or more on a larger model (occlusion runs the model
once per patch), so every map is made in the background on a copy of the model: a live
weight snapshot never changes the model under it, and the hooks Captum sets never touch the
model the other views run. A request made while one runs waits for it and then runs with
the latest input and settings; a result that a newer request made stale is dropped.
"""

from __future__ import annotations

import copy

import numpy as np
from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QSlider, QWidget

from cnnviz.core.analysis.explain import (
    LAYER_METHODS,
    METHOD_NAMES,
    METHODS,
    Explanation,
    explain,
    overlay,
)
from cnnviz.core.analysis.inspection import ModelInspector
from cnnviz.session.generation import Generation
from cnnviz.ui.widgets.charts import image_view
from cnnviz.ui.workers.background import BackgroundCall, stop_call

PREDICTED = "predicted class"


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
            self.method_combo.addItem(METHOD_NAMES[method], method)
        self.layer_combo = QComboBox(objectName="explainLayer")
        self.class_combo = QComboBox(objectName="explainClass")
        self.opacity_slider = QSlider(Qt.Orientation.Horizontal, objectName="explainOpacity")
        self.opacity_slider.setRange(0, 100)
        self.opacity_slider.setValue(55)
        self.summary = QLabel(objectName="explainSummary")
        self.summary.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Method", self.method_combo)
        form.addRow("Layer", self.layer_combo)
        form.addRow("Class", self.class_combo)
        form.addRow("Opacity", self.opacity_slider)
        form.addRow(self.summary)
        controls = QWidget()
        controls.setLayout(form)
        controls.setMaximumWidth(320)
        self.view, self.view_box, self.overlay_item = image_view("explainOverlay")
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
                             (self.class_combo, [PREDICTED, *class_names])):  # fmt: skip
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
            self.summary.setText(f"Cannot explain this input: {outcome}")
            self.explanation = None
            self.overlay_item.clear()
            return
        self.explanation = outcome
        names = [self.class_combo.itemText(i) for i in range(1, self.class_combo.count())]
        what = METHOD_NAMES[outcome.method]
        what = f"{what} of {outcome.layer}" if outcome.layer else what[0].upper() + what[1:]
        self.summary.setText(f"{what} for class {names[outcome.class_index]} "
                             f"(probability {outcome.probability:.1%}).")
        self._draw()

    def _draw(self) -> None:
        if self.explanation is None or self.image is None:
            return
        picture = self.image.transpose(1, 2, 0)
        mixed = overlay(picture, self.explanation.heatmap, self.opacity_slider.value() / 100)
        self.overlay_item.setImage(mixed.astype(np.float32), autoLevels=False, levels=(0, 255))
        self.view_box.autoRange(padding=0.01)
