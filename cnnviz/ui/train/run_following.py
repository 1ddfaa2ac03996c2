"""The plots' runs written by other processes: the run the plots show (opened, or the run of
the current weights) and the runs overlaid on it, read for news every FOLLOW_MS.

Each is a MetricsFollower (the core reads the file by size and byte offset); this object
hands what it read to the plots: a file that was replaced starts its curves over, and a
folder that is gone keeps what was drawn and says so.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from cnnviz.core.training.metrics_follower import MetricsFollower
from cnnviz.core.training.run_folder import METRICS
from cnnviz.session.runs import RunsState
from cnnviz.ui.train.training_plots import TrainingPlots

#: how often a run written by another process (shown or overlaid) is read for news
FOLLOW_MS = 500


class RunFollowing(QObject):
    #: a message for the status bar
    status = Signal(str)

    def __init__(self, plots: TrainingPlots, runs: RunsState) -> None:
        super().__init__()
        self.plots = plots
        self.runs = runs
        #: the run the plots show when it is not the window's own training run
        self.shown: MetricsFollower | None = None
        #: the folder of the window's own run, drawn live: showing it reads nothing again
        self._own: Path | None = None
        runs.overlays_changed.connect(self._sync_overlays)
        self._timer = QTimer(self, interval=FOLLOW_MS)
        self._timer.timeout.connect(self.poll)
        self._timer.start()

    def show(self, folder: Path | None) -> None:
        """Show this run folder's curves and follow it (None: show nothing). Asking for the
        run already shown, or for the window's own run that the plots drew live, keeps what
        is drawn."""
        if folder is not None and Path(folder) == self._own:
            return
        self._own = None
        if folder is None or not (Path(folder) / METRICS).is_file():
            self.shown = None
            self.plots.clear()
        elif self.shown is None or self.shown.run_dir != Path(folder):
            self.shown = MetricsFollower(Path(folder))
            self.plots.clear()
            self.poll()

    def release(self, folder: Path) -> None:
        """The plots belong to a run of this window's own from now on, written to ``folder``."""
        self.shown = None
        self._own = Path(folder)

    def _sync_overlays(self, overlaid: list[Path]) -> None:
        keys = {str(path) for path in overlaid}
        for key in [key for key in self.plots.overlays if key not in keys]:
            self.plots.remove_overlay(key)
        for path in overlaid:
            if str(path) not in self.plots.overlays:
                update = self.runs.followers[path].poll()
                self.plots.set_overlay(str(path), path.name, update.records)

    def poll(self) -> None:
        """Read what the shown and the overlaid runs appended since the last poll."""
        if self.shown is not None:
            update = self.shown.poll()
            if update.gone:
                self.status.emit(f"the run folder {self.shown.run_dir} is gone; its curves "
                                 f"stay on the plots")  # fmt: skip
                self.shown = None
            elif update.restarted:
                self.plots.show_records(update.records)
            elif update.records:
                self.plots.add_records(update.records)
        for path, update in self.runs.poll_overlays().items():
            overlay = self.plots.overlays.get(str(path))
            if update.restarted:
                self.plots.set_overlay(str(path), path.name, update.records)
            elif overlay is not None and update.records:
                overlay.add_records(update.records)

    def stop(self) -> None:
        self._timer.stop()
