import json
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QWidget,
)

from cnnviz.core.training.checkpoint import load_checkpoint
from cnnviz.core.training.events import StoppedEvent
from cnnviz.core.training.run_json import read_metrics
from cnnviz.session.run_lifecycle import Phase
from cnnviz.session.session import TrainMode
from cnnviz.ui import MainWindow
from cnnviz.ui.shell.settings import AppSettings
from cnnviz.ui.workers.threads import running_threads

OBJECT_NAMES = ["modelCombo", "datasetCombo", "deviceCombo", "epochsSpin", "batchSizeSpin",
                "learningRateSpin", "trainButton", "pauseButton", "stopButton", "lossPlot",
                "accuracyPlot", "trainProgress", "trainingTab", "inspectTab", "drawTab"]


def wait_idle(qtbot, window, timeout=60_000):
    qtbot.waitUntil(lambda: window.phase.at_rest and not running_threads(), timeout=timeout)


def current_path(window):
    return window.session.current.path


def test_every_named_widget_is_there(window):
    for name in OBJECT_NAMES:
        assert window.findChild(QWidget, name) is not None, name


def test_a_run_streams_points_into_both_plots(qtbot, window):
    window.panel.epochs_spin.setValue(2)
    qtbot.mouseClick(window.findChild(QPushButton, "trainButton"), Qt.MouseButton.LeftButton)
    assert window.phase is Phase.LOADING
    wait_idle(qtbot, window)
    plots = window.plots
    assert plots.raw_loss.size == 30  # 300 images / batch 20, two epochs
    assert plots.train_acc.size == 30 and plots.test_acc.size == 2
    x, y = plots.raw_curve.getData()
    assert len(x) > 0 and len(y) > 0
    assert plots.test_acc_points.getData()[1][-1] > 50
    progress = window.findChild(QProgressBar, "trainProgress")
    assert progress.value() == progress.maximum() == 30
    assert window.phase is Phase.FINISHED
    assert current_path(window).is_file()
    assert window.session.current.label.startswith("simple-cnn on mnist, this run, epoch 2")


def test_pause_resume_and_stop(qtbot, window):
    window.panel.epochs_spin.setValue(200)
    window.start_training()
    ends = []
    window.controller.handle.worker.finished.connect(ends.append)
    qtbot.waitUntil(lambda: window.controller.last_step >= 3, timeout=60_000)
    window.findChild(QPushButton, "pauseButton").click()
    assert window.phase is Phase.PAUSED and window.controller.handle.worker.paused
    assert window.findChild(QPushButton, "pauseButton").text() == "Resume"
    labels = window.status_labels
    assert labels.speed_label.text() == "" and labels.eta_label.text() == ""
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("paused after"),
                    timeout=60_000)  # the step in flight has landed
    paused_at = window.controller.last_step
    assert window.statusBar().currentMessage() == f"paused after step {paused_at}"
    qtbot.wait(500)
    assert window.controller.last_step == paused_at
    window.findChild(QPushButton, "pauseButton").click()
    assert window.phase is Phase.TRAINING
    qtbot.waitUntil(lambda: window.controller.last_step > paused_at + 2, timeout=60_000)
    window.findChild(QPushButton, "stopButton").click()
    wait_idle(qtbot, window)
    [stopped] = ends
    assert isinstance(stopped, StoppedEvent) and stopped.step > paused_at + 2
    # the current weights are the ones Stop saved, at the very step it stopped
    assert current_path(window) == Path(stopped.checkpoint)
    last_step = window.controller.last_step
    assert load_checkpoint(current_path(window)).meta.step == stopped.step == last_step
    assert window.phase is Phase.STOPPED
    assert window.findChild(QPushButton, "trainButton").isEnabled()


def test_stop_while_paused(qtbot, window):
    window.panel.epochs_spin.setValue(200)
    window.start_training()
    qtbot.waitUntil(lambda: window.phase is Phase.TRAINING, timeout=60_000)
    window.controller.toggle_pause()
    window.controller.stop()
    wait_idle(qtbot, window)
    assert window.phase is Phase.STOPPED


