"""What the training plots write on themselves: the readout that follows the mouse, the
labels of each run's latest test result, and where the legend goes.

The readout goes when the mouse leaves the plot, when the plot is hidden and when it is
cleared: a value read once must never stay on screen through later runs (issue 24). The labels
are moved apart where they would overlap, so that 98.42% and 98.38% can both be read. The
legend takes the corner, in a column or in a row, where it covers fewest labels and points: at
1280x720 on a projector, a column in the accuracy plot's bottom right covered the labels and
the end of the curves, since the axis follows the data (issue 24).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSizeF
from PySide6.QtGui import QColor

from cnnviz.ui.train.curves import spread
from cnnviz.ui.widgets.style import LEGEND_PT, TEXT, follow_scale, font

#: the readout's and the labels' background: white, nearly opaque, over the curves
FILL = (255, 255, 255, 225)
#: pixels between a point and its label
LABEL_GAP = 8
#: where a legend may go: its offset from the plot's corner (the sign picks the corner),
#: and its columns (1: one item a line; 0: all items on one line), in order of preference
LEGEND_SPOTS = [((x, y), columns) for columns in (1, 0)
                for x, y in ((-10, -10), (-10, 10), (10, -10), (10, 10))]  # fmt: skip


class HoverReadout(QObject):
    """A box that follows the mouse over a plot and says the values under it
    (``describe(x)`` for a position on the x axis, None where there are none)."""

    def __init__(self, plot: pg.PlotWidget, describe: Callable[[float], str | None]) -> None:
        super().__init__(plot)
        self.plot = plot
        self.describe = describe
        self.text = pg.TextItem(anchor=(0, 1), color=TEXT, fill=pg.mkBrush(*FILL))
        self.text.setZValue(10)
        self.text.hide()
        plot.addItem(self.text, ignoreBounds=True)
        plot.scene().sigMouseMoved.connect(self.moved)
        for widget in (plot, plot.viewport()):  # the view gets Hide, its viewport Leave
            widget.installEventFilter(self)
        follow_scale(self, lambda: self.text.setFont(font(LEGEND_PT)))

    def moved(self, scene_pos: QPointF) -> None:
        view = self.plot.getPlotItem().vb
        if not view.sceneBoundingRect().contains(scene_pos):
            self.hide()
            return
        point = view.mapSceneToView(scene_pos)
        text = self.describe(point.x())
        if text is None:
            self.hide()
            return
        self.text.setText(text)
        self.text.setPos(point.x(), point.y())
        self.text.show()

    def hide(self) -> None:
        self.text.hide()

    @property
    def shown(self) -> str | None:
        """What the readout says, while it is on screen."""
        return self.text.toPlainText() if self.text.isVisible() else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Leave, QEvent.Type.Hide):
            self.hide()
        return False


class PointLabels(QObject):
    """Each run's latest test result written beside its point, in the run's colour: to the
    left of a point in the right half of the plot, else to its right, moved up or down where
    labels would overlap, kept inside the plot, and moved left of the legend rather than
    under it."""

    def __init__(self, plot: pg.PlotWidget) -> None:
        super().__init__(plot)
        self.plot = plot
        #: by run: the label and the point (x, y in view coordinates) it belongs to
        self.labels: dict[str, tuple[pg.TextItem, float, float]] = {}
        view = plot.getPlotItem().vb
        view.sigResized.connect(lambda *_: self.place())
        view.sigRangeChanged.connect(lambda *_: self.place())
        follow_scale(self, self._restyle)

    def set(self, key: str, x: float, y: float, text: str, colour: QColor) -> None:
        item = self.labels[key][0] if key in self.labels else None
        if item is None:
            item = pg.TextItem(fill=pg.mkBrush(*FILL))
            item.setFont(font(LEGEND_PT))
            item.setZValue(5)
            self.plot.addItem(item, ignoreBounds=True)
        item.setText(text, color=colour)
        self.labels[key] = (item, x, y)

    def keep_only(self, keys: set[str]) -> None:
        for key in [key for key in self.labels if key not in keys]:
            self.plot.removeItem(self.labels.pop(key)[0])

    def texts(self) -> dict[str, str]:
        return {key: item.toPlainText() for key, (item, _, _) in self.labels.items()}

    def _restyle(self) -> None:
        for item, _, _ in self.labels.values():
            item.setFont(font(LEGEND_PT))
        self.place()

    def place(self) -> None:
        """Lay the legend and the labels out for the view as it is now (after data, range or
        size change)."""
        self._place_legend()
        if not self.labels:
            return
        view = self.plot.getPlotItem().vb
        middle = view.viewRect().center().x()
        scene = [view.mapViewToScene(QPointF(x, y)) for _, x, y in self.labels.values()]
        gap = LABEL_GAP / 4 + max(item.textItem.boundingRect().height()
                                  for item, _, _ in self.labels.values())  # fmt: skip
        area = view.sceneBoundingRect()
        placed = spread([point.y() for point in scene], gap,
                        (area.top() + gap / 2, area.bottom() - gap / 2))
        legend = self.plot.getPlotItem().legend
        for (item, x, _), point, y in zip(self.labels.values(), scene, placed, strict=True):
            right = x > middle
            item.setAnchor((1, 0.5) if right else (0, 0.5))
            shifted = QPointF(point.x() + (-LABEL_GAP if right else LABEL_GAP), y)
            item.setPos(view.mapSceneToView(shifted))
            if right and legend is not None and legend.isVisible() \
                    and item.sceneBoundingRect().intersects(legend.sceneBoundingRect()):
                shifted.setX(legend.sceneBoundingRect().left() - LABEL_GAP)
                item.setPos(view.mapSceneToView(shifted))

    def _place_legend(self) -> None:
        """Move the legend to the spot (LEGEND_SPOTS) where it covers the fewest labels and
        evaluation points, then the fewest curve points; it stays where it is if that is as
        good, so that it does not wander while a run trains."""
        plot = self.plot.getPlotItem()
        legend, view = plot.legend, plot.vb
        if legend is None or not legend.items:
            return
        rows = [(sample.width() + label.width() + 6, max(sample.height(), label.height()))
                for sample, label in legend.items]  # fmt: skip
        sizes = {1: (max(w for w, _ in rows), sum(h for _, h in rows)),
                 0: (sum(w for w, _ in rows), max(h for _, h in rows))}  # fmt: skip
        area = view.sceneBoundingRect()
        marks = [label.sceneBoundingRect() for label, _, _ in self.labels.values()]
        marks += [QRectF(view.mapViewToScene(QPointF(x, y)), QSizeF(1, 1))
                  for _, x, y in self.labels.values()]  # fmt: skip
        curves = [data for data in (item.getData() for item in plot.listDataItems())
                  if data[0] is not None and data[1] is not None]  # fmt: skip
        now = (tuple(legend.opts["offset"]), 1 if legend.columnCount == 1 else 0)

        def cost(spot: tuple[tuple[int, int], int]) -> tuple[int, int, bool]:
            (dx, dy), columns = spot
            width, height = sizes[columns]
            scene = QRectF(area.left() + dx if dx > 0 else area.right() + dx - width,
                           area.top() + dy if dy > 0 else area.bottom() + dy - height,
                           width, height)  # fmt: skip
            corners = (view.mapSceneToView(scene.topLeft()),
                       view.mapSceneToView(scene.bottomRight()))  # fmt: skip
            left, right = sorted(corner.x() for corner in corners)
            low, high = sorted(corner.y() for corner in corners)
            covered = sum(int(np.count_nonzero((x >= left) & (x <= right) & (y >= low)
                                               & (y <= high))) for x, y in curves)  # fmt: skip
            return sum(scene.intersects(mark) for mark in marks), covered, spot != now

        (offset, columns) = min(LEGEND_SPOTS, key=cost)
        legend.setColumnCount(columns or len(legend.items))
        legend.setOffset(offset)
