"""A start button, a progress bar and Cancel for one kind of slow work a view does (a scan of
the test set, a feature visualisation, a projection).

The work is a plain function of a TaskState, run off the GUI thread by a BackgroundCall. Its
result comes back to ``on_done`` only if no newer request (a new start, or ``drop`` because the
model changed) was made since: each request takes a token from a Generation, and a result with
a stale token is dropped. Cancel asks the function to stop; it then returns None, which
``on_done`` receives like any result.

Slow work must show that it moves within a second (a t-SNE of 10,000 points takes a minute
or more, and a bar still at 0% after 5 s reads as a hang): the bar says how long the request
has run, and a phase the work names (``TaskState.set_phase``) replaces the status with its
words and turns the bar into a busy indicator until the phase reports progress.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from cnnviz.session.generation import Generation
from cnnviz.ui.workers.background import BackgroundCall, TaskState, stop_call


class TaskBar(QWidget):
    def __init__(self, start_text: str, name: str, parent: QWidget | None = None) -> None:
        """``name`` prefixes the objectNames: ``{name}Start``, ``{name}Cancel``,
        ``{name}Progress``, ``{name}Status`` and ``{name}Elapsed``."""
        super().__init__(parent)
        self.generation = Generation()
        self.task: BackgroundCall | None = None
        #: the token of the request last started; it runs until handled, or made stale
        self._request: int | None = None
        self.start_button = QPushButton(start_text, objectName=f"{name}Start")
        self.cancel_button = QPushButton(self.tr("Cancel"), objectName=f"{name}Cancel")
        self.progress = QProgressBar(objectName=f"{name}Progress")
        self.progress.setMaximumWidth(160)
        self.status = QLabel(objectName=f"{name}Status")
        self.status.setWordWrap(True)
        #: how long the request under way has run, each second (at the end of the bar, so
        #: that its growing width moves nothing else)
        self.elapsed = QLabel(objectName=f"{name}Elapsed")
        self._clock = QElapsedTimer()
        self._ticker = QTimer(self, interval=1000)
        self._ticker.timeout.connect(self._tick)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.start_button, self.cancel_button, self.progress):
            layout.addWidget(widget)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.elapsed)
        self.cancel_button.clicked.connect(self.cancel)
        self._render()

    @property
    def running(self) -> bool:
        """A request is under way (its result not yet handled, nor dropped): the buttons
        render this, they do not hold it."""
        return self._request is not None and self.generation.is_current(self._request)

    def run(self, function: Callable[[TaskState], Any], on_done: Callable[[Any], None],
            on_error: Callable[[Exception], None],
            phases: Mapping[str, str] | None = None) -> None:  # fmt: skip
        """Start ``function`` in the background; a request still running is dropped.
        ``phases``: the words shown for each phase key the function names."""
        self.drop()
        token = self._request = self.generation.next()
        self._render()
        self.task = BackgroundCall(
            function,
            lambda result: self._finish(token, on_done, result, result is not None),
            lambda error: self._finish(token, on_error, error, False),
            lambda fraction: self._progress(token, fraction),
            lambda key: self._phase(token, (phases or {})[key]),
        )  # fmt: skip

    def cancel(self) -> None:
        """Ask the running function to stop; it returns None to ``on_done``."""
        if self.task is not None:
            self.task.state.request_interruption()

    def drop(self) -> None:
        """Forget the request under way: its result, if it comes, is dropped."""
        self.generation.next()
        if self.task is not None and self.task.is_running:
            self.task.cancel()
        self._render()

    def stop_background(self) -> None:
        """Cancel the work under way and wait for it, briefly (the window is closing)."""
        stop_call(self.task)

    def _finish(self, token: int, handler: Callable[[Any], None], outcome: Any,
                done: bool) -> None:  # fmt: skip
        if not self.generation.is_current(token):
            return
        self._request = None
        self._render()
        self.progress.setValue(100 if done else 0)
        handler(outcome)

    def _progress(self, token: int, fraction: float) -> None:
        if self.generation.is_current(token):
            self.progress.setRange(0, 100)  # a busy phase has reported progress
            self.progress.setValue(int(100 * fraction))

    def _phase(self, token: int, words: str) -> None:
        """A phase begins: its words in the status, and the bar busy until it reports."""
        if self.generation.is_current(token):
            self.status.setText(words)
            self.progress.setRange(0, 0)

    def _tick(self) -> None:
        self.elapsed.setText(self.tr("{seconds} s").format(seconds=self._clock.elapsed() // 1000))

    def _render(self) -> None:
        running = self.running
        self.start_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.elapsed.clear()
        if running:
            self._clock.start()
            self._ticker.start()
        else:
            self._ticker.stop()
