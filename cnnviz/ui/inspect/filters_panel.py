"""The Inspect tab's filters: a conv layer's kernels as images, a histogram of its weights,
and any kernel's numbers on a click; or, while Inspect's timelapse slider is moved back
(timelapse_replay.py), the first conv layer's kernels as the run recorded them then.

The guide asks students to watch the first layer's kernels change, so they are drawn as big
as the page allows: the grid takes the shape that suits the room (fitting_columns), each
filter's number is written under its kernel rather than over it, the colour bar is as tall
as the grid, and the table of a kernel's weights is always whole."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cnnviz.core.analysis.inspection import ModelInspector
from cnnviz.core.analysis.mosaic import cell_at, fitting_columns, normalise, tile
from cnnviz.core.training.timelapse import TimelapseEvent
from cnnviz.ui.widgets.charts import image_view, lookup_table
from cnnviz.ui.widgets.grid_marks import GridMarks, view_area
from cnnviz.ui.widgets.style import (
    DISPLAY,
    SIGNED_COLOURMAP,
    SpacedAxis,
    follow_scale,
    style_plot,
)

KERNEL_ROWS_PER_PAGE = 16
KERNEL_COLUMNS_MAX = 32
WEIGHT_COLORMAP = SIGNED_COLOURMAP  # diverging: negative blue, zero white, positive red


def kernel_pad(height: int) -> int:
    """Image pixels between kernels, and under the last row: room for each filter's number
    under its kernel (a fifth of the kernel at a desk, at least a pixel: a line of small
    text beside a kernel drawn 64 pixels tall), more as the display scale grows the text."""
    return max(1, math.ceil(height * DISPLAY.scale / 5))


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
        #: the kernel chosen, as an index into the grid shown (None: none)
        self._selected: int | None = None
        self.filter_mode = QComboBox(objectName="filterMode")
        self.filter_mode.addItems([self.tr("every kernel (output x input)"),
                                   self.tr("averaged over inputs")])  # fmt: skip
        self.filter_page_spin = QSpinBox(objectName="filterPage", minimum=1, maximum=1)
        self.filter_page_spin.setPrefix(self.tr("page "))
        self.filter_label = QLabel(objectName="filterShown")
        self.filter_label.setWordWrap(True)
        self.filter_label.setMinimumWidth(10)
        filter_controls = QHBoxLayout()
        filter_controls.addWidget(self.filter_mode)
        filter_controls.addWidget(self.filter_page_spin)
        filter_controls.addWidget(self.filter_label, 1)
        self.filter_widget, self.filter_view, self.filter_item = image_view("filterView")
        self.filter_widget.setMinimumSize(160, 120)
        self.filter_widget.ci.setContentsMargins(2, 2, 2, 2)
        self.marks = GridMarks(self.filter_widget, self.filter_view)
        self.kernel_table = QTableWidget(objectName="kernelTable")
        # always whole: as large as its numbers, at any font size
        for header in (self.kernel_table.horizontalHeader(), self.kernel_table.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.kernel_table.setSizeAdjustPolicy(
            QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.kernel_table.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.histogram = pg.PlotWidget(title=self.tr("weights"),
                                       axisItems={"left": SpacedAxis("left")})
        self.histogram.setObjectName("weightHistogram")
        self.histogram.setMinimumHeight(120)
        self.histogram_curve = self.histogram.plot(stepMode="center", fillLevel=0,
                                                   brush=(90, 140, 220, 150))  # fmt: skip
        style_plot(self.histogram)
        kernel_side = QVBoxLayout()
        kernel_side.addWidget(QLabel(self.tr("Click a kernel for its weights")))
        kernel_side.addWidget(self.kernel_table)
        kernel_side.addStretch(1)
        kernel_row = QHBoxLayout()
        kernel_row.addLayout(kernel_side)
        kernel_row.addWidget(self.histogram, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)  # the kernels take every pixel there is
        layout.addLayout(filter_controls)
        layout.addWidget(self.filter_widget, 3)
        layout.addLayout(kernel_row, 1)

        self.filter_mode.currentIndexChanged.connect(lambda *_: self._draw_filters())
        self.filter_page_spin.valueChanged.connect(lambda *_: self._draw_filters())
        self.filter_widget.scene().sigMouseClicked.connect(self._on_filter_clicked)
        # a grid whose shape follows its room is laid out again when the room changes
        self.filter_view.sigResized.connect(lambda *_: self._refit())
        # and again when the display scale grows the numbers under the kernels (kernel_pad)
        follow_scale(self, self._draw_filters)

    def show_layer(self, inspector: ModelInspector, name: str) -> None:
        """The filters of this layer, or of the conv layer before it (a BN or ReLU). A kernel
        shown from another layer or model is cleared: the table shows this grid's or none."""
        if inspector is not self.inspector or name != self.layer_name:
            self.kernel_table.setRowCount(0)
            self.kernel_table.setColumnCount(0)
            self._selected = None
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

    def _refit(self) -> None:
        """The view was resized: a grid whose shape follows its room is drawn again if its
        best shape changed."""
        grid = self._filter_grid
        if grid is None or grid[0] == "grid" or self.inspector is None:
            return
        kh, kw = self._filter_weights.shape[2:]
        area = view_area(self.filter_view)
        if fitting_columns(grid[2], (kh, kw), area, kernel_pad(kh)) != grid[1]:
            self._draw_filters()

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
        pad = kernel_pad(kh)
        area = view_area(self.filter_view)
        self._filter_weights = weights
        self._filter_layer = name
        if in_ch == 3 and self.filter_mode.currentIndex() == 0 and out_ch <= 256:
            cells = normalise(weights.transpose(0, 2, 3, 1), per_map=True)  # RGB per filter
            self._filter_grid = ("rgb", fitting_columns(out_ch, (kh, kw), area, pad),
                                out_ch)  # fmt: skip
            self.filter_item.setLookupTable(None)
            self.filter_label.setText(self.tr("{layer}: {count} filters, shown in colour")
                                      .format(layer=name, count=out_ch))  # fmt: skip
            self.filter_page_spin.setMaximum(1)
        elif in_ch == 1 or self.filter_mode.currentIndex() == 1:
            cells = normalise(weights.mean(axis=1), per_map=False, symmetric=True)
            self._filter_grid = ("avg", fitting_columns(out_ch, (kh, kw), area, pad),
                                out_ch)  # fmt: skip
            self.filter_item.setLookupTable(lookup_table(WEIGHT_COLORMAP))
            text = (self.tr("{layer}: {count} filters") if in_ch == 1 else
                    self.tr("{layer}: {count} filters averaged over their inputs"))
            self.filter_label.setText(text.format(layer=name, count=out_ch))
            self.filter_page_spin.setMaximum(1)
        else:
            pages = max(1, -(-out_ch // KERNEL_ROWS_PER_PAGE))
            self.filter_page_spin.setMaximum(pages)
            first = (min(self.filter_page_spin.value(), pages) - 1) * KERNEL_ROWS_PER_PAGE
            rows = weights[first : first + KERNEL_ROWS_PER_PAGE, :KERNEL_COLUMNS_MAX]
            columns = rows.shape[1]
            scaled = normalise(weights, per_map=False, symmetric=True)
            cells = scaled[first : first + KERNEL_ROWS_PER_PAGE,
                           :KERNEL_COLUMNS_MAX].reshape(-1, kh, kw)  # fmt: skip
            self._filter_grid = ("grid", columns, len(cells), first)
            self.filter_item.setLookupTable(lookup_table(WEIGHT_COLORMAP))
            self.filter_label.setText(
                self.tr("{layer}: outputs {first}-{last} of {outputs} (rows) x {columns} of "
                        "{inputs} inputs (columns)").format(
                    layer=name, first=first, last=first + len(rows) - 1, outputs=out_ch,
                    columns=columns, inputs=in_ch))  # fmt: skip
        if frame is not None:
            self.filter_label.setText(self.filter_label.text() + (
                self.tr(", recorded at step {step}").format(step=f"{frame.step:,}")
                if replayed else self.tr(" (the timelapse keeps the first conv layer's kernels "
                                         "only: these are the weights shown)")))  # fmt: skip
        kind, columns, count = self._filter_grid[:3]
        # a band under the last row too, for its numbers; NaN shows as the background
        mosaic = tile(cells, columns, pad=pad, fill=np.nan)
        band = np.full((pad, *mosaic.shape[1:]), np.nan, dtype=np.float32)
        mosaic = np.concatenate([mosaic, band])
        self.filter_item.setImage(mosaic, autoLevels=False, levels=(0.0, 1.0))
        # fitted to the image alone: the numbers of the grid drawn before (another shape)
        # are still in the view, and would make this one small
        self.filter_view.autoRange(padding=0.002, items=[self.filter_item])
        if kind == "grid":  # a number per row: the output filter its kernels belong to
            row = (kh, (kw + pad) * columns - pad)
            self.marks.number([self._filter_grid[3] + r for r in range(count // columns)], row,
                              1, pad, below=True)  # fmt: skip
        else:
            self.marks.number(list(range(count)), (kh, kw), columns, pad, below=True)
        self.marks.select(self._selected, (kh, kw), columns, pad)
        self.marks.fit_bar((mosaic.shape[1], mosaic.shape[0]))
        scale = float(np.abs(weights).max())
        self.marks.scale(None if kind == "rgb" else WEIGHT_COLORMAP, -scale, scale)
        counts, edges = np.histogram(weights, bins=40)
        self.histogram_curve.setData(edges, counts)
        self.histogram.setTitle(self.tr("weights of {layer}").format(layer=name))

    def _on_filter_clicked(self, event) -> None:
        if self._filter_grid is None:
            return
        weights = self._filter_weights
        kh, kw = weights.shape[2:]
        point = self.filter_item.mapFromScene(event.scenePos())
        kind, columns, count = self._filter_grid[:3]
        pad = kernel_pad(kh)
        index = cell_at(point.x(), point.y(), (kh, kw), columns, count, pad)
        if index is None:
            return
        self._selected = index
        self.marks.select(index, (kh, kw), columns, pad)
        if kind == "grid":
            out_index = self._filter_grid[3] + index // columns
            kernel = weights[out_index, index % columns]
            title = self.tr("output {output}, input {input}").format(output=out_index,
                                                                      input=index % columns)
        elif kind == "avg":
            kernel = weights[index].mean(axis=0)
            title = self.tr("filter {index}, mean over inputs").format(index=index)
        else:
            kernel = weights[index].mean(axis=0)
            title = self.tr("filter {index} (mean of R, G, B)").format(index=index)
        self.show_kernel(kernel, title)

    def show_kernel(self, kernel: np.ndarray, title: str) -> None:
        table = self.kernel_table
        table.setRowCount(kernel.shape[0])
        table.setColumnCount(kernel.shape[1])
        for r in range(kernel.shape[0]):
            for c in range(kernel.shape[1]):
                table.setItem(r, c, QTableWidgetItem(f"{kernel[r, c]:+.3f}"))
        table.setToolTip(title)
        self.status.emit(f"{self._filter_layer}: {title}")
