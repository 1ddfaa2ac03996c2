"""Runs the core trainer in a QThread and hands its events to the UI, throttled.

The worker never touches a widget. Stop and pause are plain thread-safe flags that the
trainer's ``should_stop`` checks at every batch (a signal could not reach a thread whose
event loop is busy training). Step events are gathered and sent in batches at most
``MAX_UPDATES_PER_SECOND`` times a second; every other event goes out at once, after the
steps that came before it.
"""

from __future__ import annotations

import threading
import time
import traceback
from typing import Any

import torch
from PySide6.QtCore import QObject, Signal, Slot

from cnnviz.core.errors import CancelledError
from cnnviz.core.training.config import TrainConfig
from cnnviz.core.training.events import TERMINAL_EVENTS, FailedEvent, HistogramEvent, StepEvent
from cnnviz.core.training.timelapse import TimelapseEvent
from cnnviz.core.training.timelapse_embedding import EmbeddingEvent
from cnnviz.core.training.trainer import Trainer
from cnnviz.session.run_controller import RunEvents
from cnnviz.ui.train.worker_bridge import WorkerBridge
from cnnviz.ui.workers.threads import worker_thread, worker_torch_threads

MAX_UPDATES_PER_SECOND = 10


class TrainingWorker(QObject):
    """Past-tense signals, each carrying one object: a list of StepEvents, a core event,
    a (message, fraction) status while data loads, and the terminal event. ``finished``
    is always emitted, whatever happens in the run."""

    stepped = Signal(object)
    reported = Signal(object)
    loading = Signal(object)
    finished = Signal(object)
    #: a pause took effect: the step in flight is done and reported, and none follows
    held = Signal()

    def __init__(self, config: TrainConfig) -> None:
        super().__init__()
        self.config = config
        self._stop = threading.Event()
        self._running = threading.Event()
        self._running.set()
        self._pending: list[StepEvent] = []
        self._last_flush = 0.0
        #: seconds between weight snapshots for live inspection; None: none wanted
        self.snapshot_interval: float | None = None
        self._last_snapshot = 0.0
        #: a snapshot is on its way to the GUI and has not been taken yet: no second one
        #: is copied until it is (copies of a large model must not pile up in the queue)
        self._snapshot_in_flight = threading.Event()

    # -- called from the UI thread --------------------------------------------------------
    def request_stop(self) -> None:
        self._stop.set()
        self._running.set()  # a paused run must wake up to stop

    def pause(self) -> None:
        self._running.clear()

    def resume(self) -> None:
        self._running.set()

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    @property
    def stop_requested(self) -> bool:
        return self._stop.is_set()

    def snapshot_taken(self) -> None:
        """The GUI has the last weight snapshot; the next one may be copied."""
        self._snapshot_in_flight.clear()

    # -- runs in the worker thread --------------------------------------------------------
    @Slot()
    def run(self) -> None:
        final: Any = FailedEvent(self.tr("training ended unexpectedly"), "")
        try:
            torch.set_num_threads(worker_torch_threads())
            final = Trainer(self.config, progress=self._on_loading).run(
                self._on_event, self._should_stop, self._wants_weights)
            self._flush()
        except Exception as exc:  # the trainer reports its own failures; this is a bug
            final = FailedEvent(self.tr("training failed: {error}").format(
                error=f"{type(exc).__name__}: {exc}"), traceback.format_exc())
        finally:
            self.finished.emit(final)

    def _should_stop(self) -> bool:
        if not self._running.is_set():
            self._flush()
            self.held.emit()
            self._running.wait()
        return self._stop.is_set()

    def _wants_weights(self) -> bool:
        interval = self.snapshot_interval
        if (interval is None or self._snapshot_in_flight.is_set()
                or time.monotonic() - self._last_snapshot < interval):  # fmt: skip
            return False
        self._last_snapshot = time.monotonic()
        self._snapshot_in_flight.set()
        return True

    def _on_loading(self, message: str, fraction: float | None) -> None:
        if self._stop.is_set():
            raise CancelledError("cancelled while loading the data set")
        self.loading.emit((message, fraction))

    def _on_event(self, event: Any) -> None:
        if isinstance(event, StepEvent):
            self._pending.append(event)
            if time.monotonic() - self._last_flush >= 1.0 / MAX_UPDATES_PER_SECOND:
                self._flush()
            return
        if isinstance(event, HistogramEvent | TimelapseEvent | EmbeddingEvent):
            return  # the Histograms tab, the replay and the exports read them from the run folder
        self._flush()
        if not isinstance(event, TERMINAL_EVENTS):  # those go out through `finished`
            self.reported.emit(event)

    def _flush(self) -> None:
        if self._pending:
            self.stepped.emit(self._pending)
            self._pending = []
        self._last_flush = time.monotonic()


class TrainingRun:
    """A worker and its thread, started together and always stopped and waited for; a
    RunHandle (cnnviz/session/run_controller.py) whose events go to ``events``."""

    can_pause = True
    #: weight snapshots for live inspection (a job's weights stay in its processes)
    sends_weights = True
    #: the run ends with the app: closing stops it and waits
    detached = False

    def __init__(self, config: TrainConfig, events: RunEvents) -> None:
        self.worker = TrainingWorker(config)
        self.bridge = WorkerBridge(self.worker, events)
        self.thread = worker_thread(self.worker, "cnnviz-training")

    def start(self) -> None:
        self.thread.start()

    def pause(self) -> None:
        self.worker.pause()

    def resume(self) -> None:
        self.worker.resume()

    def request_stop(self) -> None:
        self.worker.request_stop()

    @property
    def snapshot_interval(self) -> float | None:
        return self.worker.snapshot_interval

    @snapshot_interval.setter
    def snapshot_interval(self, seconds: float | None) -> None:
        self.worker.snapshot_interval = seconds

    def snapshot_taken(self) -> None:
        self.worker.snapshot_taken()

    def stop_and_wait(self, timeout_ms: int = 10_000) -> bool:
        """Ask the worker to stop at its next batch and wait for the thread to end, at most
        ``timeout_ms``; False if it is still running (a batch can take long on a big model)."""
        self.worker.request_stop()
        return self.thread.wait(timeout_ms)

    def wait_ended(self, timeout_ms: int) -> bool:
        """Wait (bounded) for the thread, once the worker has sent its last signal."""
        return self.thread.wait(timeout_ms)

    @property
    def is_running(self) -> bool:
        return self.thread.isRunning()
