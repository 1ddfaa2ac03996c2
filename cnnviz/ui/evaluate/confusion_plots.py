"""The Evaluate tab's two plots: the confusion matrix, its cells' numbers and its column
names, and the accuracy of each class.

This is its own module so that evaluate_tab.py stays about running an evaluation and its
gallery (issue 22: no module over 450 lines). ``ConfusionPlots`` is a mixin of EvaluateTab:
it draws from the tab's ``result``, ``class_names``, ``normalise_check``, ``confusion_plot``,
``confusion_item``, ``_cell_texts`` and ``class_bars``, and holds no strings to translate.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFont, QFontMetricsF

from cnnviz.ui.evaluate.confusion_colours import confusion_colours, is_dark
from cnnviz.ui.widgets.charts import fit_tick_names
from cnnviz.ui.widgets.style import CELL_PT, SERIES, TEXT, font

MAX_TEXT_CLASSES = 20  # counts are written in the cells up to this many classes
#: the smallest a cell's number gets to fit its cell
MIN_CELL_PT = 6.0


def accuracy_floor(weakest: float) -> float:
    """The bottom of the per-class accuracy axis: a round number a fifth of the distance to
    100% below the weakest class, and never below 0."""
    margin = max(2.0, (100.0 - weakest) * 0.2)
    return max(0.0, 5.0 * np.floor((weakest - margin) / 5.0))


def short_count(count: int) -> str:
    """A count in at most four characters, for a cell too narrow for its digits: 973, 1.1k,
    12k, 250k, 1.2M."""
    for size, unit in ((1_000_000, "M"), (1_000, "k")):
        if count >= size:
            value = count / size
            return f"{value:.1f}{unit}" if value < 9.95 else f"{value:.0f}{unit}"
    return str(count)


class ConfusionPlots:
    """Drawing the confusion matrix and the per-class accuracy bars (a mixin of
    EvaluateTab)."""

    def _matrix_values(self) -> np.ndarray:
        confusion = self.result.confusion.astype(np.float64)
        if not self.normalise_check.isChecked():
            return confusion
        totals = confusion.sum(axis=1, keepdims=True)
        return 100 * confusion / np.where(totals > 0, totals, 1)

    def _draw_matrix(self) -> None:
        if self.result is None:
            return
        values = self._matrix_values()
        colours = confusion_colours(values)
        self.confusion_item.setImage(colours, autoLevels=False, levels=(0, 255))
        for text in self._cell_texts:
            self.confusion_plot.removeItem(text)
        self._cell_texts = []
        n = len(values)
        if n <= MAX_TEXT_CLASSES:
            for r in range(n):
                for c in range(n):
                    colour = (255, 255, 255) if is_dark(colours[r, c]) else TEXT
                    text = pg.TextItem(self._cell_label(values[r, c]), color=colour,
                                       anchor=(0.5, 0.5))  # fmt: skip
                    text.setPos(c + 0.5, r + 0.5)
                    self.confusion_plot.addItem(text)
                    self._cell_texts.append(text)
        ticks = [(i + 0.5, name) for i, name in enumerate(self.class_names)]
        self.confusion_plot.getAxis("left").setTicks([ticks if n <= MAX_TEXT_CLASSES else []])
        self.confusion_plot.autoRange(padding=0.02)
        self._fit_column_labels()
        self._fit_cell_texts()

    def _fit_cell_texts(self, *_) -> None:
        """The cells' numbers in the type scale's cell size. A count too wide for its cell is
        written shorter ("1.1k" for 1130) before it is drawn smaller, and smaller only where
        even that is too wide: on a projector at 1280x720, "1130" shrank to a third of its
        size, too small to read at the back (issue 24)."""
        if self.result is None or not self._cell_texts:
            return
        base = font(CELL_PT)
        metrics = QFontMetricsF(base)
        room = 1.0 / max(1e-9, self.confusion_plot.getViewBox().viewPixelSize()[0]) - 4
        counts = not self.normalise_check.isChecked()
        for text, value in zip(self._cell_texts, self._matrix_values().flat, strict=True):
            label = self._cell_label(value)
            if counts and metrics.horizontalAdvance(label) > room:
                label = short_count(int(value))
            width = metrics.horizontalAdvance(label)
            chosen = QFont(base)
            if width > room > 0:
                chosen.setPointSizeF(max(MIN_CELL_PT, base.pointSizeF() * room / width))
            text.setText(label)
            text.setFont(chosen)

    def _cell_label(self, value: float) -> str:
        return f"{value:.0f}%" if self.normalise_check.isChecked() else f"{int(value)}"

    def _fit_column_labels(self, *_) -> None:
        """The matrix's column names and the accuracy bars' names, each shortened to its
        column's width on screen."""
        names = self.class_names if len(self.class_names) <= MAX_TEXT_CLASSES else []
        fit_tick_names(self.confusion_plot, names, 0.5)
        fit_tick_names(self.class_bars, names, 0.0)

    def _draw_class_bars(self) -> None:
        """Accuracy per class on a range that shows their differences: from a little below
        the weakest class to 100%, so that 97% and 99% do not look alike."""
        self.class_bars.clear()
        accuracy = np.nan_to_num(self.result.per_class_accuracy) * 100
        low = accuracy_floor(float(accuracy.min()) if len(accuracy) else 0.0)
        self.class_bars.addItem(pg.BarGraphItem(
            x=np.arange(len(accuracy)), y0=low, height=accuracy - low, width=0.7,
            brush=SERIES[0]))  # fmt: skip
        self.class_bars.setYRange(low, 100, padding=0.02)
        self._fit_column_labels()
