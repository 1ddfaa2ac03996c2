"""The Evaluate tab: which classes does the model confuse, and which images are they?

Evaluation runs in a background thread with a progress bar and Cancel, on the session's test
split (session/test_split.py), once it is here. The confusion matrix
(rows: true class, columns: predicted) links to a gallery of the images in a cell, the most
confidently wrong first; an image opens in the Inspect tab, where Grad-CAM shows where the
network looked.

Before its first run the tab says what pressing Evaluate gives, and about how long it takes
(estimate.py), instead of empty axes. The plots follow the app's palette and type scale
(widgets/style.py), and the matrix's colours tell right from wrong and show a single mistake
(confusion_colours.py); the two plots are drawn by confusion_plots.py.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import torch
from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QIcon, QImage, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cnnviz.core.data.types import ImageSplit, LoadedDataset
from cnnviz.core.models.spec import ModelSpec
from cnnviz.core.training.evaluation import EvaluationResult, evaluate_model
from cnnviz.session.generation import Generation
from cnnviz.session.session import CurrentModel
from cnnviz.session.test_split import CurrentSplit
from cnnviz.ui.evaluate.confusion_plots import ConfusionPlots
from cnnviz.ui.evaluate.estimate import (
    SECONDS_PER_IMAGE,
    Rates,
    architecture,
    estimate_text,
    test_images_text,
)
from cnnviz.ui.shell.file_dialogs import choose_path
from cnnviz.ui.shell.i18n import translate_error, translate_text
from cnnviz.ui.widgets.charts import export_plot_png
from cnnviz.ui.widgets.style import SpacedAxis, follow_scale, pixels, style_plot
from cnnviz.ui.workers.background import BackgroundCall, TaskState, stop_call

GALLERY_LIMIT = 300
THUMBNAIL = 64


def thumbnail(image: np.ndarray, size: int = THUMBNAIL) -> QIcon:
    """A uint8 [C, H, W] image as an icon ``size`` pixels wide, scaled without smoothing."""
    pixels = np.ascontiguousarray(image.transpose(1, 2, 0))
    height, width, channels = pixels.shape
    if channels == 1:
        qimage = QImage(pixels.data, width, height, width, QImage.Format.Format_Grayscale8)
    else:
        qimage = QImage(pixels.data, width, height, 3 * width, QImage.Format.Format_RGB888)
    pixmap = QPixmap.fromImage(qimage.copy()).scaled(size, size,
                                                     Qt.AspectRatioMode.KeepAspectRatio)
    return QIcon(pixmap)


class EvaluateTab(ConfusionPlots, QWidget):
    #: a test image to open in Inspect: (index in the test set, uint8 [C, H, W])
    inspect_requested = Signal(object)

    def __init__(self, model_provider: Callable[[], CurrentModel], test_split: CurrentSplit,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("evaluateTab")
        self.model_provider = model_provider
        self.generation = Generation()
        self.test_split = test_split
        self.task: BackgroundCall | None = None
        #: whether an evaluation is under way: waiting for the test split, or running
        self.running = False
        self.result: EvaluationResult | None = None
        self.test: ImageSplit | None = None
        self.class_names: list[str] = []
        self.dataset = ""
        self.gallery_indices: list[int] = []
        #: seconds per image of the passes run here, for the next estimate
        self.rates = Rates()

        self.evaluate_button = QPushButton(self.tr("Evaluate"), objectName="evaluateButton")
        self.evaluate_button.setToolTip(self.tr("Evaluate the current model on the test set"))
        self.cancel_button = QPushButton(self.tr("Cancel"), objectName="cancelEvaluateButton")
        self.progress = QProgressBar(objectName="evaluateProgress")
        self.accuracy_label = QLabel(self.tr("Evaluate the current model on its test set."),
                                     objectName="evaluateAccuracy")  # fmt: skip
        self.accuracy_label.setMinimumWidth(10)  # a long model name wraps, never widens
        self.accuracy_label.setWordWrap(True)
        self.normalise_check = QCheckBox(self.tr("row-normalised %"),
                                         objectName="confusionNormalise")  # fmt: skip
        self.export_csv_button = QPushButton(self.tr("Export CSV..."),
                                             objectName="exportConfusionCsv")  # fmt: skip
        self.export_png_button = QPushButton(self.tr("Export PNG..."),
                                             objectName="exportConfusionPng")  # fmt: skip
        bar = QHBoxLayout()
        for widget in (self.evaluate_button, self.cancel_button, self.progress):
            bar.addWidget(widget)
        bar.addWidget(self.accuracy_label, 1)
        for widget in (self.normalise_check, self.export_csv_button, self.export_png_button):
            bar.addWidget(widget)

        # the axes say which is true and which predicted: a longer title is cut off in
        # presentation mode at 1280x720
        self.confusion_plot = pg.PlotWidget(title=self.tr("Confusion matrix"))
        self.confusion_plot.setObjectName("confusionView")
        self.confusion_plot.invertY(True)
        # cells take the room the pane gives (not squares): on a projector at 1280x720, a
        # square matrix left its cells too narrow for "1130" in a readable size (issue 24)
        self.confusion_plot.setMenuEnabled(False)
        self.confusion_plot.setLabel("bottom", self.tr("predicted class"))
        self.confusion_plot.setLabel("left", self.tr("true class"))
        self.confusion_item = pg.ImageItem(axisOrder="row-major")
        self.confusion_plot.addItem(self.confusion_item)
        self._cell_texts: list[pg.TextItem] = []
        self.confusion_key = QLabel(self.tr(
            "Blue: right, darker the more of its row. Red: mistakes, on a log scale, so that "
            "a single one shows."), objectName="confusionKey")  # fmt: skip
        self.confusion_key.setWordWrap(True)
        self.class_bars = pg.PlotWidget(title=self.tr("Accuracy per class (%)"),
                                        axisItems={"left": SpacedAxis("left")})
        self.class_bars.setObjectName("classAccuracyView")
        for plot in (self.confusion_plot, self.class_bars):
            style_plot(plot)
        follow_scale(self.confusion_plot, self._fit_cell_texts)
        self.gallery_label = QLabel(self.tr("Click a cell to see its images"),
                                    objectName="galleryLabel")  # fmt: skip
        self.gallery = QListWidget(objectName="mistakesView")
        self.gallery.setViewMode(QListWidget.ViewMode.IconMode)
        self.gallery.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.gallery.setUniformItemSizes(True)
        self.gallery.setWordWrap(True)
        self.gallery.setTextElideMode(Qt.TextElideMode.ElideNone)

        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.confusion_plot)
        left.addWidget(self.class_bars)
        left.setSizes([540, 160])
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        # the key beside the matrix, not under it: the matrix's height is what its columns'
        # width (and so the class names) comes from
        right_layout.addWidget(self.confusion_key)
        right_layout.addWidget(self.gallery_label)
        right_layout.addWidget(self.gallery, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([650, 450])
        # before the first result: what pressing Evaluate gives, and how long it takes
        self.intro = QLabel(objectName="evaluateIntro")
        self.intro.setWordWrap(True)
        self.intro.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.intro.setMargin(12)
        self.pages = QStackedWidget(objectName="evaluatePages")
        self.pages.addWidget(self.intro)
        self.pages.addWidget(splitter)
        self.results_page = splitter
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.pages, 1)
        follow_scale(self.gallery, self._fit_gallery_grid)

        self.evaluate_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.normalise_check.toggled.connect(lambda _: self._draw_matrix())
        self.export_csv_button.clicked.connect(lambda: self.export_csv())
        self.export_png_button.clicked.connect(lambda: self.export_png())
        self.confusion_plot.scene().sigMouseClicked.connect(self._on_matrix_clicked)
        for plot in (self.confusion_plot, self.class_bars):
            plot.getViewBox().sigResized.connect(self._fit_column_labels)
            plot.getViewBox().sigRangeChanged.connect(self._fit_column_labels)
        self.confusion_plot.getViewBox().sigResized.connect(self._fit_cell_texts)
        self.gallery.itemActivated.connect(self._on_gallery_item)
        self.gallery.itemClicked.connect(self._on_gallery_item)
        for event in (test_split.loading, test_split.ready, test_split.failed):
            event.connect(self._describe_intro)
        self._set_running(False)
        self._describe_intro()

    # -- before the first result ------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        self._describe_intro()
        super().showEvent(event)

    def _describe_intro(self, *_) -> None:
        """Say what Evaluate gives for the current model, and how long it takes: from the
        test split's size once it is here, at the speed measured on this architecture or a
        conservative one (estimate.py)."""
        if self.result is not None:
            return
        current = self.model_provider()
        data = self.test_split.split_for(current.meta)
        images = test_images_text(current.meta, data)
        if data is None:
            how_long = self.tr("How long it takes is estimated once the test set has loaded.")
        else:
            estimate = self.rates.estimate(architecture(current.meta), len(data.test),
                                           SECONDS_PER_IMAGE)  # fmt: skip
            how_long = self.tr("It takes {estimate}.").format(
                estimate=estimate_text(estimate, "image"))
        self.intro.setText(self.tr(
            "<h3>What Evaluate shows</h3>"
            "<p>Press <b>Evaluate</b> to run {model} over {images}, and see:</p><ul>"
            "<li>the <b>confusion matrix</b>: for each true class (a row), how often it was "
            "predicted as each class (a column). The diagonal is right; every other cell is a "
            "mistake;</li>"
            "<li>the <b>accuracy</b> of each class;</li>"
            "<li>the images in any cell of the matrix, the most confidently wrong first: click "
            "one to see in Inspect where the network looked.</li></ul><p>{how_long}</p>").format(
            model=ModelSpec.parse(current.meta.model).display_name, images=images,
            how_long=how_long))  # fmt: skip

    def changeEvent(self, event: QEvent) -> None:
        """A new font (presentation mode's, which on a real screen may reach the gallery
        after the display scale has changed): its captions are measured again."""
        if event.type() == QEvent.Type.FontChange:
            self._fit_gallery_grid()
        super().changeEvent(event)

    # -- running ----------------------------------------------------------------------------
    def start(self) -> None:
        """Evaluate a copy of the current model on the CPU (so it never competes with a run
        on the GPU) in the background, once its test split is here."""
        if self.running:
            return
        current = self.model_provider()
        token = self.generation.next()
        self.task = None
        self._set_running(True)
        self.accuracy_label.setText(self.tr("evaluating {model}...").format(
            model=translate_text(current.label)))
        self.test_split.when_ready(current.meta,
                                   lambda data: self._evaluate(token, current, data),
                                   lambda error: self._on_error(token, error))  # fmt: skip

    def _evaluate(self, token: int, current: CurrentModel, data: LoadedDataset) -> None:
        if not self.generation.is_current(token):
            return
        model, meta = current.predictor.copy().model, current.meta

        def work(state: TaskState):
            began = time.perf_counter()
            result = evaluate_model(model, meta, data, torch.device("cpu"),
                                    should_stop=state.is_interruption_requested,
                                    on_progress=state.set_progress)  # fmt: skip
            return current, data, result, time.perf_counter() - began

        self.task = BackgroundCall(work, lambda outcome: self._on_done(token, outcome),
                                   lambda error: self._on_error(token, error),
                                   lambda fraction: self._on_progress(token, fraction))

    def cancel(self) -> None:
        """Stop the evaluation: the pass when it runs, the wait when the split is not here."""
        if self.task is not None:
            self.task.state.request_interruption()
        elif self.running:
            self.generation.next()
            self._set_running(False)
            self.accuracy_label.setText(self.tr("Evaluation cancelled."))

    def model_changed(self) -> None:
        """The current model changed: an evaluation still running, or whose result is still
        on its way, is of the old one, so it is dropped; the results shown say which model
        they are for."""
        self.generation.next()
        if self.running:
            if self.task is not None:
                self.task.cancel()
            self._set_running(False)
            self.accuracy_label.setText(self.tr("Evaluation cancelled: the model changed."))
        self._describe_intro()

    def stop_background(self) -> None:
        stop_call(self.task)

    def _set_running(self, running: bool) -> None:
        self.running = running
        self.evaluate_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.progress.setValue(0)

    def _on_progress(self, token: int, fraction: float) -> None:
        if self.generation.is_current(token):
            self.progress.setValue(int(100 * fraction))

    def _on_error(self, token: int, error: Exception) -> None:
        if not self.generation.is_current(token):
            return
        self._set_running(False)
        self.accuracy_label.setText(self.tr("Cannot evaluate: {error}").format(
            error=translate_error(error)))

    def _on_done(self, token: int, outcome) -> None:
        if not self.generation.is_current(token):
            return
        self._set_running(False)
        current, data, result, seconds = outcome
        if result is None:
            self.progress.setValue(0)
            self.accuracy_label.setText(self.tr("Evaluation cancelled."))
            return
        self.rates.record(architecture(current.meta), seconds, len(data.test))
        self.result = result
        self.test = data.test
        self.class_names = list(data.info.class_names)
        self.dataset = data.info.name
        self.progress.setValue(100)
        self.accuracy_label.setText(self.tr("{model}: test accuracy {accuracy} ({count} images)")
                                    .format(model=translate_text(current.label),
                                            count=f"{len(data.test):,}",
                                            accuracy=f"{result.accuracy:.2%}"))  # fmt: skip
        self.pages.setCurrentWidget(self.results_page)
        self._draw_matrix()
        self._draw_class_bars()
        self.show_cell(None, None)

    # -- the gallery ------------------------------------------------------------------------
    def _on_matrix_clicked(self, event) -> None:
        if self.result is None:
            return
        point = self.confusion_item.mapFromScene(event.scenePos())
        row, column = int(np.floor(point.y())), int(np.floor(point.x()))
        n = len(self.class_names)
        if 0 <= row < n and 0 <= column < n:
            self.show_cell(row, column)

    def show_cell(self, true_class: int | None, predicted: int | None) -> list[int]:
        """Fill the gallery with a cell's images, or with every mistake when both are None;
        the most confident predictions first, so the worst mistakes lead."""
        labels = self.test.labels.numpy()
        predictions = self.result.predictions
        if true_class is None:
            mask = labels != predictions
            title = self.tr("All mistakes, most confidently wrong first")
        else:
            mask = (labels == true_class) & (predictions == predicted)
            words = (self.tr("True {truth}, predicted {guess}: %n image(s) (correct)", "",
                             int(mask.sum())) if true_class == predicted
                     else self.tr("True {truth}, predicted {guess}: %n image(s) (mistaken)", "",
                                  int(mask.sum())))  # fmt: skip
            title = words.format(truth=self.class_names[true_class],
                                 guess=self.class_names[predicted])
        indices = np.nonzero(mask)[0]
        order = np.argsort(-self.result.confidences[indices], kind="stable")
        self.gallery_indices = [int(i) for i in indices[order]]
        self.gallery.clear()
        self._fit_gallery_grid()
        for index in self.gallery_indices[:GALLERY_LIMIT]:
            truth = self.class_names[labels[index]]
            guess = self.class_names[predictions[index]]
            item = QListWidgetItem(thumbnail(self.test.images[index].numpy(), 2 * THUMBNAIL),
                                   f"{truth}\n→{guess} {self.result.confidences[index]:.0%}")
            item.setData(Qt.ItemDataRole.UserRole, index)
            item.setToolTip(self.tr("test image {index}: true {truth}, predicted {guess}").format(
                index=index, truth=truth, guess=guess))
            self.gallery.addItem(item)
        shown = min(len(self.gallery_indices), GALLERY_LIMIT)
        if shown < len(self.gallery_indices):
            title = self.tr("{title} (first {shown} shown)").format(title=title, shown=shown)
        self.gallery_label.setText(title)
        return self.gallery_indices

    def _fit_gallery_grid(self) -> None:
        """Thumbnails as large as the display scale says (drawn at twice the desk size, so
        that presentation mode's are sharp), in cells wide enough for the longest class name
        and two lines of caption (true class, then the guess and its confidence), so no
        caption is cut."""
        side = int(pixels(THUMBNAIL))
        self.gallery.setIconSize(QSize(side, side))
        metrics = QFontMetrics(self.gallery.font())
        widest = max([metrics.horizontalAdvance(f"→{name} 100%") for name in self.class_names]
                     + [side])  # fmt: skip
        self.gallery.setGridSize(QSize(widest + 12, side + 2 * metrics.lineSpacing() + 14))
        self.gallery.doItemsLayout()  # the items' sizes were measured in the old font

    def _on_gallery_item(self, item: QListWidgetItem) -> None:
        index = int(item.data(Qt.ItemDataRole.UserRole))
        self.inspect_requested.emit((index, self.test.images[index].numpy()))

    # -- export -----------------------------------------------------------------------------
    def export_csv(self, path: Path | None = None) -> Path | None:
        if self.result is None:
            return None
        path = choose_path(True, self, path, self.tr("Export confusion matrix"), "confusion.csv",
                           self.tr("CSV files (*.csv)"))
        if path is None:
            return None
        try:
            with Path(path).open("w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle)
                writer.writerow(["true \\ predicted", *self.class_names])
                for name, row in zip(self.class_names, self.result.confusion, strict=True):
                    writer.writerow([name, *(int(v) for v in row)])
        except OSError as exc:
            self.accuracy_label.setText(self.tr("Cannot write {path}: {error}").format(
                path=path, error=exc))
            return None
        return Path(path)

    def export_png(self, path: Path | None = None) -> Path | None:
        if self.result is None:
            return None
        path = choose_path(True, self, path, self.tr("Export confusion matrix"), "confusion.png",
                           self.tr("PNG images (*.png)"))
        if path is None:
            return None
        try:
            export_plot_png(self.confusion_plot, Path(path), 900)
        except OSError as exc:
            self.accuracy_label.setText(self.tr("Cannot write {path}: {error}").format(
                path=path, error=exc))
            return None
        return Path(path)
