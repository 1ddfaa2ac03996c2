"""Digits that are not MNIST's, to check a digit model on what people hand the Draw tab.

MNIST's test set says how a model reads MNIST; a drawing, a printed digit or a phone photo of a
note looks otherwise. This builds three kinds of digit from a seed, each a 280x280 canvas of
dark ink on white, as the Draw tab's canvas is, so each goes through the same preparation
(prepare_drawing) that a drawing does:

- ``fonts``: 0-9 from the fonts on this machine (TrueType and OpenType, the handwriting-like
  script ones included), at random sizes, places and slants;
- ``strokes``: handwriting-like digits drawn as pen strokes through jittered control points,
  with the variants people write (a 1 with a flag, a crossed 7, an open 4), slant, squeeze and
  a pen of any width, as a mouse or a finger draws them;
- ``scans``: font and stroke digits on grey, uneven paper, sampled down to 8 to 16 pixels
  high and up again, as a low-resolution scan or a photo of a note shows them.

Nothing here comes from MNIST, so a model cannot have seen it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

CANVAS = 280
SOURCES = ("fonts", "strokes", "scans")
FONT_FOLDERS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"))
#: families whose digits are symbols, or not there
SYMBOL_FONTS = ("D050000L", "StandardSymbols", "Dingbat")

# Control points of handwriting-like digits in a unit box (x right, y down), one list per
# stroke, several ways of writing each digit. Strokes are drawn as smooth curves through them.
_ARC = [(0.5, 0.0), (0.15, 0.12), (0.0, 0.5), (0.15, 0.88), (0.5, 1.0), (0.85, 0.88),
        (1.0, 0.5), (0.85, 0.12), (0.5, 0.0)]  # fmt: skip
DIGIT_STROKES: dict[int, list[list[list[tuple[float, float]]]]] = {
    0: [[_ARC], [[(0.55, 0.02), (0.1, 0.2), (0.05, 0.65), (0.45, 1.0), (0.9, 0.7),
                  (0.85, 0.2), (0.5, 0.0), (0.4, 0.1)]]],
    1: [[[(0.5, 0.0), (0.5, 1.0)]],
        [[(0.2, 0.25), (0.55, 0.0), (0.5, 1.0)]],
        [[(0.25, 0.2), (0.55, 0.0), (0.5, 1.0)], [(0.2, 1.0), (0.8, 1.0)]]],
    2: [[[(0.05, 0.25), (0.4, 0.0), (0.85, 0.1), (0.85, 0.4), (0.05, 1.0), (1.0, 1.0)]],
        [[(0.1, 0.2), (0.5, 0.0), (0.9, 0.25), (0.6, 0.6), (0.0, 1.0), (0.3, 0.85),
          (1.0, 0.95)]]],
    3: [[[(0.05, 0.1), (0.6, 0.0), (0.9, 0.2), (0.4, 0.48), (0.95, 0.7), (0.6, 1.0),
          (0.05, 0.9)]],
        [[(0.1, 0.0), (0.9, 0.0), (0.4, 0.4), (0.95, 0.65), (0.55, 1.0), (0.05, 0.85)]]],
    4: [[[(0.7, 1.0), (0.7, 0.0), (0.0, 0.7), (1.0, 0.7)]],
        [[(0.2, 0.0), (0.1, 0.55), (1.0, 0.55)], [(0.75, 0.1), (0.75, 1.0)]]],
    5: [[[(0.85, 0.0), (0.2, 0.0), (0.12, 0.45), (0.6, 0.38), (0.95, 0.65), (0.6, 1.0),
          (0.05, 0.9)]],
        [[(0.15, 0.0), (0.1, 0.45), (0.6, 0.38), (0.95, 0.65), (0.6, 1.0), (0.05, 0.9)],
         [(0.15, 0.0), (0.9, 0.0)]]],
    6: [[[(0.8, 0.0), (0.3, 0.25), (0.05, 0.7), (0.45, 1.0), (0.9, 0.75), (0.55, 0.45),
          (0.1, 0.65)]]],
    7: [[[(0.0, 0.0), (1.0, 0.0), (0.35, 1.0)]],
        [[(0.0, 0.05), (1.0, 0.0), (0.4, 1.0)], [(0.25, 0.5), (0.85, 0.5)]]],
    8: [[[(0.85, 0.12), (0.5, 0.0), (0.12, 0.15), (0.3, 0.38), (0.85, 0.65), (0.55, 1.0),
          (0.15, 0.72), (0.55, 0.45), (0.88, 0.2)]],
        [[(0.5, 0.5), (0.15, 0.25), (0.5, 0.0), (0.85, 0.25), (0.5, 0.5), (0.1, 0.75),
          (0.5, 1.0), (0.9, 0.75), (0.5, 0.5)]]],
    9: [[[(0.9, 0.3), (0.5, 0.0), (0.1, 0.25), (0.45, 0.55), (0.9, 0.3), (0.85, 0.0),
          (0.8, 1.0)]],
        [[(0.9, 0.25), (0.5, 0.0), (0.1, 0.25), (0.5, 0.5), (0.9, 0.25), (0.6, 1.0)]]],
}


@dataclass
class DigitSet:
    """Canvases (uint8 [N, 280, 280], dark ink on white), their digits and their sources."""

    canvases: np.ndarray
    labels: np.ndarray
    sources: np.ndarray  # the name in SOURCES of each canvas


def digit_fonts(folders: Sequence[Path] = FONT_FOLDERS) -> list[Path]:
    """The TrueType and OpenType fonts on this machine that have digits, sorted by path."""
    found = {path for folder in folders if folder.is_dir()
             for pattern in ("*.ttf", "*.otf") for path in folder.rglob(pattern)}  # fmt: skip
    named = (path for path in found if not any(s in path.name for s in SYMBOL_FONTS))
    return sorted(path for path in named if _has_digits(path))


def _has_digits(font: Path) -> bool:
    """Whether the font draws 0 and 8 differently: a font without digits draws both as the
    same empty box."""
    try:
        face = ImageFont.truetype(str(font), 40)
    except OSError:
        return False
    glyphs = []
    for digit in "08":
        image, draw = _canvas()
        draw.text((CANVAS / 2, CANVAS / 2), digit, fill=0, font=face, anchor="mm")
        glyphs.append(np.asarray(image))
    zero, eight = glyphs
    return not np.array_equal(zero, eight)


def _canvas() -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("L", (CANVAS, CANVAS), 255)
    return image, ImageDraw.Draw(image)


def font_digit(font: Path, digit: int, rng: np.random.Generator) -> np.ndarray:
    """One digit from ``font``, 30% to 85% of the canvas high, slanted up to 10 degrees."""
    size = int(rng.uniform(0.3, 0.85) * CANVAS)
    face = ImageFont.truetype(str(font), size)
    glyph, draw = _canvas()
    draw.text((CANVAS / 2, CANVAS / 2), str(digit), fill=0, font=face, anchor="mm")
    glyph = glyph.rotate(float(rng.uniform(-10, 10)), resample=Image.Resampling.BICUBIC,
                         fillcolor=255)  # fmt: skip
    return _shifted(np.asarray(glyph), rng)


def _shifted(canvas: np.ndarray, rng: np.random.Generator, margin: int = 4) -> np.ndarray:
    """The ink moved to a random place at least ``margin`` pixels inside the canvas."""
    rows, cols = np.nonzero(canvas < 250)
    if not len(rows):
        return canvas
    low_y, high_y = margin - rows.min(), CANVAS - margin - rows.max()
    low_x, high_x = margin - cols.min(), CANVAS - margin - cols.max()
    dy = int(rng.integers(low_y, high_y)) if high_y > low_y else 0
    dx = int(rng.integers(low_x, high_x)) if high_x > low_x else 0
    return np.asarray(Image.fromarray(canvas).transform(
        (CANVAS, CANVAS), Image.Transform.AFFINE, (1, 0, -dx, 0, 1, -dy), fillcolor=255))


def _smooth(points: np.ndarray, steps: int = 12) -> np.ndarray:
    """A Catmull-Rom curve through ``points`` [K, 2]: a pen moves smoothly, not in corners."""
    if len(points) < 3:
        return points
    padded = np.concatenate([points[:1], points, points[-1:]])
    t = np.linspace(0, 1, steps, endpoint=False)[:, None]
    segments = []
    for p0, p1, p2, p3 in zip(padded[:-3], padded[1:-2], padded[2:-1], padded[3:], strict=True):
        segments.append(0.5 * (2 * p1 + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t**2
                               + (-p0 + 3 * p1 - 3 * p2 + p3) * t**3))  # fmt: skip
    return np.concatenate([*segments, points[-1:]])


def stroke_digit(digit: int, rng: np.random.Generator) -> np.ndarray:
    """One handwriting-like digit: a random way of writing it, its control points jittered,
    slanted, turned, squeezed or stretched, its curve wobbling as an unsteady hand's does,
    drawn with a round pen of 5 to 40 px (at most a quarter of its height), at twice the size
    and sampled down so that its edges are anti-aliased as a painted stroke's are."""
    strokes = DIGIT_STROKES[digit][int(rng.integers(len(DIGIT_STROKES[digit])))]
    height = rng.uniform(0.3, 0.75) * CANVAS
    width = height * rng.uniform(0.45, 0.85) * (0.5 if digit == 1 else 1.0)
    slant = rng.uniform(-0.4, 0.25)  # right-leaning handwriting is the common one
    turn = np.radians(rng.uniform(-12, 12))
    rotation = np.array([[np.cos(turn), -np.sin(turn)], [np.sin(turn), np.cos(turn)]])
    pen = rng.uniform(5, min(40, height / 4))  # a fatter pen leaves a blob nobody can read
    scale = 2
    image = Image.new("L", (CANVAS * scale, CANVAS * scale), 255)
    draw = ImageDraw.Draw(image)
    for stroke in strokes:
        points = np.array(stroke) + rng.normal(0, 0.05, (len(stroke), 2))
        points[:, 0] += slant * (points[:, 1] - 0.5)
        curve = _smooth(points)
        wobble = np.cumsum(rng.normal(0, 0.006, curve.shape), axis=0)
        curve = ((curve + wobble - 0.5) * [width, height]) @ rotation.T + CANVAS / 2
        line = [tuple(p) for p in curve * scale]
        draw.line(line, fill=0, width=round(pen * scale), joint="curve")
        radius = pen * scale / 2
        for x, y in (line[0], line[-1]):  # round caps
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=0)
    small = image.resize((CANVAS, CANVAS), Image.Resampling.BOX)
    return _shifted(np.asarray(small), rng)


