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
import os
import socket
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cnnviz.core.training.run_folder import (
    CONFIG,
    HEARTBEAT,
    METRICS,
    STATUS_OF,
    holds_run,
    read_json,
    read_metrics,
)

#: a running run's heartbeat older than this means its process is gone
STALE_SECONDS = 15.0
STATUSES = ("running", "finished", "stopped", "failed")


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

    @property
    def name(self) -> str:
        return self.path.name

    def to_json(self) -> dict[str, Any]:
        return {"path": str(self.path), "model": self.model, "dataset": self.dataset,
                "status": self.status, "epochs": self.epochs, "epochs_done": self.epochs_done,
                "best_test_acc": self.best_test_acc, "test_acc": self.test_acc,
                "train_seconds": self.train_seconds,
                "images_per_second": self.images_per_second, "started": self.started,
                "parameters": self.parameters}  # fmt: skip


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
    age = (now or time.time()) - float(heartbeat.get("beat", 0.0))
    same_host = heartbeat.get("host") == socket.gethostname()
    if age > STALE_SECONDS or (same_host and not process_alive(int(heartbeat.get("pid", 0)))):
        return "stopped"
    return "running"


def _from_metrics(path: Path) -> dict[str, Any]:
    """What a run without a heartbeat recorded: a full read of its metrics.jsonl."""
    fields: dict[str, Any] = {"status": "stopped"}
    if not (path / METRICS).is_file():
        return fields
    best = None
    for record in read_metrics(path / METRICS):
        kind = record.get("type")
        if kind == "started":
            fields.update(parameters=record.get("parameters"), epochs=record.get("epochs"))
        elif kind == "epoch":
            best = max(best or 0.0, record.get("test_acc", 0.0))
            fields.update(epochs_done=record.get("epoch"), test_acc=record.get("test_acc"))
        elif kind == "finished":
            fields.update(train_seconds=record.get("train_seconds"),
                          images_per_second=record.get("images_per_second"))  # fmt: skip
        if kind in STATUS_OF.values():
            fields["status"] = kind
    fields["best_test_acc"] = best
    return fields


def read_run(path: Path, now: float | None = None) -> RunSummary | None:
    """The run in ``path``, or None when the folder holds none."""
    path = Path(path)
    if not holds_run(path):
        return None
    config = read_json(path / CONFIG) or {}
    settings = config.get("settings", {})
    heartbeat = read_json(path / HEARTBEAT)
    fields = dict(heartbeat) if heartbeat is not None else _from_metrics(path)
    status = live_status(heartbeat, now) if heartbeat is not None else fields["status"]
    started = config.get("started") or fields.get("started")
    return RunSummary(
        path=path, model=str(settings.get("model", "?")),
        dataset=str(settings.get("dataset", "?")), status=status,
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
