"""Start the desktop app."""

from __future__ import annotations

import os
import sys

import torch  # noqa: F401  (before Qt: see cnnviz.ui)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from cnnviz.resource_files import resource_path
from cnnviz.ui.main_window import MainWindow


def no_display() -> bool:
    """True on Linux without X11 or Wayland, where Qt would abort on start."""
    return (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"))


def run_app(argv: list[str] | None = None) -> int:
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
    window = MainWindow()
    window.show()
    window.show_guide_at_start()
    return app.exec()
