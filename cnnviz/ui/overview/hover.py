"""Hovering the Overview: lines from a map (or a class bar) to the maps of earlier columns that
feed it most, a mark around each, and a note with its values. The items are made once per
model and only moved afterwards."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, QRectF
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsRectItem

from cnnviz.core.analysis.overview import INPUT
from cnnviz.ui.overview.placement import ACCENT, HOVER_LINE, feed_maps, pen
from cnnviz.ui.shell.i18n import translate_text
from cnnviz.ui.widgets.style import CAPTION_PT, font

if TYPE_CHECKING:
    from cnnviz.ui.overview.overview_view import OverviewView

translate = QCoreApplication.translate


class Hover:
    """What hovering shows, over an OverviewView."""

    def __init__(self, view: OverviewView) -> None:
        self.view = view
        self.lines = QGraphicsPathItem()
        self.text = pg.TextItem(anchor=(0, 1), color=(20, 20, 20),
                                fill=pg.mkBrush(255, 255, 240, 235),
                                border=pg.mkPen(150, 150, 150))  # fmt: skip
        self.marks: list[QGraphicsRectItem] = []

    def attach(self) -> None:
        """Put the items in the view's box again (laying out a model empties it)."""
        self.marks = []
        self.text.setFont(font(CAPTION_PT))
        for item, z in ((self.lines, 10), (self.text, 11)):
            self.view.box.addItem(item)
            item.setZValue(z)
        self.text.hide()

    def _spot_of(self, name: str, channel: int) -> QRectF | None:
        """Where a map of a column is on screen; its column's foot when on another page."""
        spot = self.view.placed.get(name)
        if spot is None:
            return None
        if name == INPUT:
            return spot.rect
        shown = spot.cell_rect(channel - spot.page * spot.page_size)
        if shown is not None:
            return shown
        rect = spot.rect
        return QRectF(rect.left(), rect.bottom(), rect.width(), self.view.sizes.line)

    def _mark(self, rects: list[QRectF]) -> None:
        while len(self.marks) < len(rects):
            mark = QGraphicsRectItem()
            mark.setZValue(9)
            self.view.box.addItem(mark)
            self.marks.append(mark)
        for i, mark in enumerate(self.marks):
            mark.setVisible(i < len(rects))
            if i < len(rects):
                mark.setRect(rects[i])
                mark.setPen(pen(ACCENT if i == 0 else HOVER_LINE, 2.5 if i == 0 else 1.5))

    def at(self, view_pos: QPointF) -> str:
        """Show a point's map (or bar), lines to the maps that feed it and its values; the
        text shown, "" where nothing is under the point."""
        hit = None if self.view.reading is None else self.view.hit(view_pos)
        if hit is None:
            self.lines.setPath(QPainterPath())
            self.text.hide()
            self._mark([])
            return ""
        name, channel, (row, col) = hit
        overview, names = self.view.overview, self.view.overview.class_names
        if name == "":  # a class bar: fed by the scores layer's inputs
            target = self.view.bar_rect(channel)
            layer = self.view.placed_scores
            lines = [translate("Hover", "class {name}: probability {probability}").format(
                name=names[channel],
                probability=f"{self.view.reading.probabilities[channel]:.2%}")]
        else:
            target = self._spot_of(name, channel)
            layer = None if name == INPUT else name
            lines = [self._value_text(name, channel, row, col)]
        feeds = overview.feeders(layer, channel) if layer else []
        path, marks = QPainterPath(), [target]
        for feed in feeds:
            source = self._spot_of(feed.column, feed.channel)
            if source is None:
                continue
            marks.append(source)
            path.moveTo(target.left(), target.center().y())
            path.lineTo(source.right(), source.center().y())
        if feeds:
            maps = feed_maps(overview, feeds[0].column)
            lines.append(translate("Hover", "fed most by:"))
            lines += ["  " + self._feed_text(feed.column, feed.channel, feed.weight, maps)
                      for feed in feeds]  # fmt: skip
        self.lines.setPath(path)
        self.lines.setPen(pen(HOVER_LINE, 1.5))
        self._mark(marks)
        text = "\n".join(lines)
        self.text.setText(text)
        box = self.view.box.viewRect()
        right = view_pos.x() > box.left() + 0.6 * box.width()
        self.text.setAnchor((1, 1) if right else (0, 1))
        self.text.setPos(view_pos.x() + (-6 if right else 6), view_pos.y() - 6)
        self.text.show()
        return text

    @staticmethod
    def _feed_text(column: str, channel: int, weight: float, maps: bool) -> str:
        if maps:
            text = translate("Hover", "{column} map {channel}")
        else:
            text = translate("Hover", "{column} unit {channel}")
        text = text.format(column=column, channel=channel)
        if weight == 1.0:
            return text
        return translate("Hover", "{feed} (|w| {weight})").format(feed=text,
                                                                  weight=f"{weight:.2f}")

    def _value_text(self, name: str, channel: int, row: int, col: int) -> str:
        if name == INPUT:
            return translate("Hover", "input pixel ({row}, {col})").format(row=row, col=col)
        column = self.view.overview.column(name)
        values = self.view.reading.maps.get(name)
        if values is None:
            return translate_text(column.title)
        if not column.has_maps:
            return translate("Hover", "{title} ({name}), unit {channel}: {value}").format(
                title=translate_text(column.title), name=name, channel=channel,
                value=f"{values[channel]:.3f}")
        plane = values[channel]
        row, col = min(row, plane.shape[0] - 1), min(col, plane.shape[1] - 1)
        return translate("Hover", "{title} ({name}), map {channel}: {value} at ({row}, {col})\n"
                                  "the map runs {low} to {high}").format(
            title=translate_text(column.title), name=name, channel=channel,
            value=f"{plane[row, col]:.3f}",
            row=row, col=col, low=f"{plane.min():.2f}", high=f"{plane.max():.2f}")
