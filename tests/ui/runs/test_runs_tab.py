"""The Runs tab and following runs written by another process."""

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QTableWidget, QWidget

from cnnviz.cli import main
from cnnviz.ui.workers.threads import running_threads


@pytest.fixture
def runs_home(window, capsys):
    """Two finished command-line runs in the window's runs home, listed."""
    data = os.environ["CNNVIZ_DATA"]
    for name, lr in (("adam-1e-3", "0.001"), ("adam-3e-3", "0.003")):
        assert main(["train", "--batch-size", "50", "--lr", lr, "--out",
                     str(window.session.home / name), "--data-dir", data, "--offline"]) == 0
        time.sleep(0.01)
    capsys.readouterr()
    window.runs_tab.refresh()
    return window.session.home


def table_rows(window) -> list[list[str]]:
    table = window.findChild(QTableWidget, "runsTable")
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def tick(window, row: int) -> None:
    window.findChild(QTableWidget, "runsTable").item(row, 0).setCheckState(Qt.CheckState.Checked)


def test_named_widgets_and_the_list(window, runs_home):
    for name in ("runsTab", "runsTable", "openRunButton", "comparisonTable"):
        assert window.findChild(QWidget, name) is not None, name
    rows = table_rows(window)
    assert [r[1] for r in rows] == ["adam-3e-3", "adam-1e-3"]  # newest first
    assert rows[0][2:6] == ["simple-cnn", "mnist", "finished", "1/1"]
    assert rows[0][6].endswith("%") and float(rows[0][8].replace(",", "")) > 0


def test_ticked_runs_are_overlaid_and_compared(qtbot, window, runs_home, tmp_path):
    tick(window, 0)
    tick(window, 1)
    overlays = window.plots.overlays
    assert len(overlays) == 2
    assert len({o.colour for o in overlays.values()}) == 2
    legend = window.plots.loss_plot.getPlotItem().legend
    names = {label.text for _, label in legend.items}
    assert {"lr 0.001", "lr 0.003"} <= names  # named by what differs (issue 24), not folder
    assert all(o.loss.size == 6 for o in overlays.values())  # 300 images / 50, one epoch
    comparison = window.findChild(QTableWidget, "comparisonTable")
    rows = {comparison.verticalHeaderItem(r).text(): r for r in range(comparison.rowCount())}
    assert [comparison.item(rows["lr"], c).text() for c in range(2)] == ["0.003", "0.001"]
    highlighted = {name for name, r in rows.items()
                   if comparison.item(r, 0).background().style() != Qt.BrushStyle.NoBrush}
    assert highlighted == {"lr"}  # the one setting that differs; results are not settings
    assert comparison.item(rows["best_test_acc"], 0).text().endswith("%")
    path = window.runs_tab.export_comparison(tmp_path / "runs.csv")
    table = list(csv.reader(path.open()))
    assert table[0][1:] == [str(runs_home / "adam-3e-3"), str(runs_home / "adam-1e-3")]
    assert next(row for row in table if row[0] == "lr")[1:] == ["0.003", "0.001"]
    window.findChild(QTableWidget, "runsTable").item(0, 0).setCheckState(
        Qt.CheckState.Unchecked)
    assert list(window.plots.overlays) == [str(runs_home / "adam-1e-3")]
    assert "adam-3e-3" not in {label.text for _, label in legend.items}


def test_the_list_has_a_column_for_each_setting_that_differs(window, runs_home):
    table = window.findChild(QTableWidget, "runsTable")
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers[-1] == "lr" and "batch" not in headers  # both runs' batch is 50
    assert [row[-1] for row in table_rows(window)] == ["0.003", "0.001"]


def test_the_run_shown_is_drawn_once_and_runs_are_named_by_what_differs(qtbot, window,
                                                                         runs_home):
    shown, other = runs_home / "adam-3e-3", runs_home / "adam-1e-3"
    window.files.open_run(shown)
    qtbot.waitUntil(lambda: window.plots.raw_loss.size == 6, timeout=5_000)
    tick(window, 0)  # the run shown, ticked: not drawn again over itself
    tick(window, 1)
    assert list(window.plots.overlays) == [str(other)]
    legend = window.plots.loss_plot.getPlotItem().legend
    names = {label.text for _, label in legend.items}
    assert {"smoothed: lr 0.003", "lr 0.001"} <= names
    assert not any("adam-" in name for name in names)
    accuracy = window.plots.point_labels.texts()
    assert accuracy[""].endswith("lr 0.003") and accuracy[str(other)].endswith("lr 0.001")
    window.files.open_run(other)  # the other shown now: the first is an overlay again
    qtbot.waitUntil(lambda: list(window.plots.overlays) == [str(shown)], timeout=5_000)
    assert window.plots.overlays[str(shown)].loss.size == 6  # drawn whole


def test_use_these_weights(qtbot, window, runs_home):
    window.runs_tab.select(runs_home / "adam-1e-3")
    window.findChild(QPushButton, "useRunWeightsButton").click()
    assert window.session.current.path == runs_home / "adam-1e-3" / "best.pt"
    assert window.draw_tab.weights_label.text().startswith("Weights: simple-cnn on mnist")


