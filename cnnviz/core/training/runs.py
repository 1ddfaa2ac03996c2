"""Reading run folders: which runs there are, how far each got, and whether it still runs.

A run's status comes from its folder alone, so it is right for a run that another process
writes (the command line, a torchrun job, a machine writing to a shared disk): the heartbeat
says how it ended, or, while it says "running", whether its process still beats. A process
killed without a word reads as ``stopped``, never ``running`` forever. Runs written before the
heartbeat existed are read from their metrics.jsonl.
"""

from __future__ import annotations

import csv
import json
import math
import os
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cnnviz.core.data.types import DatasetSpec
from cnnviz.core.errors import CnnvizError
from cnnviz.core.models.spec import ModelSpec
from cnnviz.core.text import printable
from cnnviz.core.training.events import EpochEvent, FinishedEvent, StartedEvent, event_from_json
from cnnviz.core.training.metrics_follower import MetricsFollower
from cnnviz.core.training.run_folder import (
    STATUS_OF,
    best_accuracy,
    holds_run,
    read_config,
    read_heartbeat,
)
from cnnviz.core.translatable import QT_TRANSLATE_NOOP, untranslated

#: a running run's heartbeat older than this means its process is gone
STALE_SECONDS = 15.0
STATUSES = ("running", "finished", "stopped", "failed")
#: the status of a run whose files cannot be read; RunSummary.problem says why
UNREADABLE = "unreadable"


@dataclass
class RunSummary:
    """One run as the runs list shows it; numbers the run has not reached yet are None."""

    path: Path
    model: str
    dataset: str
    status: str
    epochs: int | None
    epochs_done: int | None
    best_test_acc: float | None
    test_acc: float | None
    train_seconds: float | None
    images_per_second: float | None
    started: float | None  # seconds since the epoch
    parameters: int | None
    settings: dict[str, Any] = field(default_factory=dict)
    #: why the run cannot be read (its status is then UNREADABLE)
    problem: str | None = None

    @property
    def name(self) -> str:
        return self.path.name

    def to_json(self) -> dict[str, Any]:
        return {"path": str(self.path), "model": self.model, "dataset": self.dataset,
                "status": self.status, "epochs": self.epochs, "epochs_done": self.epochs_done,
                "best_test_acc": self.best_test_acc, "test_acc": self.test_acc,
                "train_seconds": self.train_seconds,
                "images_per_second": self.images_per_second, "started": self.started,
                "parameters": self.parameters, "problem": self.problem}  # fmt: skip


def process_alive(pid: int) -> bool:
    """Whether a process of this machine still exists (POSIX; elsewhere assumed alive, and
    the heartbeat's age decides)."""
    if os.name != "posix":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def live_status(heartbeat: dict[str, Any], now: float | None = None) -> str:
    """A heartbeat's status, with a "running" one checked against its process."""
    status = str(heartbeat.get("status", "stopped"))
    if status != "running":
        return status if status in STATUSES else "stopped"
    age = (now or time.time()) - (heartbeat.get("beat") or 0.0)
    same_host = heartbeat.get("host") == socket.gethostname()
    pid = heartbeat.get("pid") or 0
    if age > STALE_SECONDS or (same_host and not (0 < pid < 1 << 31 and process_alive(pid))):
        return "stopped"
    return "running"


class _MetricsTally:
    """What a run without a heartbeat recorded, folded from its metrics.jsonl as it grows:
    each read takes only the bytes appended since the last (a follower by size and offset),
    so a run of millions of steps is read once, not at every refresh of the runs list."""

    def __init__(self, path: Path) -> None:
        self.follower = MetricsFollower(path)
        self.fields: dict[str, Any] = {}

    def read(self) -> dict[str, Any]:
        while True:
            update = self.follower.poll()
            if update.restarted:
                self.fields = {}
            for record in update.records:
                self._fold(record)
            if not update.records and not update.restarted:
                return {"status": "stopped", **self.fields}

    def _fold(self, record: dict[str, Any]) -> None:
        if record.get("type") == "step":  # nine lines in ten: nothing for the list
            return
        event = event_from_json(record)
        fields = self.fields
        if event is None:
            return
        kind = record["type"]
        if isinstance(event, StartedEvent):
            fields.update(parameters=event.parameters, epochs=event.epochs)
        elif isinstance(event, EpochEvent):
            fields.update(epochs_done=event.epoch, test_acc=event.test_acc,
                          best_test_acc=best_accuracy(fields.get("best_test_acc"),
                                                      event.test_acc))  # fmt: skip
        elif isinstance(event, FinishedEvent):
            fields.update(train_seconds=event.train_seconds,
                          images_per_second=event.images_per_second)  # fmt: skip
        if kind in STATUS_OF.values():
            fields["status"] = kind


