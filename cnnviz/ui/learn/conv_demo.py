"""The tutorial's animated convolution, live: an input volume (blue), K filters (red) and the
output volume (green), each depth slice drawn side by side, and one output element worked out
at a time: the window on every input slice, the element-wise products, their sum, the bias
and the result. The output's depth column (fibre) at that position is outlined too: K outputs
that look at the same window with different filters. When the filter does not tile the padded
input evenly, the rows and columns PyTorch drops are hatched.

The numbers come from core.analysis.conv_demo; this module holds the settings and step
controls and lays the demo out. The canvas that paints the volumes is ConvCanvas
(conv_canvas.py) and the formula and step texts are pure functions in conv_text.py, split off
so that no module passes 450 lines (issue 22). The volumes are painted once into a pixmap
(again only when the settings, the numbers or the size change); a frame draws that pixmap and
the few outlines of the current step, so it takes a few milliseconds even for thousands of
cells (see benchmarks/learn_speed.py).
"""

from __future__ import annotations

import math

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QObject,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cnnviz.core.analysis.conv_demo import LIMITS, ConvExample, ConvSettings
from cnnviz.ui.learn.conv_canvas import ConvCanvas
from cnnviz.ui.learn.conv_text import formula_text, step_text
from cnnviz.ui.learn.notes import NotesPane, beside_notes, notes_label
from cnnviz.ui.widgets.controls import labelled_spin

translate = QCoreApplication.translate
#: the settings with the longest formula texts: floored along both sides, and no output
LONGEST_FORMULAS = (ConvSettings(16, 16, 16, 8, 3, 4, 3), ConvSettings(1, 1, 16, 8, 7, 1, 0))
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



def longest_formula_height(label: QLabel) -> int:
    """How tall ``label`` would be, at its width and in its font, with the longest formula
    text there is (LONGEST_FORMULAS)."""
    margins = label.contentsMargins()
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setDefaultFont(label.font())
    document.setTextWidth(label.width() - margins.left() - margins.right())
    heights = []
    for settings in LONGEST_FORMULAS:
        document.setHtml(formula_text(settings))
        heights.append(document.size().height())
    return math.ceil(max(heights)) + margins.top() + margins.bottom()


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
        self.formula_label.installEventFilter(self)
        self.canvas = ConvCanvas()
        self.canvas.on_output_clicked = self.go_to
        scroll = QScrollArea()
        scroll.setWidget(self.canvas)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.installEventFilter(self)
        self._scroll = scroll
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
        if event.type() == QEvent.Type.Resize and (isinstance(watched, QScrollArea)
                                                   or watched is self.formula_label):
            self._fit_room()
        return super().eventFilter(watched, event)

    def _fit_room(self) -> None:
        """The canvas's room: its scroll area, less the lines the formula may still take.
        The grids fill the height of their pane, so a "Floored" note that took lines from
        them shrank them when the settings stopped tiling the input (issue 12); sized as if
        the longest formula were shown, they keep their size, with the room a shorter one
        leaves below them."""
        spare = max(0, longest_formula_height(self.formula_label) - self.formula_label.height())
        self.canvas.room = QSize(self._scroll.width(), self._scroll.height() - spare)
        self.canvas.refit()

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
