"""The plots' view of the runs written by other processes: the run the plots show (opened, or
the run of the current weights) and the runs overlaid on it.

Which run that is, and what it wrote since, is RunsState's (cnnviz/session/runs.py); this
view draws what its events say, and reads the runs for news every FOLLOW_MS: a file that was
replaced starts its curves over, and a folder that is gone keeps what was drawn and says so.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from cnnviz.core.training.metrics_follower import FollowUpdate
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
        runs.overlays_changed.connect(self._sync_overlays)
        runs.plot_reset.connect(self._reset)
        runs.plot_grew.connect(self._grow)
        runs.shown_gone.connect(self._gone)
        self._timer = QTimer(self, interval=FOLLOW_MS)
        self._timer.timeout.connect(self.poll)
        self._timer.start()

    def _reset(self, records: list[dict]) -> None:
        if records:
            self.plots.show_records(records)
        else:
            self.plots.clear()

    def _grow(self, update: FollowUpdate) -> None:
        if update.restarted:
            self.plots.show_records(update.records)
        else:
            self.plots.add_records(update.records)

    def _gone(self, folder: Path) -> None:
        self.status.emit(f"the run folder {folder} is gone; its curves stay on the plots")

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
        self.runs.poll_shown()
        for path, update in self.runs.poll_overlays().items():
            overlay = self.plots.overlays.get(str(path))
            if update.restarted:
                self.plots.set_overlay(str(path), path.name, update.records)
            elif overlay is not None and update.records:
                overlay.add_records(update.records)

    def stop(self) -> None:
        self._timer.stop()
