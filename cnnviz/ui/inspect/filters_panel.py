"""The Inspect tab's filters: a conv layer's kernels as images, a histogram of its weights,
and any kernel's numbers on a click; or, while Inspect's timelapse slider is moved back
(timelapse_replay.py), the first conv layer's kernels as the run recorded them then."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cnnviz.core.analysis.inspection import ModelInspector
from cnnviz.core.analysis.mosaic import cell_at, grid_columns, normalise, tile
from cnnviz.core.training.timelapse import TimelapseEvent
from cnnviz.ui.widgets.charts import image_view, lookup_table
from cnnviz.ui.widgets.grid_marks import GridMarks

KERNEL_ROWS_PER_PAGE = 16
KERNEL_COLUMNS_MAX = 32
WEIGHT_COLORMAP = "CET-D1"  # diverging: negative blue, zero grey, positive red


class FiltersPanel(QWidget):
    #: a message for the status bar
    status = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.inspector: ModelInspector | None = None
        self.layer_name = ""
        self._filter_grid: tuple | None = None
        self._filter_weights = np.zeros((0, 0, 0, 0), dtype=np.float32)
        self._filter_layer = ""
        #: a timelapse frame whose kernels are shown instead of the model's
        self.recorded: TimelapseEvent | None = None
        self.filter_mode = QComboBox(objectName="filterMode")
        self.filter_mode.addItems(["every kernel (output x input)", "averaged over inputs"])
        self.filter_page_spin = QSpinBox(objectName="filterPage", minimum=1, maximum=1)
        self.filter_page_spin.setPrefix("page ")
        self.filter_label = QLabel(objectName="filterShown")
        filter_controls = QHBoxLayout()
        filter_controls.addWidget(self.filter_mode)
        filter_controls.addWidget(self.filter_page_spin)
        filter_controls.addWidget(self.filter_label, 1)
        self.filter_widget, self.filter_view, self.filter_item = image_view("filterView")
        self.marks = GridMarks(self.filter_widget, self.filter_view)
        self.kernel_table = QTableWidget(objectName="kernelTable")
        self.kernel_table.setMinimumWidth(220)
        self.histogram = pg.PlotWidget(title="weights")
        self.histogram.setObjectName("weightHistogram")
        self.histogram.setBackground("w")
        self.histogram_curve = self.histogram.plot(stepMode="center", fillLevel=0,
                                                   brush=(90, 140, 220, 150))  # fmt: skip
        filter_side = QVBoxLayout()
        filter_side.addWidget(QLabel("Click a kernel for its weights"))
        filter_side.addWidget(self.kernel_table, 1)
        filter_side.addWidget(self.histogram, 1)
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.filter_widget, 3)
        filter_row.addLayout(filter_side, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(filter_controls)
        layout.addLayout(filter_row, 1)


        self.filter_mode.currentIndexChanged.connect(lambda *_: self._draw_filters())
        self.filter_page_spin.valueChanged.connect(lambda *_: self._draw_filters())
        self.filter_widget.scene().sigMouseClicked.connect(self._on_filter_clicked)

    def show_layer(self, inspector: ModelInspector, name: str) -> None:
        """The filters of this layer, or of the conv layer before it (a BN or ReLU). A kernel
        shown from another layer or model is cleared: the table shows this grid's or none."""
        if inspector is not self.inspector or name != self.layer_name:
            self.kernel_table.setRowCount(0)
            self.kernel_table.setColumnCount(0)
            self.marks.select(None, (1, 1), 1)
        self.inspector, self.layer_name = inspector, name
        self._draw_filters()

    def show_recorded(self, frame: TimelapseEvent | None) -> None:
        """A timelapse frame's kernels instead of the model's (None: the model's again)."""
        if frame is not self.recorded:
            self.recorded = frame
            if self.inspector is not None:
                self._draw_filters()

    def _conv_name(self) -> str | None:
        if self.inspector is None:
            return None
        names = self.inspector.conv_layer_names()
        if self.layer_name in names:
            return self.layer_name
        # a BN or ReLU after a conv shows that conv's filters
        earlier = [n for n in names if self._position(n) <= self._position(self.layer_name)]
        return earlier[-1] if earlier else (names[0] if names else None)

    def _position(self, name: str) -> int:
        for i, info in enumerate(self.inspector.layers):
            if info.name == name:
                return i
        return 0

    def _draw_filters(self) -> None:
        name = self._conv_name()
        if name is None:
            self.filter_item.clear()
            return
        weights = self.inspector.conv_weights(name)
        frame = self.recorded
        replayed = (frame is not None and frame.filters_layer == name
                    and frame.filters.shape == weights.shape)  # fmt: skip
        if replayed:
            weights = frame.filters
        out_ch, in_ch, kh, kw = weights.shape
        self._filter_weights = weights
        self._filter_layer = name
        if in_ch == 3 and self.filter_mode.currentIndex() == 0 and out_ch <= 256:
            cells = normalise(weights.transpose(0, 2, 3, 1), per_map=True)  # RGB per filter
            self._filter_grid = ("rgb", grid_columns(out_ch, 1.5), out_ch)
            mosaic = tile(cells, self._filter_grid[1], fill=np.nan)
            self.filter_item.setLookupTable(None)
            self.filter_item.setImage(mosaic, autoLevels=False, levels=(0.0, 1.0))
            self.filter_label.setText(f"{name}: {out_ch} filters, shown in colour")
            self.filter_page_spin.setMaximum(1)
        elif in_ch == 1 or self.filter_mode.currentIndex() == 1:
            kernels = weights.mean(axis=1)
            cells = normalise(kernels, per_map=False, symmetric=True)
            self._filter_grid = ("avg", grid_columns(out_ch, 1.5), out_ch)
            self.filter_item.setLookupTable(lookup_table(WEIGHT_COLORMAP))
            mosaic = tile(cells, self._filter_grid[1], fill=np.nan)
            self.filter_item.setImage(mosaic, autoLevels=False, levels=(0.0, 1.0))
            what = "filters" if in_ch == 1 else "filters averaged over their inputs"
            self.filter_label.setText(f"{name}: {out_ch} {what}")
            self.filter_page_spin.setMaximum(1)
        else:
            pages = max(1, -(-out_ch // KERNEL_ROWS_PER_PAGE))
            self.filter_page_spin.setMaximum(pages)
            page = min(self.filter_page_spin.value(), pages) - 1
            rows = weights[page * KERNEL_ROWS_PER_PAGE : (page + 1) * KERNEL_ROWS_PER_PAGE,
                           :KERNEL_COLUMNS_MAX]  # fmt: skip
            columns = rows.shape[1]
            scaled = normalise(weights, per_map=False, symmetric=True)
            cells = scaled[page * KERNEL_ROWS_PER_PAGE : (page + 1) * KERNEL_ROWS_PER_PAGE,
                           :KERNEL_COLUMNS_MAX].reshape(-1, kh, kw)  # fmt: skip
            self._filter_grid = ("grid", columns, len(cells), page * KERNEL_ROWS_PER_PAGE)
            self.filter_item.setLookupTable(lookup_table(WEIGHT_COLORMAP))
            self.filter_item.setImage(tile(cells, columns, fill=np.nan), autoLevels=False,
                                      levels=(0.0, 1.0))
            self.filter_label.setText(
                f"{name}: outputs {page * KERNEL_ROWS_PER_PAGE}-"
                f"{page * KERNEL_ROWS_PER_PAGE + len(rows) - 1} of {out_ch} (rows) x "
                f"{columns} of {in_ch} inputs (columns)")
        if frame is not None:
            self.filter_label.setText(self.filter_label.text() + (
                f", recorded at step {frame.step:,}" if replayed else
                " (the timelapse keeps the first conv layer's kernels only: these are the "
                "weights shown)"))
        self.filter_view.autoRange(padding=0.01)
        kind, columns, count = self._filter_grid[:3]
        if kind == "grid":  # a number per row: the output filter its kernels belong to
            row = (kh, kw * columns + columns - 1)
            self.marks.number([self._filter_grid[3] + r for r in range(count // columns)], row, 1)
        else:
            self.marks.number(list(range(count)), (kh, kw), columns)
        scale = float(np.abs(weights).max())
        self.marks.scale(None if kind == "rgb" else WEIGHT_COLORMAP, -scale, scale)
        counts, edges = np.histogram(weights, bins=40)
        self.histogram_curve.setData(edges, counts)
        self.histogram.setTitle(f"weights of {name}")

    def _on_filter_clicked(self, event) -> None:
        if self._filter_grid is None:
            return
        weights = self._filter_weights
        kh, kw = weights.shape[2:]
        point = self.filter_item.mapFromScene(event.scenePos())
        kind, columns, count = self._filter_grid[:3]
        index = cell_at(point.x(), point.y(), (kh, kw), columns, count)
        if index is None:
            return
        self.marks.select(index, (kh, kw), columns)
        if kind == "grid":
            out_index = self._filter_grid[3] + index // columns
            kernel = weights[out_index, index % columns]
            title = f"output {out_index}, input {index % columns}"
        elif kind == "avg":
            kernel, title = weights[index].mean(axis=0), f"filter {index}, mean over inputs"
        else:
            kernel, title = weights[index].mean(axis=0), f"filter {index} (mean of R, G, B)"
        self.show_kernel(kernel, title)

    def show_kernel(self, kernel: np.ndarray, title: str) -> None:
        table = self.kernel_table
        table.setRowCount(kernel.shape[0])
        table.setColumnCount(kernel.shape[1])
        for r in range(kernel.shape[0]):
            for c in range(kernel.shape[1]):
                table.setItem(r, c, QTableWidgetItem(f"{kernel[r, c]:+.3f}"))
        table.setToolTip(title)
        table.resizeColumnsToContents()
        self.status.emit(f"{self._filter_layer}: {title}")
