"""How late a 10 ms QTimer fires while the app works: the event loop's responsiveness, as the
benchmarks that drive a window measure it."""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QTimer

TICK_MS = 10


class LatenessProbe:
    """Start it before the event loop runs; each tick records how much later than 10 ms after
    the previous one it fired, while ``counting()`` says the interesting part is on."""

    def __init__(self, counting: Callable[[], bool] = lambda: True) -> None:
        self.counting = counting
        self.lateness: list[float] = []
        self._last = time.perf_counter()
        self.timer = QTimer(interval=TICK_MS)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        if self.counting():
            self.lateness.append(max(0.0, (now - self._last) * 1000 - TICK_MS))
        self._last = now

    def start(self) -> None:
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def summary(self, skip: int = 0) -> str:
        """"N ticks: p50 .. ms, p99 .. ms", leaving out the first ``skip`` ticks (the loop
        settling)."""
        late = np.array(self.lateness[skip:])
        return (f"{len(late)} ticks: p50 {np.percentile(late, 50):.1f} ms, "
                f"p99 {np.percentile(late, 99):.1f} ms")
