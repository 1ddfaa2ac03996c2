"""What the views of one unit share: the model and test images they work on, and a frame of
a picture, and beside it a title, a task bar and a caption.

Inspect's "What excites this channel" and "Top test images" both show the channel chosen in
the feature maps, side by side on a page of their own. Their work (seconds) runs on a copy
of the inspected model taken when it starts, in the background; a new model (another
checkpoint, a new run) drops what they found, while the weight snapshots of a run in progress
do not (a scan would never finish otherwise): a result says which weights it came from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget
from torch import nn

from cnnviz.core.analysis.unit_cache import WeightsStamp
from cnnviz.core.data.batches import Normalizer
from cnnviz.core.data.types import ImageSplit
from cnnviz.ui.widgets.charts import image_view
from cnnviz.ui.widgets.task_bar import TaskBar


@dataclass
class UnitSource:
    """The inspected model, and the test images of its data set once they are loaded."""

    copy_model: Callable[[], nn.Module]  # an independent copy of the model as it is now
    input_shape: tuple[int, int, int]
    normalizer: Normalizer
    weights: WeightsStamp | None  # the weights' file as read; None for a run's live weights
    dataset: str
    weights_label: str  # which weights: "simple-cnn on mnist, shipped weights", ...
    test: ImageSplit | None = None


class UnitView(QWidget):
    """A title, a task bar that starts the view's work, its picture and a caption; what the
    work found, kept per key (a layer, an objective) until the model changes. A view sets
    the title's and the start button's texts (``heading``, ``task_bar.start_button``)."""

    def cancelled_text(self) -> str:
        """The caption when the work is cancelled."""
        return self.tr("Cancelled.")

    def error_text(self, error: Exception) -> str:
        """The caption when the work failed ("Cannot scan layer2.0: ...")."""
        raise NotImplementedError

    def __init__(self, name: str, view_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}Panel")
        self.source: UnitSource | None = None
        self.results: dict[Any, Any] = {}
        self.layer = ""
        self.channel = 0
        self.heading = heading = QLabel()
        font = QFont(heading.font())
        font.setBold(True)
        heading.setFont(font)
        self.task_bar = TaskBar("", name)
        self.view, self.view_box, self.image_item = image_view(view_name)
        self.view.setMinimumSize(160, 160)
        # the space left over, not the graphics view's large size hint, so that the caption
        # under it keeps the lines it needs
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.caption = QLabel(objectName=f"{name}Caption")
        self.caption.setWordWrap(True)
        self.caption.setMinimumWidth(10)
        self.controls = QVBoxLayout()
        # the picture beside its words: the buttons get the column's width, and the caption
        # never lies under the picture
        words = QVBoxLayout()
        words.addWidget(heading)
        words.addLayout(self.controls)
        words.addWidget(self.task_bar)
        words.addWidget(self.caption)
        words.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(words, 1)
        self.task_bar.start_button.clicked.connect(self.start)

    def set_source(self, source: UnitSource) -> None:
        """A new model: what was found for the old one goes."""
        self.source = source
        self.task_bar.drop()
        self.forget()
        self.redraw()

    def show_unit(self, layer: str, channel: int) -> None:
        if (layer, channel) != (self.layer, self.channel):
            self.layer, self.channel = layer, channel
            self.redraw()

    def draw_picture(self, picture: np.ndarray) -> None:
        """uint8 [H, W] or [H, W, 3]."""
        self.image_item.setImage(picture.astype(np.float32), autoLevels=False, levels=(0, 255))
        self.view_box.autoRange(padding=0.02)

    def stop_background(self) -> None:
        self.task_bar.stop_background()

    def forget(self) -> None:
        """Drop every result (the model changed)."""
        self.results.clear()

    def _on_done(self, key: Any, found: Any) -> None:
        """The work's result for ``key`` (None: it was cancelled)."""
        if found is None:
            self.caption.setText(self.cancelled_text())
            return
        self.results[key] = found
        self.redraw()

    def _on_error(self, error: Exception) -> None:
        self.caption.setText(self.error_text(error))

    def _show_hint(self, text: str) -> None:
        """No result to show: an empty picture, and (unless the work runs) what to do."""
        self.image_item.clear()
        if not self.task_bar.running:
            self.caption.setText(text)

    # -- for the views ------------------------------------------------------------------------

    def redraw(self) -> None:
        """Show the result for the current layer and channel, or say how to get one."""
        raise NotImplementedError

    def start(self) -> None:
        """Start the view's work for the current layer and channel."""
        raise NotImplementedError

