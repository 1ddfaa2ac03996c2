"""Live loss and accuracy plots (pyqtgraph).

Loss: every step's loss, faint, under an exponentially smoothed curve, with the test loss of
each epoch as markers. Accuracy: the running training accuracy of the epoch and the test
accuracy at each epoch end, in percent. Epoch boundaries are dashed lines; hovering shows the
values under the mouse. The curves stay smooth past 100,000 points: data lives in growable
numpy arrays, pyqtgraph downsamples by peak and only draws what is in view.
"""

from __future__ import annotations

import contextlib
import csv
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QVBoxLayout, QWidget

from cnnviz.core.training.events import EpochEvent, EvaluationEvent, StartedEvent, StepEvent
from cnnviz.session.run_controller import RunController
from cnnviz.ui.train.curves import (
    OVERLAY_COLOURS,
    CurveSet,
    GrowableSeries,
    RunOverlay,
    resumed_at,
    round_up,
    smoothed,
    step_arrays,
)
from cnnviz.ui.widgets.charts import export_plot_png

RAW_PEN = pg.mkPen((90, 140, 220, 70), width=1)
SMOOTH_PEN = pg.mkPen((40, 90, 200), width=2)
TRAIN_ACC_PEN = pg.mkPen((230, 130, 30), width=2)
TEST_BRUSH = pg.mkBrush(200, 40, 40)
EPOCH_PEN = pg.mkPen((150, 150, 150), width=1, style=Qt.PenStyle.DashLine)


def _make_plot(object_name: str, title: str, y_label: str,
               legend_corner: tuple[int, int]) -> pg.PlotWidget:  # fmt: skip
    plot = pg.PlotWidget(title=title)
    plot.setObjectName(object_name)
    plot.setBackground("w")
    plot.setLabel("bottom", "epoch")
    plot.setLabel("left", y_label)
    plot.addLegend(offset=legend_corner)
    plot.setDownsampling(auto=True, mode="peak")
    plot.setClipToView(True)
    return plot


class TrainingPlots(QWidget, CurveSet):
    """The two live plots and the data behind them: the current run, and overlaid runs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # legends where curves rarely go: loss falls away from the top right, accuracy rises
        # away from the bottom right
        self.loss_plot = _make_plot("lossPlot", "Loss", "cross-entropy", (-10, 10))
        self.accuracy_plot = _make_plot("accuracyPlot", "Accuracy", "%", (-10, -10))
        self.full_range_check = QCheckBox("show 0-100%", objectName="accuracyFullRange")
        self.full_range_check.setToolTip("Accuracy follows the data, so that 98.4% and 98.8% "
                                         "look different; tick to see the whole 0-100% range")
        self.full_range_check.toggled.connect(self._set_accuracy_range)
        self._accuracy_range: tuple[float, float] | None = None
        self._loss_top: float | None = None
        self._fit_held = False
        self.accuracy_plot.setXLink(self.loss_plot)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.loss_plot, 3)
        range_row = QHBoxLayout()
        range_row.addStretch(1)
        range_row.addWidget(self.full_range_check)
        layout.addLayout(range_row)
        layout.addWidget(self.accuracy_plot, 2)

        self.raw_loss = GrowableSeries()
        self.smooth_loss = GrowableSeries()
        self.train_acc = GrowableSeries()
        self.test_loss = GrowableSeries()
        self.test_acc = GrowableSeries()
        self._ema = (0.0, 0)  # running average and step count
        self._epoch_lines: list[tuple[pg.PlotWidget, pg.InfiniteLine]] = []
        self.overlays: dict[str, RunOverlay] = {}
        self._span = 1

        self.raw_curve = self.loss_plot.plot(pen=RAW_PEN, name="step loss")
        self.smooth_curve = self.loss_plot.plot(pen=SMOOTH_PEN, name="smoothed")
        self.test_loss_points = self.loss_plot.plot(
            pen=None, symbol="o", symbolBrush=TEST_BRUSH, symbolSize=8, name="test loss"
        )
        self.train_acc_curve = self.accuracy_plot.plot(pen=TRAIN_ACC_PEN, name="train (running)")
        self.test_acc_points = self.accuracy_plot.plot(
            pen=pg.mkPen((200, 40, 40), width=1), symbol="o", symbolBrush=TEST_BRUSH,
            symbolSize=8, name="test",
        )  # fmt: skip
        for curve in (self.raw_curve, self.smooth_curve, self.train_acc_curve):
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
        self._hover_texts = {}
        for plot in (self.loss_plot, self.accuracy_plot):
            text = pg.TextItem(anchor=(0, 1), color=(30, 30, 30),
                               fill=pg.mkBrush(255, 255, 255, 220))
            text.setZValue(10)
            text.hide()
            plot.addItem(text, ignoreBounds=True)
            self._hover_texts[plot] = text
            plot.scene().sigMouseMoved.connect(
                lambda pos, plot=plot: self._on_hover(plot, pos)
            )

    def subscribe(self, controller: RunController) -> None:
        """Draw the run that trains as its events arrive: its steps, its test results, and
        its whole span on the x axis once it starts. Runs read from their folders come
        through RunFollowing (run_following.py)."""
        controller.stepped.connect(self.add_steps)
        controller.reported.connect(self.add_result)
        controller.session.run_started.connect(self._run_started)

    def _run_started(self, event: StartedEvent) -> None:
        self.set_epoch_span(event.epochs)

    # -- data in ----------------------------------------------------------------------------
    def _set_accuracy_range(self, full: bool) -> None:
        self._accuracy_range = None
        if full:
            self.accuracy_plot.setYRange(0, 100, padding=0.02)
        else:
            self._fit_accuracy()

    def fit_axes(self) -> None:
        """Set the y axes from the data, changing them only when they must: a new range
        regenerates an axis, which cost about 40% of a live update when pyqtgraph's auto
        range moved the loss axis at every update (benchmarks/ui_latency.py)."""
        if self._fit_held:
            return
        self._fit_loss()
        self._fit_accuracy()

    def add_records(self, records: list[dict]) -> None:
        with self.fit_held():
            super().add_records(records)

    @contextlib.contextmanager
    def fit_held(self) -> Iterator[None]:
        """Fit the axes once, after a run's history is read, not after each chunk of it."""
        self._fit_held = True
        try:
            yield
        finally:
            self._fit_held = False
        self.fit_axes()

    def _fit_loss(self) -> None:
        """The loss axis from 0 to a round number above the highest loss drawn: the first
        steps' loss, so it stays put for the rest of the run."""
        values = np.concatenate([self.raw_loss.y, self.test_loss.y,
                                 *(overlay.loss.y for overlay in self.overlays.values())])
        values = values[np.isfinite(values)]
        if not len(values):
            return
        top = round_up(float(values.max()))
        if top != self._loss_top:
            self._loss_top = top
            self.loss_plot.setYRange(0, top, padding=0.02)

    def _fit_accuracy(self) -> None:
        """The accuracy axis over what tells runs apart: the test points and the training
        curve past its first tenth (where it climbs from chance), overlays included, so that
        98.4% and 98.8% look different. Set only when it moves by half a point: a new range
        redraws the axis."""
        if self.full_range_check.isChecked():
            return
        x = self.train_acc.x
        parts = [self.test_acc.y, self.train_acc.y[x >= 0.1 * x[-1]] if len(x) else x,
                 *(overlay.accuracy.y for overlay in self.overlays.values())]
        values = np.concatenate(parts)
        if not len(values):
            return
        low, high = float(values.min()), float(values.max())
        margin = max(0.5, 0.1 * (high - low))
        wanted = (max(0.0, np.floor(2 * (low - margin)) / 2),
                  min(100.0, np.ceil(2 * (high + margin)) / 2))
        if wanted != self._accuracy_range:
            self._accuracy_range = wanted
            self.accuracy_plot.setYRange(*wanted, padding=0)

    def set_epoch_span(self, epochs: int) -> None:
        """Fix the x axis to the whole run (and the overlaid ones): the axes are then not
        redrawn as points arrive, which is most of what a plot update costs."""
        self._span = max(1, epochs)
        longest = max([self._span, *(o.epochs for o in self.overlays.values())])
        for plot in (self.loss_plot, self.accuracy_plot):
            # room on the right, so that the last test point is not cut in half
            plot.setXRange(0, longest, padding=0.04)

    def add_steps(self, steps: list[StepEvent]) -> None:
        if not steps:
            return
        xs, losses, accs = step_arrays(steps)
        values, self._ema = smoothed(losses, self._ema)
        self.raw_loss.extend(xs, losses)
        self.smooth_loss.extend(xs, values)
        self.train_acc.extend(xs, accs)
        self.raw_curve.setData(self.raw_loss.x, self.raw_loss.y)
        self.smooth_curve.setData(self.smooth_loss.x, self.smooth_loss.y)
        self.train_acc_curve.setData(self.train_acc.x, self.train_acc.y)
        self.fit_axes()

    def add_epoch(self, event: EpochEvent) -> None:
        x = float(event.epoch)
        self.test_loss.extend(np.array([x]), np.array([event.test_loss]))
        self.test_acc.extend(np.array([x]), np.array([100 * event.test_acc]))
        self.test_loss_points.setData(self.test_loss.x, self.test_loss.y)
        self.test_acc_points.setData(self.test_acc.x, self.test_acc.y)
        self.fit_axes()
        for plot in (self.loss_plot, self.accuracy_plot):
            line = pg.InfiniteLine(pos=x, angle=90, pen=EPOCH_PEN)
            plot.addItem(line, ignoreBounds=True)
            self._epoch_lines.append((plot, line))

    def add_evaluation(self, event: EvaluationEvent) -> None:
        """A mid-epoch evaluation on a test subset shows as a test point too."""
        self.test_acc.extend(np.array([event.epoch_fraction]), np.array([100 * event.test_acc]))
        self.test_acc_points.setData(self.test_acc.x, self.test_acc.y)
        self.fit_axes()

    def started(self, event: StartedEvent) -> None:
        """A run's start read back: its span, and a resumed run drawn on from where it
        resumed."""
        for series in (self.raw_loss, self.smooth_loss, self.train_acc, self.test_loss,
                       self.test_acc):  # fmt: skip
            series.truncate(resumed_at(event))
        self._redraw()
        self.set_epoch_span(event.epochs)

    def show_records(self, records: list[dict]) -> None:
        """Draw a run's recorded history (its metrics.jsonl) as the current run."""
        self.clear()
        self.add_records(records)
        self._redraw()

    def _redraw(self) -> None:
        for curve, series in ((self.raw_curve, self.raw_loss), (self.smooth_curve,
                              self.smooth_loss), (self.train_acc_curve, self.train_acc),
                              (self.test_loss_points, self.test_loss),
                              (self.test_acc_points, self.test_acc)):  # fmt: skip
            curve.setData(series.x, series.y)
        self.fit_axes()

    # -- overlays ---------------------------------------------------------------------------
    def set_overlay(self, key: str, name: str, records: list[dict]) -> RunOverlay:
        """Draw another run over the current one (replacing an earlier drawing of it)."""
        self.remove_overlay(key)
        used = {overlay.colour for overlay in self.overlays.values()}
        colour = next((c for c in OVERLAY_COLOURS if c not in used),
                      OVERLAY_COLOURS[len(self.overlays) % len(OVERLAY_COLOURS)])
        overlay = RunOverlay(self, name, colour)
        with self.fit_held():
            overlay.add_records(records)
            self.overlays[key] = overlay
        self.set_epoch_span(self._span)
        return overlay

    def remove_overlay(self, key: str) -> None:
        overlay = self.overlays.pop(key, None)
        if overlay is not None:
            overlay.remove()

    def clear(self) -> None:
        self._loss_top = None
        for series in (self.raw_loss, self.smooth_loss, self.train_acc, self.test_loss,
                       self.test_acc):  # fmt: skip
            series.clear()
        self._ema = (0.0, 0)
        for curve in (self.raw_curve, self.smooth_curve, self.train_acc_curve,
                      self.test_loss_points, self.test_acc_points):  # fmt: skip
            curve.setData([], [])
        for plot, line in self._epoch_lines:
            plot.removeItem(line)
        self._epoch_lines.clear()

    # -- hover ------------------------------------------------------------------------------
    def _on_hover(self, plot: pg.PlotWidget, scene_pos) -> None:
        text = self._hover_texts[plot]
        view = plot.getPlotItem().vb
        if not view.sceneBoundingRect().contains(scene_pos):
            text.hide()
            return
        point = view.mapSceneToView(scene_pos)
        series = self.smooth_loss if plot is self.loss_plot else self.train_acc
        index = series.nearest(point.x())
        if index is None:
            text.hide()
            return
        x = series.x[index]
        if plot is self.loss_plot:
            label = (f"epoch {x:.2f}\nloss {self.raw_loss.y[index]:.4f}\n"
                     f"smoothed {series.y[index]:.4f}")
        else:
            label = f"epoch {x:.2f}\ntrain accuracy {series.y[index]:.2f}%"
        test_series = self.test_loss if plot is self.loss_plot else self.test_acc
        test_index = test_series.nearest(point.x())
        if test_index is not None and abs(test_series.x[test_index] - x) < 0.02:
            label += f"\ntest {test_series.y[test_index]:.4g}"
        text.setText(label)
        text.setPos(point.x(), point.y())
        text.show()

    # -- export -----------------------------------------------------------------------------
    def export_csv(self, path: Path) -> None:
        """One row per step (epoch, loss, smoothed loss, running train accuracy), and one per
        test evaluation."""
        with Path(path).open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["kind", "epoch", "loss", "smoothed_loss", "accuracy_percent"])
            for x, loss, smooth, acc in zip(self.raw_loss.x, self.raw_loss.y,
                                            self.smooth_loss.y, self.train_acc.y, strict=True):
                writer.writerow(["train_step", f"{x:.5f}", f"{loss:.6f}", f"{smooth:.6f}",
                                 f"{acc:.3f}"])  # fmt: skip
            losses = dict(zip(self.test_loss.x, self.test_loss.y, strict=True))
            for x, acc in zip(self.test_acc.x, self.test_acc.y, strict=True):
                loss = losses.get(x)
                writer.writerow(["test", f"{x:.5f}", "" if loss is None else f"{loss:.6f}", "",
                                 f"{acc:.3f}"])  # fmt: skip

    def export_png(self, path: Path) -> list[Path]:
        """Both plots as PNG files: PATH for the loss and PATH-accuracy.png for accuracy."""
        path = Path(path)
        outputs = [path, path.with_name(f"{path.stem}-accuracy{path.suffix or '.png'}")]
        for plot, out in zip((self.loss_plot, self.accuracy_plot), outputs, strict=True):
            export_plot_png(plot, out, max(800, plot.width()))
        return outputs
