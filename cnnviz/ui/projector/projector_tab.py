"""The Projector tab: the test set as the current model's classifier sees it, in a plane, as
TensorBoard's embedding projector shows it.

The features (the input of the last Linear layer), PCA or t-SNE (cnnviz.core.analysis.
embedding) run in the background with progress and Cancel. The points are one pyqtgraph
ScatterPlotItem, coloured by true class, with the misclassified ones crossed by a second; both
draw every point of a colour from one cached symbol, which keeps panning and zooming smooth
at 10,000 points. Hovering shows the nearest image (a numpy nearest-point search, within a few
pixels); clicking it opens it in Inspect. "Export timelapse..." animates the projection the
run recorded at each evaluation (ui/widgets/timelapse_export.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from cnnviz.core.analysis.class_colours import MISTAKE, class_colour
from cnnviz.core.analysis.embedding import (
    Features,
    knn_accuracy,
    penultimate_features,
    project,
)
from cnnviz.core.data.types import ImageSplit, LoadedDataset
from cnnviz.session.generation import Generation
from cnnviz.session.session import CurrentModel
from cnnviz.session.test_split import CurrentSplit
from cnnviz.ui.evaluate.evaluate_tab import thumbnail
from cnnviz.ui.widgets.task_bar import TaskBar
from cnnviz.ui.widgets.timelapse_export import TimelapseExport
from cnnviz.ui.workers.background import TaskState

#: a point counts as under the mouse within this many pixels
HOVER_PIXELS = 6
POINT_SIZE = 5
#: the share of a t-SNE request's progress that extracting the features takes
FEATURES_SHARE = {"pca": 0.9, "tsne": 0.1}


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
        self.method_combo = QComboBox(objectName="projectorMethod")
        self.method_combo.addItem("PCA", "pca")
        self.method_combo.addItem("t-SNE", "tsne")
        self.task_bar = TaskBar("Project the test set", "projector")
        bar = QHBoxLayout()
        bar.addWidget(self.method_combo)
        bar.addWidget(self.task_bar, 1)

        self.plot = pg.PlotWidget()
        self.plot.setObjectName("projectorView")
        self.plot.setBackground("w")
        self.plot.setMenuEnabled(False)
        self.plot.setAspectLocked(True)
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.scatter = pg.ScatterPlotItem(size=POINT_SIZE, pen=None, pxMode=True)
        self.mistakes = pg.ScatterPlotItem(size=POINT_SIZE + 4, symbol="x", brush=None,
                                           pen=pg.mkPen(*MISTAKE, width=1.5), pxMode=True)
        self.plot.addItem(self.scatter)
        self.plot.addItem(self.mistakes)
        self.legend = self.plot.addLegend(offset=(10, 10))
        self.hover_image = QLabel(objectName="projectorHoverImage")
        self.hover_image.setFixedSize(112, 112)
        self.hover_image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hover_label = QLabel("Hover over a point to see its image; click it to inspect.",
                                  objectName="projectorHover")  # fmt: skip
        self.hover_label.setWordWrap(True)
        side = QVBoxLayout()
        side.addWidget(self.hover_image)
        side.addWidget(self.hover_label)
        side.addStretch(1)
        side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setFixedWidth(200)
        body = QHBoxLayout()
        body.addWidget(self.plot, 1)
        body.addWidget(side_widget)
        # the run's projection at each evaluation, as an animation
        self.timelapse = TimelapseExport(
            self._timelapse_source, "The test set's projection (PCA) at each evaluation of "
            "the run the current weights come from, as a GIF or MP4")
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(body, 1)
        layout.addWidget(self.timelapse)

        self.task_bar.start_button.clicked.connect(self.start)
        self.plot.scene().sigMouseMoved.connect(self._on_hover)
        self.plot.scene().sigMouseClicked.connect(self._on_click)

    # -- running ----------------------------------------------------------------------------
    def start(self) -> None:
        """Project a copy of the current model's view of its test set, on the CPU, once the
        test split is here."""
        current = self.model_provider()
        token = self.generation.next()
        self.task_bar.status.setText(f"projecting the test set of {current.label} by "
                                     f"{self.method_combo.currentText()}...")
        self.test_split.when_ready(current.meta,
                                   lambda data: self._project(token, current, data),
                                   lambda error: self._on_error(error, token))  # fmt: skip

    def _project(self, token: int, current: CurrentModel, split: LoadedDataset) -> None:
        if not self.generation.is_current(token):
            return
        model, label = current.predictor.copy().model, current.label
        normalizer = current.predictor.normalizer
        method = self.method_combo.currentData()
        cached, computed = self._features, []
        share = 0.0 if cached is not None else FEATURES_SHARE[method]

        def work(state: TaskState) -> Projection | None:
            if cached is not None:  # the same model's features: only the projection is new
                data, features = cached
            else:
                data = split
                features = penultimate_features(
                    model, data.test.images, normalizer,
                    should_stop=state.is_interruption_requested,
                    on_progress=lambda f: state.set_progress(share * f))  # fmt: skip
                if features is None:
                    return None
                computed.append((data, features))
            points = project(features.values, method, should_stop=state.is_interruption_requested,
                             on_progress=lambda f: state.set_progress(share + (1 - share) * f))
            if points is None:
                return None
            labels = data.test.labels.numpy()
            return Projection(label, method, data.info.name, list(data.info.class_names),
                              data.test, points, labels, features.predictions,
                              knn_accuracy(points, labels))  # fmt: skip

        self.task_bar.run(work, lambda projection: self._on_done(projection, computed),
                          self._on_error)

    def model_changed(self) -> None:
        """A projection under way is of the old model: it is dropped, and so are the
        features kept for the next projection. The one shown says which model it is of."""
        self._features = None
        self.generation.next()
        if self.task_bar.running:
            self.task_bar.drop()
            self.task_bar.status.setText("Projection cancelled: the model changed.")

    def stop_background(self) -> None:
        self.task_bar.stop_background()
        self.timelapse.stop_background()

    def _timelapse_source(self) -> tuple[Path | None, str, str]:
        """The run folder of the current weights (None for weights from no file)."""
        path = self.model_provider().path
        return (path.parent if path is not None else None), "embedding", ""

    def _on_error(self, error: Exception, token: int | None = None) -> None:
        if token is None or self.generation.is_current(token):
            self.task_bar.status.setText(f"Cannot project: {error}")

    def _on_done(self, projection: Projection | None, computed: list) -> None:
        if computed:  # kept even when the projection was cancelled after them
            self._features = computed[0]
        if projection is None:
            self.task_bar.status.setText("Projection cancelled.")
            return
        self.show_projection(projection)

    # -- drawing ----------------------------------------------------------------------------
    @property
    def dataset(self) -> str:
        return self.projection.dataset if self.projection is not None else ""

    def show_projection(self, projection: Projection) -> None:
        self.projection = projection
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
                self.legend.addItem(pg.ScatterPlotItem(brush=brushes[i], pen=None, size=8), name)
            self.legend.addItem(self.mistakes, "misclassified")
        self.plot.autoRange(padding=0.02)
        method = self.method_combo.itemText(self.method_combo.findData(projection.method))
        self.task_bar.status.setText(
            f"{len(points):,} test images of {projection.dataset} by {method}: 5-nearest-"
            f"neighbour accuracy {projection.knn_accuracy:.1%}, {int(wrong.sum()):,} "
            f"misclassified (x). Weights: {projection.label}.")

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
        verdict = "" if truth == guess else " (misclassified)"
        self.hover_label.setText(f"test image {index}: true {truth}, predicted {guess}"
                                 f"{verdict}. Click to inspect it.")

    def _on_click(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        index = self.point_at(event.scenePos())
        if index is not None:
            self.inspect_requested.emit((index, self.projection.test.images[index].numpy()))
