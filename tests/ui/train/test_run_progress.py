"""The run panel's progress bar while a run trains."""

from PySide6.QtCore import QEvent, QObject

from cnnviz.core.training.events import StartedEvent
from cnnviz.session.run_controller import Progress
from cnnviz.ui.train.run_progress import RunProgressBar


class _Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        self.count += event.type() == QEvent.Type.Paint
        return False


def test_progress_is_painted_with_the_next_update_not_at_once(qtbot):
    """QProgressBar.setValue repaints at once, and with it whatever else the window had to
    paint: about a tenth of the GUI thread's time while a run trained (benchmarks/ui_latency.py)."""
    bar = RunProgressBar()
    qtbot.addWidget(bar)
    bar.show()
    qtbot.waitExposed(bar)
    bar._started(StartedEvent(model="simple-cnn", dataset="mnist", device="cpu", parameters=1,
                              train_size=600, test_size=100, epochs=1, total_steps=600,
                              start_step=0, class_names=list("0123456789"),
                              input_shape=[1, 28, 28], mean=[0.5], std=[0.5]))  # fmt: skip
    qtbot.wait(10)
    paints = _Paints()
    bar.installEventFilter(paints)
    bar._progressed(Progress(300, 600))
    assert paints.count == 0
    assert bar.value() == 300 and bar.text() == "step 300 of 600"
    qtbot.waitUntil(lambda: paints.count > 0)  # painted all the same
