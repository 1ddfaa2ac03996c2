"""Under Inspect's layer tree: the input as the user sees it and as the model sees it
(normalised), the model's probabilities beside them, and how often a running trainer's
weights refresh the tab. It shares the tree's column, so that the pages (maps, filters,
the channel's views) get the rest of a 1280x720 window's width."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QDoubleSpinBox, QGridLayout, QLabel, QSizePolicy, QWidget

from cnnviz.core.analysis.mosaic import normalise
from cnnviz.ui.widgets.charts import ProbabilityChart, image_view

#: the side of each input picture, in pixels
PICTURE = 100


class PredictionPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.original_widget, _, self.original_item = image_view("inspectOriginal")
        self.input_widget, _, self.input_item = image_view("inspectModelInput")
        for widget in (self.original_widget, self.input_widget):
            widget.setFixedSize(PICTURE, PICTURE)
        self.prediction_chart = ProbabilityChart("predictionView")
        self.prediction_chart.setMinimumWidth(160)
        # as tall as the pictures beside it: the tree above takes the rest of the column
        self.prediction_chart.setSizePolicy(QSizePolicy.Policy.Expanding,
                                            QSizePolicy.Policy.Ignored)  # fmt: skip
        self.live_spin = QDoubleSpinBox(objectName="inspectRefresh", minimum=0.2, maximum=60,
                                        value=1.0, suffix=self.tr(" s"), decimals=1)  # fmt: skip
        self.live_spin.setToolTip(self.tr("While training, refresh at most this often"))
        live_label = QLabel(self.tr("Live refresh every"))
        live_label.setBuddy(self.live_spin)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel(self.tr("Original")), 0, 0)
        grid.addWidget(self.original_widget, 1, 0)
        grid.addWidget(QLabel(self.tr("What the model sees")), 2, 0)
        grid.addWidget(self.input_widget, 3, 0)
        grid.addWidget(self.prediction_chart, 0, 1, 4, 1)
        grid.addWidget(live_label, 4, 0)
        grid.addWidget(self.live_spin, 4, 1)
        grid.setColumnStretch(1, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

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
