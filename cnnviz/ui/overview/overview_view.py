"""The Overview's picture: the input on the left, a column of feature-map thumbnails per
layer, the class scores on the right, in one pannable, zoomable pyqtgraph ViewBox.

Everything is laid out in scene units, text included, so the page zooms as one picture and
exports as one. The layout is made for the view's size and the display scale (placement.py:
captions at the type scale's size, thumbnails as large as the rest of the height allows), once
per model and again when either changes. A new input or new weights only change pixels: each
column is ONE ImageItem whose image is its page of maps stacked with transparent (NaN) gaps, so
a redraw is one ``setImage`` per column and one ``setOpts`` for the bars, and no item is made or
removed (pyqtgraph's advice for speed). The maps of a layer share one colour scale, symmetric
about zero (blue below, red above), so a strong map stands out from a weak one, as in CNN
Explainer.

A residual block's skip path runs in a lane under the main row: a curve from the block's
input, through its projection's columns when it has one, to the sum, marked with a "+". A model
without skips has no lane: its thumbnails take that height.
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters
from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsRectItem, QGraphicsSimpleTextItem

from cnnviz.core.analysis.mosaic import cell_at, tile
from cnnviz.core.analysis.overview import INPUT, Column, Overview, Reading
from cnnviz.ui.overview.hover import Hover
from cnnviz.ui.overview.placement import (
    ACCENT,
    FRAME,
    GAP,
    HOVER_LINE,
    INPUT_SIDE,
    LARGEST_PAGE,
    PAGE,
    SKIP_PAGE,
    WRAP_FACTORS,
    Caption,
    Placed,
    Sizes,
    caption,
    pen,
    thumb_side,
)
from cnnviz.ui.shell.i18n import translate_text
from cnnviz.ui.widgets.charts import MAX_BARS, bar_brushes, lookup_table
from cnnviz.ui.widgets.style import (
    AXIS,
    CAPTION_PT,
    DISPLAY,
    TEXT,
    TITLE_PT,
    follow_scale,
    font,
)

#: rows of caption lines around the maps: the block row (its name and bracket), the space
#: between a caption and its maps, a page count under them, and the skip path's dip
BLOCK_ROWS, CAPTION_GAP, PAGER_ROWS, DIP_ROWS = 1.6, 0.3, 1.3, 1.6


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
        self._image: np.ndarray | None = None
        self.placed: dict[str, Placed] = {}
        self.sizes = Sizes.of_captions()
        self.size_scene = QRectF()
        self._laid_out_for: tuple[int, int, float] | None = None
        self._lut = lookup_table("CET-D1")
        self._bars: pg.BarGraphItem | None = None
        self._bar_order: list[int] = []
        self._bar_names: list[QGraphicsSimpleTextItem] = []
        self._bar_top = 0.0
        self._bar_pitch = 1.0
        self._bar_x = 0.0
        self._scores_x = 0.0
        self._predicted: QGraphicsSimpleTextItem | None = None
        self._pagers: dict[str, QGraphicsSimpleTextItem] = {}
        self.hovering = Hover(self)
        self.scene().sigMouseMoved.connect(self._on_hover)
        self.scene().sigMouseClicked.connect(self._on_click)
        follow_scale(self, self._follow_view)

    # -- layout, once per model and per view size -------------------------------------------
    def set_overview(self, overview: Overview) -> None:
        """Lay out a model's columns; nothing is drawn in them until ``show``."""
        self.overview, self.reading, self._image = overview, None, None
        self.placed = {}
        self._lay_out()

    def _view_key(self) -> tuple[int, int, float]:
        """What the layout depends on: the view's size and the captions' line."""
        return self.width(), self.height(), Sizes.of_captions().line

    def _follow_view(self) -> None:
        """Lay the page out again for a new view size or display scale (with the pages and
        the reading it showed); else only fit it."""
        if self.overview is not None and self._view_key() != self._laid_out_for:
            self._lay_out()
            if self.reading is not None and self._image is not None:
                self.show(self.reading, self._image)
        else:
            self.fit()

    def _lay_out(self) -> None:
        overview = self.overview
        self._laid_out_for = self._view_key()
        pages = {name: spot.page for name, spot in self.placed.items()}
        self.box.clear()
        self.placed, self._pagers = {}, {}
        scores = overview.scores_column
        main = [c for c in overview.columns if not c.skip]
        maps = list(itertools.takewhile(lambda c: c is not scores, main))
        skip_columns = [c for c in overview.columns if c.skip]
        biggest = max((c.channels for c in main if c.has_maps), default=1)
        # presenting, fewer maps at once and each larger, as the text is
        page = biggest if biggest <= LARGEST_PAGE else round(PAGE / DISPLAY.scale)
        sizes = Sizes.of_captions()
        line = sizes.line
        has_blocks = any(c.block for c in main)
        room = QSizeF(self.width(), self.height())
        # captions wrap at a column's width in a classroom; narrower, down to a few words a
        # line, where the whole page would not fit the width otherwise (presenting at 1280
        # wide, the class scores went off the right edge)
        for wrap in (factor * line for factor in WRAP_FACTORS):
            captions = {c.name: caption(self._column_lines(c), wrap)
                        for c in maps + skip_columns}  # fmt: skip
            captions[INPUT] = caption([self.tr("input"), "x".join(map(str,
                                       overview.inspector.input_shape)), self.tr("the image")],
                                      wrap)  # fmt: skip
            scores_caption = caption(self._scores_lines(scores), wrap)
            rows = max(c.rows for c in captions.values())
            caption_top = sizes.margin + (BLOCK_ROWS * line if has_blocks else 0.0)
            top = caption_top + (rows + CAPTION_GAP) * line
            fixed = top + PAGER_ROWS * line + sizes.margin
            per_thumb = max(page * GAP, INPUT_SIDE)
            lane_rows = max((captions[c.name].rows for c in skip_columns), default=0)
            if overview.skips:
                fixed += DIP_ROWS * line
            if skip_columns:
                fixed += (lane_rows + CAPTION_GAP + PAGER_ROWS) * line
                per_thumb += SKIP_PAGE * GAP
            scores_width = self._scores_width(scores_caption, sizes)

            def width_at(side: float, captions: dict[str, Caption] = captions,
                         scores_width: float = scores_width) -> float:  # fmt: skip
                end = self._xs(maps, captions, Sizes(line, side), page)[-1]
                return end + scores_width + sizes.margin

            side = thumb_side(room, fixed, per_thumb, width_at)
            if width_at(side) <= room.width():
                break
        self.sizes = sizes = Sizes(line, side)
        xs = self._xs(maps, captions, sizes, page)
        self._place_input(captions[INPUT], caption_top, top)
        for column, x in zip(maps, xs[1:], strict=False):
            self._place(column, x, top, page, captions[column.name], caption_top)
        bottom = top + max(page * GAP, INPUT_SIDE) * sizes.thumb + PAGER_ROWS * line
        lane = bottom + (DIP_ROWS + lane_rows + CAPTION_GAP) * line
        for skip in overview.skips:
            start, end = self.placed[skip.source].x, self.placed[skip.merge].x
            for i, name in enumerate(skip.through):
                share = (i + 1) / (len(skip.through) + 1)
                self._place(overview.column(name), start + share * (end - start), lane,
                            SKIP_PAGE, captions[name], bottom + DIP_ROWS * line)  # fmt: skip
        self._place_scores(scores, scores_caption, xs[-1], caption_top,
                           max(top, caption_top + (scores_caption.rows + CAPTION_GAP) * line))
        self._draw_blocks(main)
        for skip in overview.skips:
            self._draw_skip(skip.source, skip.through, skip.merge, bottom, lane)
        for name, page_shown in pages.items():
            if name in self._pagers:
                self.placed[name].page = page_shown
                self._update_pager(self.placed[name])
        self.hovering.attach()
        height = max(fixed + per_thumb * sizes.thumb, self._scores_bottom + sizes.margin)
        self.size_scene = QRectF(-sizes.margin, 0, width_at(sizes.thumb) + sizes.margin,
                                 height)  # fmt: skip
        self.fit()

    def _xs(self, maps: list[Column], captions: dict[str, Caption], sizes: Sizes,
            page: int) -> list[float]:  # fmt: skip
        """Where the input, each column of maps and the scores start: each column as wide as
        its thumbnails, its caption and its page count."""
        xs = [0.0, max(INPUT_SIDE * sizes.thumb, captions[INPUT].width) + sizes.gap]
        plain = QFontMetricsF(font(CAPTION_PT))
        for column in maps:
            count = self._pager_text(column.channels, column.channels, column.channels)
            pager = plain.horizontalAdvance(count) if column.channels > page else 0.0
            xs.append(xs[-1] + max(sizes.thumb, captions[column.name].width, pager) + sizes.gap)
        return xs

    def _text(self, text: str, x: float, y: float, bold: bool = False,
              color: QColor = TEXT) -> QGraphicsSimpleTextItem:  # fmt: skip
        item = QGraphicsSimpleTextItem(text)
        item.setFont(font(CAPTION_PT, bold))
        item.setBrush(color)
        item.setPos(x, y)
        self.box.addItem(item)
        return item

    def _labels(self, text: Caption, x: float, y: float) -> None:
        for i, line in enumerate(text.lines):
            self._text(line, x, y, bold=i == 0, color=TEXT if i == 0 else AXIS)
            y += (line.count("\n") + 1) * self.sizes.line

    def _place_input(self, text: Caption, caption_top: float, top: float) -> None:
        item = pg.ImageItem(axisOrder="row-major")
        self.box.addItem(item)
        self.placed[INPUT] = Placed(INPUT, 0.0, top, item, 1)
        self._labels(text, 0.0, caption_top)

    def _column_lines(self, column: Column) -> list[str]:
        return [translate_text(column.title), column.shape, self._parameters(column),
                self.tr("RF {field}").format(field=column.field) if column.field else ""]

    def _place(self, column: Column, x: float, y: float, page: int, text: Caption,
               caption_top: float) -> None:  # fmt: skip
        item = pg.ImageItem(axisOrder="row-major")
        item.setLookupTable(self._lut)
        self.box.addItem(item)
        frame = None
        thumb = self.sizes.thumb
        if column.has_maps:
            h, w = column.output_shape[1:]
            up = math.ceil(7 / min(h, w)) if min(h, w) < 7 else 1
            pad = max(1, round(0.15 * h * up))
            size = min(page, column.channels)
            placed = Placed(column.name, x, y, item, size, up, pad)
            empty = np.full((size * (h * up + pad) - pad, w * up), np.nan, dtype=np.float32)
            item.setImage(empty, autoLevels=False, levels=(-1, 1))
            scale = thumb / max(h * up, w * up)
            item.setRect(QRectF(x, y, w * up * scale, empty.shape[0] * scale))
            frame = QRectF(x, y, w * up * scale, empty.shape[0] * scale)
            if column.channels > size:
                self._pagers[column.name] = self._text(
                    "", x, frame.bottom() + 0.15 * self.sizes.line, color=HOVER_LINE)
        else:
            units = column.channels
            placed = Placed(column.name, x, y, item, units, is_strip=True)
            item.setImage(np.full((units, 1), np.nan, np.float32), autoLevels=False,
                          levels=(-1, 1))  # fmt: skip
            height = (page if not column.skip else SKIP_PAGE) * thumb * GAP
            frame = QRectF(x + thumb * 0.3, y, thumb * 0.4, height)
            item.setRect(frame)
        placed.width = max(thumb, text.width)
        border = QGraphicsRectItem(frame)
        border.setPen(pen(FRAME, 1))
        self.box.addItem(border)
        self.placed[column.name] = placed
        self._labels(text, x, caption_top)
        self._update_pager(placed)

    def _parameters(self, column: Column) -> str:
        if column.parameters == "0":
            return self.tr("no params")
        return self.tr("{count} params").format(count=column.parameters)

    def _scores_lines(self, scores: Column | None) -> list[str]:
        if scores is not None:
            return [translate_text(scores.title), scores.shape, self._parameters(scores),
                    self.tr("class scores (softmax)")]  # fmt: skip
        return [self.tr("class scores"), str(len(self.overview.class_names)), "softmax"]

    def _predicted_text(self, name: str, probability: float) -> str:
        return self.tr("predicted: {name}\n{probability} sure").format(
            name=name, probability=f"{probability:.1%}")

    def _scores_width(self, text: Caption, sizes: Sizes) -> float:
        """The scores' caption, their class names and bars, or the prediction under them,
        whichever is widest."""
        names = self.overview.class_names
        bold = QFontMetricsF(font(CAPTION_PT, True))
        self._names_width = max(bold.horizontalAdvance(name) for name in names)
        predicted = QFontMetricsF(font(TITLE_PT, True)).boundingRect(
            QRectF(), 0, self._predicted_text(max(names, key=len), 1.0)).width()
        return max(text.width, self._names_width + 0.5 * sizes.line + sizes.bar_length,
                   predicted)  # fmt: skip

    def _place_scores(self, scores: Column | None, text: Caption, x: float, caption_top: float,
                      top: float) -> None:  # fmt: skip
        """The class scores as bars; the last layer's own column when it gives them."""
        names, line = self.overview.class_names, self.sizes.line
        self._labels(text, x, caption_top)
        shown = min(MAX_BARS, len(names))
        self._scores_x, self._bar_top = x, top
        self._bar_x = x + self._names_width + 0.5 * line
        self._bar_pitch = 1.3 * line
        self._bar_order = list(range(shown))
        self._bar_names = [self._text("", x, top + i * self._bar_pitch + 0.15 * line)
                           for i in range(shown)]  # fmt: skip
        self._bars = pg.BarGraphItem(x0=self._bar_x, y=top + (np.arange(shown) + 0.5)
                                     * self._bar_pitch, height=0.75 * self._bar_pitch,
                                     width=np.zeros(shown), brushes=bar_brushes(shown, 0))
        self.box.addItem(self._bars)
        self._predicted = self._text("", x, top + shown * self._bar_pitch + 0.4 * line)
        self._predicted.setFont(font(TITLE_PT, True))
        self._scores_bottom = self._predicted.y() + 2 * QFontMetricsF(
            font(TITLE_PT, True)).lineSpacing()
        self.placed_scores = scores.name if scores is not None else None

    def _draw_blocks(self, main: list[Column]) -> None:
        """A bracket over the columns of each enclosing module (a residual block, a stage),
        its name shortened to the bracket's width."""
        runs: list[list[Column]] = []
        for column in main:
            if column.block and runs and runs[-1][0].block == column.block:
                runs[-1].append(column)
            elif column.block:
                runs.append([column])
        line = self.sizes.line
        metrics = QFontMetricsF(font(CAPTION_PT))
        y = self.sizes.margin + line
        for run in runs:
            first, last = self.placed.get(run[0].name), self.placed.get(run[-1].name)
            if first is None or last is None:
                continue
            right = last.x + last.width
            path = QPainterPath(QPointF(first.x, y + 0.4 * line))
            path.lineTo(first.x, y + 0.1 * line)
            path.lineTo(right, y + 0.1 * line)
            path.lineTo(right, y + 0.4 * line)
            bracket = QGraphicsPathItem(path)
            bracket.setPen(pen(AXIS, 1))
            self.box.addItem(bracket)
            residual = any(s.merge == run[-1].name for s in self.overview.skips)
            block = run[0].block
            name = self.tr("{block} (residual block)").format(block=block) if residual else block
            self._text(metrics.elidedText(name, Qt.TextElideMode.ElideRight, right - first.x),
                       first.x, self.sizes.margin, color=AXIS)  # fmt: skip

    def _draw_skip(self, source: str, through: tuple[str, ...], merge: str, bottom: float,
                   lane: float) -> None:  # fmt: skip
        """The skip connection: under the main row, from the block's input to the sum."""
        start, end = self.placed[source], self.placed[merge]
        thumb, line = self.sizes.thumb, self.sizes.line
        path = QPainterPath(QPointF(start.x + thumb / 2, bottom))
        depth = bottom + 0.8 * DIP_ROWS * line
        for name in through:
            stop = self.placed[name]
            path.cubicTo(path.currentPosition().x(), depth, stop.x - 10, lane + thumb / 2,
                         stop.x, lane + thumb / 2)  # fmt: skip
            path.moveTo(stop.x + thumb, lane + thumb / 2)
        here = path.currentPosition()
        path.cubicTo(here.x() + 20, depth if not through else lane + thumb / 2,
                     end.x + thumb / 2, depth, end.x + thumb / 2, bottom)
        curve = QGraphicsPathItem(path)
        curve.setPen(pen(ACCENT, 2, dashed=True))
        self.box.addItem(curve)
        self._text(self.tr("+ skip"), end.x + thumb / 2 + 0.3 * line, bottom, bold=True,
                   color=ACCENT)  # fmt: skip

    # -- drawing, once per input or weights -------------------------------------------------
    def show(self, reading: Reading, image: np.ndarray) -> None:
        """Draw one input (uint8 [C, H, W]) and what the model made of it."""
        self.reading, self._image = reading, image
        picture = image[0] if image.shape[0] == 1 else image.transpose(1, 2, 0)
        placed = self.placed[INPUT]
        placed.item.setImage(np.ascontiguousarray(picture), autoLevels=False, levels=(0, 255))
        side = self.sizes.thumb * INPUT_SIDE
        h, w = image.shape[1:]
        placed.item.setRect(QRectF(0, placed.y, side * w / max(h, w), side * h / max(h, w)))
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
        self._bars.setOpts(width=self.sizes.bar_length * probabilities[order], brushes=brushes)
        for text, c in zip(self._bar_names, order, strict=True):
            text.setText(names[c])
            text.setFont(font(CAPTION_PT, bold=c == top))
        self._predicted.setText(self._predicted_text(names[top], probabilities[top]))

    # -- pages ------------------------------------------------------------------------------
    def _update_pager(self, spot: Placed) -> None:
        pager = self._pagers.get(spot.name)
        if pager is None:
            return
        total = self.overview.column(spot.name).channels
        first = spot.page * spot.page_size
        pager.setText(self._pager_text(first + 1, min(total, first + spot.page_size), total))

    def _pager_text(self, first: int, last: int, total: int) -> str:
        return self.tr("{first}-{last} of {total} \u25be").format(first=first, last=last,
                                                                  total=total)

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
        on_bars = self._scores_x - self._bar_x <= x <= self.sizes.bar_length
        if on_bars and 0 <= index < len(self._bar_order):
            return "", self._bar_order[index], (0, 0)
        return None

    def bar_rect(self, rank: int) -> QRectF:
        index = self._bar_order.index(rank)
        return QRectF(self._bar_x, self._bar_top + index * self._bar_pitch,
                      self.sizes.bar_length, self._bar_pitch)  # fmt: skip

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
        """The whole page on screen, from the top left. Laid out for this view, it is about
        as high or as wide as the view, and its captions land at their size; a page the
        layout could not fit (thumbnails made smaller, captions wrapped narrower: it tried)
        is shown whole, a little smaller, rather than with the class scores cut off."""
        rect = getattr(self, "size_scene", QRectF())  # resized while pyqtgraph builds it
        if rect.isEmpty():
            return
        aspect = max(1, self.width()) / max(1, self.height())
        width = max(rect.width(), rect.height() * aspect)
        self.box.setRange(xRange=(rect.left(), rect.left() + width),
                          yRange=(rect.top(), rect.top() + width / aspect), padding=0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if hasattr(self, "hovering"):  # resized while pyqtgraph builds it
            self._follow_view()

    def thumbnail_pixels(self) -> float:
        """How wide a thumbnail is on screen now, in pixels."""
        return self.sizes.thumb / max(1e-9, self.box.viewPixelSize()[0])

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
