"""Load and churn: many runs started and stopped, many refreshes and predictions, and random
button mashing. Nothing may be left running, grow without bound, or disagree with the worker.
The counts here are the README's "Reliability" figures."""

from __future__ import annotations

import gc
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from cnnviz.session.run_lifecycle import Phase
from cnnviz.session.session import TrainMode
from cnnviz.ui.workers.threads import running_threads

STATM = Path("/proc/self/statm")
needs_proc = pytest.mark.skipif(not STATM.exists(), reason="reads resident memory from /proc")


def resident_mb() -> float:
    import os

    gc.collect()
    pages = int(STATM.read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def wait_idle(qtbot, window):
    qtbot.waitUntil(lambda: window.phase.at_rest and not running_threads(), timeout=60_000)


def os_threads() -> int:
    """The process's threads as the OS counts them: Python's, Qt's and torch's alike."""
    return len(list(Path("/proc/self/task").iterdir()))


@needs_proc
def test_200_start_stop_cycles(qtbot, window):
    window.panel.epochs_spin.setValue(100)
    memory, threads = [], []
    for cycle in range(200):
        window.start_training(TrainMode.FRESH)
        if cycle % 2:
            qtbot.waitUntil(lambda: window.phase is Phase.TRAINING, timeout=30_000)
        window.controller.stop()  # while loading, or while running
        wait_idle(qtbot, window)
        if cycle in (19, 199):
            memory.append(resident_mb())
            threads.append(os_threads())
    print(f"\n200 start/stop cycles: resident memory {memory[0]:.0f} -> {memory[1]:.0f} MB, "
          f"threads {threads[0]} -> {threads[1]}")
    assert not running_threads()
    assert threads[1] <= threads[0], "threads pile up from run to run"
    assert memory[1] - memory[0] < 50, f"resident memory grew {memory[1] - memory[0]:.1f} MB"


@needs_proc
def test_1000_inspect_refreshes_and_1000_draw_predictions(qtbot, window):
    inspect = window.inspect_tab
    qtbot.waitUntil(lambda: inspect.image is not None, timeout=30_000)
    rng = np.random.default_rng(0)
    images = rng.integers(0, 256, (20, 1, 28, 28), dtype=np.uint8)
    for i in range(100):  # warm up caches and allocators
        inspect.show_image(images[i % 20])
    before = resident_mb()
    for i in range(1000):
        inspect.show_image(images[i % 20])
        if i % 50 == 0:
            QApplication.processEvents()
    after_inspect = resident_mb()
    draw = window.draw_tab
    canvas = draw.canvas
    for i in range(1000):
        canvas.strokes = [(22.0, [p for p in _stroke(rng)])]
        draw.update_prediction()
        if i % 50 == 0:
            QApplication.processEvents()
    after_draw = resident_mb()
    print(f"\n1000 Inspect refreshes: {before:.0f} -> {after_inspect:.0f} MB; "
          f"1000 Draw predictions: -> {after_draw:.0f} MB")
    assert draw.prediction is not None
    assert after_inspect - before < 20, f"Inspect grew {after_inspect - before:.1f} MB"
    assert after_draw - after_inspect < 20, f"Draw grew {after_draw - after_inspect:.1f} MB"


def _stroke(rng):
    from PySide6.QtCore import QPointF

    return [QPointF(*xy) for xy in rng.uniform(40, 240, size=(8, 2))]


def test_random_button_mashing_keeps_buttons_and_worker_in_step(qtbot, window):
    rng = np.random.default_rng(1234)
    window.panel.epochs_spin.setValue(100)
    buttons = [window.panel.train_button, window.panel.pause_button, window.panel.stop_button]
    for _ in range(300):
        button = buttons[int(rng.integers(3))]
        if button.isEnabled():
            if button is window.panel.train_button:
                window.start_training(TrainMode.FRESH)  # no "continue?" question mid-mashing
            else:
                button.click()
        qtbot.wait(int(rng.integers(0, 15)))
        check_consistent(window)
    window.controller.stop()
    wait_idle(qtbot, window)
    check_consistent(window)


def check_consistent(window) -> None:
    """The buttons against the worker itself (its thread, its flags), not against the
    window's own idea of the state, which is what sets the buttons."""
    panel, run = window.panel, window.controller.handle
    alive = run is not None and run.is_running
    stopping = alive and run.worker.stop_requested
    if panel.train_button.isEnabled():
        assert not alive or window.phase.at_rest, "Train is offered while a run is alive"
    if panel.stop_button.isEnabled() or panel.pause_button.isEnabled():
        assert alive and not stopping, "Stop or Pause offered with no run to act on"
    if alive and not stopping:
        expected = "Resume" if run.worker.paused else "Pause"
        assert panel.pause_button.text() == expected or not panel.pause_button.isEnabled()
