"""The Qt side of a run's events: a worker's signals, delivered in the GUI thread, go on to
the run controller (cnnviz/session/run_controller.py), which knows no Qt.

The bridge is a QObject of the GUI thread, so a signal a worker emits in its own thread is
queued and arrives in the GUI thread's event loop (a plain function or a psygnal object as
the receiver would run in the worker's thread).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Slot

from cnnviz.session.run_controller import RunEvents


class WorkerBridge(QObject):
    """Connects ``stepped``, ``reported``, ``loading``, ``finished`` and ``held`` of a
    worker to ``events``; the run that owns the worker keeps the bridge."""

    def __init__(self, worker: Any, events: RunEvents) -> None:
        super().__init__()
        self.events = events
        worker.stepped.connect(self._stepped)
        worker.reported.connect(self._reported)
        worker.loading.connect(self._loading)
        worker.finished.connect(self._finished)
        worker.held.connect(self._held)

    @Slot(object)
    def _stepped(self, steps: list) -> None:
        self.events.on_steps(steps)

    @Slot(object)
    def _reported(self, event: Any) -> None:
        self.events.on_event(event)

    @Slot(object)
    def _loading(self, status: tuple[str, float | None]) -> None:
        self.events.on_loading(status)

    @Slot(object)
    def _finished(self, event: Any) -> None:
        self.events.on_finished(event)

    @Slot()
    def _held(self) -> None:
        self.events.on_held()
