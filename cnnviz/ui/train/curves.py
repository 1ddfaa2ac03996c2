"""One run's curves, as data: growable series, the smoothed loss, where each point lies on the
x axes the plots offer (epochs, steps, training time), and the overlay of another run drawn
over the current one. TrainingPlots (training_plots.py) draws the current run."""

from __future__ import annotations

from enum import Enum
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
from cnnviz.ui.widgets.style import SERIES

if TYPE_CHECKING:
    from cnnviz.ui.train.training_plots import TrainingPlots

SMOOTHING = 0.95  # weight of the past in the smoothed loss; about a 20-step window


class XAxis(Enum):
    """What the plots' x axis counts, as TensorBoard offers it."""

    EPOCHS = "epochs"
    STEPS = "steps"
    #: seconds of training, from each step's speed (test passes and pauses not counted)
    TIME = "time"


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


def smoothed(losses: np.ndarray, state: tuple[float, int],
             weight: float = SMOOTHING) -> tuple[np.ndarray, tuple[float, int]]:  # fmt: skip
    """A debiased exponential average of step losses (as in Adam and TensorBoard): no lag
    behind the first steps, where the loss falls fastest. ``state`` carries it across calls;
    ``weight`` is the past's (0: no smoothing)."""
    out = np.empty_like(losses)
    value, count = state
    for i, loss in enumerate(losses):
        value = weight * value + (1 - weight) * loss
        count += 1
        out[i] = value / (1 - weight**count) if weight > 0 else value
    return out, (value, count)


def round_up(value: float) -> float:
    """The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten that is at
    least ``value`` (1 for nothing above 0)."""
    if value <= 0:
        return 1.0
    power = 10.0 ** np.floor(np.log10(value))
    return next(float(m * power) for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10)
                if m * power >= value * (1 - 1e-12))


def past_first_tenth(series: GrowableSeries) -> np.ndarray:
    """A curve's values after its first tenth (where a loss falls from chance, or spikes when
    the learning rate is high): what tells runs apart."""
    x = series.x
    return series.y[x >= 0.1 * x[-1]] if len(x) else series.y


def spread(positions: list[float], gap: float,
           bounds: tuple[float, float] | None = None) -> list[float]:  # fmt: skip
    """Positions (pixels, top to bottom or any order) moved apart so that no two are closer
    than ``gap``, each as near to where it wants to be as the others allow: overlapping
    neighbours are centred, as a group, on the mean of their wishes. Labels of 98.42% and
    98.38% then sit one above the other instead of on top of each other. Within ``bounds``
    (low, high) where given and there is room: a group pushed past one end moves back in."""
    order = sorted(range(len(positions)), key=lambda i: positions[i])
    groups: list[list[int]] = []  # runs of neighbours, each laid out from its top

    def top(group: list[int]) -> float:
        return float(np.mean([positions[i] for i in group])) - gap * (len(group) - 1) / 2

    for index in order:
        groups.append([index])
        while len(groups) > 1 and top(groups[-2]) + gap * len(groups[-2]) > top(groups[-1]):
            last = groups.pop()
            groups[-1] += last
    placed = [0.0] * len(positions)
    for group in groups:
        for rank, index in enumerate(group):
            placed[index] = top(group) + rank * gap
    if bounds is not None and order:
        low, high = bounds
        for rank, index in enumerate(order):  # down from the top: none above ``low``
            placed[index] = max(placed[index], low + rank * gap)
        for rank, index in enumerate(reversed(order)):  # up from the bottom: none below
            placed[index] = min(placed[index], high - rank * gap)
    return placed


