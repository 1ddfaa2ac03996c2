"""Where the Overview puts things: its sizes in scene units, its colours, and a column's
place on the page with the one ImageItem that shows its maps."""

from __future__ import annotations

from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPen

from cnnviz.core.analysis.overview import INPUT, Overview

THUMB = 44.0  # a thumbnail's side, in scene units
PITCH = 90.0  # from one column to the next
TOP = 90.0  # where the maps start: a block row and four lines of labels above
LINE = 13.0
PAGE = 8  # maps a column shows at once when the model has more than LARGEST_PAGE
LARGEST_PAGE = 12
SKIP_PAGE = 4  # maps a column on a skip path shows at once
SCORES_WIDTH = 170.0
BAR_LENGTH = 100.0
ACCENT = QColor(230, 120, 20)  # the skip path and the hovered map
HOVER_LINE = QColor(40, 90, 200)
GREY = QColor(110, 110, 110)
INK = QColor(30, 30, 30)


@dataclass
class Placed:
    """A column on the page: where, which page of its maps, and the item that shows them."""

    name: str  # a Column's name, or INPUT
    x: float
    y: float
    item: pg.ImageItem
    page_size: int
    up: int = 1  # each map pixel repeated this often (a 1x1 map would have no gap)
    pad: int = 1
    page: int = 0
    is_strip: bool = False  # a vector of units, one pixel row per unit

    @property
    def rect(self) -> QRectF:
        return self.item.mapRectToParent(self.item.boundingRect())

    @property
    def cell_rows(self) -> int:
        """A cell's height in image pixels (the image is page_size cells and their gaps)."""
        return (self.item.image.shape[0] + self.pad) // self.page_size - self.pad

    def cell_rect(self, index: int) -> QRectF | None:
        """The scene rectangle of the index-th cell of the page (None: not on it)."""
        if not 0 <= index < self.page_size:
            return None
        rect = self.rect
        scale = rect.height() / self.item.image.shape[0]
        if self.is_strip or self.name == INPUT:
            step = rect.height() / self.page_size
            return QRectF(rect.left(), rect.top() + index * step, rect.width(), step)
        return QRectF(rect.left(), rect.top() + index * (self.cell_rows + self.pad) * scale,
                      rect.width(), self.cell_rows * scale)  # fmt: skip


def feed_maps(overview: Overview, name: str) -> bool:
    """Whether a column (or the input) is made of maps rather than units."""
    return name == INPUT or overview.column(name).has_maps


def font(pixels: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(max(1, round(pixels)))
    font.setBold(bold)
    return font


def pen(color: QColor, width: float = 1.5, dashed: bool = False) -> QPen:
    pen = QPen(color, width)
    pen.setCosmetic(True)  # as wide at any zoom
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen
