"""Live loss and accuracy plots (pyqtgraph).

Loss: every step's loss, faint, under an exponentially smoothed curve, with the test loss of
each epoch as markers. Accuracy: the running training accuracy of the epoch and the test
accuracy at each epoch end, in percent, each run's latest test result written beside it.
Epoch boundaries are dashed lines; hovering shows the values under the mouse.

Runs compare as TensorBoard users expect, and a little better: other runs are drawn over the
current one, each named in the legends by what tells it apart ("lr 0.01"); the smoothing is a
slider, the loss can be drawn on a log scale, and the x axis counts epochs, steps or training
time. A loss spike at the start (a high learning rate's first steps) does not flatten the
rest: the axis fits each curve's start and what follows its first tenth.

The curves stay smooth past 100,000 points: data lives in growable numpy arrays, pyqtgraph
downsamples by peak and only draws what is in view.

How the axes fit the data is in plot_axes.py; the hover text and the CSV/PNG exports are in
plot_readout.py.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QSignalBlocker, Qt
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from cnnviz.core.training.events import EpochEvent, EvaluationEvent, StartedEvent, StepEvent
from cnnviz.session.run_controller import RunController
from cnnviz.ui.train.curves import (
    OVERLAY_COLOURS,
    SMOOTHING,
    CurveSet,
    GrowableSeries,
    RunClock,
    RunOverlay,
    XAxis,
    resumed_at,
    smoothed,
    step_arrays,
)
from cnnviz.ui.train.plot_axes import PlotAxes
from cnnviz.ui.train.plot_labels import HoverReadout, PointLabels
from cnnviz.ui.train.plot_readout import PlotReadout
from cnnviz.ui.widgets.style import (
    AXIS,
    LINE_WIDTH,
    MARKER_SIZE,
    SERIES,
    follow_scale,
    line_pen,
    pixels,
    style_plot,
)

LOSS_COLOUR, TRAIN_ACC_COLOUR, TEST_COLOUR = SERIES[0], SERIES[1], SERIES[6]
#: the x axis's title for each of its units
AXIS_TITLES = {
    XAxis.EPOCHS: QT_TRANSLATE_NOOP("TrainingPlots", "epoch"),
    XAxis.STEPS: QT_TRANSLATE_NOOP("TrainingPlots", "step"),
    XAxis.TIME: QT_TRANSLATE_NOOP("TrainingPlots", "training time (s)"),
}
#: the x axis combo's items
AXIS_CHOICES = {
    XAxis.EPOCHS: QT_TRANSLATE_NOOP("TrainingPlots", "epochs"),
    XAxis.STEPS: QT_TRANSLATE_NOOP("TrainingPlots", "steps"),
    XAxis.TIME: QT_TRANSLATE_NOOP("TrainingPlots", "training time"),
}


#: the live curves are redrawn at most this often while a run trains. Its steps reach the
#: window ten times a second (training_worker.py); a redraw of both plots costs about 5 ms of
#: the GUI thread, and on a 2-core machine the trainer pays for that about twice over (its
#: thread team waits at each barrier for the thread the window displaced): at ten redraws a
#: second the window trained at 0.89 of headless, at five at 0.91, the GUI thread's CPU 70
#: and 50 ms a second (benchmarks/ui_latency.py, docs/performance.md). Five a second still
#: reads as a curve that grows.
LIVE_REDRAW_MS = 200


def _make_plot(object_name: str, title: str, y_label: str,
               legend_corner: tuple[int, int]) -> pg.PlotWidget:  # fmt: skip
    plot = pg.PlotWidget(title=title)
    plot.setObjectName(object_name)
    plot.setLabel("left", y_label)
    plot.addLegend(offset=legend_corner)
    plot.setDownsampling(auto=True, mode="peak")
    plot.setClipToView(True)
    return plot


def _faint(colour: QColor, alpha: int) -> QColor:
    faint = QColor(colour)
    faint.setAlpha(alpha)
    return faint


class TrainingPlots(QWidget, CurveSet, PlotAxes, PlotReadout):
    """The two live plots and the data behind them: the current run, and overlaid runs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # legends where curves rarely go: loss falls away from the top right; the accuracy
        # legend starts at the bottom right and moves where it covers nothing (plot_labels)
        self.loss_plot = _make_plot("lossPlot", self.tr("Loss"), self.tr("cross-entropy"),
                                    (-10, 10))  # fmt: skip
        self.accuracy_plot = _make_plot("accuracyPlot", self.tr("Accuracy"), "%", (-10, -10))
        self.full_range_check = QCheckBox(self.tr("show 0-100%"), objectName="accuracyFullRange")
        self.full_range_check.setToolTip(self.tr(
            "Accuracy follows the data, so that 98.4% and 98.8% look different; tick to see "
            "the whole 0-100% range"))
        self.full_range_check.toggled.connect(self._set_accuracy_range)
        self.axis_combo = QComboBox(objectName="xAxisCombo")
        for axis, text in AXIS_CHOICES.items():
            self.axis_combo.addItem(self.tr(text), axis)
        self.axis_combo.setToolTip(self.tr("What the x axis counts: epochs, steps, or seconds "
                                           "of training (from each step's speed)"))
        self.axis_combo.currentIndexChanged.connect(
            lambda _: self.set_x_axis(self.axis_combo.currentData()))
        self.smoothing_slider = QSlider(Qt.Orientation.Horizontal, objectName="smoothingSlider",
                                        minimum=0, maximum=99, value=round(100 * SMOOTHING))
        self.smoothing_slider.setToolTip(self.tr(
            "How much the loss curve is smoothed: the weight of the past in its moving "
            "average (0: the step losses themselves)"))
        self.smoothing_value = QLabel(objectName="smoothingValue")
        self.smoothing_slider.valueChanged.connect(lambda value: self.set_smoothing(value / 100))
        self.log_check = QCheckBox(self.tr("log scale"), objectName="lossLogScale")
        self.log_check.setToolTip(self.tr("Draw the loss on a log scale: a spike and the "
                                          "small differences late in a run both show"))
        self.log_check.toggled.connect(self._set_log_scale)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("x axis")))
        controls.addWidget(self.axis_combo)
        controls.addSpacing(12)
        controls.addWidget(QLabel(self.tr("smoothing")))
        controls.addWidget(self.smoothing_slider, 1)
        controls.addWidget(self.smoothing_value)
        controls.addSpacing(12)
        controls.addWidget(self.log_check)
        controls.addStretch(1)
        self._accuracy_range: tuple[float, float] | None = None
        self._loss_range: tuple[float, float] | None = None
        self._x_range: float | None = None
        self._fit_held = False
        self.accuracy_plot.setXLink(self.loss_plot)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(self.loss_plot, 3)
        range_row = QHBoxLayout()
        range_row.addStretch(1)
        range_row.addWidget(self.full_range_check)
        layout.addLayout(range_row)
        layout.addWidget(self.accuracy_plot, 2)

        self.axis = XAxis.EPOCHS
        self.smoothing = SMOOTHING
        self.clock = RunClock()
        self.raw_loss = GrowableSeries()
        self.smooth_loss = GrowableSeries()
        self.train_acc = GrowableSeries()
        self.test_loss = GrowableSeries()
        self.test_acc = GrowableSeries()
        self._ema = (0.0, 0)  # running average and step count
        #: each epoch boundary: its plot, its line and its epoch
        self._epoch_lines: list[tuple[pg.PlotWidget, pg.InfiniteLine, float]] = []
        self.overlays: dict[str, RunOverlay] = {}
        #: what the current run is called while others are drawn over it
        self.run_name: str | None = None
        self._span = 1

        self.raw_curve = self.loss_plot.plot(pen=pg.mkPen(_faint(LOSS_COLOUR, 70), width=1))
        self.smooth_curve = self.loss_plot.plot(pen=line_pen(LOSS_COLOUR))
        self.test_loss_points = self.loss_plot.plot(
            pen=None, symbol="o", symbolBrush=pg.mkBrush(TEST_COLOUR),
            symbolSize=pixels(MARKER_SIZE))  # fmt: skip
        self.train_acc_curve = self.accuracy_plot.plot(pen=line_pen(TRAIN_ACC_COLOUR))
        self.test_acc_points = self.accuracy_plot.plot(
            pen=line_pen(TEST_COLOUR, LINE_WIDTH / 2), symbol="o",
            symbolBrush=pg.mkBrush(TEST_COLOUR), symbolSize=pixels(MARKER_SIZE))  # fmt: skip
        #: each curve of the current run in its plot's legend, with its name there
        self._legend_names = [
            (self.loss_plot, self.raw_curve, self.tr("step loss")),
            (self.loss_plot, self.smooth_curve, self.tr("smoothed")),
            (self.loss_plot, self.test_loss_points, self.tr("test loss")),
            (self.accuracy_plot, self.train_acc_curve, self.tr("train (epoch so far)")),
            (self.accuracy_plot, self.test_acc_points, self.tr("test")),
        ]
        for plot, curve, name in self._legend_names:
            plot.getPlotItem().legend.addItem(curve, name)
        for curve in (self.raw_curve, self.smooth_curve, self.train_acc_curve):
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
        self.loss_readout = HoverReadout(self.loss_plot, self._describe_loss)
        self.accuracy_readout = HoverReadout(self.accuracy_plot, self._describe_accuracy)
        self.point_labels = PointLabels(self.accuracy_plot)
        for plot in (self.loss_plot, self.accuracy_plot):
            style_plot(plot)
        self._legends_stale = False
        self._live_redraw: Callable[[], None] | None = None
        follow_scale(self, self._redraw_legends)
        self._show_axis_title()
        self._show_smoothing()

    def subscribe(self, controller: RunController) -> None:
        """Draw the run that trains as its events arrive: its steps, its test results, and
        its whole span on the x axis once it starts. Runs read from their folders come
        through RunFollowing (run_following.py)."""
        controller.stepped.connect(self._stream_steps)
        controller.reported.connect(self.add_result)
        controller.session.run_started.connect(self._run_started)

    def _run_started(self, event: StartedEvent) -> None:
        self.clock.started(event)
        self.set_epoch_span(event.epochs)

    # -- how the plots draw -----------------------------------------------------------------
    def x_of(self, xs: np.ndarray, clock: RunClock | None = None) -> np.ndarray:
        """Epoch positions of a run (the current one unless ``clock`` says) on the x axis."""
        return (clock or self.clock).to_axis(xs, self.axis)

    def set_x_axis(self, axis: XAxis) -> None:
        """Count the x axis in epochs, steps or training time, and draw everything again."""
        if axis is self.axis:
            return
        self.axis = axis
        self.axis_combo.setCurrentIndex(self.axis_combo.findData(axis))
        self._show_axis_title()
        self._x_range = None
        self._redraw()
        for overlay in self.overlays.values():
            overlay.draw_loss()
            overlay.draw_accuracy()
        for _, line, epoch in self._epoch_lines:
            line.setPos(float(self.x_of(np.array([epoch]))[0]))
        self._fit_x()
        self.labels_moved()

    def _show_axis_title(self) -> None:
        for plot in (self.loss_plot, self.accuracy_plot):
            plot.setLabel("bottom", self.tr(AXIS_TITLES[self.axis]))

    def set_smoothing(self, weight: float) -> None:
        """Smooth the loss curves (the current run's and the overlays') with this weight."""
        self.smoothing = weight
        with QSignalBlocker(self.smoothing_slider):
            self.smoothing_slider.setValue(round(100 * weight))
        self._show_smoothing()
        values, self._ema = smoothed(self.raw_loss.y, (0.0, 0), weight)
        self.smooth_loss.clear()
        self.smooth_loss.extend(self.raw_loss.x, values)
        self.smooth_curve.setData(self.x_of(self.smooth_loss.x), self.smooth_loss.y)
        for overlay in self.overlays.values():
            overlay.resmooth()
        self.fit_axes()

    def _show_smoothing(self) -> None:
        self.smoothing_value.setText(f"{self.smoothing:.2f}")

    def _set_log_scale(self, log: bool) -> None:
        self.loss_plot.setLogMode(y=log)
        self._loss_range = None
        self._fit_loss()

    def _redraw_legends(self) -> None:
        """The legends' labels at the size style_plot gave them: pyqtgraph takes a new size
        for a label but draws it only when its text is set. Hidden plots do it when shown (a
        closed window's, about to be deleted, never: its layout would outlive its views)."""
        if not self.isVisible():
            self._legends_stale = True
            return
        self._legends_stale = False
        for plot in (self.loss_plot, self.accuracy_plot):
            for _, label in plot.getPlotItem().legend.items:
                label.setText(label.text)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._legends_stale:
            self._redraw_legends()

    def set_names(self, current: str | None, overlays: dict[str, str]) -> None:
        """Name the current run (None: it is alone, its curves need no name) and the
        overlaid runs in the legends and the labels."""
        self.run_name = current
        for plot, curve, name in self._legend_names:
            label = plot.getPlotItem().legend.getLabel(curve)
            if label is not None:
                label.setText(name if current is None or curve is self.raw_curve
                              else self.tr("{curve}: {run}").format(curve=name, run=current))
        for key, name in overlays.items():
            if key in self.overlays:
                self.overlays[key].rename(name)
        self.labels_moved()

    # -- data in ----------------------------------------------------------------------------
    def add_records(self, records: list[dict]) -> None:
        with self.fit_held():
            super().add_records(records)

    def add_steps(self, steps: list[StepEvent]) -> None:
        """Steps read back from a run folder, drawn at once."""
        if steps:
            self._take_steps(steps)
            self._draw_steps()

    def _stream_steps(self, steps: list[StepEvent]) -> None:
        """Steps of the run that trains, drawn at most every LIVE_REDRAW_MS."""
        if not steps:
            return
        self._take_steps(steps)
        if self._live_redraw is None:  # superqt loads after the first paint (test_startup)
            from superqt.utils import qthrottled

            self._live_redraw = qthrottled(self._draw_steps, timeout=LIVE_REDRAW_MS)
        self._live_redraw()

    def _take_steps(self, steps: list[StepEvent]) -> None:
        xs, losses, accs = step_arrays(steps)
        self.clock.add(xs, steps)
        values, self._ema = smoothed(losses, self._ema, self.smoothing)
        self.raw_loss.extend(xs, losses)
        self.smooth_loss.extend(xs, values)
        self.train_acc.extend(xs, accs)

    def _draw_steps(self) -> None:
        self.raw_curve.setData(self.x_of(self.raw_loss.x), self.raw_loss.y)
        self.smooth_curve.setData(self.x_of(self.smooth_loss.x), self.smooth_loss.y)
        self.train_acc_curve.setData(self.x_of(self.train_acc.x), self.train_acc.y)
        self.fit_axes()

    def add_epoch(self, event: EpochEvent) -> None:
        x = float(event.epoch)
        self.test_loss.extend(np.array([x]), np.array([event.test_loss]))
        self.test_acc.extend(np.array([x]), np.array([100 * event.test_acc]))
        self.test_loss_points.setData(self.x_of(self.test_loss.x), self.test_loss.y)
        self.test_acc_points.setData(self.x_of(self.test_acc.x), self.test_acc.y)
        self.fit_axes()
        at = float(self.x_of(np.array([x]))[0])
        for plot in (self.loss_plot, self.accuracy_plot):
            line = pg.InfiniteLine(pos=at, angle=90,
                                   pen=pg.mkPen(AXIS, width=1, style=Qt.PenStyle.DashLine))
            plot.addItem(line, ignoreBounds=True)
            self._epoch_lines.append((plot, line, x))
        self.labels_moved()

    def add_evaluation(self, event: EvaluationEvent) -> None:
        """A mid-epoch evaluation on a test subset shows as a test point too."""
        self.test_acc.extend(np.array([event.epoch_fraction]), np.array([100 * event.test_acc]))
        self.test_acc_points.setData(self.x_of(self.test_acc.x), self.test_acc.y)
        self.fit_axes()
        self.labels_moved()

    def started(self, event: StartedEvent) -> None:
        """A run's start read back: its span, and a resumed run drawn on from where it
        resumed."""
        for series in (self.raw_loss, self.smooth_loss, self.train_acc, self.test_loss,
                       self.test_acc):  # fmt: skip
            series.truncate(resumed_at(event))
        self.clock.started(event)
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
            curve.setData(self.x_of(series.x), series.y)
        self.fit_axes()
        self.labels_moved()

    # -- the latest test results, written beside their points -------------------------------
    def labels_moved(self) -> None:
        """Write each run's latest test accuracy beside its point (with the run's name while
        runs are compared), and lay the labels out again."""
        runs = [("", self.test_acc, self.clock, self.run_name, TEST_COLOUR)]
        runs += [(key, overlay.accuracy, overlay.clock, overlay.name, QColor(*overlay.colour))
                 for key, overlay in self.overlays.items()]  # fmt: skip
        shown = set()
        for key, series, clock, name, colour in runs:
            if not series.size:
                continue
            value = f"{series.y[-1]:.2f}%"
            text = value if not self.overlays else self.tr("{accuracy} {run}").format(
                accuracy=value, run=name or "")
            x = float(self.x_of(series.x[-1:], clock)[0])
            self.point_labels.set(key, x, float(series.y[-1]), text.strip(), colour)
            shown.add(key)
        self.point_labels.keep_only(shown)
        self.point_labels.place()

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
        self._x_range = None
        self._fit_x()
        self.labels_moved()
        return overlay

    def remove_overlay(self, key: str) -> None:
        overlay = self.overlays.pop(key, None)
        if overlay is not None:
            overlay.remove()
            self.labels_moved()

    def clear(self) -> None:
        self._loss_range = None
        for series in (self.raw_loss, self.smooth_loss, self.train_acc, self.test_loss,
                       self.test_acc):  # fmt: skip
            series.clear()
        self.clock.clear()
        self._ema = (0.0, 0)
        for curve in (self.raw_curve, self.smooth_curve, self.train_acc_curve,
                      self.test_loss_points, self.test_acc_points):  # fmt: skip
            curve.setData([], [])
        for plot, line, _ in self._epoch_lines:
            plot.removeItem(line)
        self._epoch_lines.clear()
        for readout in (self.loss_readout, self.accuracy_readout):
            readout.hide()
        self.labels_moved()
