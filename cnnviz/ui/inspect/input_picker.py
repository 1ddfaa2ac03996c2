"""Inspect's input bar: which test image (by index, the next or previous one, a random one,
the next the model gets wrong) or which image file the layers are shown for, and where the
weights come from.

The bar only asks; the tab decides what an index or a file means and says what it shows
(``show_caption``), and enables browsing once the test split is here. Its two captions keep
two lines' height whatever they say, so that the pages under the bar never move.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from cnnviz.ui.widgets.controls import SteadyLabel


class InputPicker(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source_label = SteadyLabel(2, objectName="inspectSource")
        self.index_spin = QSpinBox(objectName="inspectIndexSpin", minimum=-1, maximum=0)
        self.index_spin.setSpecialValueText("\u2014")  # an input that is no test image
        self.index_spin.setToolTip(self.tr("Index in the test set (\u2014: the input shown is not "
                                           "one)"))
        self.prev_button = QPushButton("◀", objectName="inspectPrev")
        self.next_button = QPushButton("▶", objectName="inspectNext")
        self.random_button = QPushButton(self.tr("Random"), objectName="inspectRandom")
        self.misclassified_button = QPushButton(self.tr("Next misclassified"),
                                                objectName="inspectNextMistake")
        self.open_button = QPushButton(self.tr("Open image..."), objectName="inspectOpenImage")
        self.input_label = SteadyLabel(2, objectName="inspectInputLabel")
        for button in (self.prev_button, self.next_button):
            button.setMaximumWidth(36)
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        for widget in (QLabel(self.tr("Test image")), self.index_spin, self.prev_button,
                       self.next_button, self.random_button, self.misclassified_button,
                       self.open_button):  # fmt: skip
            bar.addWidget(widget)
        bar.addWidget(self.input_label, 1)
        bar.addWidget(self.source_label, 1)
        self.prev_button.clicked.connect(lambda: self.index_spin.stepBy(-1))
        self.next_button.clicked.connect(lambda: self.index_spin.stepBy(1))
        self.set_browsing(None)

    def set_browsing(self, count: int | None) -> None:
        """A test split of ``count`` images to browse, or None while there is none."""
        for widget in (self.index_spin, self.prev_button, self.next_button, self.random_button,
                       self.misclassified_button):
            widget.setEnabled(count is not None)
        if count is not None:
            self.index_spin.setMaximum(count - 1)

    def show_other_input(self) -> None:
        """The input shown is no test image: the index no longer applies."""
        with QSignalBlocker(self.index_spin):
            self.index_spin.setValue(-1)

    def show_caption(self, text: str, tooltip: str = "") -> None:
        self.input_label.setText(text)
        self.input_label.setToolTip(tooltip)
