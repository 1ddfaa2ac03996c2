"""Small pyqtgraph charts shared by the tabs, in the palette and type scale of style.py."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from cnnviz.ui.widgets.style import BACKGROUND, line_pen, style_plot

#: a probability chart shows at most this many classes, the likeliest
MAX_BARS = 10
#: the outline of the true class's bar
TRUE_COLOUR = (20, 150, 60)



def bar_brushes(count: int, top: int) -> list:
    """The bars of a chart of outputs: the top one in a strong blue, the others pale."""
    return [pg.mkBrush(40, 90, 200) if i == top else pg.mkBrush(160, 180, 220)
            for i in range(count)]  # fmt: skip


class ProbabilityChart(pg.PlotWidget):
    """Horizontal bars with the class names beside them, the top guess first and in a
    stronger colour; at most MAX_BARS, the likeliest, so that 100 classes stay readable."""

    def __init__(self, object_name: str) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self.setXRange(0, 1)
        self.getPlotItem().invertY(True)
        self.setMouseEnabled(x=False, y=False)
        self.setMenuEnabled(False)
        self.hideButtons()
        self.setLabel("bottom", self.tr("probability"))
        style_plot(self)
        self.bars: pg.BarGraphItem | None = None
        self.values = np.zeros(0, dtype=np.float32)  # in class order
        self.order: list[int] = []  # the classes shown, top guess first

    def show_probabilities(self, probabilities: np.ndarray | None, names: list[str],
                           true_label: int | None = None) -> None:  # fmt: skip
        """The likeliest classes; the true one, when the input has one, is outlined in green
        and named so ("7 (true)"), and shown even when it is not among the likeliest."""
        if self.bars is not None:
            self.removeItem(self.bars)
            self.bars = None
        if probabilities is None:
            self.values = np.zeros(0, dtype=np.float32)
            self.order = []
            self.getAxis("left").setTicks([[]])
            return
        self.values = probabilities.astype(np.float32)
        self.order = [int(i) for i in np.argsort(-self.values, kind="stable")[:MAX_BARS]]
        if true_label is not None and true_label not in self.order:
            self.order[-1] = true_label
        brushes = bar_brushes(len(self.order), 0)
        true_pen = line_pen(TRUE_COLOUR, 3)
        pens = [true_pen if c == true_label else pg.mkPen(None) for c in self.order]
        self.bars = pg.BarGraphItem(x0=0, y=np.arange(len(self.order)), height=0.7,
                                    width=self.values[self.order], brushes=brushes,
                                    pens=pens)  # fmt: skip
        self.addItem(self.bars)
        self.getAxis("left").setTicks([[
            (rank, self.tr("{name} (true)").format(name=names[c]) if c == true_label
             else names[c])
            for rank, c in enumerate(self.order)]])  # fmt: skip
        self.setYRange(-0.6, len(self.order) - 0.4, padding=0)


def fit_tick_names(plot: pg.PlotWidget, names: list[str], offset: float) -> None:
    """Name the bottom axis's ticks at offset + i, each name shortened ("autom…") to the
    width one unit has on screen, so that long class names never run into each other; call
    it again when the plot is resized."""
    axis = plot.getAxis("bottom")
    width = 1.0 / max(1e-9, plot.getViewBox().viewPixelSize()[0])
    metrics = QFontMetrics(axis.style.get("tickFont") or plot.font())
    axis.setTicks([[(i + offset, metrics.elidedText(name, Qt.TextElideMode.ElideRight,
                                                    max(8, int(width) - 6)))
                    for i, name in enumerate(names)]])  # fmt: skip


def image_view(object_name: str) -> tuple[pg.GraphicsLayoutWidget, pg.ViewBox, pg.ImageItem]:
    """An image in a view that keeps its aspect ratio, row-major, top row at the top."""
    widget = pg.GraphicsLayoutWidget()
    widget.setObjectName(object_name)
    widget.setBackground(BACKGROUND)
    view = widget.addViewBox(lockAspect=True, invertY=True, enableMenu=False)
    item = pg.ImageItem(axisOrder="row-major")
    view.addItem(item)
    return widget, view, item


def lookup_table(colormap: str) -> np.ndarray:
    """A 256-entry colour table for an ImageItem, from a pyqtgraph colormap name."""
    return pg.colormap.get(colormap).getLookupTable(0.0, 1.0, 256)


def export_plot_png(plot: pg.PlotWidget, path: Path, width: int) -> None:
    """Save a plot as PNG, or raise OSError: pyqtgraph's exporter returns False (and says
    nothing) when the file cannot be written."""
    exporter = pyqtgraph.exporters.ImageExporter(plot.getPlotItem())
    exporter.parameters()["width"] = width
    if exporter.export(str(path)) is False:
        raise OSError(f"cannot write {path} (is the folder there, and writable?)")
