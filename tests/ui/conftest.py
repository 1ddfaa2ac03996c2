"""UI tests: offscreen Qt, tiny MNIST files in $CNNVIZ_DATA, settings in a temporary .ini, and a
check after every test that no worker thread was left running."""

from __future__ import annotations

import gc
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import SIGNAL
from PySide6.QtGui import QAction

from cnnviz.ui import MainWindow
from cnnviz.ui.shell import i18n
from cnnviz.ui.widgets.style import DISPLAY
from cnnviz.ui.workers.threads import running_threads
from tests.conftest import write_mnist_family


@pytest.fixture(autouse=True)
def _tiny_mnist_and_thread_check(_isolated_environment):
    write_mnist_family(Path(os.environ["CNNVIZ_DATA"]))
    yield
    left = running_threads()
    for worker in left:  # a QThread, or the end event of a background call
        if hasattr(worker, "quit"):
            worker.quit()
            worker.wait(10_000)
        else:
            worker.wait(10)
    assert not left, f"a test left {len(left)} worker thread(s) running"
    # the app has one window; a test's windows outlive it in pieces (pyqtgraph deletes a closed
    # plot's view box first), so none of them may follow the next test's display scale
    DISPLAY.set_scale(1.0)
    if DISPLAY.receivers(SIGNAL("changed(double)")):
        DISPLAY.changed.disconnect()
    # the test's windows are garbage now: free them here, in the GUI thread, not in whatever
    # worker thread of the next test the collector would otherwise run in (see background.py)
    gc.collect()


@pytest.fixture
def window(qtbot):
    win = MainWindow()
    qtbot.addWidget(win)
    win.panel.batch_size_spin.setValue(20)
    yield win
    win.close()


@pytest.fixture
def trained(qtbot, window):
    """The window after a short run (15 steps), its Inspect tab showing the run's weights."""
    from tests.ui.test_main_window import wait_idle

    window.start_training()
    wait_idle(qtbot, window)
    inspect = window.inspect_tab
    window.tabs.setCurrentWidget(inspect)
    qtbot.waitUntil(lambda: inspect.test is not None, timeout=30_000)
    return window


@pytest.fixture
def projected(qtbot, window):
    """The window in presentation mode on a projector at 1280x720 (full screen on the
    offscreen screen is not a projector's size); it leaves presentation mode after."""
    window.show()
    qtbot.waitExposed(window)
    present = window.findChild(QAction, "presentAction")
    present.trigger()
    qtbot.wait(100)
    window.setGeometry(0, 0, 1280, 720)
    qtbot.wait(100)
    yield window
    if window.presentation.active:
        present.trigger()


@pytest.fixture
def chinese(qapp):
    """The Chinese translators, installed before the window is built (as at start-up); English
    again after the test."""
    i18n.install_language(i18n.CHINESE)
    yield
    i18n.install_language(i18n.ENGLISH)
