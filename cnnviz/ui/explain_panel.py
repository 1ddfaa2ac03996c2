"""The Inspect tab's Explain page: Grad-CAM or saliency over the current input."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QSlider, QWidget

from cnnviz.core.analysis.explain import Explanation, explain, overlay
from cnnviz.core.analysis.inspection import ModelInspector
from cnnviz.core.errors import CnnvizError
from cnnviz.ui.charts import image_view

PREDICTED = "predicted class"


class ExplainPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("explainPanel")
        self.inspector: ModelInspector | None = None
        self.image: np.ndarray | None = None
        self.explanation: Explanation | None = None
        self.method_combo = QComboBox(objectName="explainMethod")
        self.method_combo.addItem("Grad-CAM", "gradcam")
        self.method_combo.addItem("gradient saliency", "saliency")
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
        # Grad-CAM hooks a module: a convolution called as a function has none to hook
        modules = dict(inspector.model.named_modules())
        convs = [name for name in inspector.conv_layer_names() if name in modules]
        for combo, items in ((self.layer_combo, convs),
                             (self.class_combo, [PREDICTED, *class_names])):  # fmt: skip
            combo.blockSignals(True)
            previous = combo.currentText()
            combo.clear()
            combo.addItems(items)
            combo.setCurrentIndex(items.index(previous) if previous in items
                                  else (len(items) - 1 if combo is self.layer_combo else 0))
            combo.blockSignals(False)

    def set_input(self, image: np.ndarray, recompute: bool) -> None:
        """A new input; explained at once when the page is on screen, else when it shows.
        A new input is explained for its own predicted class, not the class chosen before."""
        if self.image is None or not np.array_equal(self.image, image):
            self.class_combo.blockSignals(True)
            self.class_combo.setCurrentIndex(0)
            self.class_combo.blockSignals(False)
        self.image = image
        if recompute:
            self.recompute()

    def recompute(self) -> None:
        """Explain the current input with the chosen method, layer and class, and draw it."""
        if self.inspector is None or self.image is None:
            return
        method = self.method_combo.currentData()
        class_index = self.class_combo.currentIndex() - 1
        inputs = self.inspector.normalizer.from_numpy(self.image)
        try:
            self.explanation = explain(self.inspector.model, inputs, method,
                                       self.layer_combo.currentText() or None,
                                       None if class_index < 0 else class_index)
        except (CnnvizError, RuntimeError) as exc:
            self.summary.setText(f"Cannot explain this input: {exc}")
            self.explanation = None
            self.overlay_item.clear()
            return
        names = [self.class_combo.itemText(i) for i in range(1, self.class_combo.count())]
        what = "Grad-CAM of " + self.explanation.layer if method == "gradcam" else "Saliency"
        self.summary.setText(f"{what} for class {names[self.explanation.class_index]} "
                             f"(probability {self.explanation.probability:.1%}).")
        self._draw()

    def _draw(self) -> None:
        if self.explanation is None or self.image is None:
            return
        picture = self.image.transpose(1, 2, 0)
        mixed = overlay(picture, self.explanation.heatmap, self.opacity_slider.value() / 100)
        self.overlay_item.setImage(mixed.astype(np.float32), autoLevels=False, levels=(0, 255))
        self.view_box.autoRange(padding=0.01)
