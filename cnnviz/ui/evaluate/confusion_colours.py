"""The confusion matrix's colours: the diagonal (right) in blues, every mistake in reds, so
that the two never read alike; and the mistakes on a log scale from a floor tint, so that a
single mistake among a thousand right answers shows from the back of a room.

Before, every cell was one blue scale of the square root of its share of the row: a class
confused once in a thousand images got a tint 3% of the way from white, which no projector
shows. Counts of mistakes span 1 to hundreds, and what a reader asks first is where they are,
then which are many: a log scale from a clearly visible tint does both.
"""

from __future__ import annotations

import numpy as np

#: white: a cell that never happened
EMPTY = (255, 255, 255)
#: the diagonal, from a class got right rarely to always (ColorBrewer's Blues)
RIGHT = ((198, 219, 239), (8, 69, 148))
#: the mistakes, from the fewest (the floor tint, 1.5:1 against white) to the most (Reds)
WRONG = ((252, 174, 145), (165, 15, 21))


def _ramp(ends: tuple[tuple[int, ...], tuple[int, ...]], t: np.ndarray) -> np.ndarray:
    low, high = (np.asarray(end, dtype=np.float64) for end in ends)
    return low + t[..., None] * (high - low)


def confusion_colours(values: np.ndarray) -> np.ndarray:
    """uint8 RGB [n, n, 3] for a confusion matrix (counts, or a row's percentages): each
    diagonal cell by its share of the row, linearly in blues; each other cell that is not
    zero by its value on a log scale between the smallest and the largest mistake, in reds
    from the floor tint; zero cells white."""
    values = np.asarray(values, dtype=np.float64)
    n = len(values)
    colours = np.empty((n, n, 3))
    colours[:] = EMPTY
    diagonal = np.eye(n, dtype=bool)
    totals = values.sum(axis=1)
    share = np.divide(np.diag(values), totals, out=np.zeros(n), where=totals > 0)
    right = diagonal & (values > 0)
    colours[right] = _ramp(RIGHT, share[right.any(axis=1)])
    wrong = ~diagonal & (values > 0)
    if wrong.any():
        low, high = values[wrong].min(), values[wrong].max()
        span = np.log(high / low) if high > low else 1.0
        colours[wrong] = _ramp(WRONG, np.log(values[wrong] / low) / span)
    return np.round(colours).astype(np.uint8)


def is_dark(colour: np.ndarray) -> bool:
    """Whether white text reads better than black on this cell (its relative luminance,
    WCAG's, under the point where both have the same contrast)."""
    linear = np.asarray(colour, dtype=np.float64) / 255
    linear = np.where(linear <= 0.04045, linear / 12.92, ((linear + 0.055) / 1.055) ** 2.4)
    return float(linear @ (0.2126, 0.7152, 0.0722)) < 0.179
