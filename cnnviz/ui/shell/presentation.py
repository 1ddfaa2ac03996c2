"""Presentation mode (View > Present, F11): for a projector at 1280x720, seen from the back of
a lecture hall. The window goes full screen, text grows half again (Qt's widgets through the
application font, pyqtgraph's axes and titles through their own fonts), and the run panel
steps aside so that plots and maps get its room. Leaving restores all of it.

Everything drawn by hand or styled with widgets/style.py (grids, plot fonts, line widths,
markers, colour bars) follows ``DISPLAY.scale``, which this sets: no widget here reaches into
another's drawing. The axes of plots not styled that way are given the large font directly."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QTableWidget,
    QTreeWidget,
    QWidget,
)

from cnnviz.ui.widgets.style import DISPLAY
from cnnviz.ui.widgets.wrapping_table import WrappingTable

SCALE = 1.5


def _axes(window: QWidget) -> list[pg.AxisItem]:
    return [item for view in window.findChildren(pg.GraphicsView)
            for item in view.scene().items() if isinstance(item, pg.AxisItem)]  # fmt: skip


class Presentation:
    def __init__(self, window: QMainWindow, side_panel: QWidget) -> None:
        self.window = window
        self.side_panel = side_panel
        self.active = False
        self._font: QFont | None = None
        self._was_maximized = False

    def toggle(self) -> bool:
        (self.leave if self.active else self.enter)()
        return self.active

    def enter(self) -> None:
        app = QApplication.instance()
        self._font = QFont(app.font())
        self._was_maximized = self.window.isMaximized()
        big = QFont(self._font)
        big.setPointSizeF(self._font.pointSizeF() * SCALE)
        app.setFont(big)
        self._style_axes(big)
        DISPLAY.set_scale(SCALE)
        self._fit_columns()
        self.side_panel.hide()
        self.window.showFullScreen()
        self.active = True

    def leave(self) -> None:
        app = QApplication.instance()
        if self._font is not None:
            app.setFont(self._font)
        self._style_axes(None)
        DISPLAY.set_scale(1.0)
        self._fit_columns()
        self.side_panel.show()
        (self.window.showMaximized if self._was_maximized else self.window.showNormal)()
        self.active = False

    def _fit_columns(self) -> None:
        """Tables and trees sized their columns for the old font; size them again (a
        WrappingTable fits its own, to its width as well as its text)."""
        for view in self.window.findChildren(QTreeWidget) + self.window.findChildren(
                QTableWidget):  # fmt: skip
            if isinstance(view, WrappingTable):
                view.fit_columns()
                continue
            for column in range(view.columnCount()):
                view.resizeColumnToContents(column)

    def _style_axes(self, font: QFont | None) -> None:
        for axis in _axes(self.window):
            axis.setStyle(tickFont=font)
            axis.label.setFont(font or QFont())
