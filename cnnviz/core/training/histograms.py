"""Weights and gradients over training, as TensorBoard's histograms show them: about 100
snapshots a run, whatever its length, and the heatmaps the app draws from them.

The trainer asks the run's SnapshotSchedule ``due(step)`` after each backward pass and, when
it says yes, ``take``s every recorder's snapshot (these histograms, the timelapse frames of
timelapse.py) before the optimiser steps, so each gradient is the one that made the update.
The 100 snapshots are spread evenly over the run's steps from the first one on (every step of
a run shorter than that), and a resumed run keeps the same schedule. A snapshot only reads the
weights and gradients (no random numbers, no change), so a seeded run computes the same
weights with or without them. Their cost is held to a share of the time trained so far: a
snapshot that would go over it waits for a later step (a huge model on a slow device gets
fewer, never a slower run).

Each histogram spans its own values (64 bins from the smallest to the largest); the heatmap of
a layer over steps spreads every snapshot's bins over the range of all of them. Gradient norms
are drawn as log10, one row per layer, so a layer whose gradients vanish or explode stands out
as a dark or bright band.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np
import torch
from torch import nn

from cnnviz.core.training.events import HistogramEvent

SNAPSHOTS = 100
BINS = 64
#: snapshots may take at most this share of the training time so far
COST_SHARE = 0.02


def layer_name(parameter: str) -> str:
    """``layer1.0.weight`` is layer ``layer1.0``; a weight of the model itself keeps its name."""
    owner, _, attribute = parameter.rpartition(".")
    return owner if owner and attribute == "weight" else parameter


class SnapshotSchedule:
    """When a run records its snapshots (histograms, timelapse frames): about ``snapshots``
    steps spread evenly over the run, throttled to ``cost_share`` of the time trained so far.
    One schedule takes all of a run's recorders at once, so they record the same steps and
    their costs count against one budget."""

    def __init__(self, total_steps: int, start_step: int = 0, snapshots: int = SNAPSHOTS,
                 cost_share: float | None = None,
                 clock: Callable[[], float] = time.perf_counter) -> None:  # fmt: skip
        """``cost_share`` None takes the module's COST_SHARE as it is when the run starts."""
        self.total_steps = max(1, total_steps)
        self.snapshots = max(1, snapshots)
        self.cost_share = COST_SHARE if cost_share is None else cost_share
        self.clock = clock
        self.started = clock()
        self.spent = 0.0
        self.next_step = self._scheduled_after(start_step)

    def _scheduled_after(self, step: int) -> float:
        """The first scheduled step after ``step``: snapshot k of n falls at step
        1 + floor(k * total / n), so a run of any length gets min(total, n), evenly spread
        from the first step on; the first k whose step is past ``step`` is ceil(step n / T)."""
        k = -(-step * self.snapshots // self.total_steps)
        return 1 + k * self.total_steps // self.snapshots if k < self.snapshots else math.inf

    def due(self, step: int) -> bool:
        """Whether to take a snapshot at this step (counting from 1)."""
        if step < self.next_step:
            return False
        return self.spent <= self.cost_share * (self.clock() - self.started)

    def take(self, step: int, recorders: Iterable[Recorder]) -> list[Any]:
        """Each recorder's snapshot at this step (those that have one), their time charged
        to the budget; the next snapshot is the next scheduled one."""
        began = self.clock()
        events = [event for recorder in recorders
                  if (event := recorder.snapshot(step)) is not None]
        self.spent += self.clock() - began
        self.next_step = self._scheduled_after(step)
        return events


class Recorder(Protocol):
    """What a schedule's recorder does: read the model at a step (no random numbers, no
    change), or return None when it has nothing to record."""

    def snapshot(self, step: int) -> Any | None: ...


class HistogramRecorder:
    """Each weight's values and gradient as histograms, when the run's schedule says so."""

    def __init__(self, model: nn.Module, bins: int = BINS) -> None:
        self.weights = [(layer_name(name), p) for name, p in model.named_parameters()
                        if p.ndim >= 2 and p.requires_grad]  # fmt: skip
        self.bins = bins

    def snapshot(self, step: int) -> HistogramEvent | None:
        """The weights and gradients now; None for a model without a weight to count."""
        if not self.weights:
            return None
        weights, gradients, norms = [], [], []
        for _, parameter in self.weights:
            weights.append(_histogram(_numbers(parameter), self.bins))
            if parameter.grad is None:
                gradients.append(np.zeros(self.bins + 2, dtype=np.float64))
                norms.append(0.0)
            else:
                gradient = _numbers(parameter.grad)
                gradients.append(_histogram(gradient, self.bins))
                norms.append(float(np.linalg.norm(gradient)))
        weight_rows, grad_rows = np.stack(weights), np.stack(gradients)
        return HistogramEvent(
            step=step, layers=[name for name, _ in self.weights],
            weight_ranges=weight_rows[:, :2].astype(np.float32),
            weight_counts=weight_rows[:, 2:].astype(np.int64),
            grad_ranges=grad_rows[:, :2].astype(np.float32),
            grad_counts=grad_rows[:, 2:].astype(np.int64),
            # a gradient that overflowed has exploded: the largest float32 says so in JSON
            grad_norms=np.nan_to_num(np.array(norms), nan=3e38, posinf=3e38).astype(np.float32),
        )  # fmt: skip


def _numbers(tensor: torch.Tensor) -> np.ndarray:
    """A tensor's values as float32 numbers on the host (no copy for a CPU float tensor).

    The counting is NumPy's: on a busy CPU, torch's small reductions and histc each paid
    several milliseconds to wake their thread team (histc 8 ms a call whatever the size,
    NumPy 0.15 ms for 16k values), which made snapshots of a small model cost more than the
    steps between them."""
    return tensor.detach().float().flatten().cpu().numpy()


def _histogram(values: np.ndarray, bins: int) -> np.ndarray:
    """[low, high, counts...] of the finite values (a non-finite value counts as 0)."""
    if not np.isfinite(values).all():
        values = np.nan_to_num(values, nan=0.0, posinf=0.0, neginf=0.0)
    low, high = float(values.min()), float(values.max())
    if high - low <= abs(low) * 1e-4:  # one value, or too close for 64 float32 bins
        high = low + max(abs(low) * 1e-4, 1.0)
    counts = np.histogram(values, bins=bins, range=(low, high))[0]
    return np.concatenate([[low, high], counts]).astype(np.float64)


@dataclass
class HistogramSeries:
    """A run's snapshots side by side, for drawing: S snapshots of L layers."""

    steps: np.ndarray  # int64 [S]
    layers: list[str]
    weight_ranges: np.ndarray  # [S, L, 2]
    weight_counts: np.ndarray  # [S, L, bins]
    grad_ranges: np.ndarray
    grad_counts: np.ndarray
    grad_norms: np.ndarray  # [S, L]

    @classmethod
    def of(cls, events: Iterable[HistogramEvent]) -> HistogramSeries | None:
        """The snapshots of the last model seen (a run's folder may hold an earlier run's,
        of other layers), in step order, one per step; None when there are none."""
        events = list(events)
        if not events or not events[-1].layers:
            return None
        layers = events[-1].layers
        by_step = {e.step: e for e in events if e.layers == layers}
        kept = [by_step[step] for step in sorted(by_step)]
        return cls(
            steps=np.array([e.step for e in kept], dtype=np.int64), layers=list(layers),
            **{name: np.stack([getattr(e, name) for e in kept]) for name in
               ("weight_ranges", "weight_counts", "grad_ranges", "grad_counts", "grad_norms")},
        )  # fmt: skip

    def heatmap(self, layer: int, gradients: bool = False,
                rows: int = BINS) -> tuple[np.ndarray, tuple[float, float]]:  # fmt: skip
        """A layer's histograms over steps on one value axis: float32 [rows, S] in 0..1
        (each snapshot scaled to its fullest bin, square-rooted so thin tails show), row 0
        at the range's low end, and that range (low, high)."""
        ranges = (self.grad_ranges if gradients else self.weight_ranges)[:, layer]
        counts = (self.grad_counts if gradients else self.weight_counts)[:, layer]
        present = counts.sum(axis=1) > 0
        if not present.any():
            return np.zeros((rows, len(self.steps)), dtype=np.float32), (0.0, 1.0)
        low, high = float(ranges[present, 0].min()), float(ranges[present, 1].max())
        bins = counts.shape[1]
        centres = ranges[:, :1] + (np.arange(bins) + 0.5) * (ranges[:, 1:] - ranges[:, :1]) / bins
        target = np.clip(((centres - low) / max(high - low, 1e-30) * rows).astype(np.int64), 0,
                         rows - 1)  # fmt: skip
        matrix = np.zeros((rows, len(self.steps)), dtype=np.float64)
        columns = np.broadcast_to(np.arange(len(self.steps))[:, None], target.shape)
        np.add.at(matrix, (target.ravel(), columns.ravel()), counts.ravel())
        peak = matrix.max(axis=0, keepdims=True)
        return np.sqrt(matrix / np.where(peak > 0, peak, 1)).astype(np.float32), (low, high)

    def log_norms(self) -> np.ndarray:
        """log10 of each layer's gradient norm, float32 [L, S]; NaN where it had none."""
        with np.errstate(divide="ignore"):
            logs = np.log10(self.grad_norms.T.astype(np.float64))
        return np.where(np.isfinite(logs), logs, np.nan).astype(np.float32)
