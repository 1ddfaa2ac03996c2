"""Inspect's layer tree: every layer of the model as the inspector found it, nested as the
modules are, with its type, output shape, parameters and receptive field; and the totals
under it that make the case for weight sharing in numbers.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from cnnviz.core.analysis.inspection import ModelInspector
from cnnviz.core.analysis.summary import COLUMNS, table_cells

#: the columns the tree shows: layer, type, output, params, RF
TREE_COLUMNS = 5


class LayerTree(QTreeWidget):
    #: the name of the layer the user chose
    layer_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("layerTree")
        self.setHeaderLabels(list(COLUMNS[:TREE_COLUMNS]))
        self.setMinimumWidth(160)
        self.currentItemChanged.connect(self._on_current)

    def show_layers(self, inspector: ModelInspector, keep: str) -> str:
        """Fill the tree with the inspector's layers and select ``keep`` if the model has it,
        else its first convolution, which says so (``layer_selected``) as a click does; returns
        the layer selected ("" for none)."""
        items: dict[str, QTreeWidgetItem] = {}
        with QSignalBlocker(self):
            self.clear()
            for info in inspector.layers:
                item = QTreeWidgetItem(table_cells(info)[:TREE_COLUMNS])
                item.setData(0, Qt.ItemDataRole.UserRole, info.name)
                if info.formula:
                    item.setToolTip(0, f"output size: {info.formula}")
                parent = items.get(info.parent)
                (parent.addChild(item) if parent else self.addTopLevelItem(item))
                items[info.name] = item
            self.expandAll()
            for column in range(TREE_COLUMNS):
                self.resizeColumnToContents(column)
        first = inspector.conv_layer_names()
        name = keep if keep in items else (first[0] if first else "")
        if name:
            self.setCurrentItem(items[name])
        return name

    def select(self, name: str) -> None:
        matches = self.findItems(name, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive, 0)
        if matches:
            self.setCurrentItem(matches[0])

    def _on_current(self, current: QTreeWidgetItem | None, _previous=None) -> None:
        if current is not None:
            self.layer_selected.emit(current.data(0, Qt.ItemDataRole.UserRole))


def weight_sharing_text(inspector: ModelInspector) -> str:
    """The totals under the tree: the convolutions' parameters against those of fully
    connected layers of the same sizes."""
    conv_params, fc_params = inspector.weight_sharing()
    return (f"{inspector.total_parameters:,} parameters. The convolutions hold {conv_params:,}; "
            f"fully connected layers of the same input and output sizes would need "
            f"{fc_params:,} ({fc_params / max(1, conv_params):,.0f}x): weight sharing.")
