"""Run one slow call (loading a test split, evaluating a model) off the GUI thread, with
superqt's thread workers.

The call is a plain function that takes a TaskState (as Orange3's tasks do): it reports
progress with ``set_progress`` (sent only when the whole percent changes), names a step with
no progress of its own to report with ``set_phase`` (t-SNE's neighbour search), and checks
``is_interruption_requested`` between batches. Its result, or the exception it raised, comes
back to the GUI thread; a cancelled call's result never does (superqt drops it). Each call
carries a token from its owner's Generation, so a result that arrives after the user moved on
is dropped by the owner.

Python's cyclic garbage collector runs in whichever thread happens to allocate when it is due,
and what it frees there includes Qt objects of the GUI thread (a closed window's widgets, a
finished call's worker), whose destructors may then wait on the GUI thread while holding the
GIL that the GUI thread waits for: the app hangs. So while any call runs, the collector is
off, and it is switched back on in the GUI thread when the last one ends; and a call keeps no
reference cycle of its own, so that a finished one is freed at once, where it is dropped.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import Any

import torch
from PySide6.QtCore import QObject, Signal

from cnnviz.ui.workers.threads import track_worker, worker_torch_threads


class _Progress(QObject):
    """Lives in the GUI thread, so a progress report from the worker arrives queued."""

    progressed = Signal(float)
    phased = Signal(str)


class TaskState:
    """What a background function may ask and tell while it runs."""

    def __init__(self) -> None:
        self.bridge = _Progress()
        self._cancel = threading.Event()
        self._percent = -1

    def set_progress(self, fraction: float) -> None:
        percent = int(100 * fraction)
        if percent != self._percent:
            self._percent = percent
            self.bridge.progressed.emit(fraction)

    def set_phase(self, phase: str) -> None:
        """The work enters a phase (a key its view puts in words); the next progress is
        sent, whatever its percent."""
        self._percent = -1
        self.bridge.phased.emit(phase)

    def is_interruption_requested(self) -> bool:
        return self._cancel.is_set()

    def request_interruption(self) -> None:
        self._cancel.set()


class BackgroundCall:
    """``function(state)`` runs in superqt's thread pool; ``on_done(result)`` or
    ``on_error(exception)`` then run in the GUI thread, and ``on_progress(fraction)`` as it
    goes, and ``on_phase(key)`` for each phase it names. ``cancel`` asks it to stop (and
    drops its result); ``wait`` waits, bounded.

    While the app's window has not painted yet (``hold_calls``), a call waits to start: a
    worker importing torchvision or reading a data set would hold the GIL that the window
    needs to appear."""

    def __init__(
        self,
        function: Callable[[TaskState], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
        on_progress: Callable[[float], None] | None = None,
        on_phase: Callable[[str], None] | None = None,
    ) -> None:
        self.state = TaskState()
        self._ended = threading.Event()
        self._function = function
        self._handlers = (on_done, on_error)
        self.worker: Any = None
        if on_progress is not None:
            self.state.bridge.progressed.connect(on_progress)
        if on_phase is not None:
            self.state.bridge.phased.connect(on_phase)
        track_worker(self._ended)
        if _held is None:
            self._start()
        else:
            _held.append(self)

    def _start(self) -> None:
        from superqt.utils import FunctionWorker  # a quarter second: not before the first paint

        state, ended, function = self.state, self._ended, self._function
        on_done, on_error = self._handlers

        def work() -> Any:
            torch.set_num_threads(worker_torch_threads())
            try:
                return function(state)
            finally:
                ended.set()

        self.worker = FunctionWorker(work)
        self.worker.returned.connect(on_done)
        self.worker.errored.connect(
            lambda error: None if state.is_interruption_requested() else on_error(error))
        self.worker.finished.connect(_call_ended)
        _call_started()
        self.worker.start()

    def cancel(self) -> None:
        self.state.request_interruption()
        if self.worker is not None:
            self.worker.quit()
        elif _held is not None and self in _held:  # never started: it simply ends
            _held.remove(self)
            self._ended.set()

    def wait(self, timeout_ms: int = 10_000) -> bool:
        """Wait for the call to end, at most ``timeout_ms``; False if it is still running."""
        return self._ended.wait(timeout_ms / 1000)

    @property
    def is_running(self) -> bool:
        return not self._ended.is_set()


_held: list[BackgroundCall] | None = None


def hold_calls() -> None:
    """Calls made from now on wait for ``release_calls`` (the app, until its first paint)."""
    global _held
    if _held is None:
        _held = []


def release_calls() -> None:
    """Start the calls that were held, in the order they were made."""
    global _held
    held, _held = _held or [], None
    for call in held:
        call._start()


def stop_call(call: BackgroundCall | None, timeout_ms: int = 5000) -> None:
    """Cancel a call, if there is one, and wait for it, briefly: what a view does when the
    window closes, so that no worker outlives the widgets it reports to."""
    if call is not None:
        call.cancel()
        call.wait(timeout_ms)


_running_calls = 0


def _call_started() -> None:
    """In the GUI thread: the collector stays off while a call runs (see the docstring)."""
    global _running_calls
    if _running_calls == 0:
        gc.disable()
    _running_calls += 1


def _call_ended() -> None:
    """In the GUI thread, when a call's worker has finished."""
    global _running_calls
    _running_calls -= 1
    if _running_calls == 0:
        gc.enable()


def run_in_background(function: Callable[[], Any], on_done: Callable[[Any], None],
                      on_error: Callable[[Exception], None]) -> BackgroundCall:  # fmt: skip
    """The runner that the session's services (session/test_split.py) are given: their
    Qt-free work off the GUI thread, its outcome back in it."""
    return BackgroundCall(lambda state: function(), on_done, on_error)
