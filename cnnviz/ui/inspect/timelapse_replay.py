"""Replay in Inspect: a slider under the Filters and Feature maps pages that scrubs through the
timelapse recorded by the run the weights shown come from, "step 1,200 of 6,000". Its last
position is the weights themselves; any other shows a recorded frame instead: the first conv
layer's kernels on the Filters page, and the feature maps of the test image the run followed
(the test split's first) on the Feature maps page. The frames are read in the background
(ui/workers/background.py), with the checks for untrusted files (core/training/timelapse.py);
a read that ends after the weights changed again is dropped."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QTabWidget, QWidget

from cnnviz.core.analysis.timelapse_video import Timelapse
from cnnviz.core.training.timelapse import FOLDER, TimelapseEvent
from cnnviz.session.generation import Generation
from cnnviz.ui.shell.i18n import translate_error
from cnnviz.ui.workers.background import BackgroundCall, stop_call


class TimelapseReplay(QWidget):
    #: the recorded frame to show (a TimelapseEvent), or None for the weights themselves
    frame_changed = Signal(object)

    def __init__(self, pages: QTabWidget, panels: tuple[QWidget, ...],
                 parent: QWidget | None = None) -> None:  # fmt: skip
        """Shown while ``pages`` shows one of ``panels``; each panel's ``show_recorded``
        hears the frame chosen."""
        super().__init__(parent)
        self.timelapse: Timelapse | None = None
        self.loader: BackgroundCall | None = None
        self.generation = Generation()
        self.slider = QSlider(Qt.Orientation.Horizontal, objectName="timelapseSlider")
        self.slider.setToolTip(self.tr("The run's recorded timelapse; at the right end, the "
                                       "weights shown"))  # fmt: skip
        self.label = QLabel(objectName="timelapseStep")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Over training")))
        layout.addWidget(self.slider, 2)
        layout.addWidget(self.label, 1)
        self.slider.valueChanged.connect(self._on_moved)
        for panel in panels:
            self.frame_changed.connect(panel.show_recorded)
        pages.currentChanged.connect(
            lambda _: self.setVisible(pages.currentWidget() in panels))
        self.set_run(None)

    @property
    def frame(self) -> TimelapseEvent | None:
        """The recorded frame shown, or None at the end (the weights themselves)."""
        frames = self.timelapse.frames if self.timelapse is not None else []
        value = self.slider.value()
        return frames[value] if value < len(frames) else None

    def set_run(self, run_dir: Path | None) -> None:
        """The weights shown come from this run's folder (None: from no run's folder): back
        to them, and read the run's frames."""
        token = self.generation.next()
        if self.loader is not None:
            self.loader.cancel()
        self._use(None)
        if run_dir is None or not (run_dir / FOLDER).is_dir():
            self.label.setText(self.tr("no recorded timelapse: open a run's checkpoint"))
            return
        self.label.setText(self.tr("reading the run's timelapse..."))
        self.loader = BackgroundCall(lambda state: Timelapse.read(run_dir),
                                     lambda timelapse: self._loaded(token, timelapse),
                                     lambda error: self._failed(token, error))  # fmt: skip

    def _use(self, timelapse: Timelapse | None) -> None:
        """Frames to scrub through (None: none), the slider at the end: the weights."""
        self.timelapse = timelapse
        count = len(timelapse.frames) if timelapse is not None else 0
        with QSignalBlocker(self.slider):
            self.slider.setRange(0, count)
            self.slider.setValue(count)
        self.slider.setEnabled(count > 0)
        self._on_moved(count)

    def _loaded(self, token: int, timelapse: Timelapse) -> None:
        if self.generation.is_current(token):
            self._use(timelapse)

    def _failed(self, token: int, error: Exception) -> None:
        if self.generation.is_current(token):
            self.label.setText(translate_error(error))

    def _on_moved(self, value: int) -> None:
        frame = self.frame
        if self.timelapse is not None:
            self.label.setText(self.timelapse.caption(value).replace("\n", ", ")
                               if frame is not None else
                               self.tr("the weights shown ({count} recorded steps to the left)")
                               .format(count=len(self.timelapse.frames)))  # fmt: skip
        self.frame_changed.emit(frame)

    def stop_background(self) -> None:
        stop_call(self.loader)
