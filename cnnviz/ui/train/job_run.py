"""A run on several processes: torchrun, started detached, followed through its run folder.

It is a RunHandle, as TrainingRun is (the same signals, stop, end), so the run controller
treats both alike; what differs is where the events come from, and that a job never pauses.
The job is its own process group, not a child of the app: closing the window may leave it
running, and the runs list finds it later by its heartbeat. Stopping sends SIGTERM, which
torchrun passes to every rank; the ranks agree on a step and rank 0 saves a checkpoint.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from cnnviz.core.training.config import TrainConfig
from cnnviz.core.training.events import TERMINAL_EVENTS, FailedEvent, StepEvent, event_from_json
from cnnviz.core.training.metrics_follower import MetricsFollower
from cnnviz.session.job import shell_line, torchrun_command
from cnnviz.session.run_controller import RunEvents
from cnnviz.ui.train.worker_bridge import WorkerBridge

#: a process group of its own: the job neither gets the window's terminal signals nor dies
#: with the app
NEW_SESSION: dict[str, Any] = (
    {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP} if sys.platform == "win32"
    else {"start_new_session": True})  # fmt: skip
#: how often the run folder is read for the job's events
POLL_MS = 300
#: how much of the job's output a failure message quotes
LOG_TAIL_CHARS = 1500


class JobWorker(QObject):
    """The job's events, as a TrainingWorker emits them."""

    stepped = Signal(object)
    reported = Signal(object)
    loading = Signal(object)
    finished = Signal(object)
    held = Signal()  # never: a job does not pause

    def __init__(self, config: TrainConfig, processes: int, log_path: Path) -> None:
        super().__init__()
        assert config.out_dir is not None
        self.config = config
        self.processes = processes
        self.command = torchrun_command(config, processes)
        self.log_path = log_path
        self.follower = MetricsFollower(Path(config.out_dir))
        self.process: subprocess.Popen | None = None
        self.pid: int | None = None
        self.ended = False
        self._stop_requested = False
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self.poll)

    @property
    def stop_requested(self) -> bool:
        return self._stop_requested

    @property
    def paused(self) -> bool:
        return False

    def start(self) -> None:
        """Start torchrun in a session of its own (so that it outlives the window if the
        user wants), its output in a log file beside the runs."""
        try:
            self.log_path.parent.mkdir(parents=True, exist_ok=True)
            with self.log_path.open("w", encoding="utf-8") as log:
                self.process = subprocess.Popen(
                    self.command, stdin=subprocess.DEVNULL, stdout=log,
                    stderr=subprocess.STDOUT, **NEW_SESSION)  # fmt: skip
        except OSError as exc:
            self._end(FailedEvent(self.tr("could not start torchrun ({error}): {command}").format(
                error=exc, command=shell_line(self.command)), ""))
            return
        self.pid = self.process.pid
        self.loading.emit((self.tr("starting {count} processes...").format(
            count=self.processes), None))
        self._timer.start()

    def poll(self) -> None:
        """Hand on what the job wrote; end when it recorded its end, or when it is gone
        without one (it failed before training, or was killed)."""
        if self.ended:
            return
        steps: list[StepEvent] = []
        for record in self.follower.poll().records:
            event = event_from_json(record)
            if isinstance(event, StepEvent):
                steps.append(event)
                continue
            if steps:
                self.stepped.emit(steps)
                steps = []
            if isinstance(event, TERMINAL_EVENTS):
                self._end(event)
                return
            if event is not None:
                self.reported.emit(event)
        if steps:
            self.stepped.emit(steps)
        if self.process is not None and self.process.poll() is not None:
            self._end(FailedEvent(self.tr("the training job ended without finishing: {output}")
                                  .format(output=self._log_tail()), self._log_tail()))

    def _log_tail(self) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return self.tr("(no output)")
        lines = [line for line in text.splitlines() if line.startswith("cnnviz: error:")]
        return lines[-1].removeprefix("cnnviz: error: ") if lines else text[-LOG_TAIL_CHARS:]

    def _end(self, event: Any) -> None:
        self.ended = True
        self._timer.stop()
        self.finished.emit(event)

    def request_stop(self) -> None:
        """SIGTERM to torchrun, which passes it to every rank (POSIX; on Windows the job is
        ended without a checkpoint)."""
        self._stop_requested = True
        if self.pid is not None:
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGTERM)


class JobRun:
    """The job and its follower, as a RunHandle (cnnviz/session/run_controller.py) whose
    events go to ``events``."""

    can_pause = False
    #: weight snapshots for live inspection (a job's weights stay in its processes)
    sends_weights = False
    #: the job outlives the app if the user wants: closing asks
    detached = True
    #: no weight snapshots come from a job, whatever is asked
    snapshot_interval: float | None = None

    def __init__(self, config: TrainConfig, processes: int, log_path: Path,
                 events: RunEvents) -> None:  # fmt: skip
        self.worker = JobWorker(config, processes, log_path)
        self.bridge = WorkerBridge(self.worker, events)

    def start(self) -> None:
        self.worker.start()

    def pause(self) -> None:
        """A job does not pause (``can_pause`` is False)."""

    def resume(self) -> None:
        """A job does not pause (``can_pause`` is False)."""

    def request_stop(self) -> None:
        self.worker.request_stop()

    def snapshot_taken(self) -> None:
        """A job sends no snapshots."""

    def stop_and_wait(self, timeout_ms: int) -> bool:
        """SIGTERM; the ranks save and the job ends on its own, followed through its folder:
        nothing to wait for here."""
        self.worker.request_stop()
        return self.worker.ended

    @property
    def is_running(self) -> bool:
        return not self.worker.ended

    def wait_ended(self, timeout_ms: int) -> bool:
        """The job has ended once its end was handed on; nothing to wait for here."""
        return self.worker.ended
