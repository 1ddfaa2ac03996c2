"""Small widget helpers the tabs share: a spin box with its caption, a spin box for a small
signed number, a read-only table of text rows, and a label that keeps its height."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)


def labelled_spin(name: str, caption: str, tooltip: str, low: int, high: int,
                  value: int) -> tuple[QLabel, QSpinBox]:  # fmt: skip
    """A spin box and its caption (its buddy, for the keyboard), both with the tooltip."""
    spin = QSpinBox(objectName=name, minimum=low, maximum=high, value=value)
    label = QLabel(caption)
    label.setBuddy(spin)
    for widget in (spin, label):
        widget.setToolTip(tooltip)
    return label, spin


def number_spin(name: str, value: float, tooltip: str) -> QDoubleSpinBox:
    """A spin box for an input, a weight or a bias of the Learn tab's neuron demos: -5 to 5
    in steps of 0.1, small enough to follow every sum by hand."""
    spin = QDoubleSpinBox(objectName=name, minimum=-5.0, maximum=5.0, singleStep=0.1,
                          decimals=2, value=value)  # fmt: skip
    spin.setToolTip(tooltip)
    return spin


def text_table(name: str, headers: Sequence[str]) -> QTableWidget:
    """A table of text with these column headers, no row numbers, the last column stretched."""
    table = QTableWidget(objectName=name)
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    return table


def fill_table(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    """Replace a table's rows with these cells, columns sized to fit."""
    table.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for column, text in enumerate(cells):
            table.setItem(row, column, QTableWidgetItem(text))
    table.resizeColumnsToContents()


class SteadyLabel(QLabel):
    """A wrapping label at least ``lines`` lines tall, at any font: a text that wraps to a
    second line moves nothing around it (a label that grew under the mouse moved the buttons
    below it, and clicks missed). Long texts wrap rather than widen the window."""

    def __init__(self, lines: int = 2, parent: QWidget | None = None, **kwargs) -> None:
        super().__init__(parent, **kwargs)
        self.lines = lines
        self.setWordWrap(True)
        self.setMinimumWidth(10)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit()

    def _fit(self) -> None:
        margins = self.contentsMargins()
        self.setMinimumHeight(self.lines * self.fontMetrics().lineSpacing()
                              + margins.top() + margins.bottom())  # fmt: skip
