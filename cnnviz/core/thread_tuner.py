"""Choosing torch's CPU thread count while a run trains, from measured step times.

Every OpenMP parallel region ends at a barrier that waits for its slowest thread. On a machine
that is doing other things (a browser, a video call, cnnviz's own window), the operating system
deschedules one of the team's threads now and then, and the whole team waits for it, spinning
on the cores the other work needs. Measured on a 2-core machine beside one busy process, a
simple-cnn epoch took 18 to 27 times its idle time with two threads and the same time with one;
idle, two threads are about 1.6 times as fast as one. No fixed count wins both, and the
machine's load changes while a run trains, so the count is chosen by measurement:

- the run starts with the cores it may use (``available_cores``, divided among the processes
  of a torchrun job on this machine) less those the load average says are busy: starting
  too high costs far more on a busy machine (a window of steps at several times their time)
  than starting too low costs on an idle one;
- each window of steps gives a median step time at the current count;
- now and then one window runs with one thread fewer or one more, and the faster count is
  kept; a probe that is already clearly slower after two steps ends there;
- a probe that loses makes the next one wait twice as long, or k times as long when it was k
  times slower (so a settled run spends about 1% of its time probing), and a step time that
  stays twice as long, or half as short, for a few windows (the machine's load changed)
  makes the next probe come soon.

A thread count changes the order of some sums (a convolution's weight gradient is summed over
the batch in per-thread parts), so a run whose count changes is not bit-for-bit repeatable:
``TrainConfig.threads`` fixes the count where that matters (the command line does when
``--seed`` is given).
"""

from __future__ import annotations

import math
import os
import statistics
from collections import deque
from collections.abc import Callable

import torch

from cnnviz.core.threads import available_cores

#: steps in one measured window, and its shortest duration (a window of quick steps is longer)
WINDOW_STEPS = 8
WINDOW_SECONDS = 0.1
#: a probe wins when its median step time is this much shorter
MARGIN = 0.05
#: windows before the first probe, between probes after one that won (it showed which way
#: is faster), and at most after probes that lost
FIRST_INTERVAL = 1
AFTER_WIN_INTERVAL = 4
MOST_INTERVAL = 256
#: the load changed when the median step time stays this many times above or below the one
#: at the last decision for LOAD_WINDOWS windows in a row (a noisy window is not a change;
#: another process starting makes a step of several threads several times slower)
LOAD_CHANGE = 2.0
LOAD_WINDOWS = 3
#: a probe this many times slower than the current count after EARLY_STEPS steps has lost
EARLY_LOSS = 1.3
EARLY_STEPS = 2


def starting_threads(most: int) -> int:
    """The count a run starts with: ``most``, less the cores that the last minute's load
    average says other work keeps busy (where the system reports one)."""
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # Windows
        return most
    cores = available_cores()
    return max(1, min(most, round(cores - load)))


class ThreadTuner:
    """Call ``observe(seconds)`` with each step's duration; it sets the thread count (through
    ``set_threads``) at the ends of windows. ``most`` is the largest count it uses."""

    def __init__(self, most: int, start: int | None = None,
                 set_threads: Callable[[int], None] = torch.set_num_threads) -> None:  # fmt: skip
        self.most = max(1, most)
        self.threads = min(self.most, max(1, start or self.most))
        self._set_threads = set_threads
        self._set_threads(self.threads)
        self._times: list[float] = []
        self._baseline: float | None = None  # the current count's median step time
        self._recent: deque[float] = deque(maxlen=5)  # its last windows' medians
        self._reference: float | None = None  # the baseline when the count was last decided
        self._drift = 0  # windows in a row far above (+) or below (-) the reference
        self._probing: int | None = None  # the count a probe window is trying
        self._windows_to_probe = FIRST_INTERVAL
        self._interval = FIRST_INTERVAL
        self._probe_down = False  # the first probe tries one thread fewer
        #: (threads, median seconds a step) of every window, for benchmarks and tests
        self.history: list[tuple[int, float]] = []

    def observe(self, seconds: float) -> None:
        """One step took ``seconds`` with the current count."""
        self._times.append(seconds)
        if (self._probing is not None and len(self._times) == EARLY_STEPS + 1
                and self._baseline is not None
                and statistics.median(self._times[1:]) > EARLY_LOSS * self._baseline):  # fmt: skip
            median = statistics.median(self._times[1:])
            self.history.append((self.threads, median))
            self._times.clear()
            self._end_probe(median)  # clearly slower: no need for a whole window
            return
        if len(self._times) < WINDOW_STEPS or sum(self._times) < WINDOW_SECONDS:
            return
        # the first step after a change pays for the new team's start: not counted
        median = statistics.median(self._times[1:])
        self._times.clear()
        self.history.append((self.threads, median))
        if self._probing is not None:
            self._end_probe(median)
        else:
            self._end_window(median)

    def _end_window(self, median: float) -> None:
        self._recent.append(median)
        self._baseline = baseline = statistics.median(self._recent)  # noise moves it little
        reference = self._reference = self._reference or baseline
        side = (baseline > reference * LOAD_CHANGE) - (baseline < reference / LOAD_CHANGE)
        self._drift = self._drift + side if side and self._drift * side >= 0 else side
        if abs(self._drift) >= LOAD_WINDOWS:  # the load changed: look again soon
            self._interval, self._reference, self._drift = FIRST_INTERVAL, baseline, 0
            self._windows_to_probe = min(self._windows_to_probe, 1)
        self._windows_to_probe -= 1
        if self._windows_to_probe > 0:
            return
        candidate = self._candidate()
        if candidate is None:
            self._windows_to_probe = self._interval
            return
        self._probing = candidate
        self._use(candidate)

    def _candidate(self) -> int | None:
        """One thread fewer or, alternately, one more, within [1, most]."""
        self._probe_down = not self._probe_down
        down, up = self.threads - 1, self.threads + 1
        return next((n for n in ((down, up) if self._probe_down else (up, down))
                     if 1 <= n <= self.most), None)  # fmt: skip

    def _end_probe(self, median: float) -> None:
        assert self._probing is not None and self._baseline is not None
        if median < (1 - MARGIN) * self._baseline:  # the probe wins: keep it
            self._baseline = median
            self._recent.clear()
            self._recent.append(median)
            self._interval = AFTER_WIN_INTERVAL
        else:  # wait longer, the more so the more a probe costs (k times slower: k times)
            self._use(self._previous)
            growth = max(2.0, median / self._baseline)
            self._interval = min(MOST_INTERVAL, math.ceil(growth * self._interval))
        self._probing = None
        self._windows_to_probe = self._interval
        self._reference, self._drift = self._baseline, 0

    def _use(self, threads: int) -> None:
        self._previous = self.threads
        self.threads = threads
        self._set_threads(threads)