def step_arrays(steps: list[StepEvent]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """x (epochs), loss and running train accuracy (%) of step events, as arrays."""
    n = len(steps)
    return (np.fromiter((s.epoch_fraction for s in steps), dtype=np.float64, count=n),
            np.fromiter((s.loss for s in steps), dtype=np.float64, count=n),
            np.fromiter((100 * s.train_acc for s in steps), dtype=np.float64, count=n))


def resumed_at(event: StartedEvent) -> float:
    """Where, in epochs, a (resumed) run started."""
    return event.start_step * event.epochs / max(1, event.total_steps)


class RunClock:
    """Where a run's points lie on the steps and time axes. Points are kept in epochs; a step
    is an epoch times the steps per epoch, and the training time at each step event is the
    time its images took at its speed, summed, so that any point (a test result at an
    epoch's end) finds its time between the steps around it."""

    def __init__(self) -> None:
        self.epochs = 1
        self.total_steps = 0
        self.batch_size = 1
        #: x: epochs, y: seconds of training at that step
        self.seconds = GrowableSeries()

    def started(self, event: StartedEvent) -> None:
        self.epochs, self.total_steps = max(1, event.epochs), event.total_steps
        # the batch, from the images and the steps of an epoch (its last batch may be short)
        self.batch_size = max(1, round(event.train_size * self.epochs
                                       / max(1, event.total_steps)))  # fmt: skip
        self.seconds.truncate(resumed_at(event))

    def add(self, xs: np.ndarray, steps: list[StepEvent]) -> None:
        rates = np.fromiter((s.images_per_second for s in steps), dtype=np.float64,
                            count=len(steps))  # fmt: skip
        durations = np.where(rates > 0, self.batch_size / np.maximum(rates, 1e-12), 0.0)
        start = self.seconds.y[-1] if self.seconds.size else 0.0
        self.seconds.extend(xs, start + np.cumsum(durations))

    def clear(self) -> None:
        self.seconds.clear()

    @property
    def steps_per_epoch(self) -> float:
        return self.total_steps / self.epochs if self.total_steps else 1.0

    def to_axis(self, xs: np.ndarray, axis: XAxis) -> np.ndarray:
        """Epoch positions on ``axis``."""
        if axis is XAxis.STEPS:
            return xs * self.steps_per_epoch
        if axis is XAxis.TIME:
            table = self.seconds
            return np.interp(xs, table.x, table.y) if table.size else np.zeros_like(xs)
        return xs

    def from_axis(self, value: float, axis: XAxis) -> float:
        """A position on ``axis`` in epochs (the hover readout's)."""
        if axis is XAxis.STEPS:
            return value / self.steps_per_epoch
        if axis is XAxis.TIME and self.seconds.size:
            return float(np.interp(value, self.seconds.y, self.seconds.x))
        return value

    def span(self, axis: XAxis) -> float:
        """How far the whole run reaches on ``axis`` (time: as far as it got)."""
        if axis is XAxis.STEPS:
            return self.epochs * self.steps_per_epoch
        if axis is XAxis.TIME:
            return float(self.seconds.y[-1]) if self.seconds.size else 0.0
        return float(self.epochs)


class CurveSet:
    """One run's curves, fed by its events, live or read back from its metrics.jsonl. A
    second start (a resumed run) draws on from where it resumed."""

    clock: RunClock

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
        self.name = name
        self.clock = RunClock()
        #: the step losses, and the smoothed curve drawn from them
        self.raw, self.loss, self.accuracy = GrowableSeries(), GrowableSeries(), GrowableSeries()
        self._ema = (0.0, 0)
        # one-pixel pens: Qt's raster painter draws wider lines several times slower, and ten
        # overlays of 20,000 steps then cost 75 ms a repaint instead of about 10
        self.loss_curve = plots.loss_plot.plot(pen=pg.mkPen(colour, width=1), name=name)
        self.loss_curve.setDownsampling(auto=True, method="peak")
        self.loss_curve.setClipToView(True)
        self.accuracy_curve = plots.accuracy_plot.plot(
            pen=pg.mkPen(colour, width=1), symbol="o", symbolBrush=pg.mkBrush(*colour),
            symbolSize=6, name=name)  # fmt: skip

    @property
    def epochs(self) -> int:
        return self.clock.epochs

    def add_steps(self, steps: list[StepEvent]) -> None:
        if steps:
            xs, losses, _ = step_arrays(steps)
            self.clock.add(xs, steps)
            values, self._ema = smoothed(losses, self._ema, self.plots.smoothing)
            self.raw.extend(xs, losses)
            self.loss.extend(xs, values)
            self.draw_loss()
            self.plots.fit_axes()

    def resmooth(self) -> None:
        """The smoothed curve again, at the plots' smoothing now."""
        values, self._ema = smoothed(self.raw.y, (0.0, 0), self.plots.smoothing)
        self.loss.clear()
        self.loss.extend(self.raw.x, values)
        self.draw_loss()

    def add_epoch(self, event: EpochEvent) -> None:
        self._add_accuracy(float(event.epoch), event.test_acc)

    def add_evaluation(self, event: EvaluationEvent) -> None:
        self._add_accuracy(event.epoch_fraction, event.test_acc)

    def _add_accuracy(self, x: float, accuracy: float) -> None:
        self.accuracy.extend(np.array([x]), np.array([100 * accuracy]))
        self.draw_accuracy()
        self.plots.labels_moved()

    def draw_loss(self) -> None:
        self.loss_curve.setData(self.plots.x_of(self.loss.x, self.clock), self.loss.y)

    def draw_accuracy(self) -> None:
        self.accuracy_curve.setData(self.plots.x_of(self.accuracy.x, self.clock),
                                    self.accuracy.y)  # fmt: skip

    def started(self, event: StartedEvent) -> None:
        for series in (self.raw, self.loss, self.accuracy):
            series.truncate(resumed_at(event))
        self.clock.started(event)

    def rename(self, name: str) -> None:
        self.name = name
        for plot, curve in ((self.plots.loss_plot, self.loss_curve),
                            (self.plots.accuracy_plot, self.accuracy_curve)):  # fmt: skip
            label = plot.getPlotItem().legend.getLabel(curve)
            if label is not None:
                label.setText(name)

    def remove(self) -> None:
        for plot, curve in ((self.plots.loss_plot, self.loss_curve),
                            (self.plots.accuracy_plot, self.accuracy_curve)):  # fmt: skip
            plot.removeItem(curve)
            plot.getPlotItem().legend.removeItem(curve)


#: overlay colours, distinct from the current run's (the palette's blue, vermilion and black)
#: and from each other: the rest of the palette, then tones of its own
OVERLAY_COLOURS: list[tuple[int, int, int]] = [
    (colour.red(), colour.green(), colour.blue()) for colour in SERIES[2:6]] + [
    (140, 86, 75), (127, 127, 127), (188, 189, 34), (82, 84, 163), (148, 103, 189),
    (140, 20, 60)]  # fmt: skip
