"""The runs the app knows, without Qt: the runs home and the folders the user opened (a shared
disk, a cluster's output), which of them are overlaid on the plots, renaming, the one run the
plots show and follow while another process writes it, and what each run on the plots is
called there (what tells it apart from the others)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from psygnal import Signal

from cnnviz.core.errors import CnnvizError, error_message
from cnnviz.core.training.metrics_follower import FollowUpdate, MetricsFollower
from cnnviz.core.training.run_folder import METRICS, holds_run, read_config
from cnnviz.core.training.run_json import read_metrics
from cnnviz.core.training.runs import UNREADABLE, RunSummary, list_runs, read_run, run_names
from cnnviz.core.translatable import QT_TRANSLATE_NOOP, untranslated


class RunsState:
    """Events: ``listed(list[RunSummary])`` after each refresh, ``overlays_changed(list[Path])``
    when the overlaid runs change; for the run the plots show, ``shown(Path)`` when a run
    folder is shown (its histograms follow it), ``plot_reset(list[dict])`` when the plots
    start over from these records, ``plot_grew(FollowUpdate)`` with what the followed run
    wrote since (``restarted``: its file was replaced) and ``shown_gone(Path)`` when its
    folder disappeared (what was drawn stays)."""

    listed = Signal(object)
    overlays_changed = Signal(object)
    shown = Signal(object)
    plot_reset = Signal(object)
    plot_grew = Signal(object)
    shown_gone = Signal(object)

    def __init__(self, home: Path, extra: list[Path] | None = None) -> None:
        self.home = Path(home)
        self.extra: list[Path] = [Path(p) for p in extra or []]
        self.runs: list[RunSummary] = []
        self.overlaid: list[Path] = []
        #: followers of overlaid runs, so that a run still being written grows on the plot
        self.followers: dict[Path, MetricsFollower] = {}
        #: the run the plots show when it is not this app's own training run
        self.followed: MetricsFollower | None = None
        #: the folder of the app's own run, drawn live: showing it reads nothing again
        self._own: Path | None = None
        #: the own run's settings (its config.json may not be written yet)
        self._own_settings: Mapping[str, Any] = {}

    @property
    def roots(self) -> list[Path]:
        return [self.home, *self.extra]

    def refresh(self) -> list[RunSummary]:
        return self.show(list_runs(self.roots))

    def show(self, runs: list[RunSummary]) -> list[RunSummary]:
        """The runs as last listed (by ``refresh``, or read elsewhere, off the GUI thread)."""
        self.runs = runs
        self.listed.emit(runs)
        return runs

    def find(self, path: Path) -> RunSummary | None:
        path = Path(path)
        return next((run for run in self.runs if run.path == path), None)

    def add_folder(self, path: Path) -> list[RunSummary]:
        """Remember a folder from anywhere: one run, or a folder of runs."""
        path = Path(path)
        if not path.is_dir():
            raise CnnvizError(error_message(QT_TRANSLATE_NOOP("Error", "{path} is not a folder"),
                                            path=path))  # fmt: skip
        if not holds_run(path) and not any(holds_run(p) for p in path.iterdir() if p.is_dir()):
            raise CnnvizError(error_message(QT_TRANSLATE_NOOP(
                "Error", "{path} holds no run (no config.json, metrics.jsonl or checkpoint.pt, "
                         "in it or in a folder inside it)"), path=path))
        if path not in self.roots:
            self.extra.append(path)
        return self.refresh()

    def set_overlaid(self, path: Path, overlaid: bool) -> None:
        path = Path(path)
        if overlaid and path not in self.overlaid:
            self.overlaid.append(path)
            self.followers[path] = MetricsFollower(path)
        elif not overlaid and path in self.overlaid:
            self.overlaid.remove(path)
            self.followers.pop(path, None)
        else:
            return
        self.overlays_changed.emit(list(self.overlaid))

    # -- the runs on the plots, and their names -----------------------------------------------
    @property
    def shown_folder(self) -> Path | None:
        """The run the plots show as the current run (the app's own, or one followed)."""
        if self._own is not None:
            return self._own
        return self.followed.run_dir if self.followed is not None else None

    def drawn_overlays(self) -> list[Path]:
        """The overlaid runs to draw: all but the run the plots show, which is drawn once."""
        return [path for path in self.overlaid if path != self.shown_folder]

    def settings_of(self, folder: Path) -> Mapping[str, Any]:
        """A run's settings, as listed, or read from its config.json ({} when unreadable)."""
        if folder == self._own and self._own_settings:
            return self._own_settings
        run = self.find(folder)
        if run is not None:
            return run.settings if run.status != UNREADABLE else {}
        try:
            return (read_config(folder) or {}).get("settings", {})
        except (CnnvizError, OSError, ValueError, TypeError):
            return {}

    def plot_names(self, translate: Callable[[str, str], str] = untranslated
                   ) -> dict[Path, str]:  # fmt: skip
        """What each run on the plots is called there (the shown one first): the settings
        that tell it apart from the others ("lr 0.01"); nothing while only one is drawn."""
        shown = self.shown_folder
        folders = ([shown] if shown is not None else []) + self.drawn_overlays()
        if len(folders) < 2:
            return {}
        settings = [self.settings_of(folder) for folder in folders]
        return dict(zip(folders, run_names(settings, [f.name for f in folders], translate),
                        strict=True))  # fmt: skip

    def read_overlay(self, path: Path) -> FollowUpdate:
        """An overlaid run read again from its start, to be drawn anew (it was the run the
        plots showed, and its follower has read on without drawing)."""
        self.followers[path] = MetricsFollower(path)
        return self.followers[path].poll()

    def poll_overlays(self) -> dict[Path, FollowUpdate]:
        """What each overlaid run wrote since the last poll."""
        return {path: follower.poll() for path, follower in self.followers.items()}

    # -- the run the plots show -------------------------------------------------------------
    def show_run(self, folder: Path | None) -> None:
        """Show this run folder's curves and follow it (None: show nothing). Asking for the
        run already shown, or for the app's own run that the plots drew live, keeps what is
        drawn."""
        if folder is not None:
            self.shown.emit(Path(folder))
            if Path(folder) == self._own:
                return
        self._own = None
        if folder is None or not (Path(folder) / METRICS).is_file():
            self.followed = None
            self.plot_reset.emit([])
        elif self.followed is None or self.followed.run_dir != Path(folder):
            self.followed = MetricsFollower(Path(folder))
            self.plot_reset.emit([])
            self.poll_shown()

    def show_own_run(self, folder: Path, resumed: bool,
                     settings: Mapping[str, Any] | None = None) -> None:  # fmt: skip
        """The plots belong to a run of this app's own from now on, written to ``folder``
        with these settings; a resumed run's earlier curves are drawn back first (a file
        that cannot be read leaves the run itself to say what is wrong)."""
        self.followed = None
        self._own = Path(folder)
        self._own_settings = dict(settings or {})
        self.shown.emit(self._own)
        records: list[dict] = []
        if resumed and (self._own / METRICS).is_file():
            with contextlib.suppress(CnnvizError):
                records = read_metrics(self._own / METRICS)
        self.plot_reset.emit(records)

    def poll_shown(self) -> None:
        """Read what the followed run appended since the last poll."""
        if self.followed is None:
            return
        update = self.followed.poll()
        if update.gone:
            gone, self.followed = self.followed.run_dir, None
            self.shown_gone.emit(gone)
        elif update.restarted or update.records:
            self.plot_grew.emit(update)

    def rename(self, path: Path, new_name: str) -> Path:
        """Rename a run's folder; a running run keeps its name (its writer holds the path)."""
        path = Path(path)
        run = read_run(path)
        if run is None:
            raise CnnvizError(error_message(QT_TRANSLATE_NOOP("Error", "{path} holds no run"),
                                            path=path))  # fmt: skip
        if run.status == "running":
            raise CnnvizError(error_message(QT_TRANSLATE_NOOP(
                "Error", "{name} is still running; rename it once it has ended"), name=path.name))
        if not new_name or Path(new_name).name != new_name or new_name in (".", ".."):
            raise CnnvizError(error_message(QT_TRANSLATE_NOOP(
                "Error", "{name!r} is not a folder name"), name=new_name))
        target = path.with_name(new_name)
        if target.exists():
            raise CnnvizError(error_message(QT_TRANSLATE_NOOP("Error", "{path} already exists"),
                                            path=target))  # fmt: skip
        os.rename(path, target)
        if path in self.overlaid:
            self.set_overlaid(path, False)
            self.set_overlaid(target, True)
        self.extra = [target if p == path else p for p in self.extra]
        self.refresh()
        return target

    def forget(self, path: Path) -> None:
        """A run that is gone (deleted to the trash): no overlay, no entry."""
        self.set_overlaid(Path(path), False)
        self.extra = [p for p in self.extra if p != Path(path)]
        self.refresh()
