"""Turn a drawing into an MNIST-like digit.

MNIST's digits were size-normalised to fit a 20x20 box (keeping their aspect ratio, with
anti-aliasing) and then centred by their centre of mass in a 28x28 image, white ink on black;
measured on its test digits, that centre sits at pixel (14.0, 14.0), and every digit's
brightest pixel is full ink. A drawing lands anywhere on a canvas at any size, so it gets the
same treatment: crop to the ink, scale the longer side to 20 px, centre by mass, full ink.

One thing a canvas does that a scan did not: the pen has one width whatever the size of the
digit, so a small digit scaled up to 20 px has fat strokes and a large one thin strokes.
MNIST's strokes are in proportion to the digit, so the stroke width is brought into MNIST's
range before the last scaling. For a model of another input size the proportions are kept (the
box is 20/28 of the side).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageFilter

BOX_FRACTION = 20 / 28
#: ink must stand this far (0..1) above the background to count
INK_THRESHOLD = 0.15
#: ink whose extent is below this fraction of the canvas is a dot or a slip, not a digit
MIN_EXTENT_FRACTION = 0.08
#: MNIST's stroke width over the digit's longer side, the middle half (25th to 75th
#: percentile) of its test digits, as stroke_width measures it on the digits scaled up
#: WORK_SCALE times (Lanczos) at half ink
STROKE_RANGE = (0.098, 0.133)
#: strokes are measured and thinned or thickened with the digit's longer side at this many
#: times the output box, fine enough for a one-pixel step to be a small one
WORK_SCALE = 4


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


def _eroded(mask: np.ndarray, diagonals: bool) -> np.ndarray:
    """The mask less one pixel of its edge: by the 3x3 square, or by the plus of the four
    neighbours. Alternating the two eats a disc-like (octagonal) layer away."""
    padded = np.pad(mask, 1)
    out = mask.copy()
    shifts = [(dy, dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1) if diagonals or not dy or not dx]
    for dy, dx in shifts:
        out &= padded[1 + dy : padded.shape[0] - 1 + dy, 1 + dx : padded.shape[1] - 1 + dx]
    return out


def stroke_width(mask: np.ndarray) -> float:
    """Typical stroke width in pixels of a boolean ink mask, from how far it erodes before half
    of its ink is gone: a stroke of width w loses half its area once w/4 is eaten from each
    side, whatever its length, its bends and where strokes meet."""
    area = np.count_nonzero(mask)
    remaining = [area]
    current = mask
    while remaining[-1] > area / 2:
        current = _eroded(current, diagonals=len(remaining) % 2 == 1)
        remaining.append(np.count_nonzero(current))
    before, after = remaining[-2:] if len(remaining) > 1 else (area, area)
    steps = len(remaining) - 2 + (before - area / 2) / max(1, before - after)
    return 4 * steps


def _ink_box(ink: np.ndarray, threshold: float = INK_THRESHOLD) -> tuple[int, int, int, int] | None:
    """top, bottom, left, right of the ink above ``threshold`` (exclusive ends), or None."""
    rows, cols = np.nonzero(ink > threshold)
    if not len(rows):
        return None
    return rows.min(), rows.max() + 1, cols.min(), cols.max() + 1


def _resized(ink: np.ndarray, scale: float) -> np.ndarray:
    """Float ink (0..1) scaled by ``scale`` with anti-aliasing (Lanczos), 0..1 again."""
    new_w = max(1, round(ink.shape[1] * scale))
    new_h = max(1, round(ink.shape[0] * scale))
    image = Image.fromarray((np.clip(ink, 0, 1) * 255).astype(np.uint8))
    resized = image.resize((new_w, new_h), Image.Resampling.LANCZOS)
    return np.asarray(resized, dtype=np.float32) / 255.0


def in_proportion(ink: np.ndarray, passes: int = 3) -> np.ndarray:
    """The digit (float ink, cropped to it) with its strokes thinned or thickened into MNIST's
    range of widths for its size, by grey erosion or dilation, and cropped again; strokes
    already in range are left as they are. A fat blob of a digit measures thinner than its pen
    (its ends erode too), so the measure and the correction are repeated up to ``passes``
    times."""
    for _ in range(passes):
        extent = max(ink.shape)
        width = stroke_width(ink > 0.5)
        low, high = STROKE_RANGE
        if low * extent <= width <= high * extent:
            break
        # eating r from each side also shortens the longer side by 2r: (w - 2r) / (e - 2r) = goal
        goal = low if width < low * extent else high
        radius = -round((width - goal * extent) / (2 * (1 - goal)))
        if radius == 0:
            break
        pad = abs(radius)
        padded = Image.fromarray((np.pad(ink, pad) * 255).astype(np.uint8))
        grow = ImageFilter.MaxFilter if radius > 0 else ImageFilter.MinFilter
        changed = np.asarray(padded.filter(grow(2 * pad + 1)), dtype=np.float32) / 255.0
        edges = _ink_box(changed)
        if edges is None:  # eroded away: keep the last digit there was
            break
        top, bottom, left, right = edges
        ink = changed[top:bottom, left:right]
    return ink


def prepare_drawing(canvas: np.ndarray, size: tuple[int, int] = (28, 28)) -> PreparedDrawing:
    """MNIST-style preprocessing of a canvas (grey or colour, any polarity, any size)."""
    ink = ink_map(canvas)
    strongest = float(ink.max())
    if strongest <= INK_THRESHOLD:
        return PreparedDrawing(None, "empty")
    # the digit is the ink that stands out: half as strong as its strongest, so that a speck
    # of a scan's uneven paper far from it does not stretch its box to the page's size
    top, bottom, left, right = _ink_box(ink, max(INK_THRESHOLD, strongest / 2)) or (0, 0, 0, 0)
    extent = max(bottom - top, right - left)
    if extent < MIN_EXTENT_FRACTION * max(ink.shape):
        return PreparedDrawing(None, "too small")
    height, width = size
    box = max(1, round(BOX_FRACTION * min(height, width)))
    # whatever the paper outside the digit reaches is paper inside it too: take it away, and
    # stretch faint ink (pencil, a faded scan) to full ink, as MNIST's digits are
    outside = np.ones(ink.shape, dtype=bool)
    outside[top:bottom, left:right] = False
    floor = float(np.percentile(ink[outside], 99)) if outside.any() else 0.0
    crop = np.clip((ink[top:bottom, left:right] - floor) / (strongest - floor), 0, 1)
    work = in_proportion(_resized(crop, WORK_SCALE * box / extent))
    scaled = _resized(work, box / max(work.shape))
    scaled *= 255.0 / max(float(scaled.max()), 1e-6)
    new_h, new_w = scaled.shape
    out = np.zeros((height, width), dtype=np.float32)
    total = scaled.sum()
    ys, xs = np.mgrid[0:new_h, 0:new_w]
    com_y = (ys * scaled).sum() / total if total > 0 else new_h / 2
    com_x = (xs * scaled).sum() / total if total > 0 else new_w / 2
    # put the centre of mass where MNIST's is, keeping the whole box inside the image
    off_y = int(np.clip(round(height / 2 - com_y), 0, height - new_h))
    off_x = int(np.clip(round(width / 2 - com_x), 0, width - new_w))
    out[off_y : off_y + new_h, off_x : off_x + new_w] = scaled
    return PreparedDrawing(np.clip(np.rint(out), 0, 255).astype(np.uint8))
