"""Lay many small maps out as one image: drawing one image is far faster than drawing many."""

from __future__ import annotations

import math

import numpy as np


def grid_columns(count: int, aspect: float = 1.0) -> int:
    """Columns for ``count`` cells so the grid is about ``aspect`` times wider than tall."""
    return max(1, math.ceil(math.sqrt(count * aspect)))


def fitting_columns(count: int, cell: tuple[int, int], area: tuple[float, float],
                    pad: int = 1) -> int:  # fmt: skip
    """Columns for ``count`` cells of ``cell`` (height, width) tiled with ``pad`` between
    them, so that the grid is drawn largest in an ``area`` of (width, height): a wide
    area gets a wide grid, a tall one a tall grid, instead of one fixed shape."""
    h, w = cell

    def scale(columns: int) -> float:
        rows = math.ceil(count / columns)
        return min(area[0] / (columns * (w + pad)), area[1] / (rows * (h + pad)))

    return max(range(1, max(1, count) + 1), key=lambda columns: (scale(columns), -columns))


def normalise(maps: np.ndarray, per_map: bool, symmetric: bool = False) -> np.ndarray:
    """Scale [N, H, W] (or [N, H, W, 3]) to 0..1, each map alone or all together.

    ``symmetric`` keeps zero at 0.5 (for weights, which are positive and negative)."""
    maps = np.asarray(maps, dtype=np.float32)
    axes = tuple(range(1, maps.ndim)) if per_map else None
    if symmetric:
        scale = np.abs(maps).max(axis=axes, keepdims=per_map)
        scale = np.where(scale > 0, scale, 1.0)
        return 0.5 + 0.5 * maps / scale
    low = maps.min(axis=axes, keepdims=per_map)
    high = maps.max(axis=axes, keepdims=per_map)
    span = np.where(high > low, high - low, 1.0)
    return (maps - low) / span


def tile(cells: np.ndarray, columns: int, pad: int = 1, fill: float = 0.0) -> np.ndarray:
    """[N, H, W] or [N, H, W, 3] cells into one [rows*(H+pad)-pad, columns*(W+pad)-pad(, 3)]
    image, row by row."""
    n, h, w = cells.shape[:3]
    rows = max(1, math.ceil(n / columns))
    extra = cells.shape[3:]
    out = np.full((rows * (h + pad) - pad, columns * (w + pad) - pad, *extra), fill,
                  dtype=np.float32)  # fmt: skip
    for index in range(n):
        r, c = divmod(index, columns)
        out[r * (h + pad) : r * (h + pad) + h, c * (w + pad) : c * (w + pad) + w] = cells[index]
    return out


def cell_origin(index: int, cell: tuple[int, int], columns: int,
                pad: int = 1) -> tuple[float, float]:  # fmt: skip
    """Where cell ``index`` of a tiled image starts: (x, y) in image pixels."""
    h, w = cell
    row, column = divmod(index, columns)
    return column * (w + pad), row * (h + pad)


def cell_at(x: float, y: float, cell: tuple[int, int], columns: int, count: int,
            pad: int = 1) -> int | None:  # fmt: skip
    """Which cell of a tiled image a point (in image pixels) falls in, or None."""
    h, w = cell
    if x < 0 or y < 0:
        return None
    c, r = int(x // (w + pad)), int(y // (h + pad))
    if c >= columns or x - c * (w + pad) >= w or y - r * (h + pad) >= h:
        return None
    index = r * columns + c
    return index if index < count else None
