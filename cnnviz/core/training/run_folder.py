"""A run is a folder: ``config.json``, ``metrics.jsonl``, ``checkpoint.pt`` and ``best.pt``,
``histograms.jsonl`` (the weights and gradients over training, one snapshot a line) and
``timelapse/`` (the first layer's kernels and one image's feature maps, one .npz a snapshot,
and the test-set projection of each evaluation; see timelapse.py).

The command line, the app and a distributed job write the same folder, through this class,
with one writer per folder. ``metrics.jsonl`` holds one JSON object per event, flushed as it
trains, so that another process (the app, a notebook, ``tail -f``) can follow a run live.
The folder is made only when training begins: a run cancelled while its data loads leaves
nothing behind. Reading its JSON files defensively lives in run_json.py.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import platform
import shutil
import socket
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
import torch

import cnnviz
from cnnviz.core.data.leftovers import remove_leftovers
from cnnviz.core.errors import CnnvizError
from cnnviz.core.files import (
    UnsafeFileError,
    open_for_append,
    open_own_file,
    write_atomically,
    write_json_atomically,
)
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
from cnnviz.core.training.reports import TrainingEvent
from cnnviz.core.training.run_json import NotJsonError, _validated, read_json
from cnnviz.core.training.tensorboard_log import TensorBoardLog
from cnnviz.core.training.timelapse import FOLDER as TIMELAPSE
from cnnviz.core.training.timelapse import TimelapseEvent
from cnnviz.core.training.timelapse_embedding import EmbeddingEvent

CONFIG = "config.json"
METRICS = "metrics.jsonl"
CHECKPOINT = "checkpoint.pt"
BEST = "best.pt"
HEARTBEAT = "heartbeat.json"
HISTOGRAMS = "histograms.jsonl"
#: the file a writer holds an OS lock on while it writes the run (see RunFolder.claim)
LOCK = ".cnnviz-lock"
#: seconds between two beats of a running run's heartbeat
BEAT_SECONDS = 2.0
#: how a run's terminal event names its status
STATUS_OF = {FinishedEvent: "finished", StoppedEvent: "stopped", FailedEvent: "failed"}
#: files whose presence means a folder already holds a run
RUN_MARKERS = (CONFIG, METRICS, CHECKPOINT)
#: step lines are flushed in groups; every other event is flushed at once
FLUSH_EVERY_STEPS = 50


def best_accuracy(best: float | None, accuracy: float) -> float:
    """The better of two accuracies, where a NaN one (a run whose loss exploded) never
    becomes 0% and never hides a real one."""
    if best is None or math.isnan(best):
        return accuracy
    return best if math.isnan(accuracy) else max(best, accuracy)


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


#: what config.json and heartbeat.json may hold, field by field (see check_json_value); a
#: field of another type makes the file unreadable, an unknown field is ignored
CONFIG_FIELDS = {"settings": "dict", "started": "timestamp | None", "resumed": "list | None"}
SETTING_FIELDS = {
    "model": "str", "dataset": "str", "epochs": "int", "batch_size": "int", "lr": "float",
    "optimizer": "str", "schedule": "str", "augment": "str", "weight_decay": "float",
    "seed": "int", "precision": "str", "image_size": "int", "init_from": "str",
    "resume": "str", "eval_every": "int",
}  # fmt: skip
HEARTBEAT_FIELDS = {
    "pid": "int", "host": "str", "status": "str", "beat": "timestamp", "epochs": "int",
    "step": "int", "epoch_fraction": "float", "images_per_second": "float",
    "started": "timestamp", "parameters": "int", "total_steps": "int", "epochs_done": "int",
    "test_acc": "float", "best_test_acc": "float", "train_seconds": "float",
}  # fmt: skip


def read_config(path: Path) -> dict[str, Any] | None:
    """A run folder's config.json, its known fields checked (RunFileError with the reason),
    or None when it is missing."""
    file = Path(path) / CONFIG
    record = read_json(file)
    if record is None:
        return None
    config = {**record, **_validated(file, record, CONFIG_FIELDS)}
    config["settings"] = {**config.get("settings", {}),
                          **_validated(file, config.get("settings", {}), SETTING_FIELDS)}
    return config


def read_heartbeat(path: Path) -> dict[str, Any] | None:
    """A run folder's heartbeat.json, only its known fields, each checked (RunFileError with
    the reason), or None when it is missing or cut short (a shared disk without atomic
    renames can show one mid-write; the run's metrics then say how far it got)."""
    file = Path(path) / HEARTBEAT
    try:
        record = read_json(file)
    except NotJsonError:
        return None
    return None if record is None else _validated(file, record, HEARTBEAT_FIELDS)


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


#: the files and folders a run writes into its folder
RUN_FOLDERS = ("tensorboard", "units", TIMELAPSE)
RUN_FILES = (CONFIG, METRICS, CHECKPOINT, BEST, HEARTBEAT, HISTOGRAMS, *RUN_FOLDERS)


def check_run_files(path: Path) -> None:
    """Refuse a run folder whose files are links, FIFOs or devices (UnsafeFileError, one line):
    cnnviz never writes through them, and says so before a run starts."""
    for name in RUN_FILES:
        file = Path(path) / name
        if file.is_symlink():
            raise UnsafeFileError(f"{file}: is a symbolic link; cnnviz never writes through "
                                  f"one (remove it, or use another folder)")
        folder = name in RUN_FOLDERS
        if file.exists() and not (file.is_dir() if folder else file.is_file()):
            raise UnsafeFileError(f"{file}: is not a regular {'folder' if folder else 'file'}")


def _lock(fd: int) -> bool:
    """Take the OS's exclusive lock on an open file without waiting; False if another process
    holds it. The OS frees it when the process ends, however it ends."""
    try:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except ImportError:  # Windows
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
    except OSError:
        return False
    return True


class RunFolder:
    """Writes one run's folder. ``claim`` takes it for this run before anything is read (a
    second writer is refused at once); ``open`` writes the config when training begins;
    ``log`` appends an event; ``save`` writes a checkpoint atomically; ``close`` flushes. A
    run that ends before its first step calls ``discard``, which removes the folder if this
    run made it."""

    def __init__(self, path: Path, tensorboard: bool = False) -> None:
        self.path = Path(path)
        self.tensorboard = tensorboard
        self._tensorboard: TensorBoardLog | None = None
        self._file: Any = None
        self._histograms: Any = None
        self._lock_fd: int | None = None
        self._unflushed = 0
        self._made_here = False
        self.heartbeat = Heartbeat(self.path / HEARTBEAT)

    def claim(self) -> None:
        """Make the folder (if new) and hold the lock on its LOCK file while this run writes
        it: two runs started into one folder a second apart would otherwise both pass the
        check for a new folder and write over each other's config and checkpoints."""
        self._made_here = not self.path.exists()
        lock = self.path / LOCK
        while True:
            try:
                self.path.mkdir(parents=True, exist_ok=True)
                fd = open_own_file(lock)
            except OSError as exc:
                raise CnnvizError(f"cannot write the run folder {self.path}: {exc}") from exc
            if not _lock(fd):
                holder = os.read(fd, 200).decode("utf-8", "replace").strip() or "another process"
                os.close(fd)
                raise CnnvizError(
                    f"run folder {self.path} is being written by another cnnviz run ({holder}); "
                    f"choose another folder, or wait until that run ends"
                )
            try:  # the lock file is removed when a run ends: locked a removed one? again
                if os.stat(lock).st_ino == os.fstat(fd).st_ino:
                    break
            except FileNotFoundError:
                pass
            os.close(fd)
        os.ftruncate(fd, 0)
        os.write(fd, f"pid {os.getpid()} on {socket.gethostname()}\n".encode())
        self._lock_fd = fd
        try:
            check_run_files(self.path)  # before the data loads: refused at once
        except UnsafeFileError:
            self.discard()
            raise

    def _release(self) -> None:
        """Remove the lock file, then free the lock: the folder keeps only the run's files."""
        if self._lock_fd is not None:
            with contextlib.suppress(OSError):
                (self.path / LOCK).unlink()
            os.close(self._lock_fd)
            self._lock_fd = None

    def open(self, settings: dict[str, Any], details: dict[str, Any] | None = None,
             resumed_from: str | None = None) -> None:  # fmt: skip
        """Write config.json (every setting, what "auto" resolved to, versions, host) and open
        metrics.jsonl for appending. A resumed run keeps its first config and adds where and
        when it was resumed."""
        if self._lock_fd is None:
            self.claim()
        remove_leftovers(self.path)  # checkpoint temp files of a process that was killed
        check_run_files(self.path)
        try:
            record = read_config(self.path) if resumed_from else None
            if record is None:
                record = {"settings": settings, "resolved": details or {},
                          "versions": versions(), "host": socket.gethostname(),
                          "started": time.time(), "resumed": []}  # fmt: skip
            if resumed_from:
                record["resumed"] = record.get("resumed") or []
                record["resumed"].append(
                    {"from": resumed_from, "time": time.time(), "epochs": settings.get("epochs")})
                record["settings"]["epochs"] = settings.get("epochs")
            write_json_atomically(self.path / CONFIG, record)
            if self.tensorboard:
                self._tensorboard = TensorBoardLog(self.path)
            self._file = open_for_append(self.path / METRICS)
        except OSError as exc:
            raise CnnvizError(f"cannot write the run folder {self.path}: {exc}") from exc
        self.heartbeat.fields["epochs"] = settings.get("epochs")
        self.heartbeat.start(read_heartbeat(self.path) if resumed_from else None)

    def log(self, event: TrainingEvent) -> None:
        if self._file is None or isinstance(event, WeightsEvent):
            return
        if isinstance(event, HistogramEvent):
            self._log_histograms(event)
            return
        if isinstance(event, TimelapseEvent | EmbeddingEvent):
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
        with contextlib.suppress(OSError, UnsafeFileError):
            if self._histograms is None:
                self._histograms = open_for_append(self.path / HISTOGRAMS)
            self._histograms.write(json.dumps(event_to_json(event)) + "\n")
            self._histograms.flush()

    def _log_timelapse(self, event: TimelapseEvent | EmbeddingEvent) -> None:
        """One frame of the timelapse, written atomically; like a histogram snapshot, one
        that fails to write is lost, never the run."""
        with contextlib.suppress(OSError):
            folder = self.path / TIMELAPSE
            folder.mkdir(exist_ok=True)
            arrays = event.arrays()
            # allow_pickle named: a frame holds no object arrays, and none of its keys can
            # be taken for the flag
            write_atomically(folder / event.file_name, lambda handle: np.savez_compressed(
                handle, allow_pickle=False, **arrays), sync=False)  # fmt: skip

    def _note_progress(self, event: TrainingEvent) -> None:
        """What the heartbeat says of the run's progress, and its end."""
        fields = self.heartbeat.fields
        if isinstance(event, StepEvent):
            fields.update(step=event.step, epoch_fraction=event.epoch_fraction,
                          images_per_second=event.images_per_second)  # fmt: skip
        elif isinstance(event, StartedEvent):
            fields.update(started=time.time(), parameters=event.parameters,
                          total_steps=event.total_steps, step=event.start_step)  # fmt: skip
        elif isinstance(event, EpochEvent):
            best = best_accuracy(fields.get("best_test_acc"), event.test_acc)
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
        self._release()
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
        if self._lock_fd is None:  # never claimed: the folder is not this run's to touch
            self.close()
            return
        self.close()
        if self._made_here:
            shutil.rmtree(self.path, ignore_errors=True)
