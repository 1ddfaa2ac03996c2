"""The test pass with and without BatchNorm folded into the convolutions, in one process.

    python benchmarks/test_pass_speed.py [--model simple-cnn resnet] [--runs 5]

Evaluates a freshly built model (in channels_last, as the trainer holds it, with BatchNorm
statistics from one forward pass in training mode) over the whole real test split (MNIST;
CIFAR-10 as JPEG folders, from ../shared/data laid out by its prepare.sh) the way
cnnviz.core.training.evaluation does, and with the folding switched off; prints the medians
and their ratio. Also times ``torch.no_grad`` against ``inference_mode``.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import time
from collections.abc import Iterator

import torch
from bench_data import add_data_dir_argument, prepare

from cnnviz.core.data.batches import Normalizer
from cnnviz.core.data.datasets import load_dataset
from cnnviz.core.models.registry import build_model
from cnnviz.core.models.shape import InputShape
from cnnviz.core.training import evaluation


@contextlib.contextmanager
def variant(name: str) -> Iterator[None]:
    """Evaluation as cnnviz runs it ("folded"), unfolded, or unfolded under no_grad."""
    saved = evaluation.folded_for_inference, evaluation.torch.inference_mode
    if name != "folded":
        evaluation.folded_for_inference = lambda model: model
    if name == "no_grad":
        evaluation.torch.inference_mode = torch.no_grad
    try:
        yield
    finally:
        evaluation.folded_for_inference, evaluation.torch.inference_mode = saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", nargs="+", choices=["simple-cnn", "resnet"],
                        default=["simple-cnn", "resnet"])
    parser.add_argument("--runs", type=int, default=5)
    add_data_dir_argument(parser)
    args = parser.parse_args()
    prepare(args.data_dir)
    for name in args.model:
        dataset = "mnist" if name == "simple-cnn" else f"folder:{args.data_dir / 'cifar10-jpg'}"
        data = load_dataset(dataset, args.data_dir, download=False, splits=("test",))
        info = data.info
        torch.manual_seed(0)
        model = build_model(name, InputShape(info.channels, info.height, info.width,
                                             info.num_classes))
        model = model.to(memory_format=torch.channels_last)
        normalizer = Normalizer(info.mean, info.std, torch.device("cpu"))
        with torch.no_grad():  # BatchNorm statistics of real images
            model(normalizer(data.test.images[:500]).contiguous(
                memory_format=torch.channels_last))
        times: dict[str, list[float]] = {"folded": [], "unfolded": [], "no_grad": []}
        for _ in range(args.runs):
            for label, spent in times.items():
                with variant(label):
                    start = time.perf_counter()
                    evaluation.evaluate(model, data.test, normalizer, info.num_classes)
                    spent.append(time.perf_counter() - start)
        median = {label: statistics.median(spent) for label, spent in times.items()}
        print(f"{name}, {len(data.test):,} test images, median of {args.runs}: folded "
              f"{median['folded']:.2f} s, unfolded {median['unfolded']:.2f} s (ratio "
              f"{median['folded'] / median['unfolded']:.2f}), unfolded under no_grad "
              f"{median['no_grad']:.2f} s", flush=True)


if __name__ == "__main__":
    main()
