"""Marks on a tiled image of maps or kernels: each cell's number (on a map's corner, or under
a kernel, which is too small to cover), a frame round the chosen cell, and a colour bar that
says what the colours mean, as tall as the grid drawn (a bar the height of the window beside
a small grid reads as part of it). Text items are only rebuilt when the
grid's layout changes, so a live refresh with new weights costs nothing here. Numbers, frame
and colour bar follow the display scale (style.py)."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPen
from PySide6.QtWidgets import QGraphicsRectItem

from cnnviz.core.analysis.mosaic import cell_origin
from cnnviz.ui.widgets.style import (
    BADGE_PT,
    TEXT,
    TICK_PT,
    follow_scale,
    font,
    pixels,
    style_colour_bar,
)

FRAME_COLOUR = QColor(255, 140, 0)


def rect_outline(view: pg.ViewBox, colour: QColor, width: int, z: float) -> QGraphicsRectItem:
    """A hidden rectangle outline in ``view``, ``width`` screen pixels wide at any zoom (a
    cosmetic pen) times the display scale, above the images at ``z``; set its rect and show
    it to use it."""
    rect = QGraphicsRectItem()

    def restyle() -> None:
        pen = QPen(colour, pixels(width))
        pen.setCosmetic(True)
        rect.setPen(pen)

    rect.setZValue(z)
    rect.hide()
    view.addItem(rect)
    follow_scale(view, restyle)
    return rect


def view_area(view: pg.ViewBox) -> tuple[float, float]:
    """The room a view has on screen, (width, height) in pixels: what a grid whose shape
    follows its room (mosaic.fitting_columns) is fitted to."""
    rect = view.geometry()
    return max(1.0, rect.width()), max(1.0, rect.height())


def colour_bar(widget: pg.GraphicsLayoutWidget) -> pg.ColorBarItem:
    """A colour bar to the right of a widget's image view, sized by the display scale."""
    bar = pg.ColorBarItem(values=(0, 1), interactive=False)
    widget.addItem(bar, 0, 1)
    follow_scale(bar, lambda: style_colour_bar(bar))
    return bar


def set_scale(bar: pg.ColorBarItem, colormap: str | None, low: float, high: float) -> None:
    """The colour bar for levels (low, high); None: the image's own colours (RGB)."""
    bar.setVisible(colormap is not None)
    if colormap is not None:
        bar.setColorMap(pg.colormap.get(colormap))
        bar.setLevels((low, high if high > low else low + 1e-6))


class GridMarks:
    def __init__(self, widget: pg.GraphicsLayoutWidget, view: pg.ViewBox) -> None:
        self.view = view
        self.labels: list[pg.TextItem] = []
        self._layout: tuple | None = None
        self.frame = rect_outline(view, FRAME_COLOUR, 3, 20)
        self.colour_bar = colour_bar(widget)
        widget.ci.layout.setAlignment(self.colour_bar, Qt.AlignmentFlag.AlignVCenter)
        #: the grid's size in image pixels (width, height), for the colour bar's height
        self.grid_size: tuple[float, float] | None = None
        view.sigResized.connect(lambda *_: self.fit_bar())
        follow_scale(view, self._restyle)

    def _restyle(self) -> None:
        for label in self.labels:
            label.setFont(font(BADGE_PT))
        self.fit_bar()

    def number(self, numbers: list[int], cell: tuple[int, int], columns: int, pad: int = 1,
               below: bool = False) -> None:  # fmt: skip
        """Write each cell's number (a channel, a filter) in its top left corner, or under it
        (``below``: in the ``pad`` between rows, which the image leaves under its last row
        too)."""
        layout = (tuple(numbers), cell, columns, pad, below)
        if layout == self._layout:
            return
        self._layout = layout
        for label in self.labels:
            self.view.removeItem(label)
        self.labels = []
        for index, number in enumerate(numbers):
            x, y = cell_origin(index, cell, columns, pad)
            if below:
                label = pg.TextItem(str(number), color=TEXT, anchor=(0, 0))
                label.textItem.document().setDocumentMargin(0)  # a line, to fit the gap
                y += cell[0]
            else:
                label = pg.TextItem(str(number), color=(255, 255, 255), anchor=(0, 0),
                                    fill=pg.mkBrush(0, 0, 0, 120))  # fmt: skip
            label.setFont(font(BADGE_PT))
            label.setPos(x, y)
            label.setZValue(15)
            self.view.addItem(label)
            self.labels.append(label)

    def select(self, index: int | None, cell: tuple[int, int], columns: int,
               pad: int = 1) -> None:  # fmt: skip
        """Frame the chosen cell (None: no frame)."""
        if index is None:
            self.frame.hide()
            return
        x, y = cell_origin(index, cell, columns, pad)
        self.frame.setRect(QRectF(x - 0.5, y - 0.5, cell[1] + 1, cell[0] + 1))
        self.frame.show()

    def scale(self, colormap: str | None, low: float, high: float) -> None:
        set_scale(self.colour_bar, colormap, low, high)

    def fit_bar(self, grid_size: tuple[float, float] | None = None) -> None:
        """Make the colour bar as tall as the grid is drawn (its numbers overhang it by half
        a line at each end); ``grid_size``: the grid's new (width, height) in image pixels."""
        if grid_size is not None:
            self.grid_size = grid_size
        if self.grid_size is None:
            return
        width, height = self.grid_size
        drawn = self.view.mapViewToDevice(QRectF(0, 0, width, height)).boundingRect()
        overhang = QFontMetrics(font(TICK_PT)).height()
        self.colour_bar.setMaximumHeight(max(drawn.height(), 1) + overhang)

    def clear(self) -> None:
        self.number([], (1, 1), 1)
        self.frame.hide()