#: one tally per run folder read so far (the runs list is read again every few seconds, in
#: the app off the GUI thread, hence the lock)
_tallies: dict[Path, _MetricsTally] = {}
_tallies_lock = threading.Lock()


def _from_metrics(path: Path) -> dict[str, Any]:
    with _tallies_lock:
        tally = _tallies.get(path)
        if tally is None:
            tally = _tallies[path] = _MetricsTally(path)
        return tally.read()


def read_run(path: Path, now: float | None = None) -> RunSummary | None:
    """The run in ``path``, or None when the folder holds none. A run whose files cannot be
    read (not regular files, too large, not JSON, fields of the wrong type) is listed as
    UNREADABLE with the reason, never raised: one bad folder must not hide the others."""
    path = Path(path)
    if not holds_run(path):
        return None
    try:
        config = read_config(path) or {}
        heartbeat = read_heartbeat(path)
        fields = dict(heartbeat) if heartbeat is not None else _from_metrics(path)
    except (CnnvizError, ValueError, TypeError, OverflowError, RecursionError) as exc:
        return RunSummary(path=path, model="?", dataset="?", status=UNREADABLE, epochs=None,
                          epochs_done=None, best_test_acc=None, test_acc=None,
                          train_seconds=None, images_per_second=None, started=None,
                          parameters=None, problem=str(exc))  # fmt: skip
    settings = config.get("settings", {})
    status = live_status(heartbeat, now) if heartbeat is not None else fields["status"]
    started = config.get("started") or fields.get("started")
    return RunSummary(
        path=path, model=printable(str(settings.get("model", "?"))),
        dataset=printable(str(settings.get("dataset", "?"))), status=status,
        epochs=fields.get("epochs") or settings.get("epochs"),
        epochs_done=fields.get("epochs_done"), best_test_acc=fields.get("best_test_acc"),
        test_acc=fields.get("test_acc"), train_seconds=fields.get("train_seconds"),
        images_per_second=fields.get("images_per_second"), started=started,
        parameters=fields.get("parameters"), settings=settings,
    )  # fmt: skip


def run_folders(roots: Iterable[Path]) -> list[Path]:
    """Each root that is a run itself, and the runs directly inside the others."""
    found: dict[Path, None] = {}
    for root in roots:
        root = Path(root)
        if holds_run(root):
            found[root] = None
        elif root.is_dir():
            try:
                children = sorted(p for p in root.iterdir() if p.is_dir())
            except OSError:
                continue
            found.update((child, None) for child in children if holds_run(child))
    return list(found)


def format_result(value: float | None, form: str, missing: str = "-") -> str:
    """A number of a run as the runs list shows it: ``missing`` for none yet, and NaN (an
    accuracy of a run whose loss exploded) as NaN, never as 0.00%."""
    if value is None:
        return missing
    if isinstance(value, float) and math.isnan(value):
        return "NaN"
    return format(value, form)


def list_runs(roots: Iterable[Path]) -> list[RunSummary]:
    """Every run under the roots, newest first."""
    now = time.time()
    runs = [run for path in run_folders(roots) if (run := read_run(path, now)) is not None]
    return sorted(runs, key=lambda run: run.started or 0.0, reverse=True)


#: the rows of a comparison: settings first, then what each run achieved
COMPARED_SETTINGS = ("model", "dataset", "epochs", "batch_size", "lr", "optimizer", "schedule",
                     "augment", "weight_decay", "seed", "precision", "image_size", "init_from")
COMPARED_RESULTS = ("status", "best_test_acc", "test_acc", "train_seconds",
                    "images_per_second", "parameters")  # fmt: skip


@dataclass
class ComparisonRow:
    name: str
    values: list[Any]
    is_setting: bool

    @property
    def differs(self) -> bool:
        return len({json.dumps(v, sort_keys=True, default=str) for v in self.values}) > 1


