"""The tutorial's animated convolution, live: an input volume (blue), K filters (red) and the
output volume (green), each depth slice drawn side by side, and one output element worked out
at a time: the window on every input slice, the element-wise products, their sum, the bias
and the result. The output's depth column (fibre) at that position is outlined too: K outputs
that look at the same window with different filters. When the filter does not tile the padded
input evenly, the rows and columns PyTorch drops are hatched.

The numbers come from core.analysis.conv_demo; this module only lays them out. The volumes
are painted once into a pixmap (again only when the settings, the numbers or the size
change); a frame draws that pixmap and the few outlines of the current step, so it takes a
few milliseconds even for thousands of cells (see benchmarks/learn_speed.py).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QLineF,
    QObject,
    QPointF,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    QTimer,
)
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
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cnnviz.core.analysis.conv_demo import LIMITS, ConvExample, ConvSettings, Step, number_text
from cnnviz.ui.learn.notes import NotesPane, beside_notes, notes_label
from cnnviz.ui.widgets.controls import labelled_spin
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
#: (across, slices_down) of every arrangement ConvCanvas tries, the first preferred on a tie
ARRANGEMENTS = ((False, False), (True, False), (True, True), (False, True))
#: (objectName, label, tooltip, the ConvSettings field); the bounds are the core's LIMITS
SPINS = (
    ("convWidthSpin", QT_TRANSLATE_NOOP("ConvDemo", "W"),
     QT_TRANSLATE_NOOP("ConvDemo", "Input width W1"), "width"),
    ("convHeightSpin", QT_TRANSLATE_NOOP("ConvDemo", "H"),
     QT_TRANSLATE_NOOP("ConvDemo", "Input height H1"), "height"),
    ("convDepthSpin", QT_TRANSLATE_NOOP("ConvDemo", "D"),
     QT_TRANSLATE_NOOP("ConvDemo", "Input depth D1 (channels)"), "depth"),
    ("convFiltersSpin", QT_TRANSLATE_NOOP("ConvDemo", "K"),
     QT_TRANSLATE_NOOP("ConvDemo", "Number of filters K: the output's depth"), "filters"),
    ("convKernelSpin", QT_TRANSLATE_NOOP("ConvDemo", "F"),
     QT_TRANSLATE_NOOP("ConvDemo", "Filter size F (F x F)"), "kernel"),
    ("convStrideSpin", QT_TRANSLATE_NOOP("ConvDemo", "S"),
     QT_TRANSLATE_NOOP("ConvDemo", "Stride S"), "stride"),
    ("convPaddingSpin", QT_TRANSLATE_NOOP("ConvDemo", "P"),
     QT_TRANSLATE_NOOP("ConvDemo", "Zero padding P"), "padding"),
)


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

    The three volumes go top to bottom or side by side, and the slices of the input and the
    output side by side or one under the other: whichever of these arrangements gives the
    largest cells in the room there is, so a wide short pane (a projector) and a tall narrow
    one both fill up. The room kept for the output is what stride 1 would give, so the cells
    keep their size when the stride makes the filter stop tiling the input evenly, or the
    output goes away."""

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
        #: the room the canvas is shown in (its scroll area's size), None: its own size
        self.room: QSize | None = None
        follow_scale(self, self.refit)

    def show_example(self, example: ConvExample, step: Step | None) -> None:
        self.example, self.step = example, step
        self.refit()

    def refit(self) -> None:
        """Keep room for the arrangement that suits the pane at the smallest cells the
        display scale allows (the pane scrolls below that), and draw again."""
        if self.example is not None:
            _, across, slices_down = self._best(self.room or self.size(), min_cell())
            self.setMinimumSize(self._layout(min_cell(), across, slices_down).size)
        self.update()

    # -- geometry ---------------------------------------------------------------------------
    def _layout(self, cell: float, across: bool = False, slices_down: bool = False) -> _Layout:
        """The padded input, the filters (a row each: its slices and bias) and the output,
        top to bottom or (``across``) left to right; each volume's slices side by side or
        (``slices_down``) one under the other."""
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
            if across:
                x += width + 2 * gap
            else:
                y += title + block.height() + gap

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

    def _best(self, room: QSize, least: float) -> tuple[float, bool, bool]:
        """The cell size and arrangement (across, slices_down) with the largest cells that
        fit ``room``, at cells from ``least`` to MAX_CELL."""
        best: tuple[float, bool, bool] | None = None
        for across, slices_down in ARRANGEMENTS:
            # the 2 pixels the layout adds at any cell size, so that the frames are whole
            unit = self._layout(1.0, across, slices_down).extent - QSizeF(2, 0)
            cell = min((room.width() - 2) / unit.width(), room.height() / unit.height())
            cell = max(least, min(MAX_CELL, cell))
            if best is None or cell > best[0]:
                best = (cell, across, slices_down)
        return best

    def fitted_layout(self) -> _Layout:
        """The layout at the largest cell size that fits the widget (within limits)."""
        return self._layout(*self._best(self.size(), min_cell()))

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


