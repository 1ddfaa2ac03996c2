"""Run one slow call (loading a data set, evaluating a model) in a QThread.

The call is a plain function that takes a TaskState (as Orange3's tasks do): it reports
progress with ``set_progress`` (sent only when the whole percent changes) and checks
``is_interruption_requested`` between batches. Its result, or the exception it raised, comes
back to the GUI thread through signals.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import torch
from PySide6.QtCore import QObject, Signal, Slot

from cnnviz.ui.threads import worker_thread, worker_torch_threads


class TaskState:
    """What a background function may ask and tell while it runs."""

    def __init__(self, progressed: Signal) -> None:
        self._progressed = progressed
        self._cancel = threading.Event()
        self._percent = -1

    def set_progress(self, fraction: float) -> None:
        percent = int(100 * fraction)
        if percent != self._percent:
            self._percent = percent
            self._progressed.emit(fraction)

    def is_interruption_requested(self) -> bool:
        return self._cancel.is_set()

    def request_interruption(self) -> None:
        self._cancel.set()


class _Call(QObject):
    progressed = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, function: Callable[[TaskState], Any]) -> None:
        super().__init__()
        self.function = function
        self.state = TaskState(self.progressed)

    @Slot()
    def run(self) -> None:
        torch.set_num_threads(worker_torch_threads())
        try:
            self.succeeded.emit(self.function(self.state))
        except Exception as exc:  # reported to the UI, which shows the message
            self.failed.emit(exc)
        self.finished.emit()


class BackgroundCall:
    """``function(state)`` runs in its own thread; ``on_done(result)`` or
    ``on_error(exception)`` then run in the GUI thread, and ``on_progress(fraction)`` as it
    goes. Keep the object until it is done; ``cancel`` asks it to stop, ``wait`` waits."""

    def __init__(
        self,
        function: Callable[[TaskState], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
        on_progress: Callable[[float], None] | None = None,
    ) -> None:
        self.call = _Call(function)
        self.thread = worker_thread(self.call, "cnnviz-background")
        self.call.succeeded.connect(on_done)
        self.call.failed.connect(on_error)
        if on_progress is not None:
            self.call.progressed.connect(on_progress)
        self.thread.start()

    def cancel(self) -> None:
        self.call.state.request_interruption()

    def wait(self, timeout_ms: int = 60_000) -> bool:
        return self.thread.wait(timeout_ms)

    @property
    def is_running(self) -> bool:
        return self.thread.isRunning()