def test_rename_and_delete_to_the_trash(qtbot, window, runs_home):
    renamed = window.runs_tab.rename(runs_home / "adam-1e-3", "baseline")
    assert renamed == runs_home / "baseline" and renamed.is_dir()
    assert "baseline" in [r[1] for r in table_rows(window)]
    assert window.runs_tab.rename(renamed, "../escape") is None  # not a folder name
    window.runs_tab.select(renamed)
    window.findChild(QPushButton, "deleteRunButton").click()
    box = window.findChild(QMessageBox, "deleteRunDialog")
    assert box is not None and "baseline" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    assert not renamed.exists()
    trash = Path(os.environ["XDG_DATA_HOME"]) / "Trash" / "files" / "baseline"
    assert (trash / "checkpoint.pt").is_file()
    assert [r[1] for r in table_rows(window)] == ["adam-3e-3"]


def test_a_folder_from_anywhere(qtbot, window, runs_home, tmp_path):
    elsewhere = tmp_path / "cluster" / "job-7"
    shutil.copytree(runs_home / "adam-1e-3", elsewhere)
    assert not window.runs_tab.open_folder(tmp_path / "nothing-here")
    assert window.runs_tab.open_folder(tmp_path / "cluster")  # a folder of runs
    assert "job-7" in [r[1] for r in table_rows(window)]


def steps_on_disk(run_dir: Path) -> int:
    """The step events in the complete lines of a run's metrics.jsonl."""
    lines = (run_dir / "metrics.jsonl").read_text(encoding="utf-8").split("\n")[:-1]
    return sum(json.loads(line)["type"] == "step" for line in lines)


@pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="holds the writer with SIGSTOP")
def test_open_run_follows_a_command_line_run_live(qtbot, window):
    run_dir = window.session.home.parent / "elsewhere" / "live"
    process = subprocess.Popen(
        [sys.executable, "-m", "cnnviz", "train", "--epochs", "4", "--batch-size", "10",
         "--out", str(run_dir), "--data-dir", os.environ["CNNVIZ_DATA"], "--offline"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        qtbot.waitUntil(lambda: (run_dir / "metrics.jsonl").is_file()
                        and steps_on_disk(run_dir) > 0, timeout=60_000)
        # the writer held mid-run (well within the heartbeat's STALE_SECONDS): the window
        # must open the run and draw what is written so far without waiting for the rest
        os.kill(process.pid, signal.SIGSTOP)
        try:
            assert os.WIFSTOPPED(os.waitpid(process.pid, os.WUNTRACED)[1])
            written = steps_on_disk(run_dir)
            assert 0 < written < 120
            assert window.files.open_run(run_dir)
            qtbot.waitUntil(lambda: window.plots.raw_loss.size == written, timeout=10_000)
        finally:
            os.kill(process.pid, signal.SIGCONT)
        qtbot.waitUntil(lambda: window.plots.raw_loss.size == 120, timeout=120_000)
    finally:
        process.wait(timeout=120)
    qtbot.waitUntil(lambda: window.plots.test_acc.size == 4, timeout=10_000)
    shutil.rmtree(run_dir)  # a folder that disappears while followed
    qtbot.waitUntil(lambda: window.runs.followed is None, timeout=5_000)
    assert "is gone" in window.statusBar().currentMessage()
    assert window.plots.raw_loss.size == 120  # what was drawn stays
    assert not running_threads()


def test_overlays_follow_a_run_that_is_still_written(qtbot, window, runs_home):
    run_dir = runs_home / "adam-3e-3"
    tick(window, 0)
    overlay = window.plots.overlays[str(run_dir)]
    before = overlay.loss.size
    records = [json.dumps({"type": "step", "step": 7 + i, "epoch": 2,
                           "epoch_fraction": (7 + i) / 6, "loss": 0.1, "train_acc": 0.9,
                           "images_per_second": 1.0, "lr": 0.001}) for i in range(3)]
    with (run_dir / "metrics.jsonl").open("a") as handle:
        handle.write("\n".join(records) + "\n")
    qtbot.waitUntil(lambda: overlay.loss.size == before + 3, timeout=5_000)


def test_ticks_follow_overlays_made_elsewhere(window, runs_home):
    window.runs.set_overlaid(runs_home / "adam-1e-3", True)  # e.g. open_run while training
    table = window.findChild(QTableWidget, "runsTable")
    ticked = [table.item(r, 1).text() for r in range(table.rowCount())
              if table.item(r, 0).checkState() == Qt.CheckState.Checked]
    assert ticked == ["adam-1e-3"]


def test_the_app_starts_and_lists_with_a_home_of_broken_runs(qtbot, capsys):
    from cnnviz.core.paths import runs_home
    from cnnviz.ui import MainWindow
    from tests.core.training.test_hostile_runs import BROKEN, write_broken_runs

    home = runs_home()
    write_broken_runs(home)
    assert main(["train", "--batch-size", "100", "--out", str(home / "good"), "--data-dir",
                 os.environ["CNNVIZ_DATA"], "--offline"]) == 0  # fmt: skip
    window = MainWindow()  # the Runs tab lists in the background, without a traceback
    qtbot.addWidget(window)
    table = window.findChild(QTableWidget, "runsTable")
    qtbot.waitUntil(lambda: table.rowCount() == len(BROKEN) + 1, timeout=30_000)
    rows = {row[1]: row for row in table_rows(window)}
    assert rows["good"][4] == "finished"
    assert rows["settings-text"][4] == "unreadable"
    status = next(table.item(r, 4) for r in range(table.rowCount())
                  if table.item(r, 1).text() == "settings-text")  # fmt: skip
    assert "'settings'" in status.toolTip()
    window.close()
