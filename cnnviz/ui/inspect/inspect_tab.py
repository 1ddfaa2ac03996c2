"""The Inspect tab: every layer of the current model, for one input the user picks.

The tab keeps a model of its own (a snapshot): built from a checkpoint, or from the weights a
running trainer copies out at most once per refresh interval. It runs the input through that
copy in eval mode without gradients, so it never races the optimiser and never changes a run.
Feature maps and filters are each drawn as one tiled image (one pyqtgraph ImageItem with a
colour lookup table and fixed levels), which keeps a redraw to a few milliseconds.
"""

from __future__ import annotations

import contextlib
import copy
from pathlib import Path

import numpy as np
import torch
from PIL import Image
from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from torch import nn

from cnnviz.core.analysis.inspection import Inspection, LayerInfo, ModelInspector
from cnnviz.core.analysis.mosaic import normalise
from cnnviz.core.analysis.summary import COLUMNS, table_cells
from cnnviz.core.analysis.unit_cache import weights_stamp
from cnnviz.core.data.datasets import load_dataset
from cnnviz.core.data.images import read_image, to_array, to_model_input
from cnnviz.core.data.types import ImageSplit, is_folder
from cnnviz.core.errors import CnnvizError
from cnnviz.core.training.events import StartedEvent
from cnnviz.session.generation import Generation
from cnnviz.session.session import CurrentModel
from cnnviz.ui.evaluate.explain_panel import ExplainPanel
from cnnviz.ui.inspect.feature_maps_panel import FeatureMapsPanel
from cnnviz.ui.inspect.feature_vis_panel import FeatureVisPanel
from cnnviz.ui.inspect.filters_panel import FiltersPanel
from cnnviz.ui.inspect.top_inputs_panel import TopInputsPanel
from cnnviz.ui.inspect.unit_view import UnitSource
from cnnviz.ui.shell.file_dialogs import choose_path
from cnnviz.ui.widgets.charts import ProbabilityChart, image_view
from cnnviz.ui.widgets.controls import fill_table
from cnnviz.ui.widgets.timelapse_export import TimelapseExport
from cnnviz.ui.workers.background import BackgroundCall, stop_call


