"""The desktop app: PySide6 + pyqtgraph widgets that render what cnnviz.core emits.

torch is imported before Qt on purpose: importing it after a QApplication exists can clash
over shared libraries (OpenMP, MKL) on some platforms.
"""

import torch  # noqa: F401  (imported before Qt, see above)

from cnnviz.ui.main_window import MainWindow

__all__ = ["MainWindow"]
