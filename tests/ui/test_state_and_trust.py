"""The window and the session together: trusting model code, closing without an unbounded
wait, one weight snapshot in flight, stale background results dropped, honest exports."""

import os
import time
from pathlib import Path

from PySide6.QtWidgets import QLabel, QMessageBox, QPlainTextEdit

import cnnviz.ui.main_window as main_window
from cnnviz.core.training.config import TrainConfig
from cnnviz.core.training.events import WeightsEvent
from cnnviz.core.training.trainer import Trainer
from cnnviz.session.run_lifecycle import Phase
from cnnviz.ui import MainWindow
from cnnviz.ui.shell.dialogs import TrustDialog
from cnnviz.ui.train.training_worker import TrainingWorker
from cnnviz.ui.workers.threads import running_threads
from tests.conftest import write_model_file


def wait_idle(qtbot, window, timeout=60_000):
    qtbot.waitUntil(lambda: window.phase.at_rest and not running_threads(), timeout=timeout)


def custom_checkpoint(tmp_path: Path) -> tuple[Path, Path]:
    source = write_model_file(tmp_path / "models")
    data = Path(os.environ["CNNVIZ_DATA"])
    final = Trainer(TrainConfig(model=f"{source}:Net", batch_size=100, data_dir=data,
                                download=False, out_dir=tmp_path / "run")).run(lambda e: None)
    (source.parent / "ran.txt").unlink()
    return source, Path(final.checkpoint)


def test_opening_a_model_files_checkpoint_asks_first_and_remembers(qtbot, window, tmp_path):
    source, checkpoint = custom_checkpoint(tmp_path)
    assert window.files.open_checkpoint(checkpoint) is None
    dialog = window.findChild(TrustDialog, "trustDialog")
    assert dialog is not None and dialog.isVisible()
    summary = dialog.findChild(QLabel, "trustSummary").text()
    assert str(source) in summary and dialog.code.sha256 in summary
    assert dialog.findChild(QPlainTextEdit, "trustSource").toPlainText() == source.read_text()
    assert not (source.parent / "ran.txt").exists()  # nothing ran while asking
    assert window.session.current.is_shipped
    dialog.trust_button.click()
    assert (source.parent / "ran.txt").exists()
    assert window.session.current.path == checkpoint
    assert window.draw_tab.weights_label.text().startswith("Weights: net.Net on mnist")

    other = MainWindow()  # a later launch: trusted by hash, no question
    qtbot.addWidget(other)
    assert other.files.open_checkpoint(checkpoint) is not None
    assert other.findChild(TrustDialog, "trustDialog") is None
    other.close()


def test_declining_leaves_everything_as_it_was(qtbot, window, tmp_path):
    source, checkpoint = custom_checkpoint(tmp_path)
    window.files.open_checkpoint(checkpoint)
    window.findChild(TrustDialog, "trustDialog").reject()
    assert window.session.current.is_shipped
    assert not (source.parent / "ran.txt").exists()


def test_closing_never_waits_without_bound(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(main_window, "CLOSE_WAIT_MS", 50)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    slow = write_model_file(tmp_path / "models", seconds_a_step=1.5)
    window.session.trust_chosen_file(f"{slow}:Net")  # as the file dialog does
    window.panel.model_combo.select(f"{slow}:Net")
    window.panel.batch_size_spin.setValue(100)
    window.start_training()
    qtbot.waitUntil(lambda: window.phase is Phase.TRAINING, timeout=30_000)
    window.close()  # the batch in flight takes 1.5 s: the close must not wait for it
    assert window.isVisible() and window.controller.handle.is_running
    assert window.controller.handle.worker.stop_requested
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=30_000)
    # the run's end makes its weights current, and the test split they need may still be
    # loading in a background call as the window goes: it ends too, within seconds
    qtbot.waitUntil(lambda: not running_threads(), timeout=10_000)
    assert (window.session.run_dir / "checkpoint.pt").is_file()


def test_one_weight_snapshot_in_flight_at_most(qtbot, tmp_path):
    data = Path(os.environ["CNNVIZ_DATA"])
    worker = TrainingWorker(TrainConfig(epochs=2, batch_size=20, data_dir=data,
                                        download=False))
    worker.snapshot_interval = 0.0
    snapshots = []
    worker.reported.connect(
        lambda e: snapshots.append(e) if isinstance(e, WeightsEvent) else None)
    worker.run()  # in this thread: signals are delivered at once, and nobody takes them
    assert len(snapshots) == 1
    worker = TrainingWorker(worker.config)
    worker.snapshot_interval = 0.0
    taken = []
    worker.reported.connect(lambda e: (taken.append(e), worker.snapshot_taken())
                            if isinstance(e, WeightsEvent) else None)
    worker.run()
    assert len(taken) == 30  # one a step, each taken before the next


def test_exports_to_a_place_that_cannot_be_written_say_so(qtbot, window, tmp_path):
    window.start_training()
    wait_idle(qtbot, window)
    window.files.export_plots(tmp_path / "missing-folder" / "loss.png")
    box = window.findChild(QMessageBox, "errorDialog")
    assert box is not None and "cannot write" in box.text()
    window.files.export_metrics(tmp_path / "missing-folder" / "m.csv")
    assert window.dialog.windowTitle() == "Cannot export metrics"


def test_evaluate_results_of_a_replaced_model_are_dropped(qtbot, window, monkeypatch):
    import cnnviz.ui.evaluate.evaluate_tab as evaluate_tab

    evaluate_model = evaluate_tab.evaluate_model

    def slow(*args, on_progress, **kwargs):
        on_progress(0.5)
        time.sleep(0.3)  # the user changes the model meanwhile
        return evaluate_model(*args, on_progress=on_progress, **kwargs)

    monkeypatch.setattr(evaluate_tab, "evaluate_model", slow)
    tab = window.evaluate_tab
    qtbot.waitUntil(lambda: window.test_split.data is not None, timeout=30_000)
    tab.start()  # the split is here: the evaluation runs at once
    window.session.use_shipped()  # the model changed while it evaluated
    qtbot.waitUntil(lambda: not tab.task.is_running, timeout=30_000)
    qtbot.wait(100)
    assert tab.result is None and "model changed" in tab.accuracy_label.text()
    assert tab.progress.value() == 0  # no late progress from the dropped evaluation


def test_the_trust_dialog_shows_the_stored_source_when_the_file_on_disk_differs(
        qtbot, window, tmp_path):  # fmt: skip
    source, checkpoint = custom_checkpoint(tmp_path)
    stored = source.read_text()
    source.write_text("# harmless-looking, and not what would run\n")
    window.files.open_checkpoint(checkpoint)
    dialog = window.findChild(TrustDialog, "trustDialog")
    assert dialog.findChild(QPlainTextEdit, "trustSource").toPlainText() == stored
    summary = dialog.findChild(QLabel, "trustSummary").text()
    assert "what would run" in summary and f"differs from {source}" in summary
    dialog.reject()
    assert not (source.parent / "ran.txt").exists()