def _signed(value: int) -> str:
    return f"({value})" if value < 0 else str(value)


def volume_text(width: int, height: int, depth: int) -> str:
    """A volume in the tutorial's order, with the order said: "5x5x3 (W×H×D)"."""
    return translate("ConvDemo", "{width}x{height}x{depth} (W×H×D)").format(
        width=width, height=height, depth=depth)


def step_text(step: Step, column: list[int]) -> str:
    """How one output element comes about, as rich text: a line of products per depth slice,
    then the sum, the bias and the result; last, the depth column at that position (the
    outputs of every filter there)."""
    f = len(step.window[0])
    lines = [translate("ConvDemo", "<b>o[{row},{column},{filter}]</b> (row {row}, column "
                       "{column} of output slice {filter}): filter w{filter} on rows "
                       "{top}-{bottom}, columns {left}-{right} of the padded input").format(
        row=step.row, column=step.column, filter=step.filter, top=step.top,
        bottom=step.top + f - 1, left=step.left, right=step.left + f - 1)]
    for d, (window, weights) in enumerate(zip(step.window, step.weights, strict=True)):
        products = " + ".join(f"{int(x)}·{_signed(int(w))}" for x, w in
                              zip(window.flat, weights.flat, strict=True))  # fmt: skip
        lines.append(translate("ConvDemo", "slice {index}: {products} = {sum}").format(
            index=d, products=products, sum=step.slice_sums[d]))
    lines.append(translate("ConvDemo", "{sums} + bias b{filter} {bias} = <b>{result}</b>").format(
        sums=" + ".join(_signed(v) for v in step.slice_sums), filter=step.filter,
        bias=_signed(step.bias), result=step.result))
    lines.append(translate(
        "ConvDemo", "Depth column (fibre) at row {row}, column {column}: {values}, one output "
        "per filter, all looking at the same window with different filters (outlined in every "
        "output slice).").format(row=step.row, column=step.column,
                                 values=", ".join(map(str, column))))
    return "<br>".join(lines)


