"""The status bar's run labels: the device, the data, the run's phase, its speed and its ETA,
each rendered from the run controller's and the session's events; and the controller's status
messages on the status line, translated."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStatusBar, QWidget

from cnnviz.core.training.events import StartedEvent
from cnnviz.session.run_controller import Progress, RunController
from cnnviz.session.run_lifecycle import Phase
from cnnviz.session.session import CurrentModel
from cnnviz.ui.shell.i18n import translate_text

#: each phase as the status bar names it
PHASE_NAMES = {
    Phase.IDLE: QT_TRANSLATE_NOOP("RunStatusLabels", "idle"),
    Phase.LOADING: QT_TRANSLATE_NOOP("RunStatusLabels", "loading"),
    Phase.TRAINING: QT_TRANSLATE_NOOP("RunStatusLabels", "training"),
    Phase.PAUSED: QT_TRANSLATE_NOOP("RunStatusLabels", "paused"),
    Phase.STOPPING: QT_TRANSLATE_NOOP("RunStatusLabels", "stopping"),
    Phase.FINISHED: QT_TRANSLATE_NOOP("RunStatusLabels", "finished"),
    Phase.STOPPED: QT_TRANSLATE_NOOP("RunStatusLabels", "stopped"),
    Phase.FAILED: QT_TRANSLATE_NOOP("RunStatusLabels", "failed"),
}


class RunStatusLabels(QWidget):
    def __init__(self, controller: RunController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.device_label = QLabel()
        self.data_label = QLabel()
        self.state_label = QLabel()
        self.speed_label = QLabel()
        self.eta_label = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for label in (self.device_label, self.data_label, self.state_label, self.speed_label,
                      self.eta_label):  # fmt: skip
            label.setContentsMargins(10, 0, 10, 0)
            layout.addWidget(label)
        self.controller = controller
        controller.state_changed.connect(self._phase)
        controller.session.run_started.connect(self._started)
        controller.session.current_changed.connect(self._current_changed)
        controller.progressed.connect(self._progressed)
        controller.status.connect(self.show_message)
        self._phase(controller.phase)

    def show_message(self, text: str, milliseconds: int = 0) -> None:
        """The controller's message on the status line of the bar these labels are in."""
        bar = self.parentWidget()
        while bar is not None and not isinstance(bar, QStatusBar):
            bar = bar.parentWidget()
        if bar is not None:
            bar.showMessage(translate_text(text), milliseconds)

    def _phase(self, phase: Phase, can_pause: bool = True) -> None:
        self.state_label.setText(self.tr(PHASE_NAMES[phase]))
        if phase is not Phase.TRAINING:  # a paused or ended run has no rate and no ETA
            self.speed_label.setText("")
            self.eta_label.setText("")

    def _current_changed(self, current: CurrentModel) -> None:
        """Another model at rest: how the last run ended is no longer the current model's
        state, and neither are its device and data."""
        if self.controller.phase.at_rest and not self.controller.shows_own_run(current):
            self.state_label.setText(self.tr(PHASE_NAMES[Phase.IDLE]))
            self.device_label.setText("")
            self.data_label.setText("")

    def _started(self, event: StartedEvent) -> None:
        self.device_label.setText(event.device)
        self.data_label.setText(self.tr("{dataset}: {train} train / {test} test").format(
            dataset=event.dataset, train=f"{event.train_size:,}", test=f"{event.test_size:,}"))

    def _progressed(self, progress: Progress) -> None:
        if progress.images_per_second is not None:
            self.speed_label.setText(self.tr("{rate} images/s").format(
                rate=f"{progress.images_per_second:,.0f}"))
        if progress.eta_seconds is not None:
            seconds = progress.eta_seconds
            self.eta_label.setText(self.tr("ETA {minutes}:{seconds}").format(
                minutes=seconds // 60, seconds=f"{seconds % 60:02d}"))
