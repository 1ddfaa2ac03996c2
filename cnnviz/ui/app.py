"""Start the desktop app."""

from __future__ import annotations

import os
import sys
import time

import torch  # noqa: F401  (before Qt: see cnnviz.ui)
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from cnnviz.resource_files import resource_path
from cnnviz.ui.main_window import MainWindow
from cnnviz.ui.shell.i18n import install_translators
from cnnviz.ui.workers.background import hold_calls, release_calls


def no_display() -> bool:
    """True on Linux without X11 or Wayland, where Qt would abort on start."""
    return (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"))


class _FirstPaint(QObject):
    """Once the window has painted: start the background calls held until then, and with
    ``cnnviz --smoke`` say so and close it, so that a script (CI after installing the wheel,
    benchmarks/startup.py) can check that the app starts, and how fast."""

    def __init__(self, window: MainWindow, smoke: bool) -> None:
        super().__init__(window)
        self._window = window
        self._smoke = smoke

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            if self._smoke:  # the held calls are cancelled as the window closes
                print(f"cnnviz: smoke test passed: the window painted at {time.time():.3f} "
                      "(seconds since the epoch)", flush=True)
                QTimer.singleShot(0, self._window.close)
                QTimer.singleShot(0, QApplication.quit)
            else:
                QTimer.singleShot(0, release_calls)
        return False


def run_app(argv: list[str] | None = None, smoke: bool = False) -> int:
    """Open the main window and run until it closes; with ``smoke``, quit after its first
    paint."""
    if no_display():
        print("cnnviz: error: no display found (DISPLAY and WAYLAND_DISPLAY are unset); run the "
              "app on a desktop, or use the command line: cnnviz --help", file=sys.stderr)
        return 1
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setOrganizationName("cnnviz")
    app.setApplicationName("cnnviz")
    app.setApplicationDisplayName("cnnviz")
    icon = resource_path("icons/cnnviz.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    language = install_translators()  # before any widget builds its text
    hold_calls()
    window = MainWindow()
    window.installEventFilter(_FirstPaint(window, smoke))
    window.show()
    window.help.show_guide_at_start()
    language.explain(window)  # a Chinese interface without a Chinese font
    try:
        return app.exec()
    finally:
        release_calls()  # none is left held (a smoke test's were cancelled as it closed)