def compare_runs(runs: list[RunSummary]) -> list[ComparisonRow]:
    """Runs side by side: each setting and each result, one row each, with the runs as
    columns; a setting whose values differ is what tells the runs apart."""
    rows = [ComparisonRow(key, [run.settings.get(key) for run in runs], True)
            for key in COMPARED_SETTINGS]  # fmt: skip
    rows += [ComparisonRow(key, [getattr(run, key) for run in runs], False)
             for key in COMPARED_RESULTS]  # fmt: skip
    return rows


def write_comparison_csv(runs: list[RunSummary], path: Path) -> None:
    """The comparison as CSV: a header of run folders, then one row per setting or result."""
    with Path(path).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["", *(str(run.path) for run in runs)])
        for row in compare_runs(runs):
            writer.writerow([row.name, *("" if v is None else v for v in row.values)])


# -- naming runs by what tells them apart ----------------------------------------------------
#: each compared setting's short name, as a run's name and the runs list's columns say it
#: (marked for the interface's translation under "RunNames")
SETTING_NAMES = {
    "model": QT_TRANSLATE_NOOP("RunNames", "model"),
    "dataset": QT_TRANSLATE_NOOP("RunNames", "data set"),
    "epochs": QT_TRANSLATE_NOOP("RunNames", "epochs"),
    "batch_size": QT_TRANSLATE_NOOP("RunNames", "batch"),
    "lr": QT_TRANSLATE_NOOP("RunNames", "lr"),
    "optimizer": QT_TRANSLATE_NOOP("RunNames", "optimiser"),
    "schedule": QT_TRANSLATE_NOOP("RunNames", "schedule"),
    "augment": QT_TRANSLATE_NOOP("RunNames", "augment"),
    "weight_decay": QT_TRANSLATE_NOOP("RunNames", "wd"),
    "seed": QT_TRANSLATE_NOOP("RunNames", "seed"),
    "precision": QT_TRANSLATE_NOOP("RunNames", "precision"),
    "image_size": QT_TRANSLATE_NOOP("RunNames", "size"),
    "init_from": QT_TRANSLATE_NOOP("RunNames", "from"),
}
#: settings whose value names itself in a run's name ("lenet5", "adamw", not "model lenet5")
NAMED_BY_VALUE = frozenset({"model", "dataset", "optimizer", "precision"})


def differing_settings(settings: Sequence[Mapping[str, Any]]) -> list[str]:
    """The compared settings (COMPARED_SETTINGS, in its order) whose values differ between
    these runs' settings: what tells the runs apart."""
    return [key for key in COMPARED_SETTINGS
            if ComparisonRow(key, [run.get(key) for run in settings], True).differs]  # fmt: skip


def setting_value_text(key: str, value: Any) -> str:
    """A setting's value as a run's name says it: numbers short (0.001, 1e-05), models and
    data sets by their display names, a parent checkpoint by its run's folder."""
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:g}"
    if key == "model" and isinstance(value, str):
        return ModelSpec.parse(value).display_name
    if key == "dataset" and isinstance(value, str):
        return DatasetSpec.parse(value).display_name
    if key == "init_from" and isinstance(value, str):
        return Path(value).parent.name or value
    return printable(str(value))


def setting_text(key: str, value: Any,
                 translate: Callable[[str, str], str] = untranslated) -> str:  # fmt: skip
    """One setting as a run's name says it: "lr 0.01", or the value alone ("lenet5")."""
    shown = setting_value_text(key, value)
    if key in NAMED_BY_VALUE:
        return shown
    template = translate("RunNames", QT_TRANSLATE_NOOP("RunNames", "{setting} {value}"))
    return template.format(setting=translate("RunNames", SETTING_NAMES[key]), value=shown)


def run_names(settings: Sequence[Mapping[str, Any]], folders: Sequence[str],
              translate: Callable[[str, str], str] = untranslated) -> list[str]:  # fmt: skip
    """Each run named by the settings that tell it apart from the others ("lr 0.01" and
    "lr 0.001"), as a person comparing runs names them, not by its folder's timestamp. A run
    that no setting tells apart (run twice alike) is named by its folder too, and so is a
    run alone (nothing to tell it apart from)."""
    keys = differing_settings(settings) if len(settings) > 1 else []
    names = [", ".join(setting_text(key, run.get(key), translate) for key in keys)
             for run in settings]  # fmt: skip
    counts = Counter(names)
    template = translate("RunNames", QT_TRANSLATE_NOOP("RunNames", "{name} ({folder})"))
    return [name if name and counts[name] == 1
            else template.format(name=name, folder=folder) if name else folder
            for name, folder in zip(names, folders, strict=True)]  # fmt: skip
