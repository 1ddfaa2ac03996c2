"""How well do the shipped weights read digits drawn on a canvas?

    python benchmarks/draw_accuracy.py [--data-dir D] [--count 10000] [--seed 0]

Two sets, both reproducible from the seed, both black ink on a white 280x280 canvas:
- placed MNIST test digits: each test digit cropped to its ink, scaled so that its longer side
  is from a third of the canvas to nearly all of it, put at a random place, and its strokes
  made thinner or thicker at random;
- font digits: 0-9 rendered from every TrueType font on this machine, at random sizes and
  places.
Each is classified after cnnviz's drawing preprocessing and, as a baseline, after resizing
the whole canvas straight to 28x28 (inverted to white on black, as MNIST is).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from bench_data import add_data_dir_argument, prepare
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from cnnviz.core.analysis.prediction import Predictor
from cnnviz.core.data.datasets import load_dataset

CANVAS = 280
def placed_mnist(images: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    canvases = np.empty((len(images), CANVAS, CANVAS), dtype=np.uint8)
    for i, digit in enumerate(images):
        rows, cols = np.nonzero(digit > 30)
        crop = digit[rows.min() : rows.max() + 1, cols.min() : cols.max() + 1]
        target = rng.uniform(CANVAS / 3, 0.95 * CANVAS)
        scale = target / max(crop.shape)
        size = (max(1, round(crop.shape[1] * scale)), max(1, round(crop.shape[0] * scale)))
        ink = Image.fromarray(255 - crop).resize(size, Image.Resampling.BILINEAR)
        canvas = Image.new("L", (CANVAS, CANVAS), 255)
        x = int(rng.integers(0, CANVAS - size[0] + 1))
        y = int(rng.integers(0, CANVAS - size[1] + 1))
        canvas.paste(ink, (x, y))
        stroke = rng.integers(0, 3)
        if stroke == 1:  # thicker: dark ink spreads
            canvas = canvas.filter(ImageFilter.MinFilter(int(rng.choice([3, 5, 7]))))
        elif stroke == 2:  # thinner
            canvas = canvas.filter(ImageFilter.MaxFilter(3))
        canvases[i] = np.asarray(canvas)
    return canvases


def font_digits(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, int]:
    fonts = sorted(Path("/usr/share/fonts").rglob("*.ttf"))
    canvases, labels = [], []
    for font_path in fonts:
        for digit in range(10):
            for _ in range(3):
                size = int(rng.uniform(CANVAS / 3, 0.9 * CANVAS))
                font = ImageFont.truetype(str(font_path), size)
                canvas = Image.new("L", (CANVAS, CANVAS), 255)
                draw = ImageDraw.Draw(canvas)
                left, top, right, bottom = draw.textbbox((0, 0), str(digit), font=font)
                w, h = right - left, bottom - top
                if w >= CANVAS or h >= CANVAS:
                    continue
                x = int(rng.integers(0, CANVAS - w)) - left
                y = int(rng.integers(0, CANVAS - h)) - top
                draw.text((x, y), str(digit), fill=0, font=font)
                canvases.append(np.asarray(canvas))
                labels.append(digit)
    return np.array(canvases), np.array(labels), len(fonts)


def accuracy(predictor: Predictor, canvases: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    ours = np.stack([predictor.prepare_canvas(c) for c in canvases])
    naive = np.stack([
        255 - np.asarray(Image.fromarray(c).resize((28, 28), Image.Resampling.LANCZOS))[None]
        for c in canvases
    ])  # fmt: skip
    results = []
    for batch in (ours, naive):
        probs = np.concatenate([predictor.probabilities(batch[i : i + 500])
                                for i in range(0, len(batch), 500)])
        results.append(float((probs.argmax(1) == labels).mean()))
    return results[0], results[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_data_dir_argument(parser)
    parser.add_argument("--checkpoint", type=Path, default=None)
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    prepare(args.data_dir)
    predictor = Predictor.from_checkpoint(args.checkpoint)
    rng = np.random.default_rng(args.seed)
    test = load_dataset("mnist", args.data_dir, download=False).test
    images = test.images[: args.count, 0].numpy()
    labels = test.labels[: args.count].numpy()
    ours, naive = accuracy(predictor, placed_mnist(images, rng), labels)
    print(f"placed MNIST test digits ({len(labels)}): cnnviz {ours:.2%}, naive resize {naive:.2%}")
    canvases, font_labels, n_fonts = font_digits(rng)
    if len(font_labels):
        ours, naive = accuracy(predictor, canvases, font_labels)
        print(f"font digits ({len(font_labels)} from {n_fonts} fonts): cnnviz {ours:.2%}, "
              f"naive resize {naive:.2%}")
    else:
        print("font digits: no TrueType fonts in /usr/share/fonts")


if __name__ == "__main__":
    main()
