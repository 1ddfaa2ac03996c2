"""The teacher's notes beside each Learn demo: what the tutorial says about the idea the demo
plays with, in the interface's language, in a column to the right of the demo.

The notes scroll on their own, so a long text in a large font is never cut off and never
pushes the demo's controls out of the window. One button (``NotesToggle``, in the corner of
the Learn tab's pages) shows or hides every page's notes at once: on a projector the demo
needs the room and the teacher speaks the notes, so presentation mode hides them until the
button asks for them again.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cnnviz.ui.widgets.style import DISPLAY, follow_scale

#: the notes column's width in pixels at a desk (it grows with the display scale)
NOTES_WIDTH = 300


def notes_label(name: str, text: str, rich: bool = True) -> QLabel:
    """Notes, wrapped and selectable: paragraphs of rich text, or (``rich`` false) plain
    text, where a "<" is a less-than sign."""
    label = QLabel(text, objectName=name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class NotesPane(QScrollArea):
    """A column of notes that scrolls vertically and wraps to its width."""

    def __init__(self, name: str, sections: Sequence[QWidget]) -> None:
        super().__init__(objectName=name)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.setSpacing(layout.spacing() * 2)  # a paragraph's gap between sections
        for section in sections:
            layout.addWidget(section)
        layout.addStretch(1)
        self.setWidget(column)
        follow_scale(self, self._resize)

    def _resize(self) -> None:
        self.setFixedWidth(round(NOTES_WIDTH * DISPLAY.scale))

    def sizeHint(self) -> QSize:
        return QSize(self.width(), super().sizeHint().height())


def beside_notes(page: QWidget, demo: QLayout, notes: NotesPane) -> None:
    """Lay ``page`` out as its demo with the notes to its right."""
    row = QHBoxLayout(page)
    row.addLayout(demo, 1)
    row.addWidget(notes)


class NotesToggle(QPushButton):
    """Shows or hides the notes of every page; hides them while presenting (the display
    scale above 1), and shows them again on leaving if they were shown before."""

    #: whether the notes are to be shown
    shown_changed = Signal(bool)

    def __init__(self) -> None:
        super().__init__(self.tr("Notes"), objectName="learnNotesButton")
        self.setCheckable(True)
        self.setChecked(True)
        self.setToolTip(self.tr("Show or hide the tutorial's notes beside each demo"))
        self.toggled.connect(self.shown_changed)
        self._at_desk, self._desk_choice = True, True
        follow_scale(self, self._on_scale)

    def _on_scale(self) -> None:
        presenting = DISPLAY.scale > 1
        if presenting and self._at_desk:
            self._at_desk, self._desk_choice = False, self.isChecked()
            self.setChecked(False)
        elif not presenting and not self._at_desk:
            self._at_desk = True
            self.setChecked(self._desk_choice)
