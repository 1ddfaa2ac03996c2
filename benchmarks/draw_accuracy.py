"""How well do digit weights read what people draw, print and scan, not only MNIST?

    python benchmarks/draw_accuracy.py [--checkpoint OLD.pt --checkpoint NEW.pt]
                                       [--data-dir D] [--count 10000] [--per-digit 200] [--seed 0]

Every checkpoint given (default: the shipped weights) is measured in the same run on the same
images, so their numbers compare:
- MNIST test: the 10,000 test digits as they are (28x28);
- placed MNIST test digits: the first ``--count`` test digits cropped to their ink, scaled so
  that the longer side is from a third of a 280x280 white canvas to nearly all of it, put at a
  random place, strokes made thinner or thicker at random; read after cnnviz's drawing
  preparation and, as a baseline, after resizing the whole canvas straight to 28x28;
- the robustness set (cnnviz.core.analysis.robustness): ``--per-digit`` fonts, handwriting-
  like strokes and low-resolution scans of each digit, none from MNIST, read after the drawing
  preparation, per class and per source.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from bench_data import add_data_dir_argument, prepare
from PIL import Image, ImageFilter

from cnnviz.core.analysis.drawing import prepare_drawing
from cnnviz.core.analysis.prediction import Predictor
from cnnviz.core.analysis.robustness import CANVAS, SOURCES, robustness_set
from cnnviz.core.data.datasets import load_dataset


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


def prepared(canvases: np.ndarray) -> np.ndarray:
    """The canvases as MNIST-like model inputs uint8 [N, 1, 28, 28], white ink on black."""
    return np.stack([prepare_drawing(canvas).image[None] for canvas in canvases])


def resized(canvases: np.ndarray) -> np.ndarray:
    """The naive baseline: the whole canvas resized to 28x28 and inverted."""
    return np.stack([
        255 - np.asarray(Image.fromarray(c).resize((28, 28), Image.Resampling.LANCZOS))[None]
        for c in canvases
    ])  # fmt: skip


def predicted(predictor: Predictor, images: np.ndarray) -> np.ndarray:
    return np.concatenate([predictor.probabilities(images[i : i + 1000]).argmax(1)
                           for i in range(0, len(images), 1000)])  # fmt: skip


def per_class(correct: np.ndarray, labels: np.ndarray) -> str:
    """'overall | class 0 | ... | class 9' as percentages, for a Markdown table row."""
    cells = [f"{correct.mean():.2%}"] + [f"{correct[labels == c].mean():.1%}" for c in range(10)]
    return " | ".join(cells)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_data_dir_argument(parser)
    parser.add_argument("--checkpoint", type=Path, action="append", default=None,
                        help="weights to measure, repeatable (default: the shipped weights)")
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--per-digit", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    prepare(args.data_dir)
    test = load_dataset("mnist", args.data_dir, download=False).test
    mnist, mnist_labels = test.images.numpy(), test.labels.numpy()
    rng = np.random.default_rng(args.seed)
    placed = placed_mnist(mnist[: args.count, 0], rng)
    placed_labels = mnist_labels[: args.count]
    placed_ours, placed_naive = prepared(placed), resized(placed)
    digits = robustness_set(args.per_digit, seed=args.seed)
    digits_ours = prepared(digits.canvases)
    print(f"robustness set: {args.per_digit} of each digit from each of {', '.join(SOURCES)}")
    print("| weights | set | all | " + " | ".join(str(c) for c in range(10)) + " |")
    print("| --- " * 13 + "|")
    for checkpoint in args.checkpoint or [None]:
        predictor = Predictor.from_checkpoint(checkpoint)
        name = checkpoint.name if checkpoint is not None else "shipped"
        rows = [("MNIST test", predicted(predictor, mnist) == mnist_labels, mnist_labels),
                (f"placed MNIST test ({args.count})",
                 predicted(predictor, placed_ours) == placed_labels, placed_labels),
                ("placed MNIST test, naive resize",
                 predicted(predictor, placed_naive) == placed_labels, placed_labels)]
        correct = predicted(predictor, digits_ours) == digits.labels
        for source in SOURCES:
            chosen = digits.sources == source
            rows.append((f"robustness: {source}", correct[chosen], digits.labels[chosen]))
        rows.append(("robustness: all", correct, digits.labels))
        for title, hits, labels in rows:
            print(f"| {name} | {title} | {per_class(hits, labels)} |")


if __name__ == "__main__":
    main()