class InspectTab(QWidget):
    """Input, layers, feature maps, filters, architecture and prediction."""

    #: a message for the status bar
    status = Signal(str)
    #: the model's layers (list[LayerInfo]) and the feature maps of the input shown
    #: (dict[str, ndarray]), or None while there is no input
    inspected = Signal(object, object)

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
        self._pending_weights: dict[str, np.ndarray] | None = None
        self.generation = Generation()
        #: the weights' file and label, for the unit views (None: a run's live weights)
        self.checkpoint: Path | None = None
        self.weights_label = ""
        self.unit_source: UnitSource | None = None
        self._build()

    # -- layout -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.source_label = QLabel(objectName="inspectSource")
        self.index_spin = QSpinBox(objectName="inspectIndexSpin", minimum=-1, maximum=0)
        self.index_spin.setSpecialValueText("\u2014")  # an input that is no test image
        self.index_spin.setToolTip("Index in the test set (\u2014: the input shown is not one)")
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
        bar.addWidget(self.source_label, 1)
        for label in (self.input_label, self.source_label):  # long names wrap, never widen
            label.setMinimumWidth(10)
            label.setWordWrap(True)

        self.layer_tree = QTreeWidget(objectName="layerTree")
        self.layer_tree.setHeaderLabels(list(COLUMNS[:5]))
        self.layer_tree.setMinimumWidth(160)
        self.totals_label = QLabel(objectName="inspectTotals")
        self.totals_label.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.layer_tree, 1)
        left_layout.addWidget(self.totals_label)

        self.architecture_table = QTableWidget(objectName="architectureTable")
        self.architecture_table.setColumnCount(len(COLUMNS))
        self.architecture_table.setHorizontalHeaderLabels(list(COLUMNS))
        self.pages = QTabWidget(objectName="inspectPages")
        self.maps = FeatureMapsPanel(self._unit_gradient)
        self.filters = FiltersPanel()
        for panel in (self.maps, self.filters):
            panel.status.connect(self.status)
        # beside the maps, under the layer tree where the column has room: what excites the
        # enlarged channel, and its top test images
        self.feature_vis = FeatureVisPanel()
        self.top_inputs = TopInputsPanel()
        self.unit_views = (self.feature_vis, self.top_inputs)
        units = QWidget()
        units_layout = QVBoxLayout(units)
        units_layout.setContentsMargins(0, 0, 0, 0)
        for view in self.unit_views:
            units_layout.addWidget(view, 1)
        # in a scroll area, so that a laptop's window scrolls the views instead of growing
        units_area = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        units_area.setWidget(units)
        units_area.setMinimumSize(1, 1)  # its scroll bars' size would count otherwise
        left_column = QSplitter(Qt.Orientation.Vertical)
        left_column.addWidget(left)
        left_column.addWidget(units_area)
        left_column.setStretchFactor(1, 1)
        left_column.setSizes([260, 560])
        self.maps.channel_changed.connect(self._show_unit)
        self.top_inputs.image_requested.connect(self.index_spin.setValue)
        self.pages.addTab(self.maps, "Feature maps")
        self.pages.addTab(self.filters, "Filters")
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

        # under the pages: the run's kernels or maps over training, as an animation
        self.timelapse = TimelapseExport(self._timelapse_source)
        pages_column = QWidget()
        pages_layout = QVBoxLayout(pages_column)
        pages_layout.setContentsMargins(0, 0, 0, 0)
        pages_layout.addWidget(self.pages, 1)
        pages_layout.addWidget(self.timelapse)

        splitter = QSplitter()
        splitter.addWidget(left_column)
        splitter.addWidget(pages_column)
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
        self._live_timer = QTimer(self, singleShot=True)
        self._live_timer.timeout.connect(self._apply_pending_weights)
        self._set_browsing_enabled(False)

    # -- the model ----------------------------------------------------------------------------
    def show_model(self, current: CurrentModel) -> None:
        """Inspect a copy of the current model (a copy, so that live weights never touch the
        model the other tabs use)."""
        meta = current.meta
        self.checkpoint, self.weights_label = current.path, current.label
        self._set_model(current.predictor.copy().model, tuple(meta.input_shape), meta.mean,
                        meta.std, list(meta.class_names), meta.dataset)  # fmt: skip
        self.source_label.setText(current.label)

    def prepare_live(self, model: nn.Module | None, event: StartedEvent) -> None:
        """A run started: inspect a model of its architecture, filled by weight snapshots."""
        if model is None:
            return
        self.checkpoint, self.weights_label = None, "this run (live)"
        self._set_model(model, tuple(event.input_shape), event.mean, event.std,
                        list(event.class_names), event.dataset)  # fmt: skip
        self.source_label.setText("this run (live)")

    def show_weights(self, state: dict[str, np.ndarray], step: int) -> None:
        """A snapshot from the trainer; applied at once, or after the refresh interval."""
        self._pending_weights = state
        self.source_label.setText(f"this run, step {step} (live)")
        if self.unit_source is not None and self.checkpoint is None:
            self.unit_source.weights_label = f"this run, step {step}"
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
        inspector = self.inspector
        self.unit_source = UnitSource(lambda: copy.deepcopy(inspector.model), input_shape,
                                      inspector.normalizer,
                                      self.checkpoint and weights_stamp(self.checkpoint), dataset,
                                      self.weights_label,
                                      self.test if dataset == self.dataset else None)
        for view in self.unit_views:
            view.set_source(self.unit_source)
        self.explain_panel.set_model(self.inspector, class_names)
        new_dataset = dataset != self.dataset
        if new_dataset or (self.image is not None and self.image.shape != tuple(input_shape)):
            self._clear_input()  # another data set's image, or the previous model's maps
        self._fill_layers()
        if new_dataset or self.test is None:
            self.dataset = dataset
            self.test = None
            self._load_test_set()
        if self.image is None and self.test is not None:
            self.show_test_image(self.index_spin.value())
        elif self.image is None:
            self.inspected.emit(self.inspector.layers, None)
        else:
            self.refresh()

    def _clear_input(self) -> None:
        """Nothing to show until the new test split (or another input) arrives: no maps,
        prediction or picture of the previous model or data set stay on screen."""
        self.image = self.original = self.result = None
        self.true_label = None
        self.prediction_chart.show_probabilities(None, [])
        for item in (self.original_item, self.input_item):
            item.clear()
        self.explain_panel.set_input(None, False)

    # -- the test set -----------------------------------------------------------------------
    def _load_test_set(self) -> None:
        """Load the test split in the background. A split that arrives after the data set
        changed again is dropped (its token is stale)."""
        if self.loader is not None:
            self.loader.cancel()
        self._set_browsing_enabled(False)
        self.input_label.setText(f"loading the {self.dataset} test set...")
        name, data_dir = self.dataset, self.data_dir_provider()
        size = self.inspector.input_shape[1:] if self.inspector is not None else None
        token = self.generation.next()
        self.loader = BackgroundCall(
            lambda state: load_dataset(name, data_dir, download=False, splits=("test",),
                                       image_size=size if is_folder(name) else None).test,
            lambda split: self._on_test_loaded(token, split),
            lambda error: self._on_test_failed(token, error),
        )  # fmt: skip

    def _on_test_loaded(self, token: int, split: ImageSplit) -> None:
        if not self.generation.is_current(token):
            return
        self.test = split
        if self.unit_source is not None:
            self.unit_source.test = split
            for view in self.unit_views:
                view.redraw()
        self.index_spin.setMaximum(len(split) - 1)
        self._set_browsing_enabled(True)
        if self.image is None:
            self.show_test_image(self.index_spin.value())

    def _on_test_failed(self, token: int, error: Exception) -> None:
        """The tab says so; the status bar only while the tab is on screen, so that a first
        launch without data opens on a working tab without a complaint about this one."""
        if not self.generation.is_current(token):
            return
        self.input_label.setText("no test set: open an image instead")
        self.input_label.setToolTip(str(error))
        if self.isVisible():
            self.status.emit(f"Inspect: {error}")

    def _set_browsing_enabled(self, enabled: bool) -> None:
        for widget in (self.index_spin, self.prev_button, self.next_button, self.random_button,
                       self.misclassified_button):
            widget.setEnabled(enabled)

    def stop_background(self) -> None:
        """Cancel a test split still loading, the unit views' work and a timelapse export,
        and wait, briefly."""
        stop_call(self.loader)
        for view in (*self.unit_views, self.explain_panel, self.timelapse):
            view.stop_background()

    def _timelapse_source(self) -> tuple[Path | None, str, str]:
        """The run folder of the weights shown (None for a live run's), and what the page
        shown draws: the kernels, or the selected layer's maps."""
        what = "filters" if self.pages.currentWidget() is self.filters else "maps"
        return (self.checkpoint.parent if self.checkpoint else None), what, self.layer_name

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
        with QSignalBlocker(self.index_spin):  # the index no longer applies
            self.index_spin.setValue(-1)
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
        self.prediction_chart.show_probabilities(probabilities, self.class_names,
                                                 self.true_label)
        top = int(np.argmax(probabilities))
        truth = (f"label {self.class_names[self.true_label]}, "
                 if self.true_label is not None else "")  # fmt: skip
        self.input_label.setText(f"{truth}predicted {self.class_names[top]} "
                                 f"({probabilities[top]:.1%})")
        self._draw_inputs()
        self._draw_layer(new_layer=False)
        self.explain_panel.set_input(self.image, self._explain_shown())
        self.inspected.emit(self.inspector.layers, self.result.activations)

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
        with QSignalBlocker(self.layer_tree):
            self.layer_tree.clear()
            items: dict[str, QTreeWidgetItem] = {}
            for info in inspector.layers:
                item = QTreeWidgetItem(table_cells(info)[:5])  # layer, type, output, params, RF
                item.setData(0, Qt.ItemDataRole.UserRole, info.name)
                if info.formula:
                    item.setToolTip(0, f"output size: {info.formula}")
                parent = items.get(info.parent)
                (parent.addChild(item) if parent else self.layer_tree.addTopLevelItem(item))
                items[info.name] = item
            self.layer_tree.expandAll()
            for column in range(5):
                self.layer_tree.resizeColumnToContents(column)
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
        fill_table(self.architecture_table,
                   [table_cells(info, indent=True) for info in self.inspector.layers])

    def _on_layer_selected(self, current: QTreeWidgetItem | None, _previous=None) -> None:
        if current is None:
            return
        self.layer_name = current.data(0, Qt.ItemDataRole.UserRole)
        self._draw_layer(new_layer=True)

    def _draw_layer(self, new_layer: bool) -> None:
        activation = None if self.result is None else self.result.activations.get(self.layer_name)
        info = None  # stays None for a layer of the previous model
        if self.inspector is not None:
            with contextlib.suppress(KeyError):
                info = self.inspector.layer(self.layer_name)
        self.maps.show_layer(self.layer_name, activation, self.original, new_layer,
                             None if info is None else info.field, self.image,
                             self.class_names if self._gives_class_scores(info) else None)
        self._show_unit(self.maps.channel)
        if self.inspector is not None and self.layer_name:
            self.filters.show_layer(self.inspector, self.layer_name)

    def _gives_class_scores(self, info: LayerInfo | None) -> bool:
        """Whether a layer's outputs are the class scores: the model's last layer (or a
        block that ends with it) with one output per class."""
        if info is None or self.inspector is None or not self.inspector.layers:
            return False
        last = self.inspector.layers[-1].name
        ends_the_model = info.name == last or last.startswith(info.name + ".")
        return ends_the_model and info.output_shape == (len(self.class_names),)

    def _unit_gradient(self, layer: str, unit: tuple[int, ...]) -> np.ndarray | None:
        """The effective receptive field of a unit of a layer, for the input shown."""
        if self.inspector is None or self.image is None:
            return None
        return self.inspector.unit_gradient(self.image, layer, unit)

    def _show_unit(self, channel: int) -> None:
        for view in self.unit_views:
            view.show_unit(self.layer_name, channel)

    def select_layer(self, name: str) -> None:
        matches = self.layer_tree.findItems(name, Qt.MatchFlag.MatchExactly
                                            | Qt.MatchFlag.MatchRecursive, 0)  # fmt: skip
        if matches:
            self.layer_tree.setCurrentItem(matches[0])

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
            self.maps.step_channel(-1 if key == Qt.Key.Key_Left else 1)
            return
        super().keyPressEvent(event)
