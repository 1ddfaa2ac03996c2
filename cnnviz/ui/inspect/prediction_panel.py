"""Beside Inspect's pages: the input as the user sees it and as the model sees it (normalised),
the model's probabilities, and how often a running trainer's weights refresh the tab."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QDoubleSpinBox, QGridLayout, QLabel, QWidget

from cnnviz.core.analysis.mosaic import normalise
from cnnviz.ui.widgets.charts import ProbabilityChart, image_view


class PredictionPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.original_widget, _, self.original_item = image_view("inspectOriginal")
        self.input_widget, _, self.input_item = image_view("inspectModelInput")
        for widget in (self.original_widget, self.input_widget):
            widget.setFixedSize(120, 120)
        self.prediction_chart = ProbabilityChart("predictionView")
        self.live_spin = QDoubleSpinBox(objectName="inspectRefresh", minimum=0.2, maximum=60,
                                        value=1.0, suffix=" s", decimals=1)  # fmt: skip
        self.live_spin.setToolTip("While training, refresh at most this often")
        grid = QGridLayout(self)
        grid.addWidget(QLabel("Original"), 0, 0)
        grid.addWidget(QLabel("What the model sees"), 0, 1)
        grid.addWidget(self.original_widget, 1, 0)
        grid.addWidget(self.input_widget, 1, 1)
        grid.addWidget(self.prediction_chart, 2, 0, 1, 2)
        grid.addWidget(QLabel("Live refresh every"), 3, 0)
        grid.addWidget(self.live_spin, 3, 1)
        self.setMaximumWidth(280)

    def show_input(self, original: np.ndarray, seen: np.ndarray) -> None:
        """original: uint8 [H, W, C]; seen: the normalised float32 [C, H, W] model input."""
        original = original[..., 0] if original.shape[-1] == 1 else original
        self.original_item.setImage(original.astype(np.float32), autoLevels=False,
                                    levels=(0, 255))  # fmt: skip
        seen = seen[0] if seen.shape[0] == 1 else normalise(seen.transpose(1, 2, 0)[None],
                                                            per_map=False)[0]  # fmt: skip
        levels = (float(seen.min()), float(seen.max()) or 1.0)
        self.input_item.setImage(np.ascontiguousarray(seen, dtype=np.float32),
                                 autoLevels=False, levels=levels)  # fmt: skip

    def clear(self) -> None:
        """No input: no picture and no prediction."""
        self.prediction_chart.show_probabilities(None, [])
        for item in (self.original_item, self.input_item):
            item.clear()
