"""One run's curves, as data: growable series, the smoothed loss, and the overlay of another
run drawn over the current one. TrainingPlots (training_plots.py) draws the current run."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg

from cnnviz.core.training.events import (
    EpochEvent,
    EvaluationEvent,
    StartedEvent,
    StepEvent,
    event_from_json,
)

if TYPE_CHECKING:
    from cnnviz.ui.train.training_plots import TrainingPlots

SMOOTHING = 0.95  # weight of the past in the smoothed loss; about a 20-step window


class GrowableSeries:
    """x and y values appended in batches, kept in arrays that double when full."""

    def __init__(self) -> None:
        self._x = np.zeros(1024, dtype=np.float64)
        self._y = np.zeros(1024, dtype=np.float64)
        self.size = 0

    def extend(self, xs: np.ndarray, ys: np.ndarray) -> None:
        needed = self.size + len(xs)
        if needed > len(self._x):
            capacity = max(needed, 2 * len(self._x))
            self._x = np.resize(self._x, capacity)
            self._y = np.resize(self._y, capacity)
        self._x[self.size : needed] = xs
        self._y[self.size : needed] = ys
        self.size = needed

    @property
    def x(self) -> np.ndarray:
        return self._x[: self.size]

    @property
    def y(self) -> np.ndarray:
        return self._y[: self.size]

    def clear(self) -> None:
        self.size = 0

    def truncate(self, x_max: float) -> None:
        """Drop the points after ``x_max`` (a resumed run draws on from where it resumed)."""
        self.size = int(np.searchsorted(self.x, x_max, side="right"))

    def nearest(self, x: float) -> int | None:
        if self.size == 0:
            return None
        index = int(np.searchsorted(self.x, x))
        candidates = [i for i in (index - 1, index) if 0 <= i < self.size]
        return min(candidates, key=lambda i: abs(self.x[i] - x))


def smoothed(losses: np.ndarray, state: tuple[float, int]) -> tuple[np.ndarray, tuple]:
    """A debiased exponential average of step losses (as in Adam and TensorBoard): no lag
    behind the first steps, where the loss falls fastest. ``state`` carries it across calls."""
    out = np.empty_like(losses)
    value, count = state
    for i, loss in enumerate(losses):
        value = SMOOTHING * value + (1 - SMOOTHING) * loss
        count += 1
        out[i] = value / (1 - SMOOTHING**count)
    return out, (value, count)


def round_up(value: float) -> float:
    """The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten that is at
    least ``value`` (1 for nothing above 0)."""
    if value <= 0:
        return 1.0
    power = 10.0 ** np.floor(np.log10(value))
    return next(float(m * power) for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10)
                if m * power >= value * (1 - 1e-12))


def step_arrays(steps: list[StepEvent]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """x (epochs), loss and running train accuracy (%) of step events, as arrays."""
    n = len(steps)
    return (np.fromiter((s.epoch_fraction for s in steps), dtype=np.float64, count=n),
            np.fromiter((s.loss for s in steps), dtype=np.float64, count=n),
            np.fromiter((100 * s.train_acc for s in steps), dtype=np.float64, count=n))


def resumed_at(event: StartedEvent) -> float:
    """Where, in epochs, a (resumed) run started."""
    return event.start_step * event.epochs / max(1, event.total_steps)


class CurveSet:
    """One run's curves, fed by its events, live or read back from its metrics.jsonl. A
    second start (a resumed run) draws on from where it resumed."""

    def add_steps(self, steps: list[StepEvent]) -> None:
        raise NotImplementedError

    def add_epoch(self, event: EpochEvent) -> None:
        raise NotImplementedError

    def add_evaluation(self, event: EvaluationEvent) -> None:
        raise NotImplementedError

    def started(self, event: StartedEvent) -> None:
        raise NotImplementedError

    def add_records(self, records: list[dict]) -> None:
        steps: list[StepEvent] = []
        for event in (event_from_json(record) for record in records):
            if isinstance(event, StepEvent):
                steps.append(event)
                continue
            self.add_steps(steps)
            steps = []
            if isinstance(event, StartedEvent):
                self.started(event)
            else:
                self.add_result(event)
        self.add_steps(steps)

    def add_result(self, event: object) -> None:
        """A test result of the run (an epoch's end, or a mid-epoch evaluation); any other
        event draws nothing."""
        if isinstance(event, EpochEvent):
            self.add_epoch(event)
        elif isinstance(event, EvaluationEvent):
            self.add_evaluation(event)


class RunOverlay(CurveSet):
    """Another run drawn over the current one, in a colour of its own with its name in the
    legends: its smoothed loss and its test accuracy."""

    def __init__(self, plots: TrainingPlots, name: str, colour: tuple[int, int, int]) -> None:
        self.plots = plots
        self.colour = colour
        self.epochs = 1
        self.loss, self.accuracy = GrowableSeries(), GrowableSeries()
        self._ema = (0.0, 0)
        # one-pixel pens: Qt's raster painter draws wider lines several times slower, and ten
        # overlays of 20,000 steps then cost 75 ms a repaint instead of about 10
        self.loss_curve = plots.loss_plot.plot(pen=pg.mkPen(colour, width=1), name=name)
        self.loss_curve.setDownsampling(auto=True, method="peak")
        self.loss_curve.setClipToView(True)
        self.accuracy_curve = plots.accuracy_plot.plot(
            pen=pg.mkPen(colour, width=1), symbol="o", symbolBrush=pg.mkBrush(*colour),
            symbolSize=6, name=name)  # fmt: skip

    def add_steps(self, steps: list[StepEvent]) -> None:
        if steps:
            xs, losses, _ = step_arrays(steps)
            values, self._ema = smoothed(losses, self._ema)
            self.loss.extend(xs, values)
            self.loss_curve.setData(self.loss.x, self.loss.y)
            self.plots.fit_axes()

    def add_epoch(self, event: EpochEvent) -> None:
        self._add_accuracy(float(event.epoch), event.test_acc)

    def add_evaluation(self, event: EvaluationEvent) -> None:
        self._add_accuracy(event.epoch_fraction, event.test_acc)

    def _add_accuracy(self, x: float, accuracy: float) -> None:
        self.accuracy.extend(np.array([x]), np.array([100 * accuracy]))
        self.accuracy_curve.setData(self.accuracy.x, self.accuracy.y)

    def started(self, event: StartedEvent) -> None:
        for series in (self.loss, self.accuracy):
            series.truncate(resumed_at(event))
        self.epochs = event.epochs

    def remove(self) -> None:
        for plot, curve in ((self.plots.loss_plot, self.loss_curve),
                            (self.plots.accuracy_plot, self.accuracy_curve)):  # fmt: skip
            plot.removeItem(curve)
            plot.getPlotItem().legend.removeItem(curve)


#: overlay colours, distinct from the current run's blue, orange and red
OVERLAY_COLOURS = [(44, 160, 44), (148, 103, 189), (140, 86, 75), (227, 119, 194),
                   (127, 127, 127), (188, 189, 34), (23, 190, 207), (31, 119, 180),
                   (255, 152, 150), (82, 84, 163)]  # fmt: skip
