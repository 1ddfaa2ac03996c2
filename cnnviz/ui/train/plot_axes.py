"""How the training plots fit their axes to the data.

Split from training_plots.py (issue 22: no module over 450 lines): the axis fitting is a
self-contained policy (which ranges the loss, accuracy and x axes take, and when they may
change at all) that reads the plots' series but draws no curve. ``TrainingPlots`` mixes it
in; the attributes declared below are the ones it provides.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QCheckBox

from cnnviz.ui.train.curves import (
    GrowableSeries,
    RunClock,
    RunOverlay,
    XAxis,
    past_first_tenth,
    round_up,
)

#: how much wider than the data's the accuracy axis's range may stay before it narrows
ACCURACY_SLACK = 2.0


class PlotAxes:
    """The axes of the loss and accuracy plots, set from the current run and the overlays."""

    loss_plot: pg.PlotWidget
    accuracy_plot: pg.PlotWidget
    full_range_check: QCheckBox
    log_check: QCheckBox
    axis: XAxis
    clock: RunClock
    raw_loss: GrowableSeries
    train_acc: GrowableSeries
    test_loss: GrowableSeries
    test_acc: GrowableSeries
    overlays: dict[str, RunOverlay]
    _accuracy_range: tuple[float, float] | None
    _loss_range: tuple[float, float] | None
    _x_range: float | None
    _fit_held: bool
    _span: int

    def _set_accuracy_range(self, full: bool) -> None:
        self._accuracy_range = None
        if full:
            self.accuracy_plot.setYRange(0, 100, padding=0.02)
        else:
            self._fit_accuracy()

    def fit_axes(self) -> None:
        """Set the axes from the data, changing them only when they must: a new range
        regenerates an axis, which cost about 40% of a live update when pyqtgraph's auto
        range moved the loss axis at every update (benchmarks/ui_latency.py)."""
        if self._fit_held:
            return
        self._fit_loss()
        self._fit_accuracy()
        self._fit_x()

    @contextlib.contextmanager
    def fit_held(self) -> Iterator[None]:
        """Fit the axes once, after a run's history is read, not after each chunk of it."""
        self._fit_held = True
        try:
            yield
        finally:
            self._fit_held = False
        self.fit_axes()

    def _loss_curves(self) -> list[GrowableSeries]:
        return [self.raw_loss, *(overlay.loss for overlay in self.overlays.values())]

    def _fit_loss(self) -> None:
        """The loss axis from 0 to a round number above each curve's start (chance, for a
        fresh model) and everything after its first tenth: a spike in a run's first steps (a
        high learning rate) is cut, a late one widens the axis. It stays put while the loss
        falls. On a log scale, whole decades around every loss drawn."""
        curves = [curve for curve in self._loss_curves() if curve.size]
        if self.log_check.isChecked():
            values = np.concatenate([self.test_loss.y, *(curve.y for curve in curves)])
            values = values[np.isfinite(values) & (values > 0)]
            if not len(values):
                return
            wanted = (float(np.floor(np.log10(values.min()))),
                      float(np.log10(round_up(float(values.max())))))
        else:
            values = np.concatenate([self.test_loss.y, *(curve.y[:1] for curve in curves),
                                     *(past_first_tenth(curve) for curve in curves)])
            values = values[np.isfinite(values)]
            if not len(values):
                return
            wanted = (0.0, round_up(float(values.max())))
        if wanted != self._loss_range:
            self._loss_range = wanted
            self.loss_plot.setYRange(*wanted, padding=0.02)

    def _fit_accuracy(self) -> None:
        """The accuracy axis over what tells runs apart: the test points and the training
        curve past its first tenth (where it climbs from chance), overlays included, so that
        98.4% and 98.8% look different. Set only when it moves by half a point: a new range
        redraws the axis."""
        if self.full_range_check.isChecked():
            return
        parts = [self.test_acc.y, past_first_tenth(self.train_acc),
                 *(overlay.accuracy.y for overlay in self.overlays.values())]
        values = np.concatenate(parts)
        if not len(values):
            return
        low, high = float(values.min()), float(values.max())
        margin = max(0.5, 0.1 * (high - low))
        wanted = (max(0.0, np.floor(2 * (low - margin)) / 2),
                  min(100.0, np.ceil(2 * (high + margin)) / 2))
        if wanted != self._accuracy_range and not self._keeps_accuracy_range(low, high, wanted):
            self._accuracy_range = wanted
            self.accuracy_plot.setYRange(*wanted, padding=0)

    def _keeps_accuracy_range(self, low: float, high: float, wanted: tuple[float, float]) -> bool:
        """The range shown still holds the values from ``low`` to ``high`` and is at most
        ACCURACY_SLACK times as wide as ``wanted``, theirs with its margins: while accuracy
        climbed through an epoch, the range followed it half a point at a time, and each new
        range redrew the axis and placed the legend again (benchmarks/ui_latency.py)."""
        shown = self._accuracy_range
        return (shown is not None and shown[0] <= low and high <= shown[1]
                and shown[1] - shown[0] <= ACCURACY_SLACK * (wanted[1] - wanted[0]))

    def set_epoch_span(self, epochs: int) -> None:
        """Fix the x axis to the whole run (and the overlaid ones): the axes are then not
        redrawn as points arrive, which is most of what a plot update costs."""
        self._span = max(1, epochs)
        self._x_range = None
        self._fit_x()

    def _fit_x(self) -> None:
        """The x axis over the longest run drawn: its epochs or steps; its training time so
        far, to a round number, on the time axis."""
        clocks = [self.clock, *(overlay.clock for overlay in self.overlays.values())]
        if self.axis is XAxis.EPOCHS:
            longest = float(max([self._span, *(o.epochs for o in self.overlays.values())]))
        elif self.axis is XAxis.STEPS:
            longest = max([self._span * self.clock.steps_per_epoch,
                           *(clock.span(XAxis.STEPS) for clock in clocks[1:])])
        else:
            longest = round_up(max(clock.span(XAxis.TIME) for clock in clocks))
        if longest != self._x_range:
            self._x_range = longest
            for plot in (self.loss_plot, self.accuracy_plot):
                # room on the right, so that the last test point is not cut in half
                plot.setXRange(0, longest, padding=0.04)
