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
from typing import NamedTuple

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
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


class LabelSpot(NamedTuple):
    """Where a label goes: its anchor, its position and its rectangle in the scene, and
    whether it was moved away from its point (out from under the legend)."""

    anchor: tuple[float, float]
    position: QPointF
    rect: QRectF
    moved: bool


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
        legend = self._place_legend()
        view = self.plot.getPlotItem().vb
        for (item, _, _), spot in zip(self.labels.values(), self._layout(legend), strict=True):
            item.setAnchor(spot.anchor)
            item.setPos(view.mapSceneToView(spot.position))

    def _layout(self, legend: QRectF | None) -> list[LabelSpot]:
        """Where each label goes with the legend at ``legend`` (in the scene; None: no
        legend). A label that would lie under the legend moves to its left, away from its
        point, which can push it out of the plot: _place_legend counts both (at 1280x720 a
        one-row legend at the bottom pushed "98.31% lr 0.01" off the left edge, issue 24)."""
        if not self.labels:
            return []
        view = self.plot.getPlotItem().vb
        middle = view.viewRect().center().x()
        scene = [view.mapViewToScene(QPointF(x, y)) for _, x, y in self.labels.values()]
        sizes = [item.textItem.boundingRect().size() for item, _, _ in self.labels.values()]
        gap = LABEL_GAP / 4 + max(size.height() for size in sizes)
        area = view.sceneBoundingRect()
        placed = spread([point.y() for point in scene], gap,
                        (area.top() + gap / 2, area.bottom() - gap / 2))
        result = []
        for (_, x, _), point, y, size in zip(self.labels.values(), scene, placed, sizes,
                                             strict=True):  # fmt: skip
            right = x > middle
            anchor = (1.0, 0.5) if right else (0.0, 0.5)
            left = point.x() - size.width() - LABEL_GAP if right else point.x() + LABEL_GAP
            rect = QRectF(QPointF(left, y - size.height() / 2), size)
            moved = False
            if right and legend is not None and rect.intersects(legend):
                rect.moveRight(legend.left() - LABEL_GAP)
                moved = True
            position = QPointF(rect.right() if right else rect.left(), y)
            result.append(LabelSpot(anchor, position, rect, moved))
        return result

    def _place_legend(self) -> QRectF | None:
        """Move the legend to the spot (LEGEND_SPOTS) where it covers the fewest labels and
        evaluation points and pushes the fewest labels out of the plot, then covers the
        fewest curve points, then moves the fewest labels away from their points; it stays
        where it is if that is as good, so that it does not wander while a run trains.
        Returns where it is in the scene (None: not shown)."""
        plot = self.plot.getPlotItem()
        legend, view = plot.legend, plot.vb
        if legend is None or not legend.items or not legend.isVisible():
            return None
        sizes = {columns: _legend_size(legend, columns) for columns in (1, 0)}
        area = view.sceneBoundingRect()
        points = [view.mapViewToScene(QPointF(x, y)) for _, x, y in self.labels.values()]
        curves = [data for data in (item.getData() for item in plot.listDataItems())
                  if data[0] is not None and data[1] is not None]  # fmt: skip
        now = (tuple(legend.opts["offset"]), 1 if legend.columnCount == 1 else 0)

        def where(spot: tuple[tuple[int, int], int]) -> QRectF:
            (dx, dy), columns = spot
            width, height = sizes[columns]
            return QRectF(area.left() + dx if dx > 0 else area.right() + dx - width,
                          area.top() + dy if dy > 0 else area.bottom() + dy - height,
                          width, height)  # fmt: skip

        def cost(spot: tuple[tuple[int, int], int]) -> tuple[int, int, int, bool]:
            scene = where(spot)
            labels = self._layout(scene)
            hidden = sum(scene.intersects(label.rect) or not area.contains(label.rect)
                         for label in labels)  # fmt: skip
            hidden += sum(scene.contains(point) for point in points)
            corners = (view.mapSceneToView(scene.topLeft()),
                       view.mapSceneToView(scene.bottomRight()))  # fmt: skip
            left, right = sorted(corner.x() for corner in corners)
            low, high = sorted(corner.y() for corner in corners)
            covered = sum(int(np.count_nonzero((x >= left) & (x <= right) & (y >= low)
                                               & (y <= high))) for x, y in curves)  # fmt: skip
            return hidden, covered, sum(label.moved for label in labels), spot != now

        best = min(LEGEND_SPOTS, key=cost)
        (offset, columns) = best
        legend.setColumnCount(columns or len(legend.items))
        legend.setOffset(offset)
        # pyqtgraph sizes a legend from its labels' widths as laid out, which never shrink: a
        # run renamed from its folder's name to "lr 0.01" left the legend as wide as before
        legend.resize(*sizes[columns])
        return where(best)


def _legend_size(legend: pg.LegendItem, columns: int) -> tuple[float, float]:
    """The legend's width and height with its items in one column (1) or one row (0), its
    labels as wide as their text: its layout's margins and spacings, as Qt lays it out."""
    left, top, right, bottom = legend.layout.getContentsMargins()
    minimum = Qt.SizeHint.MinimumSize
    samples = [sample.effectiveSizeHint(minimum) for sample, _ in legend.items]
    labels = [label.effectiveSizeHint(minimum) for _, label in legend.items]
    heights = [max(sample.height(), label.height())
               for sample, label in zip(samples, labels, strict=True)]  # fmt: skip
    across, down = legend.layout.horizontalSpacing(), legend.layout.verticalSpacing()
    if columns == 1:
        width = max(size.width() for size in samples) + across \
            + max(size.width() for size in labels)  # fmt: skip
        height = sum(heights) + down * (len(heights) - 1)
    else:
        width = sum(size.width() for size in samples + labels) + across * (2 * len(labels) - 1)
        height = max(heights)
    return left + width + right, top + height + bottom
