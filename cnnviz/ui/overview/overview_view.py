"""The Overview's picture: the input on the left, a column of feature-map thumbnails per
layer, the class scores on the right, in one pannable, zoomable pyqtgraph ViewBox.

Everything is laid out once per model in scene units (a thumbnail is THUMB units square, text
is drawn in scene units too, so the page zooms as one picture and exports as one). A new input
or new weights only change pixels: each column is ONE ImageItem whose image is its page of
maps stacked with transparent (NaN) gaps, so a redraw is one ``setImage`` per column and one
``setOpts`` for the bars, and no item is made or removed (pyqtgraph's advice for speed).
The maps of a layer share one colour scale, symmetric about zero (blue below, red above), so a
strong map stands out from a weak one, as in CNN Explainer.

A residual block's skip path runs in a lane under the main row: a curve from the block's
input, through its projection's columns when it has one, to the sum, marked with a "+".
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsRectItem, QGraphicsSimpleTextItem

from cnnviz.core.analysis.mosaic import cell_at, tile
from cnnviz.core.analysis.overview import INPUT, Column, Overview, Reading
from cnnviz.ui.overview.hover import Hover
from cnnviz.ui.overview.placement import (
    ACCENT,
    BAR_LENGTH,
    GREY,
    HOVER_LINE,
    INK,
    LARGEST_PAGE,
    LINE,
    PAGE,
    PITCH,
    SCORES_WIDTH,
    SKIP_PAGE,
    THUMB,
    TOP,
    Placed,
    font,
    pen,
)
from cnnviz.ui.shell.i18n import translate_text
from cnnviz.ui.widgets.charts import MAX_BARS, bar_brushes, lookup_table


class OverviewView(pg.GraphicsView):
    """Signals: a map clicked (layer, channel); a class bar clicked (class index)."""

    map_clicked = Signal(str, int)
    class_clicked = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("overviewView")
        self.setBackground("w")
        self.box = pg.ViewBox(lockAspect=True, invertY=True, enableMenu=False)
        self.setCentralItem(self.box)
        self.overview: Overview | None = None
        self.reading: Reading | None = None
        self.placed: dict[str, Placed] = {}
        self.size_scene = QRectF()
        self._lut = lookup_table("CET-D1")
        self._bars: pg.BarGraphItem | None = None
        self._bar_order: list[int] = []
        self._bar_names: list[QGraphicsSimpleTextItem] = []
        self._bar_top = 0.0
        self._bar_pitch = 1.0
        self._bar_x = 0.0
        self._predicted: QGraphicsSimpleTextItem | None = None
        self._pagers: dict[str, QGraphicsSimpleTextItem] = {}
        self.hovering = Hover(self)
        self.scene().sigMouseMoved.connect(self._on_hover)
        self.scene().sigMouseClicked.connect(self._on_click)

    # -- layout, once per model -------------------------------------------------------------
    def set_overview(self, overview: Overview) -> None:
        """Lay out a model's columns; nothing is drawn in them until ``show``."""
        self.box.clear()
        self.overview, self.reading = overview, None
        self.placed, self._pagers = {}, {}
        main = [c for c in overview.columns if not c.skip]
        biggest = max((c.channels for c in main if c.has_maps), default=1)
        page = biggest if biggest <= LARGEST_PAGE else PAGE
        scores = overview.scores_column
        self._place_input()
        x = PITCH * 1.2
        for column in main:
            if column is scores:
                break
            self._place(column, x, TOP, page)
            x += PITCH
        bottom = TOP + page * THUMB * 1.15 + 2 * LINE
        lane = bottom + 2.5 * LINE
        has_skip_columns = any(c.skip for c in overview.columns)
        for skip in overview.skips:
            start, end = self.placed[skip.source].x, self.placed[skip.merge].x
            for i, name in enumerate(skip.through):
                share = (i + 1) / (len(skip.through) + 1)
                self._place(overview.column(name), start + share * (end - start), lane,
                            SKIP_PAGE)  # fmt: skip
        height = lane + (SKIP_PAGE * THUMB * 1.15 + 3 * LINE if has_skip_columns else LINE)
        self._place_scores(scores, x, page)
        self._draw_blocks(main)
        for skip in overview.skips:
            self._draw_skip(skip.source, skip.through, skip.merge, bottom, lane)
        self.hovering.attach()
        self.size_scene = QRectF(-10, -4, x + SCORES_WIDTH + 10, max(height, bottom + LINE))
        self.fit()

    def _text(self, text: str, x: float, y: float, size: float = 10, bold: bool = False,
              color: QColor = INK) -> QGraphicsSimpleTextItem:  # fmt: skip
        item = QGraphicsSimpleTextItem(text)
        item.setFont(font(size, bold))
        item.setBrush(color)
        item.setPos(x, y)
        self.box.addItem(item)
        return item

    def _labels(self, lines: list[str], x: float, y: float) -> None:
        for i, line in enumerate(lines):
            self._text(line, x, y + i * LINE, 11 if i == 0 else 10, bold=i == 0,
                       color=INK if i == 0 else GREY)  # fmt: skip

    def _place_input(self) -> None:
        item = pg.ImageItem(axisOrder="row-major")
        self.box.addItem(item)
        self.placed[INPUT] = Placed(INPUT, 0.0, TOP, item, 1)
        shape = self.overview.inspector.input_shape
        self._labels([self.tr("input"), "x".join(map(str, shape)), self.tr("the image")], 0.0,
                     TOP - 4.3 * LINE)  # fmt: skip

    def _place(self, column: Column, x: float, y: float, page: int) -> None:
        item = pg.ImageItem(axisOrder="row-major")
        item.setLookupTable(self._lut)
        self.box.addItem(item)
        frame = None
        if column.has_maps:
            h, w = column.output_shape[1:]
            up = math.ceil(7 / min(h, w)) if min(h, w) < 7 else 1
            pad = max(1, round(0.15 * h * up))
            size = min(page, column.channels)
            placed = Placed(column.name, x, y, item, size, up, pad)
            empty = np.full((size * (h * up + pad) - pad, w * up), np.nan, dtype=np.float32)
            item.setImage(empty, autoLevels=False, levels=(-1, 1))
            scale = THUMB / max(h * up, w * up)
            item.setRect(QRectF(x, y, w * up * scale, empty.shape[0] * scale))
            frame = QRectF(x, y, w * up * scale, empty.shape[0] * scale)
            if column.channels > size:
                self._pagers[column.name] = self._text("", x, frame.bottom() + 3, 10,
                                                       color=HOVER_LINE)  # fmt: skip
        else:
            units = column.channels
            placed = Placed(column.name, x, y, item, units, is_strip=True)
            item.setImage(np.full((units, 1), np.nan, np.float32), autoLevels=False,
                          levels=(-1, 1))  # fmt: skip
            height = page * THUMB * 1.15 if not column.skip else SKIP_PAGE * THUMB * 1.15
            frame = QRectF(x + THUMB * 0.3, y, THUMB * 0.4, height)
            item.setRect(frame)
        border = QGraphicsRectItem(frame)
        border.setPen(pen(QColor(200, 200, 200), 1))
        self.box.addItem(border)
        self.placed[column.name] = placed
        lines = [translate_text(column.title), column.shape, self._parameters(column),
                 self.tr("RF {field}").format(field=column.field) if column.field else ""]
        self._labels(lines, x, y - 4.3 * LINE)
        self._update_pager(placed)

    def _parameters(self, column: Column) -> str:
        if column.parameters == "0":
            return self.tr("no params")
        return self.tr("{count} params").format(count=column.parameters)

    def _place_scores(self, scores: Column | None, x: float, page: int) -> None:
        """The class scores as bars; the last layer's own column when it gives them."""
        names = self.overview.class_names
        if scores is not None:
            self._labels([translate_text(scores.title), scores.shape, self._parameters(scores),
                          self.tr("class scores (softmax)")], x, TOP - 4.3 * LINE)  # fmt: skip
        else:
            self._labels([self.tr("class scores"), str(len(names)), "", "softmax"], x,
                         TOP - 4.3 * LINE)  # fmt: skip
        shown = min(MAX_BARS, len(names))
        self._bar_top, self._bar_x = TOP, x + 46
        self._bar_pitch = min(22.0, page * THUMB * 1.15 / max(1, shown))
        self._bar_order = list(range(shown))
        self._bar_names = [self._text("", x, TOP + i * self._bar_pitch + 2, 10)
                           for i in range(shown)]  # fmt: skip
        self._bars = pg.BarGraphItem(x0=self._bar_x, y=TOP + (np.arange(shown) + 0.5)
                                     * self._bar_pitch, height=0.75 * self._bar_pitch,
                                     width=np.zeros(shown), brushes=bar_brushes(shown, 0))
        self.box.addItem(self._bars)
        self._predicted = self._text("", x, TOP + shown * self._bar_pitch + 6, 15, bold=True)
        self.placed_scores = scores.name if scores is not None else None

    def _draw_blocks(self, main: list[Column]) -> None:
        """A bracket over the columns of each enclosing module (a residual block, a stage)."""
        runs: list[list[Column]] = []
        for column in main:
            if column.block and runs and runs[-1][0].block == column.block:
                runs[-1].append(column)
            elif column.block:
                runs.append([column])
        for run in runs:
            first, last = self.placed.get(run[0].name), self.placed.get(run[-1].name)
            if first is None or last is None:
                continue
            path = QPainterPath(QPointF(first.x, 14))
            path.lineTo(first.x, 10)
            path.lineTo(last.x + THUMB, 10)
            path.lineTo(last.x + THUMB, 14)
            bracket = QGraphicsPathItem(path)
            bracket.setPen(pen(GREY, 1))
            self.box.addItem(bracket)
            residual = any(s.merge == run[-1].name for s in self.overview.skips)
            block = run[0].block
            self._text(self.tr("{block} (residual block)").format(block=block) if residual
                       else block, first.x, -6, 10, color=GREY)  # fmt: skip

    def _draw_skip(self, source: str, through: tuple[str, ...], merge: str, bottom: float,
                   lane: float) -> None:  # fmt: skip
        """The skip connection: under the main row, from the block's input to the sum."""
        start, end = self.placed[source], self.placed[merge]
        path = QPainterPath(QPointF(start.x + THUMB / 2, bottom - LINE))
        depth = lane - 0.8 * LINE
        for name in through:
            stop = self.placed[name]
            path.cubicTo(path.currentPosition().x(), depth, stop.x - 10, lane + THUMB / 2,
                         stop.x, lane + THUMB / 2)  # fmt: skip
            path.moveTo(stop.x + THUMB, lane + THUMB / 2)
        here = path.currentPosition()
        path.cubicTo(here.x() + 20, depth if not through else lane + THUMB / 2,
                     end.x + THUMB / 2, depth, end.x + THUMB / 2, bottom - LINE)
        curve = QGraphicsPathItem(path)
        curve.setPen(pen(ACCENT, 2, dashed=True))
        self.box.addItem(curve)
        self._text(self.tr("+ skip"), end.x + THUMB / 2 + 3, bottom - LINE, 10, bold=True,
                   color=ACCENT)  # fmt: skip

    # -- drawing, once per input or weights -------------------------------------------------
    def show(self, reading: Reading, image: np.ndarray) -> None:
        """Draw one input (uint8 [C, H, W]) and what the model made of it."""
        self.reading = reading
        picture = image[0] if image.shape[0] == 1 else image.transpose(1, 2, 0)
        placed = self.placed[INPUT]
        placed.item.setImage(np.ascontiguousarray(picture), autoLevels=False, levels=(0, 255))
        side = THUMB * 1.6
        h, w = image.shape[1:]
        placed.item.setRect(QRectF(0, TOP, side * w / max(h, w), side * h / max(h, w)))
        for name, spot in self.placed.items():
            if name != INPUT:
                self._draw_column(spot)
        self._draw_scores(reading.probabilities)

    def _draw_column(self, spot: Placed) -> None:
        values = None if self.reading is None else self.reading.maps.get(spot.name)
        if values is None:
            return
        scale = float(np.abs(values).max()) or 1.0
        if spot.is_strip:
            spot.item.setImage(values.reshape(-1, 1), autoLevels=False, levels=(-scale, scale))
            return
        start = spot.page * spot.page_size
        shown = values[start : start + spot.page_size]
        if spot.up > 1:
            shown = shown.repeat(spot.up, axis=1).repeat(spot.up, axis=2)
        cells = np.full((spot.page_size, *shown.shape[1:]), np.nan, dtype=np.float32)
        cells[: len(shown)] = shown
        spot.item.setImage(tile(cells, 1, spot.pad, np.nan), autoLevels=False,
                           levels=(-scale, scale))  # fmt: skip

    def _draw_scores(self, probabilities: np.ndarray) -> None:
        names = self.overview.class_names
        order = [int(i) for i in np.argsort(-probabilities, kind="stable")[: len(self._bar_names)]]
        if len(names) <= len(self._bar_names):
            order = list(range(len(names)))  # few classes stay in class order
        self._bar_order = order
        top = int(np.argmax(probabilities))
        brushes = [pg.mkBrush(40, 90, 200) if c == top else pg.mkBrush(160, 180, 220)
                   for c in order]  # fmt: skip
        self._bars.setOpts(width=BAR_LENGTH * probabilities[order], brushes=brushes)
        for text, c in zip(self._bar_names, order, strict=True):
            text.setText(names[c])
            text.setFont(font(10, bold=c == top))
        self._predicted.setText(self.tr("predicted: {name}\n{probability} sure").format(
            name=names[top], probability=f"{probabilities[top]:.1%}"))

    # -- pages ------------------------------------------------------------------------------
    def _update_pager(self, spot: Placed) -> None:
        pager = self._pagers.get(spot.name)
        if pager is None:
            return
        total = self.overview.column(spot.name).channels
        first = spot.page * spot.page_size
        pager.setText(self.tr("{first}-{last} of {total} \u25be").format(
            first=first + 1, last=min(total, first + spot.page_size), total=total))

    def next_page(self, name: str) -> None:
        """Show the next page of a column's maps (after the last, the first)."""
        spot = self.placed[name]
        total = self.overview.column(name).channels
        spot.page = (spot.page + 1) % math.ceil(total / spot.page_size)
        self._update_pager(spot)
        self._draw_column(spot)

    # -- hover and click --------------------------------------------------------------------
    def hit(self, view_pos: QPointF) -> tuple[str, int, tuple[int, int]] | None:
        """The column, channel (or unit, or class for a bar) and (row, column) in the map
        at a point in view coordinates, or None."""
        for name, spot in self.placed.items():
            if spot.item.image is None or not spot.rect.contains(view_pos):
                continue
            local = spot.item.mapFromParent(view_pos)
            if name == INPUT:
                return name, 0, (int(local.y()), int(local.x()))
            if spot.is_strip:
                return name, min(int(local.y()), spot.page_size - 1), (0, 0)
            index = cell_at(local.x(), local.y(), (spot.cell_rows, spot.item.image.shape[1]),
                            1, spot.page_size, spot.pad)  # fmt: skip
            channel = None if index is None else spot.page * spot.page_size + index
            if channel is None or channel >= self.overview.column(name).channels:
                return None
            row = int(local.y() - index * (spot.cell_rows + spot.pad)) // spot.up
            return name, channel, (row, int(local.x()) // spot.up)
        x, y = view_pos.x() - self._bar_x, view_pos.y() - self._bar_top
        index = int(y // self._bar_pitch) if y >= 0 else -1
        if -46 <= x <= BAR_LENGTH and 0 <= index < len(self._bar_order):
            return "", self._bar_order[index], (0, 0)
        return None

    def bar_rect(self, rank: int) -> QRectF:
        index = self._bar_order.index(rank)
        return QRectF(self._bar_x, self._bar_top + index * self._bar_pitch, BAR_LENGTH,
                      self._bar_pitch)  # fmt: skip

    def _on_hover(self, scene_pos: QPointF) -> None:
        if self.overview is not None:
            self.hovering.at(self.box.mapSceneToView(scene_pos))

    def click(self, view_pos: QPointF) -> None:
        """A map opens Inspect, a bar Explain, a column's page count its next page."""
        for name, pager in self._pagers.items():
            if pager.mapRectToParent(pager.boundingRect()).contains(view_pos):
                self.next_page(name)
                return
        hit = self.hit(view_pos)
        if hit is None or hit[0] == INPUT:
            return
        name, channel, _ = hit
        (self.class_clicked.emit(channel) if name == "" else self.map_clicked.emit(name, channel))

    def _on_click(self, event) -> None:
        if self.overview is not None and event.button() == Qt.MouseButton.LeftButton:
            self.click(self.box.mapSceneToView(event.scenePos()))

    # -- the view ---------------------------------------------------------------------------
    def fit(self) -> None:
        """The whole height on screen; as much of the width as that leaves, from the left."""
        rect = getattr(self, "size_scene", QRectF())  # resized while pyqtgraph builds it
        if rect.isEmpty():
            return
        aspect = max(1, self.width()) / max(1, self.height())
        width = min(rect.width(), rect.height() * aspect)
        if width >= 0.75 * rect.width():  # a little smaller, and all of it on screen
            width = rect.width()
        self.box.setRange(xRange=(rect.left(), rect.left() + width),
                          yRange=(rect.top(), rect.bottom()), padding=0.01)  # fmt: skip

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit()

    def thumbnail_pixels(self) -> float:
        """How wide a thumbnail is on screen now, in pixels."""
        return THUMB / max(1e-9, self.box.viewPixelSize()[0])

    def _cannot_write(self, path: Path) -> str:
        return self.tr("cannot write {path} (is the folder there, and writable?)").format(
            path=path)

    def export_png(self, path: Path) -> None:
        exporter = pyqtgraph.exporters.ImageExporter(self.box)
        exporter.parameters()["width"] = max(1920, 2 * self.width())
        if exporter.export(str(path)) is False:
            raise OSError(self._cannot_write(path))

    def export_svg(self, path: Path) -> None:
        """The view as shown, as SVG (Qt's generator: pyqtgraph's exporter cannot read back
        the curves of the skip paths)."""
        from PySide6.QtSvg import QSvgGenerator  # only when exporting

        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(self.size())
        generator.setViewBox(self.rect())
        generator.setTitle("cnnviz overview")
        painter = QPainter(generator)
        self.render(painter)
        ended = painter.end()
        if not ended or not Path(path).is_file():
            raise OSError(self._cannot_write(path))
