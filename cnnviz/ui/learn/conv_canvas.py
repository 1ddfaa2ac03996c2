"""The convolution demo's canvas, apart from its controls (issue 22: conv_demo.py had grown
past 450 lines): ConvCanvas lays out the input volume, the filters and the output volume at
the largest cells the room allows, paints them once into a pixmap and, each frame, only the
outlines of the current step. ConvDemo (conv_demo.py) owns one and feeds it a ConvExample and
a Step; the titles are still in the "ConvDemo" translation context.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPen,
    QPixmap,
    QStaticText,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from cnnviz.core.analysis.conv_demo import ConvExample, Step
from cnnviz.ui.learn.conv_text import volume_text
from cnnviz.ui.widgets.style import DISPLAY, follow_scale

INPUT = QColor(198, 219, 255)
PADDING = QColor(230, 236, 246)
WEIGHT = QColor(255, 205, 205)
OUTPUT = QColor(200, 238, 200)
FADE = QColor(255, 255, 255, 170)  # over the filters not in use
WINDOW_PEN = QPen(QColor(20, 60, 160), 3)
FILTER_PEN = QPen(QColor(170, 20, 20), 3)
RESULT_PEN = QPen(QColor(20, 120, 20), 3)
COLUMN_PEN = QPen(QColor(20, 120, 20), 2, Qt.PenStyle.DashLine)  # the rest of the depth column
DROPPED = QColor(200, 60, 0, 150)  # hatching over the rows and columns no window reaches
translate = QCoreApplication.translate
#: a cell's side in pixels: at least MIN_CELL times the display scale, at most MAX_CELL
MIN_CELL, MAX_CELL = 14, 64
#: the numbers' (and titles') size, as a fraction of a cell
DIGITS = 0.55
#: the three volumes (input, filters, output) top to bottom, side by side, and in two rows
#: (input and filters over the output, the input over filters and output): whether the
#: filters and whether the output start a row of their own
STACKED, ACROSS = (True, True), (False, False)
#: (rows, slices_down) of every arrangement ConvCanvas tries, the first preferred on a tie
ARRANGEMENTS = ((STACKED, False), (ACROSS, False), (ACROSS, True), (STACKED, True),
                ((False, True), False), ((True, False), False),
                ((False, True), True), ((True, False), True))  # fmt: skip


@dataclass
class _Layout:
    """Where everything goes at one cell size: a rectangle per slice, titles by position."""

    cell: float
    input_slices: list[QRectF] = field(default_factory=list)
    filter_slices: list[list[QRectF]] = field(default_factory=list)
    biases: list[QRectF] = field(default_factory=list)
    output_slices: list[QRectF] = field(default_factory=list)
    titles: list[tuple[QPointF, str]] = field(default_factory=list)
    extent: QSizeF = field(default_factory=QSizeF)

    @property
    def size(self) -> QSize:
        return QSize(math.ceil(self.extent.width()), math.ceil(self.extent.height()))


def _title_cells(text: str) -> float:
    """How many cells wide a title is: titles are written at DIGITS of a cell."""
    font = QFont()
    font.setPixelSize(100)
    return QFontMetricsF(font).horizontalAdvance(text) * DIGITS / 100


class ConvCanvas(QWidget):
    """Paints the volumes of a ConvExample and the current step; a click on an output cell
    asks for that element (``on_output_clicked``).

    The three volumes go top to bottom, side by side or in two rows, and the slices of the
    input and the output side by side or one under the other: whichever of these
    arrangements gives the largest cells in the room there is, so a wide short pane (a
    projector), a tall narrow one and the pane at a desk at 1280x720 (two rows) all fill
    up. The room kept for the output is what stride 1 would give, so the cells keep their
    size when the stride makes the filter stop tiling the input evenly, or the output goes
    away."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("convCanvas")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.example: ConvExample | None = None
        self.step: Step | None = None
        self.on_output_clicked = lambda k, row, column: None
        self._font = QFont()
        self._volumes: QPixmap | None = None
        self._volumes_key: tuple = ()
        self._numbers: dict[tuple[int, int], tuple[QStaticText, float, float]] = {}
        #: the room the grids take (its scroll area's size, less what the formula above
        #: may still take: conv_demo.py), None: its own size
        self.room: QSize | None = None
        follow_scale(self, self.refit)

    def show_example(self, example: ConvExample, step: Step | None) -> None:
        self.example, self.step = example, step
        self.refit()

    def refit(self) -> None:
        """Keep room for the arrangement that suits the pane at the smallest cells the
        display scale allows (the pane scrolls below that), and draw again."""
        if self.example is not None:
            _, rows, slices_down = self._best(self.room or self.size(), min_cell())
            self.setMinimumSize(self._layout(min_cell(), rows, slices_down).size)
        self.update()

    # -- geometry ---------------------------------------------------------------------------
    def _layout(self, cell: float, rows: tuple[bool, bool] = STACKED,
                slices_down: bool = False) -> _Layout:  # fmt: skip
        """The padded input, the filters (a row each: its slices and bias) and the output,
        each right of the one before or (``rows``: for the filters, for the output) under
        it, on a row of its own; each volume's slices side by side or (``slices_down``) one
        under the other."""
        breaks = iter(rows)
        s = self.example.settings
        layout = _Layout(cell)
        gap, title = cell * 0.6, cell * 1.1
        x = y = 0.0
        right = bottom = 0.0

        def place(count: int, width: float, height: float) -> list[QRectF]:
            step_x, step_y = (0, height + gap) if slices_down else (width + gap, 0)
            return [QRectF(x + i * step_x, y + title + i * step_y, width, height)
                    for i in range(count)]  # fmt: skip

        def close(text: str, block: QSizeF) -> None:
            """The block just placed, with its title: where the next one starts."""
            nonlocal x, y, right, bottom
            layout.titles.append((QPointF(x, y + title - cell * 0.3), text))
            width = max(block.width(), _title_cells(text) * cell)
            right, bottom = max(right, x + width), max(bottom, y + title + block.height())
            if next(breaks, False):
                x, y = 0.0, bottom + gap
            else:
                x += width + 2 * gap

        def extent(rects: list[QRectF]) -> QSizeF:
            united = QRectF()
            for rect in rects:
                united = united.united(rect)
            return QSizeF(united.right() - x, united.bottom() - y - title)

        side_w, side_h = (s.width + 2 * s.padding) * cell, (s.height + 2 * s.padding) * cell
        layout.input_slices = place(s.depth, side_w, side_h)
        close(translate("ConvDemo", "Input volume {volume}, zero padding {padding}").format(
            volume=volume_text(s.width, s.height, s.depth), padding=s.padding),
            extent(layout.input_slices))
        f = s.kernel * cell
        for k in range(s.filters):
            top = y + title + k * (f + gap)
            row = [QRectF(x + d * (f + gap), top, f, f) for d in range(s.depth)]
            layout.filter_slices.append(row)
            bias = QRectF(x + s.depth * (f + gap) + gap, top, cell, cell)
            layout.biases.append(bias)
            layout.titles.append((QPointF(bias.right() + gap, bias.bottom() - cell * 0.3),
                                  translate("ConvDemo", "w{index}, b{index}").format(index=k)))
        labels = QRectF(layout.biases[-1].right() + gap, y + title, 3 * cell, 0)
        close(translate("ConvDemo", "Filters: {count} of {volume}, a bias each").format(
            count=s.filters, volume=volume_text(s.kernel, s.kernel, s.depth)),
            extent([*layout.filter_slices[-1], labels, *layout.biases]))
        # room for stride 1's output, the largest these sizes can give
        room_w = max(1, s.width + 2 * s.padding - s.kernel + 1) * cell
        room_h = max(1, s.height + 2 * s.padding - s.kernel + 1) * cell
        room = place(s.filters, room_w, room_h)
        if s.valid:
            layout.output_slices = [QRectF(r.topLeft(), QSizeF(s.output_width * cell,
                                                               s.output_height * cell))
                                    for r in room]  # fmt: skip
            text = translate("ConvDemo", "Output volume {volume}").format(
                volume=volume_text(s.output_width, s.output_height, s.filters))
        else:
            text = translate("ConvDemo", "Output volume: none, the filter is larger than the "
                             "padded input")
        close(text, extent(room))
        layout.extent = QSizeF(right + 2, bottom + cell * 0.5)
        return layout

    def _best(self, room: QSize, least: float) -> tuple[float, tuple[bool, bool], bool]:
        """The cell size and arrangement (rows, slices_down) with the largest cells that
        fit ``room``, at cells from ``least`` to MAX_CELL."""
        best: tuple[float, tuple[bool, bool], bool] | None = None
        for rows, slices_down in ARRANGEMENTS:
            # the 2 pixels the layout adds at any cell size, so that the frames are whole
            unit = self._layout(1.0, rows, slices_down).extent - QSizeF(2, 0)
            cell = min((room.width() - 2) / unit.width(), room.height() / unit.height())
            cell = max(least, min(MAX_CELL, cell))
            if best is None or cell > best[0]:
                best = (cell, rows, slices_down)
        return best

    def fitted_layout(self) -> _Layout:
        """The layout at the largest cell size that fits the room (within limits)."""
        return self._layout(*self._best(self.room or self.size(), min_cell()))

    def sizeHint(self) -> QSize:
        return self._layout(24).size if self.example is not None else QSize(400, 300)

    # -- painting ---------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        if self.example is None:
            return
        layout = self.fitted_layout()
        key = (id(self.example), layout.cell, self.width(), self.height(),
               self.devicePixelRatioF())  # fmt: skip
        if self._volumes is None or key != self._volumes_key:
            self._volumes, self._volumes_key = self._paint_volumes(layout), key
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._volumes)
        step, kernel = self.step, self.example.settings.kernel
        if step is not None:
            for rect in layout.input_slices:
                self._outline(painter, rect, layout.cell, step.top, step.left, kernel, kernel,
                              WINDOW_PEN)  # fmt: skip
            for k, (row, bias) in enumerate(zip(layout.filter_slices, layout.biases,
                                                strict=True)):  # fmt: skip
                if k != step.filter:
                    for rect in (*row, bias):
                        painter.fillRect(rect.adjusted(-1, -1, 1, 1), FADE)
            painter.setPen(FILTER_PEN)
            for rect in layout.filter_slices[step.filter]:
                painter.drawRect(rect)
            for k, rect in enumerate(layout.output_slices):
                self._outline(painter, rect, layout.cell, step.row, step.column, 1, 1,
                              RESULT_PEN if k == step.filter else COLUMN_PEN)  # fmt: skip
        painter.end()

    def _paint_volumes(self, layout: _Layout) -> QPixmap:
        """Every slice with its numbers, the titles, no highlight: what stays the same from
        one step to the next."""
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(int(self.width() * ratio), int(self.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.white)
        painter = QPainter(pixmap)
        self._font.setPixelSize(max(8, int(layout.cell * DIGITS)))
        painter.setFont(self._font)
        example, s = self.example, self.example.settings
        painter.setPen(Qt.GlobalColor.black)
        for point, text in layout.titles:
            painter.drawText(point, text)
        padded = example.padded
        for d, rect in enumerate(layout.input_slices):
            self._grid(painter, rect, layout.cell, padded[d], INPUT, s.padding)
            self._hatch_dropped(painter, rect, layout.cell)
        for k, (row, bias) in enumerate(zip(layout.filter_slices, layout.biases, strict=True)):
            for d, rect in enumerate(row):
                self._grid(painter, rect, layout.cell, example.weights[k, d], WEIGHT, 0)
            self._grid(painter, bias, layout.cell, example.bias[k : k + 1, None], WEIGHT, 0)
        for k, rect in enumerate(layout.output_slices):
            self._grid(painter, rect, layout.cell, example.output[k], OUTPUT, 0)
        painter.end()
        return pixmap

    def _grid(self, painter: QPainter, rect: QRectF, cell: float, values, colour: QColor,
              border: int) -> None:  # fmt: skip
        """One slice: a cell per value, ``border`` rings of padding in a paler colour. Fills
        and lines go in a few calls per slice and the numbers are cached static texts, so
        that thousands of cells paint in a few tens of milliseconds."""
        rows, columns = values.shape
        painter.fillRect(rect, PADDING if border else colour)
        if border:
            painter.fillRect(QRectF(rect.x() + border * cell, rect.y() + border * cell,
                                    (columns - 2 * border) * cell, (rows - 2 * border) * cell),
                             colour)  # fmt: skip
        painter.setPen(QPen(QColor(150, 150, 150), 1))
        painter.drawLines([QLineF(rect.x(), rect.y() + r * cell, rect.right(), rect.y() + r * cell)
                           for r in range(rows + 1)]
                          + [QLineF(rect.x() + c * cell, rect.y(), rect.x() + c * cell,
                                    rect.bottom()) for c in range(columns + 1)])  # fmt: skip
        painter.setPen(QColor(20, 20, 20))
        draw = painter.drawStaticText
        for r, row in enumerate(values.tolist()):
            y = rect.y() + (r + 0.5) * cell
            for c, value in enumerate(row):
                text, half_width, half_height = self._number(value, painter)
                draw(QPointF(rect.x() + (c + 0.5) * cell - half_width, y - half_height), text)

    def _hatch_dropped(self, painter: QPainter, rect: QRectF, cell: float) -> None:
        """Hatch the padded slice's last columns and rows that no window reaches."""
        s = self.example.settings
        if not s.valid:
            return
        columns, rows = s.dropped(s.width), s.dropped(s.height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(DROPPED, Qt.BrushStyle.BDiagPattern))
        if columns:
            painter.drawRect(QRectF(rect.right() - columns * cell, rect.y(), columns * cell,
                                    rect.height()))  # fmt: skip
        if rows:
            painter.drawRect(QRectF(rect.x(), rect.bottom() - rows * cell, rect.width(),
                                    rows * cell))  # fmt: skip
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _number(self, value: int, painter: QPainter) -> tuple[QStaticText, float, float]:
        """A number as a static text laid out once per font size, with half its size."""
        key = (value, self._font.pixelSize())
        if key not in self._numbers:
            text = QStaticText(str(value))
            text.prepare(painter.transform(), self._font)
            self._numbers[key] = (text, text.size().width() / 2, text.size().height() / 2)
        return self._numbers[key]

    @staticmethod
    def _outline(painter: QPainter, rect: QRectF, cell: float, row: int, column: int,
                 height: int, width: int, pen: QPen) -> None:  # fmt: skip
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(rect.x() + column * cell, rect.y() + row * cell,
                                width * cell, height * cell))  # fmt: skip

    # -- input ------------------------------------------------------------------------------
    def output_cell_at(self, point: QPointF) -> tuple[int, int, int] | None:
        """(filter, row, column) of the output cell under a point, or None."""
        if self.example is None:
            return None
        layout = self.fitted_layout()
        for k, rect in enumerate(layout.output_slices):
            if rect.contains(point):
                return (k, int((point.y() - rect.y()) // layout.cell),
                        int((point.x() - rect.x()) // layout.cell))  # fmt: skip
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        cell = self.output_cell_at(event.position())
        if cell is not None:
            self.on_output_clicked(*cell)


def min_cell() -> float:
    """The smallest cell side at the display scale: a projector's numbers stay readable."""
    return MIN_CELL * DISPLAY.scale
