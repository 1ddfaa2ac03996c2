"""Start the desktop app."""

from __future__ import annotations

import sys

import torch  # noqa: F401  (before Qt: see cnnviz.ui)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from cnnviz.resource_files import resource_path
from cnnviz.ui.main_window import MainWindow


def run_app(argv: list[str] | None = None) -> int:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setOrganizationName("cnnviz")
    app.setApplicationName("cnnviz")
    app.setApplicationDisplayName("cnnviz")
    icon = resource_path("icons/cnnviz.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    window = MainWindow()
    window.show()
    return app.exec()