class ConvDemo(QWidget):
    """The convolution demo: its settings, the formula, the canvas and the step controls."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("convDemo")
        self.seed = 0
        self.spins: dict[str, QSpinBox] = {}
        settings_row = QHBoxLayout()
        defaults = ConvSettings()
        for name, label, tooltip, key in SPINS:
            caption, spin = labelled_spin(name, translate("ConvDemo", label),
                                          translate("ConvDemo", tooltip), *LIMITS[key],
                                          getattr(defaults, key))  # fmt: skip
            settings_row.addWidget(caption)
            settings_row.addWidget(spin)
            self.spins[key] = spin
            spin.valueChanged.connect(lambda _: self.rebuild())
        settings_row.addStretch(1)
        self.step_button = QPushButton(self.tr("Step"), objectName="convStepButton")
        self.step_button.setToolTip(self.tr("Work out the next output element"))
        self.play_button = QPushButton(self.tr("Play"), objectName="convPlayButton")
        self.play_button.setCheckable(True)
        self.play_button.setToolTip(self.tr("Work out one output element after another"))
        self.speed_slider = QSlider(Qt.Orientation.Horizontal, objectName="convSpeedSlider")
        self.speed_slider.setRange(1, 10)
        self.speed_slider.setValue(2)
        self.speed_slider.setToolTip(self.tr("Steps per second while playing"))
        self.speed_slider.setMaximumWidth(120)
        self.numbers_button = QPushButton(self.tr("New numbers"), objectName="convNumbersButton")
        self.numbers_button.setToolTip(self.tr("Draw new random inputs, weights and biases"))
        buttons_row = QHBoxLayout()
        for widget in (self.step_button, self.play_button, QLabel(self.tr("Speed")),
                       self.speed_slider, self.numbers_button):  # fmt: skip
            buttons_row.addWidget(widget)
        buttons_row.addStretch(1)
        self.formula_label = QLabel(objectName="convFormulaLabel")
        self.formula_label.setWordWrap(True)
        self.formula_label.setTextFormat(Qt.TextFormat.RichText)
        self.canvas = ConvCanvas()
        self.canvas.on_output_clicked = self.go_to
        scroll = QScrollArea()
        scroll.setWidget(self.canvas)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.installEventFilter(self)
        self.computation_label = QLabel(objectName="convComputation")
        self.computation_label.setWordWrap(True)
        self.computation_label.setTextFormat(Qt.TextFormat.RichText)
        self.computation_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        demo = QVBoxLayout()
        demo.addLayout(settings_row)
        demo.addLayout(buttons_row)
        demo.addWidget(self.formula_label)
        demo.addWidget(scroll, 1)
        demo.addWidget(self.computation_label)
        self.notes = NotesPane("convNotes", [notes_label("convNotesText", self.tr(
            "<p><b>Local connectivity</b></p>"
            "<p>A neuron of a convolutional layer does not look at the whole input. It looks "
            "at a small window, F×F pixels wide and high, but through the full depth of the "
            "input: all D1 channels. That window is its <b>receptive field</b>. So a filter "
            "is F×F×D1 weights, plus one bias.</p>"
            "<p><b>Depth slices and depth columns.</b> Each of the K filters slides over the "
            "whole input and fills one slice of the output, a <b>depth slice</b>. At one "
            "position, the K outputs, one per filter, form a <b>depth column</b>: K "
            "different detectors looking at the same window. Step through the demo: the "
            "dashed outlines are the column of the element being worked out.</p>"
            "<p><b>The output size.</b> Along a side of W inputs, a filter of size F moved "
            "with stride S over an input with zero padding P fits (W − F + 2P)/S + 1 times. "
            "The tutorial's example: (5 − 3 + 2·1)/2 + 1 = 3.</p>"
            "<p><b>When it does not divide evenly.</b> If (W − F + 2P)/S is not a whole "
            "number, the last window would hang over the edge. PyTorch rounds the division "
            "down and leaves out the last rows or columns that no window reaches; the demo "
            "hatches them. Try W = 6 with P = 0. The layer still works, but it ignores part "
            "of its input, so a network is usually designed for the division to come out "
            "whole.</p>"
            "<p><b>Zero padding</b> adds a border of zeros. With stride 1, P = (F − 1)/2 keeps "
            "the output as wide and high as the input.</p>"))])
        beside_notes(self, demo, self.notes)

        self.timer = QTimer(self)
        self.timer.timeout.connect(self.advance)
        self.step_button.clicked.connect(self.advance)
        self.play_button.toggled.connect(self.play)
        self.speed_slider.valueChanged.connect(lambda _: self._set_interval())
        self.numbers_button.clicked.connect(self.new_numbers)
        self.example: ConvExample | None = None
        self.steps: list[tuple[int, int, int]] = []
        self.index = 0
        self._set_interval()
        self.rebuild()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The canvas arranges itself for the room its scroll area has."""
        if event.type() == QEvent.Type.Resize and isinstance(watched, QScrollArea):
            self.canvas.room = watched.size()
            self.canvas.refit()
        return super().eventFilter(watched, event)

    @property
    def settings(self) -> ConvSettings:
        return ConvSettings(**{key: spin.value() for key, spin in self.spins.items()})

    def rebuild(self) -> None:
        """New settings: new numbers, the formula, and the first output element."""
        settings = self.settings
        self.example = ConvExample.random(settings, self.seed)
        self.steps = self.example.steps()
        self.index = 0
        self.formula_label.setText(formula_text(settings))
        for widget in (self.step_button, self.play_button):
            widget.setEnabled(bool(self.steps))
        if not self.steps:
            self.play_button.setChecked(False)
        self._show()

    def new_numbers(self) -> None:
        self.seed += 1
        self.rebuild()

    def advance(self) -> None:
        if self.steps:
            self.index = (self.index + 1) % len(self.steps)
            self._show()

    def go_to(self, k: int, row: int, column: int) -> None:
        """Jump to output element (filter k, row, column)."""
        if (k, row, column) in self.steps:
            self.index = self.steps.index((k, row, column))
            self._show()

    def play(self, playing: bool) -> None:
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))
        (self.timer.start if playing else self.timer.stop)()

    def _set_interval(self) -> None:
        self.timer.setInterval(1000 // self.speed_slider.value())

    def _show(self) -> None:
        step = self.example.step(*self.steps[self.index]) if self.steps else None
        self.canvas.show_example(self.example, step)
        if step is None:
            self.computation_label.setText(self.tr(
                "Nothing to compute: the filter is larger than the padded input. Make it "
                "smaller or pad more."))  # fmt: skip
        else:
            column = self.example.output[:, step.row, step.column].tolist()
            self.computation_label.setText(step_text(step, column))


def formula_text(settings: ConvSettings) -> str:
    """The output size formula, the output volume (and what is dropped when the filter does
    not tile the input evenly) or why there is none, and the parameter count, as rich text."""
    s = settings
    parameters = translate("ConvDemo", "Parameters: K·(F·F·D1 + 1) = {count}").format(
        count=f"{s.filters}·({s.kernel}·{s.kernel}·{s.depth} + 1) = {s.parameters}")
    size = translate("ConvDemo", "Output size (W − F + 2P) / S + 1: {formula}").format(
        formula=s.formula())
    if not s.valid:
        problem = translate(
            "ConvDemo", "the {kernel}x{kernel} filter is larger than the padded input "
            "({width}x{height} with zero padding {padding} is {padded_width}x{padded_height}): "
            "make the filter smaller or the padding larger").format(
            kernel=s.kernel, width=s.width, height=s.height, padding=s.padding,
            padded_width=s.width + 2 * s.padding, padded_height=s.height + 2 * s.padding)
        return translate("ConvDemo", "{size}<br><span style='color:#b00000'><b>No output:</b> "
                         "{problem}</span><br>{parameters}").format(
            size=size, problem=problem, parameters=parameters)
    volume = volume_text(s.output_width, s.output_height, s.filters)
    text = translate("ConvDemo", "{size}: an output volume of {volume}.").format(
        size=size, volume=volume)
    if sides := tiling_text(s):
        text += translate("ConvDemo", "<br><span style='color:#a04000'><b>Floored</b> (dropped "
                          "cells hatched): {sides}</span>").format(sides=sides)  # fmt: skip
    return f"{text}<br>{parameters}"


#: what is dropped along a side, for one row or column and for several
DROPPED_SIDE = {
    ("width", False): QT_TRANSLATE_NOOP(
        "ConvDemo", "along the width, {calculation} = {exact} is not whole, and the last column "
        "(column {last}) of the padded input is dropped"),
    ("width", True): QT_TRANSLATE_NOOP(
        "ConvDemo", "along the width, {calculation} = {exact} is not whole, and the last "
        "{count} columns (columns {first}-{last}) of the padded input are dropped"),
    ("height", False): QT_TRANSLATE_NOOP(
        "ConvDemo", "along the height, {calculation} = {exact} is not whole, and the last row "
        "(row {last}) of the padded input is dropped"),
    ("height", True): QT_TRANSLATE_NOOP(
        "ConvDemo", "along the height, {calculation} = {exact} is not whole, and the last "
        "{count} rows (rows {first}-{last}) of the padded input are dropped"),
}


def tiling_text(settings: ConvSettings) -> str:
    """"" when the filter tiles the padded input evenly, else why not and which rows and
    columns PyTorch drops (the core's ``tiling()``, in the interface's language)."""
    s = settings
    sides = [translate("ConvDemo", DROPPED_SIDE[side.axis, side.count > 1]).format(
        calculation=f"({side.size} - {s.kernel} + 2*{s.padding}) / {s.stride}",
        exact=number_text(side.exact), count=side.count, first=side.first, last=side.last)
        for side in s.untiled()]  # fmt: skip
    if not sides:
        return ""
    return translate("ConvDemo", "The {kernel}x{kernel} filter at stride {stride} does not tile "
                     "the padded input evenly, so PyTorch floors the division and drops what no "
                     "window reaches: {sides}.").format(
        kernel=s.kernel, stride=s.stride, sides=translate("ConvDemo", "; ").join(sides))
