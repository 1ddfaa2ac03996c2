"""The Inspect tab: every layer of the current model, for one input the user picks.

The tab keeps a model of its own (a snapshot): built from a checkpoint, or from the weights a
running trainer copies out at most once per refresh interval. It runs the input through that
copy in eval mode without gradients, so it never races the optimiser and never changes a run.
Feature maps and filters are each drawn as one tiled image (one pyqtgraph ImageItem with a
colour lookup table and fixed levels), which keeps a redraw to a few milliseconds.

Which input, which layer and which weights wait to be shown is session/inspection.py's
state, and the test split is the session's one (session/test_split.py): the tab renders
them. The input bar (input_picker.py) and the layer tree (layer_tree.py) are views of their
own; choosing the input and following the test split is inspect_inputs.py's mixin.
"""

from __future__ import annotations

import contextlib
import copy
from pathlib import Path

import numpy as np
from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from torch import nn

from cnnviz.core.analysis.inspection import Inspection, ModelInspector
from cnnviz.core.analysis.summary import sides_text
from cnnviz.core.analysis.unit_cache import weights_stamp
from cnnviz.core.data.types import ImageSplit, LoadedDataset
from cnnviz.core.training.evaluation import TrainedOn
from cnnviz.core.training.events import StartedEvent
from cnnviz.session.inspection import InspectionState
from cnnviz.session.session import CurrentModel
from cnnviz.session.test_split import CurrentSplit
from cnnviz.ui.evaluate.explain_panel import ExplainPanel
from cnnviz.ui.inspect.feature_maps_panel import FeatureMapsPanel
from cnnviz.ui.inspect.feature_vis_panel import FeatureVisPanel
from cnnviz.ui.inspect.filters_panel import FiltersPanel
from cnnviz.ui.inspect.input_picker import InputPicker
from cnnviz.ui.inspect.inspect_inputs import InspectInputs
from cnnviz.ui.inspect.layer_tree import (
    ARCHITECTURE_WRAPPING,
    LayerTree,
    headers,
    layer_rows,
    weight_sharing_text,
)
from cnnviz.ui.inspect.mistake_search import MistakeSearch
from cnnviz.ui.inspect.prediction_panel import PredictionPanel
from cnnviz.ui.inspect.timelapse_replay import TimelapseReplay
from cnnviz.ui.inspect.top_inputs_panel import TopInputsPanel
from cnnviz.ui.inspect.unit_view import UnitSource
from cnnviz.ui.shell.i18n import translate_text
from cnnviz.ui.widgets.controls import SteadyLabel, fill_table
from cnnviz.ui.widgets.timelapse_export import TimelapseExport
from cnnviz.ui.widgets.wrapping_table import WrappingTable


class InspectTab(InspectInputs, QWidget):
    """Input, layers, feature maps, filters, architecture and prediction."""

    #: a message for the status bar
    status = Signal(str)
    #: the model's layers (list[LayerInfo]) and the feature maps of the input shown
    #: (dict[str, ndarray]), or None while there is no input
    inspected = Signal(object, object)

    def __init__(self, test_split: CurrentSplit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspectTab")
        self.test_split = test_split
        self.state = InspectionState()
        self.inspector: ModelInspector | None = None
        #: what the inspected model was trained on (a checkpoint's meta, a run's start)
        self.described: TrainedOn | None = None
        self.class_names: list[str] = []
        self.result: Inspection | None = None
        self.search = MistakeSearch(self._on_mistake_found, self._on_search_failed)
        #: the weights' file and label, for the unit views (None: a run's live weights)
        self.checkpoint: Path | None = None
        self.weights_label = ""
        self.unit_source: UnitSource | None = None
        self._build()
        test_split.loading.connect(self._on_split_loading)
        test_split.ready.connect(self._on_split_ready)
        test_split.failed.connect(self._on_split_failed)

    # -- what the state holds -----------------------------------------------------------------
    @property
    def image(self) -> np.ndarray | None:
        """The input shown, uint8 [C, H, W] as the model takes it."""
        return self.state.input.image if self.state.input is not None else None

    @property
    def original(self) -> np.ndarray | None:
        """The input shown, uint8 [H, W, C] as the user sees it."""
        return self.state.input.original if self.state.input is not None else None

    @property
    def true_label(self) -> int | None:
        return self.state.input.true_label if self.state.input is not None else None

    @property
    def layer_name(self) -> str:
        return self.state.layer

    @property
    def dataset(self) -> str:
        return self.state.dataset

    @property
    def test(self) -> ImageSplit | None:
        """The test split of the inspected model's data set, once it is here."""
        data = self._split()
        return data.test if data is not None else None

    def _split(self) -> LoadedDataset | None:
        return None if self.described is None else self.test_split.split_for(self.described)

    # -- layout -----------------------------------------------------------------------------
    def _build(self) -> None:
        """The input bar over three columns: the layer tree and the prediction; the pages
        (feature maps, filters, the chosen channel's views, architecture, explain); nothing
        else, so that at 1280x720 the tree shows every column and the pages keep their room
        (a splitter whose columns never collapse)."""
        self.picker = InputPicker()
        self.index_spin, self.input_label = self.picker.index_spin, self.picker.input_label
        self.next_button = self.picker.next_button
        self.layer_tree = LayerTree()
        self.prediction = PredictionPanel()  # the input and the model's probabilities
        self.left_column = QSplitter(Qt.Orientation.Vertical)
        self.left_column.setChildrenCollapsible(False)
        self.left_column.addWidget(self.layer_tree)
        self.left_column.addWidget(self.prediction)
        self.left_column.setStretchFactor(0, 1)

        self.pages = QTabWidget(objectName="inspectPages")
        self.maps = FeatureMapsPanel(self._unit_gradient)
        self.filters = FiltersPanel()
        for panel in (self.maps, self.filters):
            panel.status.connect(self.status)
        # a page of their own: what excites the channel enlarged on Feature maps, and its
        # top test images, one above the other, each as large as half the page
        self.feature_vis = FeatureVisPanel()
        self.top_inputs = TopInputsPanel()
        self.unit_views = (self.feature_vis, self.top_inputs)
        self.unit_page = QWidget(objectName="inspectUnitPage")
        self.unit_heading = SteadyLabel(1, objectName="inspectUnitHeading")
        unit_layout = QVBoxLayout(self.unit_page)
        unit_layout.addWidget(self.unit_heading)
        for view in self.unit_views:
            unit_layout.addWidget(view, 1)
        self.maps.channel_changed.connect(self._show_unit)
        self.top_inputs.image_requested.connect(self.index_spin.setValue)
        # the names and the formulas wrap, the numbers keep one line each
        self.architecture_table = WrappingTable(headers(), ARCHITECTURE_WRAPPING,
                                                objectName="architectureTable")  # fmt: skip
        self.architecture_table.verticalHeader().hide()
        self.totals_label = QLabel(objectName="inspectTotals")
        self.totals_label.setWordWrap(True)
        self.architecture_page = architecture = QWidget(objectName="inspectArchitecturePage")
        architecture_layout = QVBoxLayout(architecture)
        architecture_layout.addWidget(self.architecture_table, 1)
        architecture_layout.addWidget(self.totals_label)
        self.explain_panel = ExplainPanel()
        self.pages.addTab(self.maps, self.tr("Feature maps"))
        self.pages.addTab(self.filters, self.tr("Filters"))
        self.pages.addTab(self.unit_page, self.tr("Channel"))
        self.pages.addTab(architecture, self.tr("Architecture"))
        self.pages.addTab(self.explain_panel, self.tr("Explain"))
        self.pages.currentChanged.connect(lambda _: self._on_page_changed())

        # under the pages: the run's kernels or maps over training, as an animation
        self.timelapse = TimelapseExport(
            self._timelapse_source, self.tr("The run's first-layer kernels (Filters) or the "
                                            "selected layer's feature maps (Feature maps) over "
                                            "training, as a GIF or MP4"))  # fmt: skip
        pages_column = QWidget()
        pages_column.setMinimumWidth(360)  # the maps never vanish as the tree widens
        pages_layout = QVBoxLayout(pages_column)
        pages_layout.setContentsMargins(0, 0, 0, 0)
        pages_layout.addWidget(self.pages, 1)
        self.replay = TimelapseReplay(self.pages, (self.maps, self.filters))
        pages_layout.addWidget(self.replay)
        pages_layout.addWidget(self.timelapse)

        self.splitter = QSplitter()
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.left_column)
        self.splitter.addWidget(pages_column)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        # the tab's frame is margin enough: on a projector at 1280x720 the tree asks for half
        # the width, and the pages need every pixel of the rest for kernels of 64 pixels
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picker)
        layout.addWidget(self.splitter, 1)

        self.index_spin.valueChanged.connect(self.show_test_image)
        self.picker.random_button.clicked.connect(self.show_random)
        self.picker.misclassified_button.clicked.connect(self.show_next_misclassified)
        self.picker.open_button.clicked.connect(lambda: self.open_image())
        self.layer_tree.layer_selected.connect(self._on_layer_selected)
        self._live_timer = QTimer(self, singleShot=True)
        self._live_timer.timeout.connect(self._apply_pending_weights)
        self._show_unit(0)

    def _fit_tree(self) -> None:
        """Give the tree's column the width that shows every column of the tree whole, at
        most half the tab's (a deep model's long names scroll instead)."""
        total = sum(self.splitter.sizes()) or self.width()
        left = min(self.layer_tree.columns_width(), total // 2)
        self.splitter.setSizes([left, max(1, total - left)])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_tree()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # presentation mode: wider columns, once
            QTimer.singleShot(0, self._fit_tree)  # the tree has its new font too

    # -- the model ----------------------------------------------------------------------------
    def show_model(self, current: CurrentModel) -> None:
        """Inspect a copy of the current model (a copy, so that live weights never touch the
        model the other tabs use)."""
        self.checkpoint, self.weights_label = current.path, translate_text(current.label)
        self._set_model(current.predictor.copy().model, current.meta)
        self.picker.source_label.setText(self.weights_label)

    def prepare_live(self, model: nn.Module | None, event: StartedEvent) -> None:
        """A run started: inspect a model of its architecture, filled by weight snapshots."""
        if model is None:
            return
        self.checkpoint, self.weights_label = None, self.tr("this run (live)")
        self._set_model(model, event)
        self.picker.source_label.setText(self.weights_label)

    def show_weights(self, state: dict[str, np.ndarray], step: int) -> None:
        """A snapshot from the trainer; applied at once, or after the refresh interval."""
        self.state.offer_weights(state)
        self.picker.source_label.setText(self.tr("this run, step {step} (live)")
                                         .format(step=step))  # fmt: skip
        if self.unit_source is not None and self.checkpoint is None:
            self.unit_source.weights_label = self.tr("this run, step {step}").format(step=step)
        if not self._live_timer.isActive():
            self._apply_pending_weights()
            self._live_timer.start(int(1000 * self.refresh_seconds))

    @property
    def refresh_seconds(self) -> float:
        return self.prediction.live_spin.value()

    def _apply_pending_weights(self) -> None:
        if self.state.pending_weights is None or self.inspector is None:
            return
        try:
            self.inspector.load_weights(self.state.pending_weights)
        except (RuntimeError, KeyError):
            return  # a snapshot of another model, left over from a previous run
        self.state.pending_weights = None
        self.refresh()

    def _set_model(self, model: nn.Module, described: TrainedOn) -> None:
        self.replay.set_run(self.checkpoint.parent if self.checkpoint else None)
        input_shape = tuple(described.input_shape)
        self.inspector = ModelInspector(model, input_shape, described.mean, described.std)
        self.described, self.class_names = described, list(described.class_names)
        self.search.drop()  # a search through the previous model is of no use now
        inspector = self.inspector
        self.unit_source = UnitSource(lambda: copy.deepcopy(inspector.model), input_shape,
                                      inspector.normalizer,
                                      self.checkpoint and weights_stamp(self.checkpoint),
                                      described.dataset, self.weights_label, self.test)
        for view in self.unit_views:
            view.set_source(self.unit_source)
        self.explain_panel.set_model(self.inspector, self.class_names)
        if self.state.model_changed(described.dataset, input_shape):
            self._clear_input()  # another data set's image, or the previous model's maps
        self._fill_layers()
        self.test_split.request(described)
        self._show_split()
        if self.image is None and self.test is not None:
            self.show_test_image(self.index_spin.value())
        elif self.image is None:
            self.inspected.emit(self.inspector.layers, None)
        else:
            self.refresh()

    def _clear_input(self) -> None:
        """Nothing to show until the new test split (or another input) arrives: no maps,
        prediction or picture of the previous model or data set stay on screen."""
        self.result = None
        self.prediction.clear()
        self.explain_panel.set_input(None, False)

    # -- background work and export ---------------------------------------------------------
    def stop_background(self) -> None:
        """Cancel a search, the unit views' work, a timelapse export and the replay's reading,
        and wait, briefly. (The test split is the session's, stopped by its owner.)"""
        self.search.stop()
        for view in (*self.unit_views, self.explain_panel, self.timelapse, self.replay):
            view.stop_background()

    def _timelapse_source(self) -> tuple[Path | None, str, str]:
        """The run folder of the weights shown (None for a live run's), and what the page
        shown draws: the kernels, or the selected layer's maps."""
        what = "filters" if self.pages.currentWidget() is self.filters else "maps"
        return (self.checkpoint.parent if self.checkpoint else None), what, self.layer_name

    # -- drawing ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Run the current input through the model and redraw everything."""
        if self.inspector is None or self.image is None:
            return
        self.result = self.inspector.run(self.image)
        probabilities = self.result.probabilities
        self.prediction.prediction_chart.show_probabilities(probabilities, self.class_names,
                                                            self.true_label)  # fmt: skip
        top = int(np.argmax(probabilities))
        values = {"predicted": self.class_names[top], "probability": f"{probabilities[top]:.1%}"}
        if self.true_label is None:
            text = self.tr("predicted {predicted} ({probability})")
        else:
            text = self.tr("label {label}, predicted {predicted} ({probability})")
            values["label"] = self.class_names[self.true_label]
        self.input_label.setText(text.format(**values))
        self.prediction.show_input(self.original, self.inspector.model_input(self.image))
        self._draw_layer(new_layer=False)
        self.explain_panel.set_input(self.image, self._explain_shown())
        self.inspected.emit(self.inspector.layers, self.result.activations)

    def _explain_shown(self) -> bool:
        return self.pages.currentWidget() is self.explain_panel

    def _on_page_changed(self) -> None:
        if self._explain_shown():
            self.explain_panel.recompute()

    def _fill_layers(self) -> None:
        """The architecture table and the totals, then the tree, whose selection (the layer
        shown before, if the model has it) draws the layer."""
        shape = self.inspector.input_shape
        one = sides_text((1, 1))  # an input pixel sees itself
        first = [self.tr("Input"), "", "x".join(map(str, shape)), "", one, one, ""]
        fill_table(self.architecture_table, [first, *layer_rows(self.inspector, indent=True)])
        self.architecture_table.fit_columns()
        self.totals_label.setText(weight_sharing_text(self.inspector))
        self.layer_tree.show_layers(self.inspector, self.layer_name)
        self._fit_tree()

    def _on_layer_selected(self, name: str) -> None:
        self.state.layer = name
        self._draw_layer(new_layer=True)

    def _draw_layer(self, new_layer: bool) -> None:
        activation = None if self.result is None else self.result.activations.get(self.layer_name)
        info = None  # stays None for a layer of the previous model
        if self.inspector is not None:
            with contextlib.suppress(KeyError):
                info = self.inspector.layer(self.layer_name)
        self.maps.show_layer(self.layer_name, activation, self.original, new_layer,
                             None if info is None else info.field, self.image,
                             self.class_names if info is not None and self.inspector
                             .gives_class_scores(info, len(self.class_names)) else None)
        self._show_unit(self.maps.channel)
        if self.inspector is not None and self.layer_name:
            self.filters.show_layer(self.inspector, self.layer_name)

    def _unit_gradient(self, layer: str, unit: tuple[int, ...]) -> np.ndarray | None:
        """The effective receptive field of a unit of a layer, for the input shown."""
        if self.inspector is None or self.image is None:
            return None
        return self.inspector.unit_gradient(self.image, layer, unit)

    def _show_unit(self, channel: int) -> None:
        self.unit_heading.setText(
            self.tr("{layer}, channel {channel}: choose the layer in the tree, and the channel "
                    "on Feature maps or with the Left and Right keys")
            .format(layer=self.layer_name or "\u2014", channel=channel))  # fmt: skip
        for view in self.unit_views:
            view.show_unit(self.layer_name, channel)

    def select_layer(self, name: str) -> None:
        self.layer_tree.select(name)

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
