"""Turn a drawing into an MNIST-like digit.

MNIST's digits were size-normalised to fit a 20x20 box (keeping their aspect ratio, with
anti-aliasing) and then centred by their centre of mass in a 28x28 image, white ink on black.
A drawing lands anywhere on a canvas at any size, so it gets the same treatment: crop to the
ink, scale the longer side to 20 px, centre by mass. For a model of another input size the
proportions are kept (the box is 20/28 of the side).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

BOX_FRACTION = 20 / 28
#: ink must stand this far (0..1) above the background to count
INK_THRESHOLD = 0.15
#: ink whose extent is below this fraction of the canvas is a dot or a slip, not a digit
MIN_EXTENT_FRACTION = 0.08


@dataclass
class PreparedDrawing:
    """The model-ready digit, or the reason there is none."""

    image: np.ndarray | None  # uint8 [H, W], ink bright, background 0 (before any inversion)
    reason: str = ""  # why image is None: "empty" or "too small"


def ink_map(canvas: np.ndarray) -> np.ndarray:
    """Float [H, W] in 0..1 where 1 is ink, for dark ink on light or light ink on dark."""
    grey = canvas.astype(np.float32)
    if grey.ndim == 3:
        grey = grey[..., :3].mean(axis=2) if grey.shape[2] >= 3 else grey[..., 0]
    if grey.max() > 1.0:
        grey = grey / 255.0
    background = float(np.median(grey))
    ink = background - grey if background > 0.5 else grey - background
    return np.clip(ink / max(1e-6, max(background, 1 - background)), 0, 1)


def prepare_drawing(canvas: np.ndarray, size: tuple[int, int] = (28, 28)) -> PreparedDrawing:
    """MNIST-style preprocessing of a canvas (grey or colour, any polarity, any size)."""
    ink = ink_map(canvas)
    mask = ink > INK_THRESHOLD
    if not mask.any():
        return PreparedDrawing(None, "empty")
    rows, cols = np.nonzero(mask)
    top, bottom, left, right = rows.min(), rows.max() + 1, cols.min(), cols.max() + 1
    extent = max(bottom - top, right - left)
    if extent < MIN_EXTENT_FRACTION * max(ink.shape):
        return PreparedDrawing(None, "too small")
    crop = ink[top:bottom, left:right]
    height, width = size
    box = max(1, round(BOX_FRACTION * min(height, width)))
    scale = box / extent
    new_w = max(1, round(crop.shape[1] * scale))
    new_h = max(1, round(crop.shape[0] * scale))
    scaled = np.asarray(
        Image.fromarray((crop * 255).astype(np.uint8)).resize((new_w, new_h),
                                                             Image.Resampling.LANCZOS),
        dtype=np.float32,
    )  # fmt: skip
    out = np.zeros((height, width), dtype=np.float32)
    total = scaled.sum()
    ys, xs = np.mgrid[0:new_h, 0:new_w]
    com_y = (ys * scaled).sum() / total if total > 0 else new_h / 2
    com_x = (xs * scaled).sum() / total if total > 0 else new_w / 2
    # put the centre of mass at the centre, keeping the whole box inside the image
    off_y = int(np.clip(round((height - 1) / 2 - com_y), 0, height - new_h))
    off_x = int(np.clip(round((width - 1) / 2 - com_x), 0, width - new_w))
    out[off_y : off_y + new_h, off_x : off_x + new_w] = scaled
    return PreparedDrawing(np.clip(out, 0, 255).astype(np.uint8))
