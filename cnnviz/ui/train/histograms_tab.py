"""The Histograms tab: each layer's weights or gradients over training as a heatmap (steps
across, values up, the share of values by colour), and every layer's gradient norm over
training on a log scale, one row per layer, so that vanishing (dark) or exploding (bright)
gradients show at a glance.

It follows the shown run's histograms.jsonl (cnnviz.core.training.histograms), read from
where the last poll stopped: live while this window trains, live while another process
trains a run opened from the Runs tab, and whole for a run that ended. Which run that is, is
RunsState's (cnnviz/session/runs.py): the tab follows the run the plots show.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF, QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from cnnviz.core.training.events import HistogramEvent, event_from_json
from cnnviz.core.training.histograms import HistogramSeries
from cnnviz.core.training.metrics_follower import MetricsFollower
from cnnviz.core.training.run_folder import HISTOGRAMS
from cnnviz.session.runs import RunsState
from cnnviz.ui.widgets.charts import lookup_table
from cnnviz.ui.widgets.style import (
    UNSIGNED_COLOURMAP,
    follow_scale,
    style_colour_bar,
    style_plot,
)

#: how often the followed file is read for new snapshots
POLL_MS = 500


def heatmap_plot(name: str, title: str, left: str) -> tuple[pg.PlotWidget, pg.ImageItem]:
    plot = pg.PlotWidget(title=title)
    plot.setObjectName(name)
    plot.setMenuEnabled(False)
    plot.setLabel("bottom", QCoreApplication.translate("HistogramsTab", "step"))
    plot.setLabel("left", left)
    item = pg.ImageItem(axisOrder="row-major")
    plot.addItem(item)
    style_plot(plot)
    return plot, item


class HistogramsTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("histogramsTab")
        self.follower: MetricsFollower | None = None
        self.events: list[HistogramEvent] = []
        self.series: HistogramSeries | None = None
        self._stale = False  # events not drawn yet
        self.run_label = QLabel(self.tr("No run yet: train one, or show one from the Runs tab."),
                                objectName="histogramRun")  # fmt: skip
        self.layer_combo = QComboBox(objectName="histogramLayer")
        self.values_combo = QComboBox(objectName="histogramValues")
        self.values_combo.addItem(self.tr("weights"), False)
        self.values_combo.addItem(self.tr("gradients"), True)
        bar = QHBoxLayout()
        bar.addWidget(self.run_label, 1)
        bar.addWidget(QLabel(self.tr("Layer")))
        bar.addWidget(self.layer_combo)
        bar.addWidget(self.values_combo)
        self.histogram_plot, self.histogram_item = heatmap_plot(
            "histogramView",
            self.tr("Values over training (colour: share of the layer's values)"),
            self.tr("value"))  # fmt: skip
        self.histogram_item.setLookupTable(lookup_table(UNSIGNED_COLOURMAP))
        self.norm_plot, self.norm_item = heatmap_plot(
            "gradientNormView",
            self.tr("Gradient norm per layer (log10), the first layer on top"), "")
        self.norm_plot.invertY(True)
        self.norm_bar = pg.ColorBarItem(values=(-3, 0), colorMap=pg.colormap.get("inferno"),
                                        interactive=False, label=self.tr("log10 norm"))
        self.norm_bar.setImageItem(self.norm_item, insert_in=self.norm_plot.getPlotItem())
        follow_scale(self, lambda: style_colour_bar(self.norm_bar))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.histogram_plot)
        splitter.addWidget(self.norm_plot)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        for combo in (self.layer_combo, self.values_combo):
            combo.currentIndexChanged.connect(lambda _: self._draw_histogram())
        self.timer = QTimer(self, interval=POLL_MS)
        self.timer.timeout.connect(self.poll)

    def subscribe(self, runs: RunsState) -> None:
        """Follow whichever run folder the plots show (RunsState.shown)."""
        runs.shown.connect(self.follow)

    def follow(self, run_dir: Path) -> None:
        """Show a run folder's histograms and follow them while they are written; the run
        already followed goes on from where it was read (a run that ends becomes current)."""
        if self.follower is not None and self.follower.run_dir == Path(run_dir) \
                and self.timer.isActive():  # fmt: skip
            return
        self.follower = MetricsFollower(Path(run_dir), HISTOGRAMS)
        self.events = []
        self.series = None
        self._stale = False
        for item in (self.histogram_item, self.norm_item):  # not the previous run's pictures
            item.clear()
        self.run_label.setText(self.tr("{run}: no snapshot yet").format(run=Path(run_dir).name))
        self.poll()
        self.timer.start()

    def poll(self) -> None:
        if self.follower is None:
            return
        update = self.follower.poll()
        if update.gone:
            self.timer.stop()
        if update.restarted:
            self.events = []
        events = [e for e in map(event_from_json, update.records) if isinstance(e, HistogramEvent)]
        if events or update.restarted:
            self.events += events
            self._stale = True
            if self.isVisible():  # a hidden tab draws when it is shown: during a run the
                self._redraw()    # window's time is the trainer's (benchmarks/ui_latency.py)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._redraw()

    def _redraw(self) -> None:
        self._stale = False
        self.series = HistogramSeries.of(self.events)
        if self.series is None:
            return
        series = self.series
        name = self.follower.run_dir.name if self.follower else ""
        self.run_label.setText(self.tr("{run}: %n snapshot(s), step {first} to {last}", "",
                                       len(series.steps)).format(
            run=name, first=series.steps[0], last=series.steps[-1]))
        if [self.layer_combo.itemText(i) for i in range(self.layer_combo.count())] != series.layers:
            previous = self.layer_combo.currentText()
            with QSignalBlocker(self.layer_combo):
                self.layer_combo.clear()
                self.layer_combo.addItems(series.layers)
                if previous in series.layers:
                    self.layer_combo.setCurrentText(previous)
        self._draw_histogram()
        self._draw_norms()

    def _step_span(self) -> tuple[float, float]:
        """Where the columns go on the step axis: each snapshot's column centred on its step."""
        steps = self.series.steps
        width = float(steps[-1] - steps[0]) / max(1, len(steps) - 1) or 1.0
        return float(steps[0]) - width / 2, width * len(steps)

    def _draw_histogram(self) -> None:
        if self.series is None or self.layer_combo.currentIndex() < 0:
            return
        matrix, (low, high) = self.series.heatmap(self.layer_combo.currentIndex(),
                                                  self.values_combo.currentData())
        self.histogram_item.setImage(matrix, autoLevels=False, levels=(0.0, 1.0))
        start, width = self._step_span()
        self.histogram_item.setRect(QRectF(start, low, width, (high - low) or 1.0))
        self.histogram_plot.autoRange(padding=0.02)

    def _draw_norms(self) -> None:
        logs = self.series.log_norms()
        finite = logs[np.isfinite(logs)]
        low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
        self.norm_bar.setLevels((low, high if high > low else low + 1.0))
        self.norm_item.setImage(logs, autoLevels=False)
        start, width = self._step_span()
        self.norm_item.setRect(QRectF(start, 0, width, len(self.series.layers)))
        self.norm_plot.getAxis("left").setTicks(
            [[(i + 0.5, name) for i, name in enumerate(self.series.layers)]])
        self.norm_plot.autoRange(padding=0.02)
