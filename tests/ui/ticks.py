"""The numbers an axis writes, where pyqtgraph writes them: ``overlapping_ticks(axis)`` lists
the pairs of its numbers that run into each other."""

from __future__ import annotations

import itertools

import pyqtgraph as pg
from PySide6.QtGui import QImage, QPainter


def tick_texts(axis: pg.AxisItem) -> list[tuple[str, object]]:
    """Each number the axis draws now, with its rectangle in the axis's coordinates."""
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        if axis.style["tickFont"] is not None:
            painter.setFont(axis.style["tickFont"])
        _, _, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [(text, rect) for rect, _, text in texts]


def overlapping_ticks(axis: pg.AxisItem) -> list[tuple[str, str]]:
    return [(first, second) for (first, a), (second, b)
            in itertools.combinations(tick_texts(axis), 2) if a.intersects(b)]  # fmt: skip
