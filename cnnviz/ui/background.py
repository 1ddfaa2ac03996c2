"""Run one slow call (loading a data set, say) in a QThread and hand back its result."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from cnnviz.ui.training_worker import track_thread


class _Call(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, function: Callable[[], Any]) -> None:
        super().__init__()
        self.function = function

    @Slot()
    def run(self) -> None:
        try:
            self.succeeded.emit(self.function())
        except Exception as exc:  # reported to the UI, which shows the message
            self.failed.emit(exc)
        self.finished.emit()


class BackgroundCall:
    """``function`` runs in its own thread; ``on_done(result)`` or ``on_error(exception)``
    then run in the GUI thread. Keep the object until it is done; ``wait`` ends it."""

    def __init__(self, function: Callable[[], Any], on_done: Callable[[Any], None],
                 on_error: Callable[[Exception], None]) -> None:  # fmt: skip
        self.call = _Call(function)
        self.thread = QThread()
        self.thread.setObjectName("cnnviz-background")
        self.call.moveToThread(self.thread)
        self.thread.started.connect(self.call.run)
        self.call.finished.connect(self.thread.quit, Qt.ConnectionType.DirectConnection)
        self.call.succeeded.connect(on_done)
        self.call.failed.connect(on_error)
        track_thread(self.thread)
        self.thread.start()

    def wait(self, timeout_ms: int = 60_000) -> bool:
        return self.thread.wait(timeout_ms)

    @property
    def is_running(self) -> bool:
        return self.thread.isRunning()
