"""The Overview tab: the whole network on one page, reading one image, live while it trains.

The tab shows the session's current model through a copy of its own (live weight snapshots
change the copy, never the model the other tabs use), with the input the user picked: a test
image (Next, Random), a drawing from the Draw tab, or a file. The shipped digit model starts on
a bundled MNIST test digit, so the first launch shows a real image going through a trained
network without any download. Image-to-input is the Predictor's (core/analysis/prediction.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cnnviz.core.analysis.inspection import ModelInspector
from cnnviz.core.analysis.overview import SAMPLE_LABEL, Overview, Reading, sample_path
from cnnviz.core.analysis.prediction import Predictor
from cnnviz.core.data.types import ImageSplit
from cnnviz.core.errors import CnnvizError
from cnnviz.core.training.checkpoint import CheckpointMeta
from cnnviz.session.generation import Generation
from cnnviz.session.session import CurrentModel
from cnnviz.session.test_split import CurrentSplit
from cnnviz.ui.overview.overview_view import OverviewView
from cnnviz.ui.shell.file_dialogs import choose_path
from cnnviz.ui.shell.i18n import translate_error, translate_text
from cnnviz.ui.widgets.live_weights import LiveWeights

#: while a run trains, its weights are drawn at most this often
REFRESH_MS = 1000
#: the open-image dialog's filter; translated where it is shown
IMAGES = QT_TRANSLATE_NOOP("OverviewTab", "Images (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff "
                                          "*.webp);;All files (*)")


class OverviewTab(QWidget):
    """Signals: Inspect asked for (input uint8 [C, H, W], layer, channel); Explain asked for
    (input, class index); a status message."""

    inspect_requested = Signal(object, str, int)
    explain_requested = Signal(object, int)
    status = Signal(str)

    def __init__(self, test_split: CurrentSplit,
                 drawing: Callable[[], np.ndarray | None] = lambda: None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("overviewTab")
        self.test_split = test_split
        self.drawing = drawing
        self.predictor: Predictor | None = None
        self.overview: Overview | None = None
        self.reading: Reading | None = None
        self.image: np.ndarray | None = None  # uint8 [C, H, W], what the model reads
        self.true_label: int | None = None
        self.index = -1  # the test image shown, -1 for another input
        self.dataset = ""
        self.test: ImageSplit | None = None
        self.generation = Generation()
        self.live = LiveWeights(self._apply_weights, REFRESH_MS, self)
        self._build()

    def _build(self) -> None:
        self.prev_button = QPushButton("\u25c0", objectName="overviewPrev")
        self.prev_button.setToolTip(self.tr("The test image before"))
        self.next_button = QPushButton(self.tr("Next \u25b6"), objectName="overviewNext")
        self.random_button = QPushButton(self.tr("Random"), objectName="overviewRandom")
        self.drawing_button = QPushButton(self.tr("Use the drawing"),
                                          objectName="overviewDrawing")  # fmt: skip
        self.drawing_button.setToolTip(self.tr("Read the digit drawn on the Draw tab"))
        self.open_button = QPushButton(self.tr("Open image..."), objectName="overviewOpenImage")
        self.fit_button = QPushButton(self.tr("Fit"), objectName="overviewFit")
        self.fit_button.setToolTip(self.tr("Fit the page to the view (drag to pan, wheel to "
                                           "zoom)"))  # fmt: skip
        self.png_button = QPushButton(self.tr("PNG..."), objectName="overviewExportPng")
        self.svg_button = QPushButton(self.tr("SVG..."), objectName="overviewExportSvg")
        for button in (self.png_button, self.svg_button):
            button.setToolTip(self.tr("Export the view as shown, for slides"))
        self.input_label = QLabel(objectName="overviewInputLabel")
        self.source_label = QLabel(objectName="overviewSource")
        for label in (self.input_label, self.source_label):
            label.setMinimumWidth(10)
        bar = QHBoxLayout()
        for widget in (QLabel(self.tr("Test image")), self.prev_button, self.next_button,
                       self.random_button, self.drawing_button, self.open_button):  # fmt: skip
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.fit_button, QLabel(self.tr("Export")), self.png_button,
                       self.svg_button):  # fmt: skip
            bar.addWidget(widget)
        self.prev_button.setMaximumWidth(36)
        self.view = OverviewView()
        hint = QLabel(self.tr("hover a map: what feeds it; click: inspect it (a class: explain "
                              "it)"), objectName="overviewHint")  # fmt: skip
        hint.setEnabled(False)  # greyed: a hint, not a value
        hint.setWordWrap(True)
        bold = self.input_label.font()  # bold, and still the application's size (F11)
        bold.setBold(True)
        self.input_label.setFont(bold)
        foot = QHBoxLayout()  # the reading and the weights; the hint under them, never cut off
        foot.addWidget(self.input_label)
        foot.addStretch(1)
        foot.addWidget(self.source_label)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addLayout(foot)
        layout.addWidget(hint)
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.random_button.clicked.connect(self.show_random)
        self.drawing_button.clicked.connect(self.show_drawing)
        self.open_button.clicked.connect(lambda: self.open_image())
        self.fit_button.clicked.connect(self.view.fit)
        self.png_button.clicked.connect(lambda: self.export("png"))
        self.svg_button.clicked.connect(lambda: self.export("svg"))
        self.view.map_clicked.connect(
            lambda layer, channel: self.inspect_requested.emit(self.image, layer, channel))
        self.view.class_clicked.connect(
            lambda index: self.explain_requested.emit(self.image, index))
        self._set_browsing(False)

    # -- the model --------------------------------------------------------------------------
    def show_model(self, current: CurrentModel) -> None:
        """Draw the current model, on a copy of its own."""
        meta = current.meta
        self.predictor = current.predictor.copy()
        inspector = ModelInspector(self.predictor.model, self.predictor.input_shape, meta.mean,
                                   meta.std)  # fmt: skip
        self.overview = Overview(inspector, list(meta.class_names))
        self.live.drop()
        self.view.set_overview(self.overview)
        self.source_label.setText(self.tr("Weights: {label}").format(
            label=translate_text(current.label)))
        if meta.dataset != self.dataset:
            self.dataset, self.test = meta.dataset, None
            self._clear_input()
            self._load_test_split(meta)
        if self.image is not None and self.image.shape == self.predictor.input_shape:
            self.redraw()
        elif self.test is not None:
            self.show_test_image(max(0, self.index))
        elif meta.dataset == "mnist" and self.predictor.input_shape == (1, 28, 28):
            self.show_input(self.predictor.prepare_file(sample_path()), SAMPLE_LABEL)

    def show_weights(self, state: dict[str, np.ndarray], step: int) -> None:
        """A running trainer's weight snapshot: drawn at once, then at most once every
        REFRESH_MS (the newest snapshot wins)."""
        self.source_label.setText(
            self.tr("Weights: this run, step {step} (live)").format(step=step))
        self.live.offer(state)

    def _apply_weights(self, state: dict[str, np.ndarray]) -> None:
        if self.overview is None:
            return
        try:
            self.overview.load_weights(state)
        except (RuntimeError, KeyError):
            return  # a snapshot of another model, left over from a previous run
        self.redraw()

    # -- the test split ---------------------------------------------------------------------
    def _load_test_split(self, meta: CheckpointMeta) -> None:
        """The current model's test split, from the split the tabs share (loaded once, in the
        background); one that arrives after the model changed again is dropped."""
        self._set_browsing(False)
        token = self.generation.next()
        self.test_split.when_ready(meta, lambda data: self._on_test_split(token, data.test),
                                   lambda error: self._on_test_failed(token, error))  # fmt: skip

    def _on_test_split(self, token: int, split: ImageSplit) -> None:
        if not self.generation.is_current(token):
            return
        self.test = split
        self._set_browsing(len(split) > 0)
        if self.image is None:
            self.show_test_image(0)

    def _on_test_failed(self, token: int, error: Exception) -> None:
        if self.generation.is_current(token):
            self.random_button.setToolTip(self.tr("no test set: {error}").format(
                error=translate_error(error)))
            if self.image is None:
                self.input_label.setText(self.tr("no test set here: open an image or use a "
                                                 "drawing"))  # fmt: skip

    def _set_browsing(self, enabled: bool) -> None:
        for button in (self.prev_button, self.next_button, self.random_button):
            button.setEnabled(enabled)

    def stop_background(self) -> None:
        """The window closes: a split that arrives now is dropped."""
        self.generation.next()

    # -- inputs -----------------------------------------------------------------------------
    def show_test_image(self, index: int) -> bool:
        if self.test is None or self.predictor is None or not 0 <= index < len(self.test):
            return False
        image = self.test.images[index].numpy()
        if image.shape != self.predictor.input_shape:
            return False
        self.show_input(image, int(self.test.labels[index]), index)
        return True

    def step(self, by: int) -> None:
        if self.test is not None:
            self.show_test_image((self.index + by) % len(self.test))

    def show_random(self) -> None:
        if self.test is not None:
            self.show_test_image(int(np.random.default_rng().integers(len(self.test))))

    def show_drawing(self) -> bool:
        """The Draw tab's digit, as the current model reads it."""
        drawn = self.drawing()
        if drawn is None or self.predictor is None or drawn.shape != self.predictor.input_shape:
            self.status.emit(self.tr("Overview: draw a digit on the Draw tab first (digit models "
                                     "only)"))  # fmt: skip
            return False
        self.show_input(drawn)
        return True

    def open_image(self, path: Path | None = None) -> bool:
        path = choose_path(False, self, path, self.tr("Open an image"), "",
                           QCoreApplication.translate("OverviewTab", IMAGES))  # fmt: skip
        if path is None or self.predictor is None:
            return False
        try:
            image = self.predictor.prepare_file(path)
        except CnnvizError as exc:
            self.status.emit(self.tr("Overview: {error}").format(error=translate_error(exc)))
            return False
        self.show_input(image)
        return True

    def show_input(self, image: np.ndarray, label: int | None = None, index: int = -1) -> None:
        """A uint8 [C, H, W] input in the model's shape, with its true class when known (and
        its index in the test split when it is a test image)."""
        self.image = np.ascontiguousarray(image, dtype=np.uint8)
        self.true_label, self.index = label, index
        self.redraw()

    def _clear_input(self) -> None:
        self.image, self.reading, self.true_label, self.index = None, None, None, -1
        self.input_label.setText("")

    # -- drawing ----------------------------------------------------------------------------
    def redraw(self) -> Reading | None:
        """Run the input through the model and draw every column."""
        if self.overview is None or self.image is None:
            return None
        self.reading = self.overview.read(self.image)
        self.view.show(self.reading, self.image)
        self.input_label.setText(self._reading_text(self.reading))
        return self.reading

    def _reading_text(self, reading: Reading) -> str:
        """What the input is and what the model read, as one sentence per case (so that a
        translation orders each its own way)."""
        names = self.overview.class_names if self.overview is not None else []
        values = {"index": self.index, "predicted": names[reading.top],
                  "probability": f"{reading.probabilities[reading.top]:.1%}",
                  "label": names[self.true_label] if self.true_label is not None else ""}
        if self.true_label is None:
            return self.tr("predicted {predicted} ({probability})").format(**values)
        if self.index < 0:
            return self.tr("label {label}, predicted {predicted} ({probability})").format(
                **values)
        return self.tr("test image {index}: label {label}, predicted {predicted} "
                       "({probability})").format(**values)

    def export(self, kind: str, path: Path | None = None) -> Path | None:
        """The view as shown, as PNG or SVG."""
        path = choose_path(True, self, path, self.tr("Export the overview"), f"overview.{kind}",
                           f"{kind.upper()} (*.{kind})")  # fmt: skip
        if path is None:
            return None
        try:
            (self.view.export_png if kind == "png" else self.view.export_svg)(path)
        except OSError as exc:
            self.status.emit(self.tr("Overview: {error}").format(error=translate_error(exc)))
            return None
        self.status.emit(self.tr("wrote {path}").format(path=path))
        return path
