"""A run is a folder: ``config.json``, ``metrics.jsonl``, ``checkpoint.pt`` and ``best.pt``,
``histograms.jsonl`` (the weights and gradients over training, one snapshot a line) and
``timelapse/`` (the first layer's kernels and one image's feature maps, one .npz a snapshot;
see timelapse.py).

The command line, the app and a distributed job write the same folder, through this class,
with one writer per folder. ``metrics.jsonl`` holds one JSON object per event, flushed as it
trains, so that another process (the app, a notebook, ``tail -f``) can follow a run live.
The folder is made only when training begins: a run cancelled while its data loads leaves
nothing behind.
"""

from __future__ import annotations

import contextlib
import json
import os
import platform
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import numpy as np
import torch

import cnnviz
from cnnviz.core.data.leftovers import remove_leftovers
from cnnviz.core.errors import CnnvizError
from cnnviz.core.training.checkpoint import Checkpoint, save_checkpoint
from cnnviz.core.training.events import (
    TERMINAL_EVENTS,
    EpochEvent,
    FailedEvent,
    FinishedEvent,
    HistogramEvent,
    StartedEvent,
    StepEvent,
    StoppedEvent,
    WeightsEvent,
    event_to_json,
)
from cnnviz.core.training.tensorboard_log import TensorBoardLog
from cnnviz.core.training.timelapse import FOLDER as TIMELAPSE
from cnnviz.core.training.timelapse import TimelapseEvent, frame_name

CONFIG = "config.json"
METRICS = "metrics.jsonl"
CHECKPOINT = "checkpoint.pt"
BEST = "best.pt"
HEARTBEAT = "heartbeat.json"
HISTOGRAMS = "histograms.jsonl"
#: seconds between two beats of a running run's heartbeat
BEAT_SECONDS = 2.0
#: how a run's terminal event names its status
STATUS_OF = {FinishedEvent: "finished", StoppedEvent: "stopped", FailedEvent: "failed"}
#: files whose presence means a folder already holds a run
RUN_MARKERS = (CONFIG, METRICS, CHECKPOINT)
#: step lines are flushed in groups; every other event is flushed at once
FLUSH_EVERY_STEPS = 50


def holds_run(path: Path) -> bool:
    """True when the folder already holds (part of) a run."""
    return any((Path(path) / name).exists() for name in RUN_MARKERS)


def check_new_run_folder(path: Path) -> None:
    """Refuse a folder that is a file or already holds a run: a second run must never write
    over the first one's best.pt or append to its metrics."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise CnnvizError(f"run folder {path} is a file; give a folder")
    if holds_run(path):
        present = ", ".join(name for name in RUN_MARKERS if (path / name).exists())
        raise CnnvizError(
            f"run folder {path} already holds a run ({present}); choose a new folder, or "
            f"continue that run with --resume {path / CHECKPOINT}"
        )


def versions() -> dict[str, str]:
    return {"cnnviz": cnnviz.__version__, "torch": torch.__version__,
            "python": platform.python_version()}  # fmt: skip


def write_file_atomically(path: Path, write: Callable[[IO[bytes]], Any]) -> None:
    """``write(handle)`` fills a temporary file beside ``path``, which then replaces it: a
    reader sees the old file or the whole new one, never half of it. ``handle.name`` is the
    temporary file's path, for a writer that only takes a path (ffmpeg). mkstemp makes the
    file private; it becomes an ordinary one (rw-r--r--), as a checkpoint does."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o644)
        os.close(fd)
        with open(tmp, "wb") as handle:
            write(handle)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def write_json_atomically(path: Path, record: dict[str, Any]) -> None:
    text = json.dumps(record, indent=2) + "\n"
    write_file_atomically(path, lambda handle: handle.write(text.encode("utf-8")))


def read_json(path: Path) -> dict[str, Any] | None:
    """A small JSON file's object, or None when it is missing, half-written or not one."""
    try:
        record = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) else None


def read_config(path: Path) -> dict[str, Any] | None:
    """A run folder's config.json, or None when it is missing or unreadable."""
    return read_json(Path(path) / CONFIG)


