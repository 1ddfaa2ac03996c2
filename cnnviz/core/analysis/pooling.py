"""Pooling one depth slice, with the winner of every window: what the Learn tab's pooling demo
draws.

The tutorial's pooling layer is 2x2 windows with stride 2: each window keeps one of its four
activations (max) or their mean (average), so 75% of the activations are dropped, and every
depth slice is pooled on its own, so the depth stays the same. Rows and columns that do not
fill a whole window are dropped, as torch's pooling does by default.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: the tutorial's pooling figure: a 4x4 slice whose 2x2 max pooling is [[6, 8], [3, 4]]
TUTORIAL_SLICE = np.array([[1, 1, 2, 4], [5, 6, 7, 8], [3, 2, 1, 0], [1, 2, 3, 4]],
                          dtype=np.float32)  # fmt: skip


@dataclass(frozen=True)
class Pooled:
    """One slice pooled: the max and the average of each window, and where each max was."""

    maximum: np.ndarray  # float32 [H_out, W_out]
    average: np.ndarray  # float32 [H_out, W_out]
    winners: np.ndarray  # bool [H, W]: the activation each max-pooling window keeps
    size: int
    stride: int

    @property
    def border(self) -> tuple[int, int]:
        """(rows, columns) at the bottom and right that fill no whole window and are dropped:
        (1, 1) for a 7x7 slice under 2x2 windows at stride 2."""
        rows, columns = self.maximum.shape
        height, width = self.winners.shape
        return (height - ((rows - 1) * self.stride + self.size),
                width - ((columns - 1) * self.stride + self.size))  # fmt: skip

    @property
    def dropped_fraction(self) -> float:
        """The share of activations max pooling discards: 1 - 1/(size*size) for windows that
        do not overlap, 0.75 for the tutorial's 2x2 stride 2, more when a border is dropped
        (82% of a 7x7 slice: 9 of 49 kept)."""
        kept = self.maximum.size
        seen = self.winners.shape[0] * self.winners.shape[1]
        return 1.0 - kept / seen if seen else 0.0


def pool_slice(activation: np.ndarray, size: int = 2, stride: int = 2) -> Pooled:
    """Max and average pooling of one [H, W] slice; a window's winner is its first maximum
    in row-major order, as torch's max_pool2d picks it."""
    slice_ = np.asarray(activation, dtype=np.float32)
    height, width = slice_.shape
    rows, columns = (height - size) // stride + 1, (width - size) // stride + 1
    if rows < 1 or columns < 1:
        raise ValueError(f"a {height}x{width} slice is smaller than one {size}x{size} window")
    windows = np.lib.stride_tricks.sliding_window_view(slice_, (size, size))
    windows = windows[::stride, ::stride][:rows, :columns].reshape(rows, columns, size * size)
    best = windows.argmax(axis=2)
    winners = np.zeros((height, width), dtype=bool)
    r, c = np.indices((rows, columns))
    winners[r * stride + best // size, c * stride + best % size] = True
    return Pooled(windows.max(axis=2), windows.mean(axis=2, dtype=np.float32), winners,
                  size, stride)  # fmt: skip
