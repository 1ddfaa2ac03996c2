"""Where the Overview puts things: its sizes, its colours, its captions, and a column's place
on the page with the one ImageItem that shows its maps.

The page is laid out for the view it is in: a scene unit is one of the view's pixels when the
page fits, so captions are drawn at the type scale's caption size (widgets/style.py) at a desk
and presenting alike, and thumbnails take the height that the captions leave. Fitted otherwise
(scene units drawn at whatever the fit gave), a projector's short view shrank the captions
below a widget's text. A caption line too wide for a column is wrapped at its spaces; a word
wider still widens its column, so no caption reaches over its neighbour's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPen

from cnnviz.core.analysis.overview import INPUT, Overview
from cnnviz.ui.widgets.style import CAPTION_PT, font

PAGE = 8  # maps a column shows at once at a desk, when the model has more than LARGEST_PAGE
LARGEST_PAGE = 12
SKIP_PAGE = 4  # maps a column on a skip path shows at once
GAP = 1.15  # a thumbnail and the gap under it, in thumbnails
INPUT_SIDE = 1.6  # the input image's side, in thumbnails
MIN_THUMB = 12.0  # a thumbnail's side in a view too small for the page; the fit shrinks it
ACCENT = QColor(230, 120, 20)  # the skip path and the hovered map
HOVER_LINE = QColor(40, 90, 200)
FRAME = QColor(200, 200, 200)


#: how wide a caption line is before it wraps, in caption lines' heights: a column's width in
#: a classroom first, narrower where the page would not fit the view's width otherwise
WRAP_FACTORS = (7.0, 6.0, 5.0, 4.0)


@dataclass(frozen=True)
class Sizes:
    """The page's sizes in scene units: a caption line's height (from the type scale) and a
    thumbnail's side (from the room the view has); the rest follows from the line."""

    line: float
    thumb: float = MIN_THUMB

    @classmethod
    def of_captions(cls) -> Sizes:
        return cls(1.1 * max(QFontMetricsF(font(CAPTION_PT, bold)).lineSpacing()
                             for bold in (False, True)))  # a little leading: lines never touch

    @property
    def gap(self) -> float:
        """Between one column's widest part and the next column."""
        return 0.5 * self.line

    @property
    def margin(self) -> float:
        return 0.4 * self.line

    @property
    def bar_length(self) -> float:
        return 5.0 * self.line


@dataclass(frozen=True)
class Caption:
    """A column's caption: a title (bold) and its details, each wrapped to a column (its
    parts joined by newlines: one text, as translated)."""

    lines: list[str]
    width: float

    @property
    def rows(self) -> int:
        return sum(line.count("\n") + 1 for line in self.lines)


def wrap(text: str, metrics: QFontMetricsF, width: float) -> list[str]:
    """``text`` in lines no wider than ``width``, broken at spaces (a word wider than that
    stays whole on a line of its own)."""
    lines: list[str] = []
    for word in text.split(" "):
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and metrics.horizontalAdvance(joined) <= width:
            lines[-1] = joined
        else:
            lines.append(word)
    return lines


def caption(lines: list[str], width: float) -> Caption:
    """A title and its details (empty ones left out), each wrapped to ``width``."""
    bold, plain = QFontMetricsF(font(CAPTION_PT, True)), QFontMetricsF(font(CAPTION_PT))
    wrapped = [wrap(line, bold if i == 0 else plain, width) for i, line in enumerate(lines)
               if line or i == 0]  # fmt: skip
    widest = max((bold if i == 0 else plain).horizontalAdvance(part)
                 for i, parts in enumerate(wrapped) for part in parts)  # fmt: skip
    return Caption(["\n".join(parts) for parts in wrapped], widest)


def thumb_side(room: QSizeF, fixed: float, per_thumb: float,
               width_at: Callable[[float], float]) -> float:  # fmt: skip
    """A thumbnail's side that fills the view's height (the page is ``fixed`` high plus
    ``per_thumb`` thumbnails); down to 3/4 of that where the whole width then fits too."""
    side = max(MIN_THUMB, (room.height() - fixed) / per_thumb)
    low = max(MIN_THUMB, 0.75 * side)
    if width_at(side) <= room.width() or width_at(low) > room.width():
        return side
    for _ in range(20):  # width_at grows with the side: the largest that fits, to a pixel
        middle = (low + side) / 2
        low, side = (middle, side) if width_at(middle) <= room.width() else (low, middle)
    return low


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
    width: float = 0.0  # the column's, its caption's included

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


def pen(color: QColor, width: float = 1.5, dashed: bool = False) -> QPen:
    pen = QPen(color, width)
    pen.setCosmetic(True)  # as wide at any zoom
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen
