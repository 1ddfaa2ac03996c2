"""The Projector tab: the test set as the current model's classifier sees it, in a plane, as
TensorBoard's embedding projector shows it.

The features (the input of the last Linear layer), PCA or t-SNE (cnnviz.core.analysis.
embedding) run in the background with progress and Cancel. The points are one pyqtgraph
ScatterPlotItem, coloured by true class, with the misclassified ones crossed by a second; both
draw every point of a colour from one cached symbol, which keeps panning and zooming smooth
at 10,000 points. Hovering shows the nearest image (a numpy nearest-point search, within a few
pixels); clicking it opens it in Inspect. "Export timelapse..." animates the projection the
run recorded at each evaluation (ui/widgets/timelapse_export.py).

Before the first projection the tab says what it will show and about how long each method
takes (ui/evaluate/estimate.py), instead of a blank box. A projection names its phases as it
goes (running the model, then t-SNE's neighbour search, which reports no progress, then its
layout, which does), so the bar moves, or is busy, within a second.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cnnviz.core.analysis.class_colours import MISTAKE, class_colour
from cnnviz.core.analysis.embedding import (
    TSNE_PHASES,
    Features,
    knn_accuracy,
    penultimate_features,
    project,
)
from cnnviz.core.data.types import ImageSplit, LoadedDataset
from cnnviz.core.models.spec import ModelSpec
from cnnviz.session.generation import Generation
from cnnviz.session.session import CurrentModel
from cnnviz.session.test_split import CurrentSplit
from cnnviz.ui.evaluate.estimate import (
    SECONDS_PER_IMAGE,
    TSNE_SECONDS_PER_POINT,
    Estimate,
    Rates,
    architecture,
    estimate_text,
    test_images_text,
)
from cnnviz.ui.evaluate.evaluate_tab import thumbnail
from cnnviz.ui.shell.i18n import translate_error, translate_text
from cnnviz.ui.widgets.style import pixels, style_plot
from cnnviz.ui.widgets.task_bar import TaskBar
from cnnviz.ui.widgets.timelapse_export import TimelapseExport
from cnnviz.ui.workers.background import TaskState

#: a point counts as under the mouse within this many pixels
HOVER_PIXELS = 6
POINT_SIZE = 5
#: the share of a t-SNE request's progress that extracting the features takes
FEATURES_SHARE = {"pca": 0.9, "tsne": 0.1}
#: the status in each phase of a projection: the features pass, then t-SNE's own
PHASES = {
    "features": QT_TRANSLATE_NOOP("ProjectorTab", "running the model over the test images..."),
    TSNE_PHASES[0]: QT_TRANSLATE_NOOP("ProjectorTab", "t-SNE: finding each image's nearest "
                                      "neighbours (no progress to show here)..."),
    TSNE_PHASES[1]: QT_TRANSLATE_NOOP("ProjectorTab", "t-SNE: placing the points..."),
}  # fmt: skip


@dataclass
class Projection:
    label: str  # which model
    method: str
    dataset: str
    class_names: list[str]
    test: ImageSplit
    points: np.ndarray  # float32 [N, 2]
    labels: np.ndarray  # int64 [N]
    predictions: np.ndarray  # int64 [N]
    knn_accuracy: float


class ProjectorTab(QWidget):
    #: a test image to open in Inspect: (index in the test set, uint8 [C, H, W])
    inspect_requested = Signal(object)

    def __init__(self, model_provider: Callable[[], CurrentModel], test_split: CurrentSplit,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("projectorTab")
        self.model_provider = model_provider
        self.test_split = test_split
        #: a request waiting for the test split is dropped when the model changes
        self.generation = Generation()
        self.projection: Projection | None = None
        #: the current model's test split and features, for another projection of them
        self._features: tuple[LoadedDataset, Features] | None = None
        #: seconds per image of the features pass, and per point of t-SNE, measured here
        self.rates = Rates()
        self.method_combo = QComboBox(objectName="projectorMethod")
        self.method_combo.addItem(self.tr("PCA"), "pca")
        self.method_combo.addItem(self.tr("t-SNE"), "tsne")
        self.task_bar = TaskBar(self.tr("Project the test set"), "projector")
        bar = QHBoxLayout()
        bar.addWidget(self.method_combo)
        bar.addWidget(self.task_bar, 1)

        self.plot = pg.PlotWidget()
        self.plot.setObjectName("projectorView")
        self.plot.setMenuEnabled(False)
        self.plot.setAspectLocked(True)
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.scatter = pg.ScatterPlotItem(size=pixels(POINT_SIZE), pen=None, pxMode=True)
        self.mistakes = pg.ScatterPlotItem(size=pixels(POINT_SIZE + 4), symbol="x", brush=None,
                                           pen=pg.mkPen(*MISTAKE, width=1.5), pxMode=True)
        self.plot.addItem(self.scatter)
        self.plot.addItem(self.mistakes)
        self.legend = self.plot.addLegend(offset=(10, 10))
        style_plot(self.plot)
        # before the first projection: what it shows, and how long each method takes
        self.intro = QLabel(objectName="projectorIntro")
        self.intro.setWordWrap(True)
        self.intro.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.intro.setMargin(12)
        self.pages = QStackedWidget(objectName="projectorPages")
        self.pages.addWidget(self.intro)
        self.pages.addWidget(self.plot)
        self.hover_image = QLabel(objectName="projectorHoverImage")
        self.hover_image.setFixedSize(112, 112)
        self.hover_image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hover_label = QLabel(self.tr("Hover over a point to see its image; click it to "
                                          "inspect."), objectName="projectorHover")  # fmt: skip
        self.hover_label.setWordWrap(True)
        side = QVBoxLayout()
        side.addWidget(self.hover_image)
        side.addWidget(self.hover_label)
        side.addStretch(1)
        #: the hovered image, beside the plot: hidden with the plot, until a projection
        self.side = QWidget()
        self.side.setLayout(side)
        self.side.setFixedWidth(200)
        self.side.hide()
        body = QHBoxLayout()
        body.addWidget(self.pages, 1)
        body.addWidget(self.side)
        # the run's projection at each evaluation, as an animation
        self.timelapse = TimelapseExport(
            self._timelapse_source, self.tr("The test set's projection (PCA) at each evaluation "
                                            "of the run the current weights come from, as a "
                                            "GIF or MP4"))  # fmt: skip
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(body, 1)
        layout.addWidget(self.timelapse)

        self.task_bar.start_button.clicked.connect(self.start)
        self.plot.scene().sigMouseMoved.connect(self._on_hover)
        self.plot.scene().sigMouseClicked.connect(self._on_click)
        for event in (test_split.loading, test_split.ready, test_split.failed):
            event.connect(self._describe_intro)
        self._describe_intro()

    # -- before the first projection --------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        self._describe_intro()
        super().showEvent(event)

    def _describe_intro(self, *_) -> None:
        """Say what a projection shows of the current model, and how long PCA and t-SNE
        take: from the test split's size once it is here, at the speeds measured here or
        conservative ones (estimate.py)."""
        if self.projection is not None:
            return
        current = self.model_provider()
        data = self.test_split.split_for(current.meta)
        images = test_images_text(current.meta, data)
        if data is None:
            pca = tsne = self.tr("estimated once the test set has loaded")
        else:
            count = len(data.test)
            features = self.rates.estimate(architecture(current.meta), count, SECONDS_PER_IMAGE)
            layout = self.rates.estimate(("tsne", count), count, TSNE_SECONDS_PER_POINT)
            pca = estimate_text(features, "image")
            tsne = estimate_text(Estimate(features.seconds + layout.seconds, layout.measured),
                                 "point")  # fmt: skip
        self.intro.setText(self.tr(
            "<h3>What the Projector shows</h3>"
            "<p>Press <b>Project the test set</b> to place each of {images} as a point in a "
            "plane, by what the classifier of {model} sees of it (the input of its last "
            "layer): coloured by its true class, crossed when the model gets it wrong. Images "
            "that the network sees alike lie close together, so classes that it tells apart "
            "form separate clusters.</p><ul>"
            "<li><b>PCA</b>, the two directions in which the images differ most: {pca}.</li>"
            "<li><b>t-SNE</b>, which keeps each image beside its nearest neighbours and so "
            "shows the clusters more clearly: {tsne}.</li></ul>"
            "<p>Then hover over a point to see its image, and click it to open it in "
            "Inspect.</p>").format(
            images=images, model=ModelSpec.parse(current.meta.model).display_name, pca=pca,
            tsne=tsne))  # fmt: skip

    # -- running ----------------------------------------------------------------------------
    def start(self) -> None:
        """Project a copy of the current model's view of its test set, on the CPU, once the
        test split is here."""
        current = self.model_provider()
        token = self.generation.next()
        self.task_bar.status.setText(self.tr("projecting the test set of {model} by "
                                             "{method}...").format(
            model=translate_text(current.label),
            method=self.method_combo.currentText()))  # fmt: skip
        self.test_split.when_ready(current.meta,
                                   lambda data: self._project(token, current, data),
                                   lambda error: self._on_error(error, token))  # fmt: skip

    def _project(self, token: int, current: CurrentModel, split: LoadedDataset) -> None:
        if not self.generation.is_current(token):
            return
        model, label = current.predictor.copy().model, translate_text(current.label)
        normalizer = current.predictor.normalizer
        method = self.method_combo.currentData()
        cached, computed = self._features, []
        share = 0.0 if cached is not None else FEATURES_SHARE[method]
        #: how long each part took, for the next estimate: (rate key, seconds, count)
        timings: list[tuple[tuple, float, int]] = []

        def work(state: TaskState) -> Projection | None:
            if cached is not None:  # the same model's features: only the projection is new
                data, features = cached
            else:
                data = split
                state.set_phase("features")
                began = time.perf_counter()
                features = penultimate_features(
                    model, data.test.images, normalizer,
                    should_stop=state.is_interruption_requested,
                    on_progress=lambda f: state.set_progress(share * f))  # fmt: skip
                if features is None:
                    return None
                computed.append((data, features))
                timings.append((architecture(current.meta), time.perf_counter() - began,
                                len(data.test)))  # fmt: skip
            began = time.perf_counter()
            points = project(features.values, method, should_stop=state.is_interruption_requested,
                             on_progress=lambda f: state.set_progress(share + (1 - share) * f),
                             on_phase=state.set_phase)  # fmt: skip
            if points is None:
                return None
            if method == "tsne":
                timings.append((("tsne", len(points)), time.perf_counter() - began, len(points)))
            labels = data.test.labels.numpy()
            return Projection(label, method, data.info.name, list(data.info.class_names),
                              data.test, points, labels, features.predictions,
                              knn_accuracy(points, labels))  # fmt: skip

        self.task_bar.run(work, lambda projection: self._on_done(projection, computed, timings),
                          self._on_error, {key: self.tr(words) for key, words in PHASES.items()})

    def model_changed(self) -> None:
        """A projection under way is of the old model: it is dropped, and so are the
        features kept for the next projection. The one shown says which model it is of."""
        self._features = None
        self.generation.next()
        if self.task_bar.running:
            self.task_bar.drop()
            self.task_bar.status.setText(self.tr("Projection cancelled: the model changed."))
        self._describe_intro()

    def stop_background(self) -> None:
        self.task_bar.stop_background()
        self.timelapse.stop_background()

    def _timelapse_source(self) -> tuple[Path | None, str, str]:
        """The run folder of the current weights (None for weights from no file)."""
        path = self.model_provider().path
        return (path.parent if path is not None else None), "embedding", ""

    def _on_error(self, error: Exception, token: int | None = None) -> None:
        if token is None or self.generation.is_current(token):
            self.task_bar.status.setText(self.tr("Cannot project: {error}").format(
                error=translate_error(error)))

    def _on_done(self, projection: Projection | None, computed: list, timings: list) -> None:
        if computed:  # kept even when the projection was cancelled after them
            self._features = computed[0]
        for key, seconds, count in timings:
            self.rates.record(key, seconds, count)
        if projection is None:
            self.task_bar.status.setText(self.tr("Projection cancelled."))
            return
        self.show_projection(projection)

    # -- drawing ----------------------------------------------------------------------------
    @property
    def dataset(self) -> str:
        return self.projection.dataset if self.projection is not None else ""

    def show_projection(self, projection: Projection) -> None:
        self.projection = projection
        self.pages.setCurrentWidget(self.plot)
        self.side.show()
        classes = len(projection.class_names)
        brushes = [pg.mkBrush(*class_colour(i, classes)) for i in range(classes)]
        points = projection.points
        self.scatter.setData(x=points[:, 0], y=points[:, 1],
                             brush=[brushes[label] for label in projection.labels])
        wrong = projection.labels != projection.predictions
        self.mistakes.setData(x=points[wrong, 0], y=points[wrong, 1])
        self.legend.clear()
        if classes <= 20:
            for i, name in enumerate(projection.class_names):
                self.legend.addItem(pg.ScatterPlotItem(brush=brushes[i], pen=None,
                                                       size=pixels(8)), name)  # fmt: skip
            self.legend.addItem(self.mistakes, self.tr("misclassified"))
        self.plot.autoRange(padding=0.02)
        method = self.method_combo.itemText(self.method_combo.findData(projection.method))
        self.task_bar.status.setText(self.tr(
            "{count} test images of {dataset} by {method}: 5-nearest-neighbour accuracy "
            "{accuracy}, {wrong} misclassified (x). Weights: {model}.").format(
            count=f"{len(points):,}", dataset=projection.dataset, method=method,
            accuracy=f"{projection.knn_accuracy:.1%}", wrong=f"{int(wrong.sum()):,}",
            model=projection.label))  # fmt: skip

    def point_at(self, scene_pos: QPointF) -> int | None:
        """The point within HOVER_PIXELS of a scene position, nearest first."""
        if self.projection is None or not len(self.projection.points):
            return None
        view = self.plot.getPlotItem().getViewBox()
        where = view.mapSceneToView(scene_pos)
        pixel_width, pixel_height = view.viewPixelSize()
        points = self.projection.points
        distances = (((points[:, 0] - where.x()) / pixel_width) ** 2
                     + ((points[:, 1] - where.y()) / pixel_height) ** 2)  # fmt: skip
        nearest = int(np.argmin(distances))
        return nearest if distances[nearest] <= HOVER_PIXELS**2 else None

    def _on_hover(self, scene_pos: QPointF) -> None:
        index = self.point_at(scene_pos)
        if index is None:
            return
        projection = self.projection
        image = projection.test.images[index].numpy()
        self.hover_image.setPixmap(thumbnail(image, 112).pixmap(112, 112))
        names = projection.class_names
        truth, guess = names[projection.labels[index]], names[projection.predictions[index]]
        words = (self.tr("test image {index}: true {truth}, predicted {guess}. Click to inspect "
                         "it.") if truth == guess
                 else self.tr("test image {index}: true {truth}, predicted {guess} "
                              "(misclassified). Click to inspect it."))  # fmt: skip
        self.hover_label.setText(words.format(index=index, truth=truth, guess=guess))

    def _on_click(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        index = self.point_at(event.scenePos())
        if index is not None:
            self.inspect_requested.emit((index, self.projection.test.images[index].numpy()))
