"""The Inspect tab: every layer of the current model, for one input the user picks.

The tab keeps a model of its own (a snapshot): built from a checkpoint, or from the weights a
running trainer copies out at most once per refresh interval. It runs the input through that
copy in eval mode without gradients, so it never races the optimiser and never changes a run.
Feature maps and filters are each drawn as one tiled image (one pyqtgraph ImageItem with a
colour lookup table and fixed levels), which keeps a redraw to a few milliseconds.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyqtgraph as pg
import torch
from PIL import Image
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cnnviz.core.checkpoint import load_checkpoint, model_from_checkpoint
from cnnviz.core.datasets import ImageSplit, load_dataset
from cnnviz.core.errors import CnnvizError
from cnnviz.core.images import read_image, to_array, to_model_input
from cnnviz.core.inspection import Inspection, ModelInspector
from cnnviz.core.models import InputShape, build_model
from cnnviz.core.mosaic import cell_at, grid_columns, normalise, tile
from cnnviz.core.prediction import shipped_weights_path
from cnnviz.ui.background import BackgroundCall
from cnnviz.ui.charts import ProbabilityChart, image_view
from cnnviz.ui.explain_panel import ExplainPanel
from cnnviz.ui.file_dialogs import choose_path

MAPS_PER_PAGE = 64
KERNEL_ROWS_PER_PAGE = 16
KERNEL_COLUMNS_MAX = 32
COLORMAPS = ["viridis", "inferno", "magma", "plasma", "CET-L1"]
WEIGHT_COLORMAP = "CET-D1"  # diverging: negative blue, zero grey, positive red
DEAD_BRUSH = pg.mkBrush(230, 40, 40)


def _lut(name: str) -> np.ndarray:
    return pg.colormap.get(name).getLookupTable(0.0, 1.0, 256)


class InspectTab(QWidget):
    """Input, layers, feature maps, filters, architecture and prediction."""

    #: a message for the status bar
    status = Signal(str)

    def __init__(self, data_dir_provider, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspectTab")
        self.data_dir_provider = data_dir_provider
        self.inspector: ModelInspector | None = None
        self.class_names: list[str] = []
        self.dataset = ""
        self.test: ImageSplit | None = None
        self.loader: BackgroundCall | None = None
        self.image: np.ndarray | None = None  # uint8 [C, H, W], what the model takes
        self.original: np.ndarray | None = None  # uint8 [H, W, C], as the user sees it
        self.true_label: int | None = None
        self.result: Inspection | None = None
        self.layer_name = ""
        self.channel = 0
        self.page = 0
        self._shown_channels: list[int] = []
        self._pending_weights: dict[str, np.ndarray] | None = None
        self._map_columns = 1
        self._filter_grid: tuple | None = None
        self._filter_weights = np.zeros((0, 0, 0, 0), dtype=np.float32)
        self._filter_layer = ""
        self._build()
        self.use_checkpoint(None)

    # -- layout -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.source_label = QLabel(objectName="inspectSource")
        self.index_spin = QSpinBox(objectName="inspectIndexSpin", minimum=0, maximum=0)
        self.index_spin.setToolTip("Index in the test set")
        self.prev_button = QPushButton("◀", objectName="inspectPrev")
        self.next_button = QPushButton("▶", objectName="inspectNext")
        self.random_button = QPushButton("Random", objectName="inspectRandom")
        self.misclassified_button = QPushButton("Next misclassified",
                                                objectName="inspectNextMistake")
        self.open_button = QPushButton("Open image...", objectName="inspectOpenImage")
        self.input_label = QLabel(objectName="inspectInputLabel")
        for button in (self.prev_button, self.next_button):
            button.setMaximumWidth(36)
        bar = QHBoxLayout()
        for widget in (QLabel("Test image"), self.index_spin, self.prev_button, self.next_button,
                       self.random_button, self.misclassified_button, self.open_button):
            bar.addWidget(widget)
        bar.addWidget(self.input_label, 1)
        bar.addWidget(self.source_label)
        self.input_label.setMinimumWidth(10)

        self.layer_tree = QTreeWidget(objectName="layerTree")
        self.layer_tree.setHeaderLabels(["Layer", "Type", "Output", "Params", "RF"])
        self.layer_tree.setMinimumWidth(300)
        self.totals_label = QLabel(objectName="inspectTotals")
        self.totals_label.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.layer_tree, 1)
        left_layout.addWidget(self.totals_label)

        # feature maps
        self.colormap_combo = QComboBox(objectName="inspectColormap")
        self.colormap_combo.addItems(COLORMAPS)
        self.scaling_combo = QComboBox(objectName="inspectScaling")
        self.scaling_combo.addItems(["scale each map", "scale the layer together"])
        self.sort_check = QCheckBox("sort by mean activation", objectName="inspectSort")
        self.page_spin = QSpinBox(objectName="inspectPage", minimum=1, maximum=1)
        self.page_spin.setPrefix("page ")
        self.shown_label = QLabel(objectName="inspectShown")
        self.export_png_button = QPushButton("Export PNG...", objectName="inspectExportPng")
        self.export_npy_button = QPushButton("Export .npy...", objectName="inspectExportNpy")
        map_controls = QGridLayout()
        map_controls.addWidget(self.colormap_combo, 0, 0)
        map_controls.addWidget(self.scaling_combo, 0, 1)
        map_controls.addWidget(self.sort_check, 0, 2)
        map_controls.addWidget(self.page_spin, 1, 0)
        map_controls.addWidget(self.shown_label, 1, 1)
        exports = QHBoxLayout()
        exports.addWidget(self.export_png_button)
        exports.addWidget(self.export_npy_button)
        map_controls.addLayout(exports, 1, 2)
        self.map_widget, self.map_view, self.map_item = image_view("featureMapView")
        self.dead_marks = pg.ScatterPlotItem(symbol="x", size=10, brush=DEAD_BRUSH,
                                             pen=pg.mkPen(230, 40, 40, width=2))
        self.map_view.addItem(self.dead_marks)
        self.zoom_widget, self.zoom_view, self.zoom_item = image_view("enlargedMapView")
        self.overlay_base = pg.ImageItem(axisOrder="row-major")
        self.zoom_view.addItem(self.overlay_base)
        self.overlay_base.setZValue(-1)
        self.overlay_check = QCheckBox("overlay on the input", objectName="inspectOverlay")
        self.hover_label = QLabel("click a map to enlarge it", objectName="inspectHover")
        self.hover_label.setWordWrap(True)
        zoom_text = QVBoxLayout()
        zoom_text.addWidget(self.overlay_check)
        zoom_text.addWidget(self.hover_label)
        zoom_text.addStretch(1)
        zoom_row = QHBoxLayout()
        self.zoom_widget.setFixedSize(220, 220)
        zoom_row.addWidget(self.zoom_widget)
        zoom_row.addLayout(zoom_text, 1)
        maps_row = QVBoxLayout()
        maps_row.addWidget(self.map_widget, 1)
        maps_row.addLayout(zoom_row)
        maps_page = QWidget()
        maps_layout = QVBoxLayout(maps_page)
        maps_layout.addLayout(map_controls)
        maps_layout.addLayout(maps_row, 1)

        # filters
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
        filters_page = QWidget()
        filters_layout = QVBoxLayout(filters_page)
        filters_layout.addLayout(filter_controls)
        filters_layout.addLayout(filter_row, 1)

        self.architecture_table = QTableWidget(objectName="architectureTable")
        self.architecture_table.setColumnCount(7)
        self.architecture_table.setHorizontalHeaderLabels(
            ["Layer", "Type", "Output", "Params", "RF", "Jump", "Output size"])
        self.pages = QTabWidget(objectName="inspectPages")
        self.pages.addTab(maps_page, "Feature maps")
        self.pages.addTab(filters_page, "Filters")
        self.pages.addTab(self.architecture_table, "Architecture")
        self.explain_panel = ExplainPanel()
        self.pages.addTab(self.explain_panel, "Explain")
        self.pages.currentChanged.connect(lambda _: self._on_page_changed())

        # input and prediction
        self.original_widget, _, self.original_item = image_view("inspectOriginal")
        self.input_widget, _, self.input_item = image_view("inspectModelInput")
        for widget in (self.original_widget, self.input_widget):
            widget.setFixedSize(120, 120)
        self.prediction_chart = ProbabilityChart("predictionView")
        self.live_spin = QDoubleSpinBox(objectName="inspectRefresh", minimum=0.2, maximum=60,
                                        value=1.0, suffix=" s", decimals=1)  # fmt: skip
        self.live_spin.setToolTip("While training, refresh at most this often")
        right = QGridLayout()
        right.addWidget(QLabel("Original"), 0, 0)
        right.addWidget(QLabel("What the model sees"), 0, 1)
        right.addWidget(self.original_widget, 1, 0)
        right.addWidget(self.input_widget, 1, 1)
        right.addWidget(self.prediction_chart, 2, 0, 1, 2)
        right.addWidget(QLabel("Live refresh every"), 3, 0)
        right.addWidget(self.live_spin, 3, 1)
        right_widget = QWidget()
        right_widget.setLayout(right)
        right_widget.setMaximumWidth(280)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.pages)
        splitter.addWidget(right_widget)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([340, 800, 280])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

        self.index_spin.valueChanged.connect(self.show_test_image)
        self.prev_button.clicked.connect(lambda: self.index_spin.stepBy(-1))
        self.next_button.clicked.connect(lambda: self.index_spin.stepBy(1))
        self.random_button.clicked.connect(self.show_random)
        self.misclassified_button.clicked.connect(self.show_next_misclassified)
        self.open_button.clicked.connect(lambda: self.open_image())
        self.layer_tree.currentItemChanged.connect(self._on_layer_selected)
        for signal in (self.colormap_combo.currentIndexChanged,
                       self.scaling_combo.currentIndexChanged, self.sort_check.toggled):
            signal.connect(lambda *_: self._draw_maps())
        self.page_spin.valueChanged.connect(lambda *_: self._draw_maps())
        self.filter_mode.currentIndexChanged.connect(lambda *_: self._draw_filters())
        self.filter_page_spin.valueChanged.connect(lambda *_: self._draw_filters())
        self.overlay_check.toggled.connect(lambda *_: self._draw_zoom())
        self.export_png_button.clicked.connect(lambda: self.export_grid_png())
        self.export_npy_button.clicked.connect(lambda: self.export_activations())
        self.map_widget.scene().sigMouseClicked.connect(self._on_map_clicked)
        self.filter_widget.scene().sigMouseClicked.connect(self._on_filter_clicked)
        self.zoom_widget.scene().sigMouseMoved.connect(self._on_zoom_hover)
        self._live_timer = QTimer(self, singleShot=True)
        self._live_timer.timeout.connect(self._apply_pending_weights)
        self._set_browsing_enabled(False)

    # -- the model ----------------------------------------------------------------------------
    def use_checkpoint(self, path: Path | None, label: str | None = None) -> bool:
        """Inspect a checkpoint's model (None: the shipped weights)."""
        source = path or shipped_weights_path()
        try:
            checkpoint = load_checkpoint(source)
            model = model_from_checkpoint(checkpoint, str(source))
        except CnnvizError as exc:
            self.status.emit(f"Inspect: {exc}")
            return False
        meta = checkpoint.meta
        self._set_model(model, tuple(meta.input_shape), meta.mean, meta.std,
                        list(meta.class_names), meta.dataset)  # fmt: skip
        self.source_label.setText(label or ("shipped weights" if path is None else
                                            Path(source).name))  # fmt: skip
        return True

    def prepare_live(self, model_name: str, input_shape: list[int], mean: list[float],
                     std: list[float], class_names: list[str], dataset: str) -> None:  # fmt: skip
        """A run started: inspect a copy of its model, filled by weight snapshots."""
        try:
            model = build_model(model_name, InputShape(*input_shape, len(class_names)))
        except CnnvizError as exc:
            self.status.emit(f"Inspect: {exc}")
            return
        self._set_model(model, tuple(input_shape), mean, std, class_names, dataset)
        self.source_label.setText("this run (live)")

    def show_weights(self, state: dict[str, np.ndarray], step: int) -> None:
        """A snapshot from the trainer; applied at once, or after the refresh interval."""
        self._pending_weights = state
        self.source_label.setText(f"this run, step {step} (live)")
        if not self._live_timer.isActive():
            self._apply_pending_weights()
            self._live_timer.start(int(1000 * self.live_spin.value()))

    @property
    def refresh_seconds(self) -> float:
        return self.live_spin.value()

    def _apply_pending_weights(self) -> None:
        if self._pending_weights is None or self.inspector is None:
            return
        try:
            self.inspector.load_weights(self._pending_weights)
        except (RuntimeError, KeyError):
            return  # a snapshot of another model, left over from a previous run
        self._pending_weights = None
        self.refresh()

    def _set_model(self, model, input_shape, mean, std, class_names, dataset) -> None:
        self.inspector = ModelInspector(model, input_shape, mean, std)
        self.class_names = class_names
        self.explain_panel.set_model(self.inspector, class_names)
        self._fill_layers()
        if dataset != self.dataset or self.test is None:
            self.dataset = dataset
            self.test = None
            self._load_test_set()
        if self.image is not None and self.image.shape != tuple(input_shape):
            self.image = self.original = None
        if self.image is None and self.test is not None:
            self.show_test_image(self.index_spin.value())
        else:
            self.refresh()

    # -- the test set -----------------------------------------------------------------------
    def _load_test_set(self) -> None:
        if self.loader is not None and self.loader.is_running:
            self.loader.wait()
        self._set_browsing_enabled(False)
        self.input_label.setText(f"loading the {self.dataset} test set...")
        name, data_dir = self.dataset, self.data_dir_provider()
        self.loader = BackgroundCall(
            lambda state: load_dataset(name, data_dir, download=False).test,
            self._on_test_loaded, self._on_test_failed,
        )

    def _on_test_loaded(self, split: ImageSplit) -> None:
        self.test = split
        self.index_spin.setMaximum(len(split) - 1)
        self._set_browsing_enabled(True)
        if self.image is None:
            self.show_test_image(self.index_spin.value())

    def _on_test_failed(self, error: Exception) -> None:
        self.input_label.setText("no test set: open an image instead")
        self.status.emit(f"Inspect: {error}")

    def _set_browsing_enabled(self, enabled: bool) -> None:
        for widget in (self.index_spin, self.prev_button, self.next_button, self.random_button,
                       self.misclassified_button):
            widget.setEnabled(enabled)

    def wait_for_loading(self) -> None:
        if self.loader is not None:
            self.loader.wait()

    # -- inputs -----------------------------------------------------------------------------
    def show_test_image(self, index: int) -> None:
        if self.test is None or self.inspector is None or not 0 <= index < len(self.test):
            return
        image = self.test.images[index].numpy()
        if image.shape != self.inspector.input_shape:
            return
        self.true_label = int(self.test.labels[index])
        self._set_input(image, image.transpose(1, 2, 0))

    def show_random(self) -> None:
        if self.test is not None:
            self.index_spin.setValue(int(np.random.default_rng().integers(len(self.test))))

    def show_next_misclassified(self) -> None:
        """Search forward from the current index, a batch at a time."""
        if self.test is None or self.inspector is None:
            return
        start = self.index_spin.value() + 1
        for begin in range(start, len(self.test), 500):
            images = self.test.images[begin : begin + 500]
            labels = self.test.labels[begin : begin + 500].numpy()
            batch = self.inspector.normalizer(images)
            with torch.inference_mode():
                predicted = self.inspector.model(batch).argmax(dim=1).numpy()
            wrong = np.nonzero(predicted != labels)[0]
            if len(wrong):
                self.index_spin.setValue(begin + int(wrong[0]))
                return
        self.status.emit("Inspect: no misclassified image after this one")

    def open_image(self, path: Path | None = None) -> bool:
        path = choose_path(False, self, path, "Open an image", "",
                           "Images (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp);;"
                           "All files (*)")
        if path is None:
            return False
        return self.show_image(path)

    def show_image(self, image: np.ndarray | Path | str) -> bool:
        """An image file, or an array: uint8 [C, H, W] in the model's input shape, or any
        [H, W] / [H, W, C] picture, which is converted as the data set's images are."""
        if self.inspector is None:
            return False
        channels, height, width = self.inspector.input_shape
        try:
            if isinstance(image, str | Path):
                picture = read_image(Path(image))
                model_input = to_model_input(picture, channels, height, width)
                original = to_array(picture, 3 if channels == 3 else 1)
            else:
                array = np.asarray(image)
                if array.shape == (channels, height, width):
                    model_input, original = array.astype(np.uint8), array.transpose(1, 2, 0)
                else:
                    picture = Image.fromarray(np.clip(array, 0, 255).astype(np.uint8))
                    model_input = to_model_input(picture, channels, height, width)
                    original = to_array(picture, 3 if channels == 3 else 1)
        except (CnnvizError, ValueError, TypeError) as exc:
            self.status.emit(f"Inspect: {exc}")
            self.input_label.setText(str(exc))
            return False
        self.true_label = None
        self._set_input(model_input, original)
        return True

    def _set_input(self, image: np.ndarray, original: np.ndarray) -> None:
        self.image = np.ascontiguousarray(image, dtype=np.uint8)
        self.original = np.ascontiguousarray(original, dtype=np.uint8)
        self.refresh()

    # -- drawing ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Run the current input through the model and redraw everything."""
        if self.inspector is None or self.image is None:
            return
        self.result = self.inspector.run(self.image)
        probabilities = self.result.probabilities
        self.prediction_chart.show_probabilities(probabilities, self.class_names)
        top = int(np.argmax(probabilities))
        truth = (f"label {self.class_names[self.true_label]}, "
                 if self.true_label is not None else "")  # fmt: skip
        self.input_label.setText(f"{truth}predicted {self.class_names[top]} "
                                 f"({probabilities[top]:.1%})")
        self._draw_inputs()
        self._draw_maps()
        self._draw_filters()
        self.explain_panel.set_input(self.image, self._explain_shown())

    def _explain_shown(self) -> bool:
        return self.pages.currentWidget() is self.explain_panel

    def _on_page_changed(self) -> None:
        if self._explain_shown():
            self.explain_panel.recompute()

    def _draw_inputs(self) -> None:
        original = self.original[..., 0] if self.original.shape[-1] == 1 else self.original
        self.original_item.setImage(original.astype(np.float32), autoLevels=False,
                                    levels=(0, 255))  # fmt: skip
        seen = self.inspector.model_input(self.image)
        seen = seen[0] if seen.shape[0] == 1 else normalise(seen.transpose(1, 2, 0)[None],
                                                            per_map=False)[0]  # fmt: skip
        levels = (float(seen.min()), float(seen.max()) or 1.0)
        self.input_item.setImage(np.ascontiguousarray(seen, dtype=np.float32),
                                 autoLevels=False, levels=levels)  # fmt: skip

    def _fill_layers(self) -> None:
        inspector = self.inspector
        self.layer_tree.blockSignals(True)
        self.layer_tree.clear()
        items: dict[str, QTreeWidgetItem] = {}
        for info in inspector.layers:
            shape = "x".join(str(s) for s in info.output_shape)
            field = "" if info.field is None else (
                "all" if info.field.jump is None else str(info.field.size))  # fmt: skip
            item = QTreeWidgetItem([info.name, info.kind, shape, f"{info.parameters:,}", field])
            item.setData(0, Qt.ItemDataRole.UserRole, info.name)
            if info.formula:
                item.setToolTip(0, f"output size: {info.formula}")
            parent = items.get(info.parent)
            (parent.addChild(item) if parent else self.layer_tree.addTopLevelItem(item))
            items[info.name] = item
        self.layer_tree.expandAll()
        for column in range(5):
            self.layer_tree.resizeColumnToContents(column)
        self.layer_tree.blockSignals(False)
        self._fill_architecture()
        conv_params, fc_params = inspector.weight_sharing()
        self.totals_label.setText(
            f"{inspector.total_parameters:,} parameters. The convolutions hold {conv_params:,}; "
            f"fully connected layers of the same input and output sizes would need "
            f"{fc_params:,} ({fc_params / max(1, conv_params):,.0f}x): weight sharing.")
        first = self.inspector.conv_layer_names()
        name = self.layer_name if self.layer_name in items else (first[0] if first else "")
        if name:
            self.layer_tree.setCurrentItem(items[name])

    def _fill_architecture(self) -> None:
        layers = self.inspector.layers
        table = self.architecture_table
        table.setRowCount(len(layers))
        for row, info in enumerate(layers):
            depth = info.name.count(".")
            field = info.field
            values = ["  " * depth + info.name, info.kind,
                      "x".join(str(s) for s in info.output_shape), f"{info.parameters:,}",
                      "" if field is None else ("all" if field.jump is None else str(field.size)),
                      "" if field is None or field.jump is None else str(field.jump),
                      info.formula]  # fmt: skip
            for column, value in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(value))
        table.resizeColumnsToContents()

    def _on_layer_selected(self, current: QTreeWidgetItem | None, _previous=None) -> None:
        if current is None:
            return
        self.layer_name = current.data(0, Qt.ItemDataRole.UserRole)
        self.channel = 0
        self.page_spin.setValue(1)
        self._draw_maps()
        self._draw_filters()

    def select_layer(self, name: str) -> None:
        matches = self.layer_tree.findItems(name, Qt.MatchFlag.MatchExactly
                                            | Qt.MatchFlag.MatchRecursive, 0)  # fmt: skip
        if matches:
            self.layer_tree.setCurrentItem(matches[0])

    def _activation(self) -> np.ndarray | None:
        if self.result is None or not self.layer_name:
            return None
        return self.result.activations.get(self.layer_name)

    def _draw_maps(self) -> None:
        activation = self._activation()
        if activation is None:
            self.map_item.clear()
            return
        maps = activation if activation.ndim == 3 else activation.reshape(1, 1, -1)
        order = np.arange(len(maps))
        if self.sort_check.isChecked():
            order = np.argsort(-maps.reshape(len(maps), -1).mean(axis=1), kind="stable")
        pages = max(1, -(-len(maps) // MAPS_PER_PAGE))
        self.page_spin.setMaximum(pages)
        page = min(self.page_spin.value(), pages) - 1
        shown = order[page * MAPS_PER_PAGE : (page + 1) * MAPS_PER_PAGE]
        self._shown_channels = [int(c) for c in shown]
        per_map = self.scaling_combo.currentIndex() == 0
        scaled = normalise(maps, per_map=per_map)[shown]
        columns = grid_columns(len(shown), aspect=1.5)
        self._map_columns = columns
        mosaic = tile(scaled, columns, fill=np.nan)  # NaN shows as transparent
        self.map_item.setLookupTable(_lut(self.colormap_combo.currentText()))
        self.map_item.setImage(mosaic, autoLevels=False, levels=(0.0, 1.0))
        self.map_view.autoRange(padding=0.01)
        dead = [i for i, c in enumerate(shown) if not np.any(maps[c])]
        h, w = maps.shape[1:]
        self.dead_marks.setData(
            [(i % columns) * (w + 1) + w / 2 for i in dead],
            [(i // columns) * (h + 1) + h / 2 for i in dead])
        dead_total = int(sum(not np.any(m) for m in maps))
        self.shown_label.setText(
            f"{len(shown)} of {len(maps)} shown" + (f", {dead_total} dead (x)" if dead_total
                                                    else ""))  # fmt: skip
        self._draw_zoom()

    def _draw_zoom(self) -> None:
        activation = self._activation()
        if activation is None or activation.ndim != 3:
            self.zoom_item.clear()
            self.overlay_base.clear()
            return
        self.channel = min(self.channel, len(activation) - 1)
        single = activation[self.channel]
        low, high = float(single.min()), float(single.max())
        self.zoom_item.setLookupTable(_lut(self.colormap_combo.currentText()))
        self.zoom_item.setImage(single, autoLevels=False, levels=(low, high if high > low
                                                                   else low + 1))  # fmt: skip
        if self.overlay_check.isChecked() and self.original is not None:
            base = self.original.mean(axis=2).astype(np.float32)
            self.overlay_base.setImage(base, autoLevels=False, levels=(0, 255))
            self.overlay_base.setRect(0, 0, single.shape[1], single.shape[0])
            self.overlay_base.show()
            self.zoom_item.setOpacity(0.55)
        else:
            self.overlay_base.hide()
            self.zoom_item.setOpacity(1.0)
        self.zoom_view.autoRange(padding=0.01)
        self.hover_label.setText(f"{self.layer_name}, channel {self.channel}: "
                                 f"min {low:.3g}, max {high:.3g}")

    def _on_map_clicked(self, event) -> None:
        activation = self._activation()
        if activation is None or activation.ndim != 3:
            return
        point = self.map_item.mapFromScene(event.scenePos())
        h, w = activation.shape[1:]
        index = cell_at(point.x(), point.y(), (h, w), self._map_columns,
                        len(self._shown_channels))  # fmt: skip
        if index is not None:
            self.channel = self._shown_channels[index]
            self._draw_zoom()

    def _on_zoom_hover(self, scene_pos) -> None:
        activation = self._activation()
        if activation is None or activation.ndim != 3:
            return
        point = self.zoom_item.mapFromScene(scene_pos)
        x, y = int(point.x()), int(point.y())
        single = activation[self.channel]
        if 0 <= y < single.shape[0] and 0 <= x < single.shape[1]:
            self.hover_label.setText(f"{self.layer_name}, channel {self.channel}: "
                                     f"x {x}, y {y}, value {single[y, x]:.4g}")

    # -- filters ----------------------------------------------------------------------------
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
            self.filter_item.setLookupTable(_lut(WEIGHT_COLORMAP))
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
            self.filter_item.setLookupTable(_lut(WEIGHT_COLORMAP))
            self.filter_item.setImage(tile(cells, columns, fill=np.nan), autoLevels=False,
                                      levels=(0.0, 1.0))
            self.filter_label.setText(
                f"{name}: outputs {page * KERNEL_ROWS_PER_PAGE}-"
                f"{page * KERNEL_ROWS_PER_PAGE + len(rows) - 1} of {out_ch} (rows) x "
                f"{columns} of {in_ch} inputs (columns)")
        self.filter_view.autoRange(padding=0.01)
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

    # -- keys and export ----------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Up/Down move between layers, Left/Right between channels."""
        key = event.key()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = -1 if key == Qt.Key.Key_Up else 1
            names = [info.name for info in self.inspector.layers] if self.inspector else []
            if self.layer_name in names:
                index = min(max(0, names.index(self.layer_name) + step), len(names) - 1)
                self.select_layer(names[index])
            return
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            activation = self._activation()
            if activation is not None and activation.ndim == 3:
                step = -1 if key == Qt.Key.Key_Left else 1
                self.channel = (self.channel + step) % len(activation)
                self._draw_zoom()
            return
        super().keyPressEvent(event)

    def export_grid_png(self, path: Path | None = None) -> Path | None:
        if self.map_item.image is None:
            return None
        path = choose_path(True, self, path, "Export feature maps",
                           f"{self.layer_name}.png", "PNG (*.png)")
        if path is None:
            return None
        lut = _lut(self.colormap_combo.currentText())
        index = np.clip(np.nan_to_num(self.map_item.image, nan=1.0) * 255, 0, 255).astype(np.uint8)
        try:
            Image.fromarray(lut[index][..., :3].astype(np.uint8)).resize(
                (index.shape[1] * 8, index.shape[0] * 8), Image.Resampling.NEAREST).save(path)
        except OSError as exc:
            self.status.emit(f"cannot write {path}: {exc}")
            return None
        return path

    def export_activations(self, path: Path | None = None) -> Path | None:
        activation = self._activation()
        if activation is None:
            return None
        path = choose_path(True, self, path, "Export activations",
                           f"{self.layer_name}.npy", "NumPy (*.npy)")
        if path is None:
            return None
        try:
            np.save(path, activation)
        except OSError as exc:
            self.status.emit(f"cannot write {path}: {exc}")
            return None
        return path
