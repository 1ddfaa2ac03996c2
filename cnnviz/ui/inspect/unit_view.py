"""What the views of one unit share: the model and test images they work on, and a frame of
a title, a task bar, one image and a caption.

Inspect's "What excites this channel" and "Top test images" both show the channel chosen in
the feature maps. Their work (seconds) runs on a copy of the inspected model taken when it
starts, in the background; a new model (another checkpoint, a new run) drops what they found,
while the weight snapshots of a run in progress do not (a scan would never finish otherwise):
a result says which weights it came from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget
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
    work found, kept per key (a layer, an objective) until the model changes."""

    #: what the work is called in an error message ("Cannot scan layer2.0: ...")
    verb = ""
    #: the caption when the work is cancelled
    cancelled_text = "Cancelled."

    def __init__(self, title: str, start_text: str, name: str, view_name: str,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName(f"{name}Panel")
        self.source: UnitSource | None = None
        self.results: dict[Any, Any] = {}
        self.layer = ""
        self.channel = 0
        heading = QLabel(title)
        font = QFont(heading.font())
        font.setBold(True)
        heading.setFont(font)
        self.task_bar = TaskBar(start_text, name)
        self.view, self.view_box, self.image_item = image_view(view_name)
        self.view.setMinimumSize(100, 100)
        # the space left over, not the graphics view's large size hint, so that both views
        # fit the column together instead of one of them filling it
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.caption = QLabel(objectName=f"{name}Caption")
        self.caption.setWordWrap(True)
        self.controls = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addLayout(self.controls)
        layout.addWidget(self.task_bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.caption)
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
            self.caption.setText(self.cancelled_text)
            return
        self.results[key] = found
        self.redraw()

    def _on_error(self, error: Exception) -> None:
        self.caption.setText(f"Cannot {self.verb} {self.layer}: {error}")

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


def scrolled_column(views: tuple[QWidget, ...]) -> QScrollArea:
    """Views one above the other, in a scroll area, so that a laptop's window scrolls them
    instead of growing."""
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    for view in views:
        layout.addWidget(view, 1)
    area = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
    area.setWidget(column)
    area.setMinimumSize(1, 1)  # its scroll bars' size would count otherwise
    return area
