"""The Learn tab's tables of layers (the weight-sharing page's convolutions, the pattern
builder's plan): a read-only table whose headers are translated, the two they share defined
once here. The output's shape is written in PyTorch's order, and the header says so."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QTableWidget

from cnnviz.ui.widgets.controls import text_table
from cnnviz.ui.widgets.style import fit_columns_to_text

LAYER = QT_TRANSLATE_NOOP("LayerTable", "Layer")
OUTPUT = QT_TRANSLATE_NOOP("LayerTable", "Output (CxHxW)")


def layer_table(name: str, context: str, columns: Sequence[str]) -> QTableWidget:
    """A table with these headers, LAYER and OUTPUT translated here and the others in the
    caller's ``context``, columns wide enough for their headers."""
    translate = QCoreApplication.translate
    table = text_table(name, [translate("LayerTable" if text in (LAYER, OUTPUT) else context,
                                        text) for text in columns])  # fmt: skip
    fit_columns_to_text(table)
    return table
