""""Export timelapse...", in Inspect and the Projector: the run's recorded kernels (Inspect's
Filters page), feature maps (its Feature maps page, the layer selected) or test-set
projection (the Projector) over training, written as a GIF or MP4 in the background with
progress and Cancel, as ``cnnviz timelapse`` writes it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QSpinBox, QVBoxLayout, QWidget

from cnnviz.core.analysis.timelapse_video import Timelapse, render, write_animation
from cnnviz.core.errors import CancelledError
from cnnviz.core.training.timelapse import FOLDER
from cnnviz.ui.shell.file_dialogs import choose_path
from cnnviz.ui.shell.i18n import translate_error
from cnnviz.ui.widgets.task_bar import TaskBar
from cnnviz.ui.workers.background import TaskState

#: what to export: (the run folder of the weights shown or None, "filters", "maps" or
#: "embedding", the layer)
Source = Callable[[], tuple[Path | None, str, str]]


class TimelapseExport(QWidget):
    def __init__(self, source: Source, tooltip: str, parent: QWidget | None = None) -> None:
        """``tooltip`` says what the button exports, where it is."""
        super().__init__(parent)
        self.source = source
        self.task_bar = TaskBar(self.tr("Export timelapse..."), "timelapse")
        self.task_bar.start_button.setToolTip(tooltip)
        self.fps = QSpinBox(objectName="timelapseFps", minimum=1, maximum=60, value=10,
                            suffix=self.tr(" fps"))  # fmt: skip
        self.fps.setToolTip(self.tr("Frames a second"))
        self.per_frame = QCheckBox(self.tr("scale each frame"), objectName="timelapsePerFrame")
        self.per_frame.setToolTip(self.tr("Off: one colour scale for all frames, so that growth "
                                          "shows"))  # fmt: skip
        # the options under the bar, not beside it: Inspect must still fit a 1280x720 window
        options = QHBoxLayout()
        options.addWidget(self.fps)
        options.addWidget(self.per_frame)
        options.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.task_bar)
        layout.addLayout(options)
        self.task_bar.start_button.clicked.connect(lambda: self.export())

    def export(self, path: Path | None = None) -> bool:
        """Ask for the file (unless given) and write it in the background; False when there
        is nothing to export or the user cancelled the dialog."""
        run_dir, what, layer = self.source()
        if run_dir is None or not (run_dir / FOLDER).is_dir():
            self.task_bar.status.setText(self.tr("The weights shown come from no run with a "
                                                 "recorded timelapse: open a run's checkpoint"))
            return False
        path = choose_path(True, self, path, self.tr("Export timelapse"),
                           f"{run_dir.name}-{what}.gif",
                           self.tr("GIF animation (*.gif);;MP4 video (*.mp4)"))  # fmt: skip
        if path is None:
            return False
        out = path if path.suffix else path.with_suffix(".gif")
        fps, scale = self.fps.value(), "frame" if self.per_frame.isChecked() else "fixed"
        chosen = layer if what == "maps" else None

        def work(state: TaskState) -> Path | None:
            timelapse = Timelapse.read(run_dir, what)
            pictures = render(timelapse, what, timelapse.layer(what, chosen), scale)
            try:
                write_animation(pictures, out, fps, state.set_progress,
                                state.is_interruption_requested)  # fmt: skip
            except CancelledError:
                return None
            return out

        self.task_bar.status.setText(self.tr("writing {file}...").format(file=out.name))
        self.task_bar.run(work, self._done, self._failed)
        return True

    def _done(self, out: Path | None) -> None:
        self.task_bar.status.setText(self.tr("cancelled") if out is None
                                     else self.tr("wrote {path}").format(path=out))  # fmt: skip

    def _failed(self, error: Exception) -> None:
        self.task_bar.status.setText(translate_error(error))

    def stop_background(self) -> None:
        self.task_bar.stop_background()