class Heartbeat:
    """``heartbeat.json``: which process trains the run (pid, host), when it last beat, and
    how far it is (epoch, step, accuracy, speed), rewritten every BEAT_SECONDS by a daemon
    thread. A process that dies stops beating, so a reader can tell a live run from one whose
    process was killed, also on another machine writing to a shared disk. At the end the
    file keeps the run's final status."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fields: dict[str, Any] = {"pid": os.getpid(), "host": socket.gethostname(),
                                       "status": "running"}  # fmt: skip
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._beat, name="cnnviz-heartbeat",
                                        daemon=True)  # fmt: skip

    def start(self, earlier: dict[str, Any] | None = None) -> None:
        """Begin beating; a resumed run carries its earlier progress (best accuracy, epochs
        done) forward."""
        self.fields = {**(earlier or {}), **self.fields}
        self.write()
        self._thread.start()

    def _beat(self) -> None:
        while not self._stop.wait(BEAT_SECONDS):
            self.write()

    def write(self) -> None:
        with contextlib.suppress(OSError):  # a full disk must not stop the training
            write_json_atomically(self.path, {**self.fields, "beat": time.time()})

    def end(self, status: str) -> None:
        """Stop beating and record how the run ended; once, and only if it began."""
        if not self._thread.is_alive():
            return
        self._stop.set()
        self._thread.join()
        self.fields["status"] = status
        self.write()


class RunFolder:
    """Writes one run's folder. ``open`` makes it when training begins; ``log`` appends an
    event; ``save`` writes a checkpoint atomically; ``close`` flushes. A run that ends before
    its first step calls ``discard``, which removes the folder if this run made it."""

    def __init__(self, path: Path, tensorboard: bool = False) -> None:
        self.path = Path(path)
        self.tensorboard = tensorboard
        self._tensorboard: TensorBoardLog | None = None
        self._file: Any = None
        self._histograms: Any = None
        self._unflushed = 0
        self._made_here = False
        self.heartbeat = Heartbeat(self.path / HEARTBEAT)

    def open(self, settings: dict[str, Any], details: dict[str, Any] | None = None,
             resumed_from: str | None = None) -> None:  # fmt: skip
        """Make the folder (if new), write config.json (every setting, what "auto" resolved
        to, versions, host) and open metrics.jsonl for appending. A resumed run keeps its
        first config and adds where and when it was resumed."""
        self._made_here = not self.path.exists()
        remove_leftovers(self.path)  # checkpoint temp files of a process that was killed
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            record = read_config(self.path) if resumed_from else None
            if record is None:
                record = {"settings": settings, "resolved": details or {},
                          "versions": versions(), "host": socket.gethostname(),
                          "started": time.time(), "resumed": []}  # fmt: skip
            if resumed_from:
                record.setdefault("resumed", []).append(
                    {"from": resumed_from, "time": time.time(), "epochs": settings.get("epochs")})
                record["settings"]["epochs"] = settings.get("epochs")
            write_json_atomically(self.path / CONFIG, record)
            if self.tensorboard:
                self._tensorboard = TensorBoardLog(self.path)
            self._file = (self.path / METRICS).open("a", encoding="utf-8")
        except OSError as exc:
            raise CnnvizError(f"cannot write the run folder {self.path}: {exc}") from exc
        self.heartbeat.fields["epochs"] = settings.get("epochs")
        self.heartbeat.start(read_json(self.path / HEARTBEAT) if resumed_from else None)

    def log(self, event: Any) -> None:
        if self._file is None or isinstance(event, WeightsEvent):
            return
        if isinstance(event, HistogramEvent):
            self._log_histograms(event)
            return
        if isinstance(event, TimelapseEvent):
            self._log_timelapse(event)
            return
        self._note_progress(event)
        if self._tensorboard is not None:
            self._tensorboard(event)
        self._file.write(json.dumps(event_to_json(event)) + "\n")
        self._unflushed += 1
        if not isinstance(event, StepEvent) or self._unflushed >= FLUSH_EVERY_STEPS:
            self._file.flush()
            self._unflushed = 0

    def _log_histograms(self, event: HistogramEvent) -> None:
        """One line of histograms.jsonl, flushed; a write that fails loses the snapshot,
        never the run."""
        with contextlib.suppress(OSError):
            if self._histograms is None:
                self._histograms = (self.path / HISTOGRAMS).open("a", encoding="utf-8")
            self._histograms.write(json.dumps(event_to_json(event)) + "\n")
            self._histograms.flush()

    def _log_timelapse(self, event: TimelapseEvent) -> None:
        """One frame of the timelapse, written atomically; like a histogram snapshot, one
        that fails to write is lost, never the run."""
        with contextlib.suppress(OSError):
            folder = self.path / TIMELAPSE
            folder.mkdir(exist_ok=True)
            arrays = event.arrays()
            write_file_atomically(folder / frame_name(event.step),
                                  lambda handle: np.savez_compressed(handle, **arrays))

    def _note_progress(self, event: Any) -> None:
        """What the heartbeat says of the run's progress, and its end."""
        fields = self.heartbeat.fields
        if isinstance(event, StepEvent):
            fields.update(step=event.step, epoch_fraction=event.epoch_fraction,
                          images_per_second=event.images_per_second)  # fmt: skip
        elif isinstance(event, StartedEvent):
            fields.update(started=time.time(), parameters=event.parameters,
                          total_steps=event.total_steps, step=event.start_step)  # fmt: skip
        elif isinstance(event, EpochEvent):
            best = max(fields.get("best_test_acc") or 0.0, event.test_acc)
            fields.update(epochs_done=event.epoch, test_acc=event.test_acc, best_test_acc=best)
        elif isinstance(event, FinishedEvent):
            fields.update(train_seconds=event.train_seconds,
                          images_per_second=event.images_per_second,
                          best_test_acc=event.best_test_acc)  # fmt: skip
        if isinstance(event, TERMINAL_EVENTS):
            self.heartbeat.end(STATUS_OF[type(event)])

    def save(self, checkpoint: Checkpoint, best: bool = False) -> Path:
        path = save_checkpoint(checkpoint, self.path / CHECKPOINT)
        if best:
            save_checkpoint(checkpoint, self.path / BEST)
        return path

    def close(self) -> None:
        if self._tensorboard is not None:
            self._tensorboard.close()
            self._tensorboard = None
        for handle in (self._file, self._histograms):
            if handle is not None:
                with contextlib.suppress(OSError):
                    handle.close()
        self._file = self._histograms = None
        self.heartbeat.end("stopped")  # no-op after the run's own end

    def discard(self) -> None:
        """Forget a run that never took a step: remove the folder if this run made it."""
        self.close()
        if self._made_here:
            shutil.rmtree(self.path, ignore_errors=True)


def read_metrics(path: Path) -> list[dict[str, Any]]:
    """Every complete line of a metrics.jsonl (a line still being written is skipped)."""
    records = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return records