def scanned(canvas: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A canvas as a low-resolution scan shows it: sampled down so that the digit is 8 to 16
    pixels high and up again, on grey paper with uneven light and noise, faded ink."""
    rows, _ = np.nonzero(canvas < 128)
    ink_height = max(1, int(rows.max() - rows.min() + 1)) if len(rows) else CANVAS
    side = max(8, round(CANVAS * rng.uniform(8, 16) / ink_height))
    small = Image.fromarray(canvas).resize((side, side), Image.Resampling.BOX)
    back = np.asarray(small.resize((CANVAS, CANVAS), Image.Resampling.BILINEAR), np.float32)
    paper = rng.uniform(170, 245) + np.linspace(-15, 15, CANVAS)[None, :] * rng.uniform(-1, 1)
    ink = rng.uniform(10, 90)
    page = paper - (255 - back) / 255 * (paper - ink) + rng.normal(0, 4, back.shape)
    return np.clip(page, 0, 255).astype(np.uint8)


def robustness_set(per_digit: int, seed: int = 0,
                   fonts: Sequence[Path] | None = None) -> DigitSet:  # fmt: skip
    """``per_digit`` canvases of each digit from each source (the fonts taken in turn), built
    from ``seed``. Without fonts (none on this machine, none given) there are no font digits,
    and scans are made from strokes only."""
    rng = np.random.default_rng(seed)
    fonts = digit_fonts() if fonts is None else list(fonts)
    canvases, labels, sources = [], [], []
    for digit in range(10):
        for i in range(per_digit):
            made = {"strokes": stroke_digit(digit, rng)}
            if fonts:
                made["fonts"] = font_digit(fonts[(digit * per_digit + i) % len(fonts)], digit, rng)
            use_font = bool(fonts) and i % 2 == 0
            made["scans"] = scanned(made["fonts"] if use_font else stroke_digit(digit, rng), rng)
            for source, canvas in made.items():
                canvases.append(canvas)
                labels.append(digit)
                sources.append(source)
    return DigitSet(np.stack(canvases), np.array(labels), np.array(sources))
