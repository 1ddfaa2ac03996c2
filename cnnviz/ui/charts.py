"""Small pyqtgraph charts shared by the tabs."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters


class ProbabilityChart(pg.PlotWidget):
    """One bar per class; the top guess in a stronger colour."""

    def __init__(self, object_name: str) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self.setBackground("w")
        self.setYRange(0, 1)
        self.setMouseEnabled(x=False, y=False)
        self.setMenuEnabled(False)
        self.hideButtons()
        self.setLabel("left", "probability")
        self.bars: pg.BarGraphItem | None = None
        self.values = np.zeros(0, dtype=np.float32)

    def show_probabilities(self, probabilities: np.ndarray | None, names: list[str]) -> None:
        if self.bars is not None:
            self.removeItem(self.bars)
            self.bars = None
        if probabilities is None:
            self.values = np.zeros(0, dtype=np.float32)
            return
        self.values = probabilities.astype(np.float32)
        top = int(np.argmax(probabilities))
        brushes = [pg.mkBrush(40, 90, 200) if i == top else pg.mkBrush(160, 180, 220)
                   for i in range(len(probabilities))]  # fmt: skip
        self.bars = pg.BarGraphItem(x=np.arange(len(probabilities)), height=probabilities,
                                    width=0.7, brushes=brushes)  # fmt: skip
        self.addItem(self.bars)
        self.getAxis("bottom").setTicks([list(enumerate(names))])
        self.setXRange(-0.6, len(probabilities) - 0.4, padding=0)


def image_view(object_name: str) -> tuple[pg.GraphicsLayoutWidget, pg.ViewBox, pg.ImageItem]:
    """An image in a view that keeps its aspect ratio, row-major, top row at the top."""
    widget = pg.GraphicsLayoutWidget()
    widget.setObjectName(object_name)
    widget.setBackground("w")
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