def test_close_while_training_stops_the_worker_and_keeps_a_checkpoint(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.panel.batch_size_spin.setValue(20)
    window.panel.epochs_spin.setValue(200)
    window.start_training()
    qtbot.waitUntil(lambda: window.plots.test_acc.size >= 1, timeout=60_000)
    window.close()
    assert not running_threads()
    run_dir = window.session.run_dir
    assert (run_dir / "checkpoint.pt").is_file()
    assert load_checkpoint(run_dir / "checkpoint.pt").meta.epoch >= 1


def test_missing_data_set_offers_to_choose_a_folder(qtbot, window, tmp_path, monkeypatch):
    monkeypatch.setenv("CNNVIZ_DATA", str(tmp_path / "empty"))
    window.start_training()
    wait_idle(qtbot, window)
    box = window.findChild(QMessageBox, "missingDataDialog")
    assert box is not None and box.isVisible()
    assert "data set 'mnist' is not in" in box.text() and "train-images-idx3-ubyte" in box.text()
    assert "no network: cannot download MNIST" in box.text() and "urlopen" not in box.text()
    assert "no network in tests" in box.detailedText()  # behind "Show details"
    assert any(b.text() == "Choose data folder..." for b in box.buttons())
    window.files.choose_data_folder(tmp_path / "chosen")
    monkeypatch.delenv("CNNVIZ_DATA")
    assert AppSettings().data_dir() == tmp_path / "chosen"


def test_a_worker_error_shows_a_dialog_and_the_app_stays_usable(qtbot, window, tmp_path):
    path = tmp_path / "broken.py"
    path.write_text(
        "import torch.nn as nn\n"
        "class Broken(nn.Module):\n"
        "    def __init__(self):\n"
        "        super().__init__(); self.fc = nn.Linear(784, 10)\n"
        "    def forward(self, x):\n"
        "        if self.training: raise RuntimeError('broken forward')\n"
        "        return self.fc(x.flatten(1))\n"
    )
    window.session.trust_chosen_file(f"{path}:Broken")  # as the file dialog does
    window.panel.model_combo.select(f"{path}:Broken")
    window.start_training()
    wait_idle(qtbot, window)
    box = window.findChild(QMessageBox, "errorDialog")
    assert box is not None and "RuntimeError: broken forward" in box.text()
    assert "Traceback" in box.detailedText()
    box.close()
    window.panel.model_combo.select("simple-cnn")
    window.start_training()
    wait_idle(qtbot, window)
    assert window.plots.test_acc.size == 1


def click_mode(window, text):
    box = window.findChild(QMessageBox, "continueOrFreshDialog")
    assert box is not None and box.isVisible()
    buttons = {b.text(): b for b in box.buttons()}
    buttons[text].click()
    return buttons


def test_train_again_offers_continue_or_fresh(qtbot, window):
    window.start_training()
    wait_idle(qtbot, window)
    first = current_path(window)
    window.start_training()
    offered = click_mode(window, "Continue this run")
    assert {"Continue this run", "Start from these weights", "Start fresh"} <= set(offered)
    wait_idle(qtbot, window)
    assert current_path(window) == first  # the same run folder, continued
    assert load_checkpoint(first).meta.epoch == 2
    assert window.plots.test_acc.size == 2  # the run's first epoch is drawn too

    window.start_training(TrainMode.FRESH)
    wait_idle(qtbot, window)
    assert current_path(window).parent != first.parent
    assert window.plots.test_acc.size == 1


@pytest.mark.parametrize(
    ("change", "differs"),
    [(lambda panel: panel.learning_rate_spin.setValue(0.01), "lr 0.01"),
     (lambda panel: panel.optimizer_combo.select("sgd"), "optimizer 'sgd'"),
     (lambda panel: panel.batch_size_spin.setValue(30), "batch_size 30")],
)
def test_changed_settings_are_never_ignored(qtbot, window, change, differs):
    window.start_training()
    wait_idle(qtbot, window)
    first = current_path(window)
    change(window.panel)
    window.start_training()
    box = window.findChild(QMessageBox, "continueOrFreshDialog")
    assert differs in box.informativeText()
    offered = click_mode(window, "Start from these weights")
    assert "Continue this run" not in offered
    wait_idle(qtbot, window)
    assert window.phase is Phase.FINISHED, window.findChild(QMessageBox, "errorDialog")
    new = current_path(window)
    assert new.parent != first.parent
    config = json.loads((new.parent / "config.json").read_text())
    assert config["resolved"]["parent_checkpoint"] == str(first)
    assert load_checkpoint(new).meta.epoch == 1  # a new run, from the first one's weights


def test_a_finished_onecycle_run_cannot_be_stretched(qtbot, window):
    window.panel.schedule_combo.select("onecycle")
    window.start_training()
    wait_idle(qtbot, window)
    window.start_training()
    box = window.findChild(QMessageBox, "continueOrFreshDialog")
    assert "cannot be stretched" in box.informativeText()
    assert "Continue this run" not in {b.text() for b in box.buttons()}


def test_the_app_writes_the_same_run_folder_as_the_command_line(qtbot, window):
    window.panel.epochs_spin.setValue(2)
    window.start_training()
    wait_idle(qtbot, window)
    folder = current_path(window).parent
    assert sorted(p.name for p in folder.iterdir()) == [
        "best.pt", "checkpoint.pt", "config.json", "heartbeat.json", "histograms.jsonl",
        "metrics.jsonl", "timelapse"]
    config = json.loads((folder / "config.json").read_text())
    assert config["settings"]["epochs"] == 2 and config["settings"]["seed"] == 0
    assert {"cnnviz", "torch"} <= set(config["versions"])
    types = [r["type"] for r in read_metrics(folder / "metrics.jsonl")]
    assert types[0] == "started" and types[-1] == "finished" and types.count("step") == 30


def test_cancel_while_loading_leaves_everything_as_it_was(qtbot, window):
    before = window.session.current
    window.start_training()
    assert window.phase is Phase.LOADING and window.panel.stop_button.text() == "Cancel"
    window.controller.stop()
    wait_idle(qtbot, window)
    assert window.phase is Phase.IDLE
    assert window.session.current is before  # the previous weights stay in every tab
    assert not window.session.home.exists() or not any(window.session.home.iterdir())


def test_checkpoint_save_and_open_through_the_window(qtbot, window, tmp_path):
    window.start_training()
    wait_idle(qtbot, window)
    saved = window.files.save_checkpoint_as(tmp_path / "mine.pt")
    assert load_checkpoint(saved).meta.model == "simple-cnn"

    other = MainWindow()
    qtbot.addWidget(other)
    other.panel.model_combo.select("lenet5")
    assert other.files.open_checkpoint(saved) is not None
    assert other.panel.model_combo.value() == "simple-cnn"
    assert other.session.current.path == saved
    assert str(saved) in AppSettings().recent_checkpoints()
    other.close()


def test_opening_a_bad_checkpoint_shows_why(window, tmp_path):
    bad = tmp_path / "bad.pt"
    bad.write_bytes(b"garbage" * 10)
    assert window.files.open_checkpoint(bad) is None
    box = window.findChild(QMessageBox, "errorDialog")
    assert "not a checkpoint" in box.text()


def test_exports(qtbot, window, tmp_path):
    window.start_training()
    wait_idle(qtbot, window)
    window.files.export_metrics(tmp_path / "m.csv")
    lines = (tmp_path / "m.csv").read_text().splitlines()
    assert lines[0].startswith("kind,epoch,loss") and len(lines) == 1 + 15 + 1
    window.files.export_plots(tmp_path / "loss.png")
    assert (tmp_path / "loss.png").stat().st_size > 1000
    assert (tmp_path / "loss-accuracy.png").stat().st_size > 1000


def test_settings_are_remembered(qtbot):
    first = MainWindow()
    qtbot.addWidget(first)
    first.panel.epochs_spin.setValue(7)
    first.panel.model_combo.select("resnet")
    first.panel.learning_rate_spin.setValue(0.005)
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    assert second.findChild(QSpinBox, "epochsSpin").value() == 7
    assert second.panel.model_combo.value() == "resnet"
    assert second.panel.learning_rate_spin.value() == pytest.approx(0.005)
    second.close()
    assert Path(AppSettings().qsettings.fileName()).parent.name.startswith("home")


def test_continuing_an_opened_checkpoint_never_writes_beside_it(qtbot, window, tmp_path):
    window.start_training()
    wait_idle(qtbot, window)
    mine = window.files.save_checkpoint_as(tmp_path / "kept" / "model.pt")
    window.files.open_checkpoint(mine)
    window.start_training(TrainMode.CONTINUE)
    wait_idle(qtbot, window)
    assert sorted(p.name for p in mine.parent.iterdir()) == ["model.pt"]
    assert current_path(window).parent != mine.parent
    assert load_checkpoint(current_path(window)).meta.epoch == 2


def test_image_folders_train_at_the_chosen_size(qtbot, window, tmp_path):
    from PIL import Image

    spin = window.findChild(QSpinBox, "imageSizeSpin")
    assert not spin.isEnabled()  # mnist has one size
    rng = np.random.default_rng(0)
    for split, count in (("train", 6), ("test", 2)):
        for label in ("cats", "dogs"):
            folder = tmp_path / "photos" / split / label
            folder.mkdir(parents=True)
            for i in range(count):
                pixels = rng.integers(0, 255, (60, 80, 3), dtype=np.uint8)
                Image.fromarray(pixels).save(folder / f"{i}.jpg")
    window.panel.dataset_combo.select(f"folder:{tmp_path / 'photos'}")
    assert spin.isEnabled()
    spin.setValue(32)
    window.panel.batch_size_spin.setValue(4)
    window.start_training()
    wait_idle(qtbot, window)
    assert window.phase is Phase.FINISHED
    assert window.session.current.meta.input_shape == [3, 24, 32]
    assert window.session.current.meta.config["image_size"] == 32


def test_opening_a_saved_checkpoint_brings_back_its_runs_curves(qtbot, window, tmp_path):
    window.start_training()
    wait_idle(qtbot, window)
    saved = window.files.save_checkpoint_as(tmp_path / "kept" / "mine.pt")
    other = MainWindow()
    qtbot.addWidget(other)
    other.panel.model_combo.select("lenet5")
    qtbot.waitUntil(lambda: other.session.current.meta.model == "lenet5", timeout=5_000)
    assert other.plots.raw_loss.size == 0
    other.files.open_checkpoint(saved)
    qtbot.waitUntil(lambda: other.plots.raw_loss.size == 15, timeout=5_000)  # its run's steps
    assert other.plots.test_acc.size == 1
    other.close()


def test_save_suggests_a_name_from_the_model_the_data_and_the_accuracy(window, monkeypatch):
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args: asked.append(args) or ("", ""))  # cancelled
    assert window.files.save_checkpoint_as() is None
    accuracy = window.session.current.meta.metrics["test_acc"]
    assert asked[0][2] == f"simple-cnn-mnist-{100 * accuracy:.1f}.pt"


def test_enter_starts_a_fresh_run_once_the_settings_changed(qtbot, window):
    window.start_training()
    wait_idle(qtbot, window)
    first = current_path(window)
    window.start_training()
    box = window.findChild(QMessageBox, "continueOrFreshDialog")
    assert box.defaultButton().objectName() == "mode-continue"  # nothing changed: go on
    box.reject()
    window.panel.learning_rate_spin.setValue(0.01)
    window.start_training()
    box = window.dialog  # the new box
    assert box.objectName() == "continueOrFreshDialog" and box.isVisible()
    assert "These settings changed since this run: lr 0.01" in box.informativeText()
    assert box.defaultButton().objectName() == "mode-fresh"
    qtbot.keyClick(box, Qt.Key.Key_Return)
    wait_idle(qtbot, window)
    new = current_path(window)
    assert new.parent != first.parent
    config = json.loads((new.parent / "config.json").read_text())
    assert config["resolved"].get("parent_checkpoint") is None  # fresh, not from the weights
    assert config["settings"]["lr"] == pytest.approx(0.01)
