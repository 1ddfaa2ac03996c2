"""Help: a short guide to the tabs (opened at start until the user says not to), and every
keyboard shortcut on one page."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

GUIDE = """
<h3>What cnnviz shows</h3>
<p><b>Draw</b>: draw a digit and watch the network read it as you draw; it works offline with
the weights cnnviz ships. <b>Training</b>: press <b>Train</b> (Ctrl+R) and watch the loss and
accuracy stream in. <b>Runs</b>: every run is a folder; tick runs to draw them over each other
and compare their settings. <b>Inspect</b>: the layers of the model, their output sizes and
receptive fields, every channel's feature map for an input, the filters, and where the network
looked (Explain). <b>Evaluate</b>: the confusion matrix and the mistakes, most confidently
wrong first. <b>Learn</b>: the tutorial's ideas as live demos: a neuron, small fully connected
nets, a convolution step by step, pooling, weight sharing, and its architecture pattern as a
model to build and train.</p>
<h3>What to try first</h3>
<ol>
<li>Draw a 7, then a 1 that looks like a 7: what does the network say?</li>
<li>Press Train: the tutorial's CNN on MNIST, one epoch.</li>
<li>Open Inspect while it trains, and watch the first layer's filters change.</li>
<li>Choose lenet5 or tinyvgg, train them too, and compare the runs in Runs.</li>
<li>In Learn, step through a convolution, then change the stride until the filter no longer
tiles the input evenly: see which rows and columns PyTorch drops.</li>
</ol>
"""

#: shortcuts that belong to a tab rather than to a menu action
TAB_SHORTCUTS = [
    ("Esc, Delete", "Draw: clear the canvas"),
    ("Ctrl+Z", "Draw: take back the last stroke, or the clear"),
    ("Up, Down", "Inspect: the layer before or after"),
    ("Left, Right", "Inspect: the channel before or after"),
]


class GuideDialog(QDialog):
    """The guide; unticking its box keeps it from opening at start again."""

    def __init__(self, parent: QWidget, shown_at_start: bool) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle("Welcome to cnnviz")
        text = QLabel(GUIDE)
        text.setWordWrap(True)
        self.at_start = QCheckBox("Show this guide when cnnviz starts",
                                  objectName="guideAtStart")  # fmt: skip
        self.at_start.setChecked(shown_at_start)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.at_start)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)


class ShortcutsDialog(QDialog):
    """Every menu action with a shortcut, and the tabs' own keys."""

    def __init__(self, parent: QWidget, actions: list[QAction]) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard shortcuts")
        rows = [(action.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
                 action.text().replace("&", "").rstrip("."))
                for action in actions if not action.shortcut().isEmpty()]  # fmt: skip
        rows += TAB_SHORTCUTS
        table = QTableWidget(len(rows), 2, objectName="shortcutsTable")
        table.setHorizontalHeaderLabels(["Keys", "What they do"])
        table.verticalHeader().hide()
        for row, (keys, what) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(keys))
            table.setItem(row, 1, QTableWidgetItem(what))
        table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(480, 420)
