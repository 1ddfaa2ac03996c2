"""The run panel's progress bar, which renders the run controller's events itself: busy while
the data loads, step N of M while training, and how the run ended; at rest, once another model
is current, that model's state (untrained, or the accuracy its weights reached), never how an
earlier run of another model ended."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QProgressBar, QWidget

from cnnviz.core.training.events import FailedEvent, FinishedEvent, StartedEvent, StoppedEvent
from cnnviz.session.run_controller import Progress, RunController, stopped_text
from cnnviz.session.session import CurrentModel
from cnnviz.ui.shell.i18n import translate_text

#: the resolution of a loading fraction
LOADING_STEPS = 1000


class RunProgressBar(QProgressBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainProgress")
        self.setTextVisible(True)
        self.setValue(0)
        self.setFormat("")
        self._total_steps = 0
        self._controller: RunController | None = None

    def subscribe(self, controller: RunController) -> None:
        self._controller = controller
        controller.loading.connect(self._loading)
        controller.session.run_started.connect(self._started)
        controller.session.current_changed.connect(self._current_changed)
        controller.progressed.connect(self._progressed)
        controller.ended.connect(self._ended)
        self._current_changed(controller.session.current)

    def _loading(self, message: str, fraction: float | None) -> None:
        if fraction is None:
            self.setRange(0, 0)
        else:
            self.setRange(0, LOADING_STEPS)
            self.setValue(int(LOADING_STEPS * fraction))
        self.setFormat(translate_text(message))

    def _started(self, event: StartedEvent) -> None:
        self._total_steps = event.total_steps
        self.setRange(0, max(1, event.total_steps))
        self.setValue(event.start_step)
        self.setFormat(self.tr("step %v of %m"))

    def _progressed(self, progress: Progress) -> None:
        """QProgressBar.setValue repaints at once, and the whole window's pending paint with
        it: about a tenth of the GUI thread's time while a run trained. With updates off for the
        call, the bar is painted with the plots' next update instead."""
        self.setUpdatesEnabled(False)
        self.setValue(progress.step)
        self.setUpdatesEnabled(True)

    def _ended(self, event: Any) -> None:
        self.setRange(0, max(1, self._total_steps))
        if isinstance(event, FinishedEvent):
            self.setValue(self._total_steps)
            self.setFormat(self.tr("done: test accuracy {accuracy}").format(
                accuracy=f"{event.test_acc:.2%}"))
        elif isinstance(event, StoppedEvent):
            self.setFormat(translate_text(stopped_text(event)))
        elif isinstance(event, FailedEvent):
            self.setFormat(self.tr("failed"))

    def _current_changed(self, current: CurrentModel) -> None:
        """At rest, the current model's state: untrained, or what its weights reached (a run
        that ends says how it ended after this)."""
        if self._controller is None or not self._controller.phase.at_rest:
            return
        self.setRange(0, 1)
        accuracy = current.meta.metrics.get("test_acc") if current.trained else None
        if not current.trained:
            self.setValue(0)
            self.setFormat(self.tr("untrained: Train trains it"))
        elif accuracy is None:
            self.setValue(1)
            self.setFormat(self.tr("trained weights"))
        else:
            self.setValue(1)
            self.setFormat(self.tr("trained: test accuracy {accuracy}").format(
                accuracy=f"{accuracy:.2%}"))
