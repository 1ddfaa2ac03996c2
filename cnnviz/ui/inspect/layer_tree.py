"""Inspect's layer tree: every layer of the model as the inspector found it, nested as the
modules are, with its type, output shape, parameters and receptive field; and the totals
that make the case for weight sharing in numbers.

Layers are named as the tutorial counts them, with their module path: "conv1 (features.0)"
(core/analysis/summary.py's tutorial_names, which the architecture table uses too). Every
column is as wide as its text at any font size (presentation mode's included), and the tree
asks for the width of all of them, so that none is cut off.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from cnnviz.core.analysis.inspection import ModelInspector
from cnnviz.core.analysis.summary import WHOLE, table_cells, tutorial_names

#: the columns the tree shows: layer, type, output, params, RF
TREE_COLUMNS = 5
#: COLUMNS as lupdate sees them, translated where they are shown (a test keeps them equal)
HEADERS = (QT_TRANSLATE_NOOP("LayerTable", "Layer"), QT_TRANSLATE_NOOP("LayerTable", "Type"),
           QT_TRANSLATE_NOOP("LayerTable", "Output (CxHxW)"),
           QT_TRANSLATE_NOOP("LayerTable", "Params"), QT_TRANSLATE_NOOP("LayerTable", "RF"),
           QT_TRANSLATE_NOOP("LayerTable", "Jump"),
           QT_TRANSLATE_NOOP("LayerTable", "Output size"))  # fmt: skip
#: the architecture table's columns of words, which may wrap: layer, type, output size (the
#: formula); the numbers between them keep one line
ARCHITECTURE_WRAPPING = (0, 1, 6)
#: summary.WHOLE as lupdate sees it: the receptive field of a layer that sees the whole input
WHOLE_TEXT = QT_TRANSLATE_NOOP("LayerTable", "all")


def headers(count: int = len(HEADERS)) -> list[str]:
    """The first ``count`` column headers, in the interface's language."""
    return [QCoreApplication.translate("LayerTable", text) for text in HEADERS[:count]]


def layer_rows(inspector: ModelInspector, indent: bool) -> list[list[str]]:
    """Every layer's cells (summary.table_cells) as the interface shows them: named as the
    tutorial counts them, in the interface's language."""
    names = tutorial_names(inspector.layers)
    rows = [table_cells(info, indent, names) for info in inspector.layers]
    whole = QCoreApplication.translate("LayerTable", WHOLE_TEXT)
    for row in rows:
        row[4] = whole if row[4] == WHOLE else row[4]
    return rows


def fit_to_text(view: QAbstractItemView) -> None:
    """Every column of a tree or table as wide as its text, now and at any later font."""
    header: QHeaderView = view.header() if isinstance(view, QTreeWidget) else \
        view.horizontalHeader()  # fmt: skip
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)


class LayerTree(QTreeWidget):
    #: the name of the layer the user chose
    layer_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("layerTree")
        self.setHeaderLabels(headers(TREE_COLUMNS))
        fit_to_text(self)
        self.setMinimumWidth(160)
        self.currentItemChanged.connect(self._on_current)

    def columns_width(self) -> int:
        """The width that shows every column whole, with the frame and a scroll bar."""
        return (self.header().length() + 2 * self.frameWidth()
                + self.verticalScrollBar().sizeHint().width())  # fmt: skip

    def show_layers(self, inspector: ModelInspector, keep: str) -> str:
        """Fill the tree with the inspector's layers and select ``keep`` if the model has it,
        else its first convolution, which says so (``layer_selected``) as a click does; returns
        the layer selected ("" for none)."""
        items: dict[str, QTreeWidgetItem] = {}
        with QSignalBlocker(self):
            self.clear()
            for info, cells in zip(inspector.layers, layer_rows(inspector, False),
                                   strict=True):  # fmt: skip
                item = QTreeWidgetItem(cells[:TREE_COLUMNS])
                item.setData(0, Qt.ItemDataRole.UserRole, info.name)
                if info.formula:
                    item.setToolTip(0, self.tr("output size: {formula}")
                                    .format(formula=info.formula))  # fmt: skip
                parent = items.get(info.parent)
                (parent.addChild(item) if parent else self.addTopLevelItem(item))
                items[info.name] = item
            self.expandAll()
        first = inspector.conv_layer_names()
        name = keep if keep in items else (first[0] if first else "")
        if name:
            self.setCurrentItem(items[name])
        return name

    def select(self, name: str) -> None:
        matches = self.findItems("*", Qt.MatchFlag.MatchWildcard | Qt.MatchFlag.MatchRecursive)
        for item in matches:
            if item.data(0, Qt.ItemDataRole.UserRole) == name:
                self.setCurrentItem(item)
                return

    def _on_current(self, current: QTreeWidgetItem | None, _previous=None) -> None:
        if current is not None:
            self.layer_selected.emit(current.data(0, Qt.ItemDataRole.UserRole))


def weight_sharing_text(inspector: ModelInspector) -> str:
    """The totals: the convolutions' parameters against those of fully connected layers of
    the same sizes."""
    conv_params, fc_params = inspector.weight_sharing()
    return QCoreApplication.translate(
        "LayerTree", "{total} parameters. The convolutions hold {conv}; fully connected layers "
        "of the same input and output sizes would need {fc} ({ratio}x): weight sharing."
    ).format(total=f"{inspector.total_parameters:,}", conv=f"{conv_params:,}",
             fc=f"{fc_params:,}", ratio=f"{fc_params / max(1, conv_params):,.0f}")
