"""Small widget helpers the tabs share: a spin box with its caption, a spin box for a small
signed number, and a read-only table of text rows."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDoubleSpinBox, QLabel, QSpinBox, QTableWidget, QTableWidgetItem


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
