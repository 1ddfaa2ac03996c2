"""The plots' view of the runs written by other processes: the run the plots show (opened, or
the run of the current weights) and the runs overlaid on it, each named by what tells it
apart from the others.

Which run that is, what it wrote since, and what the runs are called, is RunsState's
(cnnviz/session/runs.py); this view draws what its events say, and reads the runs for news
every FOLLOW_MS: a file that was replaced starts its curves over, and a folder that is gone
keeps what was drawn and says so. The run the plots show is never drawn a second time as an
overlay, though it may be ticked in the Runs tab.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

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
        self._names: tuple[str | None, dict[str, str]] | None = None
        runs.overlays_changed.connect(lambda _: self._sync_overlays())
        runs.plot_reset.connect(self._reset)
        runs.plot_grew.connect(self._grow)
        runs.shown_gone.connect(self._gone)
        runs.listed.connect(lambda _: self._name_runs())
        self._timer = QTimer(self, interval=FOLLOW_MS)
        self._timer.timeout.connect(self.poll)
        self._timer.start()

    def _reset(self, records: list[dict]) -> None:
        if records:
            self.plots.show_records(records)
        else:
            self.plots.clear()
        self._sync_overlays()  # another run shown: it is no overlay, the one before may be

    def _grow(self, update: FollowUpdate) -> None:
        if update.restarted:
            self.plots.show_records(update.records)
        else:
            self.plots.add_records(update.records)

    def _gone(self, folder: Path) -> None:
        self.status.emit(self.tr("the run folder {folder} is gone; its curves stay on the "
                                 "plots").format(folder=folder))

    def _sync_overlays(self) -> None:
        drawn = self.runs.drawn_overlays()
        keys = {str(path) for path in drawn}
        for key in [key for key in self.plots.overlays if key not in keys]:
            self.plots.remove_overlay(key)
        for path in drawn:
            if str(path) not in self.plots.overlays:
                update = self.runs.read_overlay(path)
                self.plots.set_overlay(str(path), path.name, update.records)
        self._name_runs()

    def _name_runs(self) -> None:
        """Name the runs on the plots by what tells them apart (a run alone by its folder)."""
        names = self.runs.plot_names(QCoreApplication.translate)
        shown = self.runs.shown_folder
        wanted = (names.get(shown) if shown is not None else None,
                  {str(path): names.get(path, path.name) for path in self.runs.drawn_overlays()})
        if wanted != self._names:
            self._names = wanted
            self.plots.set_names(*wanted)

    def poll(self) -> None:
        """Read what the shown and the overlaid runs appended since the last poll."""
        self.runs.poll_shown()
        for path, update in self.runs.poll_overlays().items():
            overlay = self.plots.overlays.get(str(path))
            if overlay is None:  # the run the plots show
                continue
            if update.restarted:
                self.plots.set_overlay(str(path), path.name, update.records)
                self._names = None
                self._name_runs()
            elif update.records:
                overlay.add_records(update.records)

    def stop(self) -> None:
        self._timer.stop()
