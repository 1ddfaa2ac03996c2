"""A running trainer's weight snapshots, as one view takes them: the first at once, then at
most one per interval, the newest winning. A view that redraws a whole network (the Overview)
or classifies a drawing (Draw) would otherwise redraw for every snapshot the run sends."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QObject, QTimer

WeightState = dict[str, np.ndarray]


class LiveWeights(QObject):
    """Calls ``apply(state)`` with the newest snapshot offered, at most once per
    ``interval_ms``; ``apply`` ignores a snapshot it cannot take (another model's, left over
    from a previous run)."""

    def __init__(self, apply: Callable[[WeightState], None], interval_ms: int,
                 parent: QObject) -> None:  # fmt: skip
        super().__init__(parent)
        self._apply = apply
        self._pending: WeightState | None = None
        self._timer = QTimer(self, singleShot=True, interval=interval_ms)
        self._timer.timeout.connect(self._apply_pending)

    def offer(self, state: WeightState) -> None:
        """A new snapshot: applied now when none was lately, else when the interval ends."""
        self._pending = state
        if not self._timer.isActive():
            self._apply_pending()
            self._timer.start()

    def drop(self) -> None:
        """Forget a snapshot not applied yet (the view shows other weights now)."""
        self._pending = None

    def _apply_pending(self) -> None:
        state, self._pending = self._pending, None
        if state is not None:
            self._apply(state)
