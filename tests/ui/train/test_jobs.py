"""A run of several processes launched from the window: torchrun, followed through its run
folder, stopped with SIGTERM, and left running when the window closes."""

import os
import signal
import time

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from cnnviz.core.training.checkpoint import load_checkpoint
from cnnviz.core.training.run_json import read_metrics
from cnnviz.core.training.runs import read_run
from cnnviz.session.run_lifecycle import Phase
from cnnviz.ui import MainWindow
from cnnviz.ui.train.job_run import JobRun

STARTED: list[JobRun] = []


@pytest.fixture(autouse=True)
def _no_job_left_behind():
    """A job runs in a session of its own; whatever happens in a test, none outlives it."""
    yield
    for run in STARTED:
        process = run.worker.process
        if process is not None and process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    STARTED.clear()


def start_job(window, epochs: int):
    window.panel.processes_spin.setValue(2)
    window.panel.epochs_spin.setValue(epochs)
    window.start_training()
    assert isinstance(window.controller.handle, JobRun) and window.phase is Phase.LOADING
    STARTED.append(window.controller.handle)
    return window.controller.handle


def test_two_processes_from_the_window(qtbot, window):
    start_job(window, 2)
    assert not window.panel.pause_button.isEnabled()  # a job stops, it never pauses
    qtbot.waitUntil(lambda: window.phase.at_rest, timeout=180_000)
    assert window.phase is Phase.FINISHED, window.dialog and window.dialog.text()
    assert window.plots.raw_loss.size == 30 and window.plots.test_acc.size == 2
    folder = window.session.run_dir
    assert window.session.current.path == folder / "checkpoint.pt"
    assert load_checkpoint(folder / "checkpoint.pt").meta.epoch == 2
    assert read_run(folder).status == "finished"


def test_stop_sends_sigterm_and_the_job_saves(qtbot, window):
    start_job(window, 500)
    qtbot.waitUntil(lambda: window.controller.last_step >= 5, timeout=180_000)
    window.findChild(QPushButton, "stopButton").click()
    assert window.phase is Phase.STOPPING
    qtbot.waitUntil(lambda: window.phase.at_rest, timeout=120_000)
    assert window.phase is Phase.STOPPED
    stopped = [r for r in read_metrics(window.session.run_dir / "metrics.jsonl")
               if r["type"] == "stopped"]
    assert load_checkpoint(window.session.current.path).meta.step == stopped[0]["step"]


def test_copy_command_gives_the_torchrun_line(window):
    window.panel.processes_spin.setValue(4)
    window.panel.learning_rate_spin.setValue(0.003)
    line = window.copy_command()
    assert QApplication.clipboard().text() == line
    assert "torch.distributed.run --standalone --nproc-per-node=4 -m cnnviz train" in line
    assert "--lr 0.003" in line and "--out" in line


def test_closing_can_leave_the_job_running(qtbot, tmp_path):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.panel.batch_size_spin.setValue(20)
    run = start_job(window, 500)
    folder = window.session.run_dir
    try:
        qtbot.waitUntil(lambda: window.controller.last_step >= 2, timeout=180_000)
        window.close()
        box = window.findChild(QMessageBox, "leaveJobDialog")
        assert box is not None and box.isVisible() and window.isVisible()
        next(b for b in box.buttons() if b.text() == "Leave it running").click()
        assert not window.isVisible()
        time.sleep(1.0)
        assert read_run(folder).status == "running"  # on its own, beating
    finally:
        os.kill(run.worker.pid, signal.SIGTERM)
    deadline = time.time() + 60
    while read_run(folder).status == "running" and time.time() < deadline:
        time.sleep(0.2)
    assert read_run(folder).status == "stopped"
