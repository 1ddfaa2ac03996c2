"""The status bar's run labels: the device, the data, the run's phase, its speed and its ETA,
each rendered from the run controller's and the session's events."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from cnnviz.core.training.events import StartedEvent
from cnnviz.session.run_controller import Progress, RunController
from cnnviz.session.run_lifecycle import Phase


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
        controller.state_changed.connect(self._phase)
        controller.session.run_started.connect(self._started)
        controller.progressed.connect(self._progressed)
        self._phase(controller.phase)

    def _phase(self, phase: Phase, can_pause: bool = True) -> None:
        self.state_label.setText(phase.value)
        if phase is not Phase.TRAINING:  # a paused or ended run has no rate and no ETA
            self.speed_label.setText("")
            self.eta_label.setText("")

    def _started(self, event: StartedEvent) -> None:
        self.device_label.setText(event.device)
        self.data_label.setText(f"{event.dataset}: {event.train_size:,} train / "
                                f"{event.test_size:,} test")

    def _progressed(self, progress: Progress) -> None:
        if progress.images_per_second is not None:
            self.speed_label.setText(f"{progress.images_per_second:,.0f} images/s")
        if progress.eta_seconds is not None:
            seconds = progress.eta_seconds
            self.eta_label.setText(f"ETA {seconds // 60}:{seconds % 60:02d}")
