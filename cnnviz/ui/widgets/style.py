"""One palette and one type scale for every plot, chosen to read on a projector from the back
of a lecture hall, and the display scale that presentation mode sets.

Why here, once: pyqtgraph's defaults are light grey text (its foreground is #969696, 2.9:1 on
white) in the widget font, and each tab chose its own sizes, so nothing scaled together. The
text colours below have at least 7:1 contrast on the white plot background (WCAG's AAA), sizes
are in points, and every size is multiplied by ``DISPLAY.scale``: 1 at a desk, 1.5 in
presentation mode (shell/presentation.py sets it; nothing else should).

Adopting it is one call: ``style_plot(plot)`` for a PlotWidget or PlotItem (axes, title,
legend, and the widths and sizes of its curves and markers, now and whenever the scale
changes); ``follow_scale(owner, restyle)`` for anything painted by hand, which reads
``DISPLAY.scale`` (or ``pixels``, ``font``) when it paints or restyles.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPen
from PySide6.QtWidgets import QHeaderView, QTableWidget

#: text on plots: titles, axis labels, legends, numbers in cells (17.4:1 on white)
TEXT = QColor(25, 25, 25)
#: axes, ticks and secondary text (10.4:1 on white)
AXIS = QColor(64, 64, 64)
BACKGROUND = "w"
#: colours for series, in order: the Okabe-Ito palette, told apart with colour blindness and
#: on a washed-out projector
SERIES = (QColor(0, 114, 178), QColor(213, 94, 0), QColor(0, 158, 115), QColor(204, 121, 167),
          QColor(230, 159, 0), QColor(86, 180, 233), QColor(0, 0, 0))  # fmt: skip
#: the colour map for data of one sign (activations after a ReLU, probabilities, counts)
UNSIGNED_COLOURMAP = "viridis"
#: the colour map for signed data (weights, gradients): white at zero, blue below, red above
SIGNED_COLOURMAP = "CET-D1"

#: the type scale, in points at scale 1
TITLE_PT = 13.0
LABEL_PT = 12.0
TICK_PT = 11.0
LEGEND_PT = 11.0
#: numbers written in cells of a map or grid
CELL_PT = 10.0
#: a tile's channel or filter number, on a corner of the tile
BADGE_PT = 7.5
#: captions over a picture (the Overview's layer names, shapes and counts): a little under a
#: widget's text, which a row of ten of them across a projector's 1280 pixels allows
CAPTION_PT = 8.0
#: widths in pixels at scale 1
LINE_WIDTH = 2.5
MARKER_SIZE = 11.0
COLOUR_BAR_WIDTH = 16.0
COLOUR_BAR_AXIS = 48.0


class Display(QObject):
    """How large everything is drawn: ``scale`` 1 at a desk, more on a projector. Widgets
    read it when they paint or style themselves, and follow ``changed``."""

    changed = Signal(float)

    def __init__(self) -> None:
        super().__init__()
        self.scale = 1.0

    def set_scale(self, scale: float) -> None:
        if scale != self.scale:
            self.scale = scale
            self.changed.emit(scale)


DISPLAY = Display()


def pixels(size: float) -> float:
    """A size in pixels at scale 1 (a width, a marker), at the current scale."""
    return size * DISPLAY.scale


def points(size: float) -> float:
    """A type size from the scale above, at the current scale."""
    return size * DISPLAY.scale


def font(size: float, bold: bool = False) -> QFont:
    """The widget font at one of the type scale's sizes, at the current scale."""
    result = QFont()
    result.setPointSizeF(points(size))
    result.setBold(bold)
    return result


def css_size(size: float) -> str:
    """A type size as pyqtgraph's labels take it ("16.5pt")."""
    return f"{points(size):g}pt"


def line_pen(colour: QColor | tuple | str, width: float = LINE_WIDTH, **options) -> QPen:
    """A pen for a curve or an outline, its width at the current scale."""
    return pg.mkPen(colour, width=pixels(width), **options)


class _Follower(QObject):
    """Calls ``restyle`` when the display scale changes, for as long as its owner lives (it
    is the owner's child, so Qt drops the connection with it)."""

    def __init__(self, owner: QObject, restyle: Callable[[], None]) -> None:
        super().__init__(owner)
        self._restyle = restyle
        DISPLAY.changed.connect(self.on_changed)

    @Slot(float)
    def on_changed(self, _scale: float) -> None:
        self._restyle()


def follow_scale(owner: QObject, restyle: Callable[[], None]) -> None:
    """Call ``restyle`` now and whenever the display scale changes, while ``owner`` lives."""
    restyle()
    _Follower(owner, restyle)


