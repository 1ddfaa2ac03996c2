"""A start button, a progress bar and Cancel for one kind of slow work a view does (a scan of
the test set, a feature visualisation, a projection).

The work is a plain function of a TaskState, run off the GUI thread by a BackgroundCall. Its
result comes back to ``on_done`` only if no newer request (a new start, or ``drop`` because the
model changed) was made since: each request takes a token from a Generation, and a result with
a stale token is dropped. Cancel asks the function to stop; it then returns None, which
``on_done`` receives like any result.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from cnnviz.session.generation import Generation
from cnnviz.ui.workers.background import BackgroundCall, TaskState, stop_call


class TaskBar(QWidget):
    def __init__(self, start_text: str, name: str, parent: QWidget | None = None) -> None:
        """``name`` prefixes the objectNames: ``{name}Start``, ``{name}Cancel``,
        ``{name}Progress`` and ``{name}Status``."""
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
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.start_button, self.cancel_button, self.progress):
            layout.addWidget(widget)
        layout.addWidget(self.status, 1)
        self.cancel_button.clicked.connect(self.cancel)
        self._render()

    @property
    def running(self) -> bool:
        """A request is under way (its result not yet handled, nor dropped): the buttons
        render this, they do not hold it."""
        return self._request is not None and self.generation.is_current(self._request)

    def run(self, function: Callable[[TaskState], Any], on_done: Callable[[Any], None],
            on_error: Callable[[Exception], None]) -> None:  # fmt: skip
        """Start ``function`` in the background; a request still running is dropped."""
        self.drop()
        token = self._request = self.generation.next()
        self._render()
        self.task = BackgroundCall(
            function,
            lambda result: self._finish(token, on_done, result, result is not None),
            lambda error: self._finish(token, on_error, error, False),
            lambda fraction: self._progress(token, fraction),
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
            self.progress.setValue(int(100 * fraction))

    def _render(self) -> None:
        running = self.running
        self.start_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.progress.setValue(0)
