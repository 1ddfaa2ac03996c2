"""The app starts: background calls wait for the first paint, and `cnnviz --smoke` opens the
window and closes it after that paint."""

from __future__ import annotations

import os
import subprocess
import sys

from cnnviz.ui.workers import background
from cnnviz.ui.workers.background import BackgroundCall, hold_calls, release_calls


def test_a_call_made_before_the_first_paint_waits_for_it(qtbot):
    results = []
    hold_calls()
    try:
        call = BackgroundCall(lambda state: 42, results.append, results.append)
        assert call.worker is None and call.is_running  # held, not started
    finally:
        release_calls()
    qtbot.waitUntil(lambda: results == [42], timeout=10_000)
    assert background._held is None


def test_a_held_call_that_is_cancelled_never_runs(qtbot):
    ran = []
    hold_calls()
    try:
        call = BackgroundCall(lambda state: ran.append(1), ran.append, ran.append)
        call.cancel()
        assert call.wait(0) and not call.is_running
    finally:
        release_calls()
    qtbot.wait(50)
    assert ran == [] and call.worker is None


def test_smoke_opens_the_window_and_exits_after_the_first_paint(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-m", "cnnviz", "--smoke"], env=env, timeout=120,
                          capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "smoke test passed: the window painted at" in done.stdout
    assert "Traceback" not in done.stderr


def test_the_window_is_built_and_painted_before_the_heavy_libraries_load(tmp_path):
    """torchvision (a second: its operators pull in torch._dynamo), Captum, openTSNE,
    scikit-learn and matplotlib load when first used, never before the first paint."""
    code = (
        "import sys, torch\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from cnnviz.ui.workers.background import hold_calls\n"
        "from cnnviz.ui.main_window import MainWindow\n"
        "app = QApplication([])\n"
        "hold_calls()\n"
        "window = MainWindow()\n"
        "window.show()\n"
        "window.help.show_guide_at_start()\n"
        "window.repaint()\n"
        "app.processEvents()\n"
        "heavy = ('torchvision', 'captum', 'openTSNE', 'sklearn', 'matplotlib', 'superqt')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-c", code], env=env, timeout=120,
                          capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"