def style_axis(axis: pg.AxisItem) -> None:
    """An axis in the palette's colours and the type scale's sizes, its numbers written out
    whole: with pyqtgraph's SI prefixes, every range change rewrote the axis label's HTML,
    about a tenth of the GUI thread's time while a run trained (benchmarks/ui_latency.py)."""
    axis.enableAutoSIPrefix(False)
    axis.setPen(AXIS)
    axis.setTextPen(TEXT)
    axis.setStyle(tickFont=font(TICK_PT), tickLength=int(pixels(-6)))
    axis.setLabel(axis.labelText, axis.labelUnits, axis.labelUnitPrefix, color=TEXT.name(),
                  **{"font-size": css_size(LABEL_PT)})  # fmt: skip


class SpacedAxis(pg.AxisItem):
    """A vertical axis whose numbers never overlap: pyqtgraph spaces ticks by the axis's
    length alone (at least 2.25 intervals, in steps of 1, 2 or 5), so a short axis in
    presentation mode's large font wrote 100, 98, 96 ... 90 over each other (issue 24). Here
    ticks are at least 1.2 lines of its font apart: a level closer than that is
    dropped, and where even the major ticks are, they are spread to the next 1, 2 or 5."""

    #: the least distance between two numbers, in lines of the tick font
    LINES_APART = 1.2

    def tickSpacing(self, minVal: float, maxVal: float, size: float) -> list:
        levels = super().tickSpacing(minVal, maxVal, size)
        if self.orientation not in ("left", "right") or not levels or size <= 0:
            return levels
        line = QFontMetricsF(self.style["tickFont"] or QFont()).height()
        least = self.LINES_APART * line * abs(maxVal - minVal) / size  # in the axis's units
        kept = [level for level in levels if level[0] >= least]
        if kept:
            return kept
        power = 10.0 ** math.floor(math.log10(least))
        return [(next(step * power for step in (1, 2, 5, 10) if step * power >= least), 0)]


def style_colour_bar(bar: pg.ColorBarItem) -> None:
    """A colour bar as wide as the scale says, its numbers in the type scale."""
    bar.layout.setColumnFixedWidth(1, pixels(COLOUR_BAR_WIDTH))
    style_axis(bar.axis)
    bar.axis.setWidth(int(pixels(COLOUR_BAR_AXIS)))
    for name in ("left", "bottom"):  # pyqtgraph writes a bar's label on the other side
        side = bar.getAxis(name)
        if side is not bar.axis and side.labelText:
            style_axis(side)


def style_plot(plot: pg.PlotWidget | pg.PlotItem) -> None:
    """Style a plot now and whenever the display scale changes: its axes, title and legend
    in the palette and type scale; its curves' widths and markers' sizes grow and shrink
    with the scale (relative to what they were, so a thin guide line stays thinner)."""
    item = plot.getPlotItem() if isinstance(plot, pg.PlotWidget) else plot
    if isinstance(plot, pg.PlotWidget):
        plot.setBackground(BACKGROUND)
    drawn_at = [DISPLAY.scale]

    def restyle() -> None:
        ratio, drawn_at[0] = DISPLAY.scale / drawn_at[0], DISPLAY.scale
        for name in ("left", "bottom", "right", "top"):
            style_axis(item.getAxis(name))
        title = item.titleLabel
        if title.isVisible():
            title.setText(title.text, color=TEXT, size=css_size(TITLE_PT), bold=True)
            height = title.item.boundingRect().height()
            title.setMaximumHeight(height)
            item.layout.setRowFixedHeight(0, height)
        if item.legend is not None:
            item.legend.setLabelTextColor(TEXT)
            item.legend.setLabelTextSize(css_size(LEGEND_PT))
            for _, label in item.legend.items:  # pyqtgraph sets their size, draws them at the old
                label.setText(label.text)
        if ratio != 1:
            _rescale_items(item, ratio)

    follow_scale(item, restyle)


def _rescale_items(item: pg.PlotItem, ratio: float) -> None:
    """Curves' and markers' widths and sizes times ``ratio``: those drawn, and those that
    only the legend shows (a sample marker per class, say)."""
    samples = [sample.item for sample, _ in item.legend.items] if item.legend is not None \
        else []  # fmt: skip
    for data in [*item.items, *(sample for sample in samples if sample not in item.items)]:
        if isinstance(data, pg.PlotDataItem):
            pen = pg.mkPen(data.opts["pen"])
            pen.setWidthF(pen.widthF() * ratio)
            data.setPen(pen)
            if data.opts.get("symbol") is not None:
                data.setSymbolSize(data.opts["symbolSize"] * ratio)
        elif isinstance(data, pg.ScatterPlotItem):
            data.setSize(data.opts["size"] * ratio)
        elif isinstance(data, pg.InfiniteLine):
            pen = QPen(data.pen)
            pen.setWidthF(pen.widthF() * ratio)
            data.setPen(pen)


def fit_columns_to_text(table: QTableWidget) -> None:
    """Every column but the last as wide as its text, at any font size (presentation mode's
    included); the last takes the rest. Else a short last column ("Params") takes the width
    that the names need."""
    header = table.horizontalHeader()
    for column in range(table.columnCount() - 1):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
