"""The run panel's progress bar, which renders the run controller's events itself: busy while
the data loads, step N of M while training, and how the run ended."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QProgressBar, QWidget

from cnnviz.core.training.events import FailedEvent, FinishedEvent, StartedEvent, StoppedEvent
from cnnviz.session.run_controller import Progress, RunController, stopped_text

#: the resolution of a loading fraction
LOADING_STEPS = 1000


class RunProgressBar(QProgressBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainProgress")
        self.setTextVisible(True)
        self.setValue(0)
        self._total_steps = 0

    def subscribe(self, controller: RunController) -> None:
        controller.loading.connect(self._loading)
        controller.session.run_started.connect(self._started)
        controller.progressed.connect(self._progressed)
        controller.ended.connect(self._ended)

    def _loading(self, message: str, fraction: float | None) -> None:
        if fraction is None:
            self.setRange(0, 0)
        else:
            self.setRange(0, LOADING_STEPS)
            self.setValue(int(LOADING_STEPS * fraction))
        self.setFormat(message)

    def _started(self, event: StartedEvent) -> None:
        self._total_steps = event.total_steps
        self.setRange(0, max(1, event.total_steps))
        self.setValue(event.start_step)
        self.setFormat("step %v of %m")

    def _progressed(self, progress: Progress) -> None:
        self.setValue(progress.step)

    def _ended(self, event: Any) -> None:
        self.setRange(0, max(1, self._total_steps))
        if isinstance(event, FinishedEvent):
            self.setValue(self._total_steps)
            self.setFormat(f"done: test accuracy {event.test_acc:.2%}")
        elif isinstance(event, StoppedEvent):
            self.setFormat(stopped_text(event))
        elif isinstance(event, FailedEvent):
            self.setFormat("failed")
