"""Grad-CAM per image, and the Evaluate tab's pass against the core's plain test pass.

    python benchmarks/explain_speed.py [--data-dir D] [--repeats 50]

Grad-CAM: simple-cnn (its last conv) and resnet (its last conv), one image at a time, on this
CPU with one torch thread, as the app's GUI thread runs it. Evaluation: the shipped weights on
the real MNIST test set, once as the core's plain pass (evaluate() in the main thread of a
fresh process) and once as the Evaluate tab runs it (in a background QThread, with progress
reports and a cancel check at every batch), each after a warm-up pass; the ratio of the two.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import torch
from bench_data import add_data_dir_argument, prepare
from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

from cnnviz.core.analysis.explain import explain
from cnnviz.core.analysis.prediction import Predictor
from cnnviz.core.data.batches import Normalizer
from cnnviz.core.data.datasets import load_dataset
from cnnviz.core.data.types import ImageSplit
from cnnviz.core.models.registry import build_model
from cnnviz.core.models.shape import InputShape
from cnnviz.core.training.evaluation import evaluate
from cnnviz.ui.background import BackgroundCall
from cnnviz.ui.threads import keep_gui_thread_single_threaded


def gradcam_ms(model_name: str, shape: tuple[int, int, int], repeats: int) -> float:
    model = build_model(model_name, InputShape(*shape, 10)).eval()
    rng = np.random.default_rng(0)
    times = []
    for i in range(repeats + 5):
        inputs = torch.from_numpy(rng.standard_normal((1, *shape)).astype(np.float32))
        start = time.perf_counter()
        explain(model, inputs, "gradcam")
        if i >= 5:
            times.append(1000 * (time.perf_counter() - start))
    return float(np.median(times))


def evaluation_seconds(data_dir: Path) -> tuple[float, float]:
    threads = torch.get_num_threads()
    keep_gui_thread_single_threaded()  # as in the app: the tab's pass runs first, like there
    predictor = Predictor.from_checkpoint()
    test = load_dataset("mnist", data_dir, download=False).test
    normalizer = Normalizer(predictor.meta.mean, predictor.meta.std, torch.device("cpu"))
    warm_up = ImageSplit(test.images[:2000], test.labels[:2000])
    app = QApplication.instance() or QApplication([])
    loop = QEventLoop()
    timing = []

    def work(state):
        evaluate(predictor.model, warm_up, normalizer, 10)
        begin = time.perf_counter()
        evaluate(predictor.model, test, normalizer, 10,
                 should_stop=state.is_interruption_requested, on_progress=state.set_progress)
        timing.append(time.perf_counter() - begin)

    call = BackgroundCall(work, lambda _: loop.quit(), lambda exc: loop.quit(),
                          lambda fraction: None)
    loop.exec()
    call.wait()
    del app
    # the plain pass in a fresh process: in this one the worker's thread team would skew it
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        plain = pool.apply(plain_pass_seconds, (data_dir, threads))
    return plain, timing[0]


def plain_pass_seconds(data_dir: Path, threads: int) -> float:
    torch.set_num_threads(threads)
    predictor = Predictor.from_checkpoint()
    test = load_dataset("mnist", data_dir, download=False).test
    normalizer = Normalizer(predictor.meta.mean, predictor.meta.std, torch.device("cpu"))
    evaluate(predictor.model, ImageSplit(test.images[:2000], test.labels[:2000]), normalizer, 10)
    start = time.perf_counter()
    evaluate(predictor.model, test, normalizer, 10)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_data_dir_argument(parser)
    parser.add_argument("--repeats", type=int, default=50)
    args = parser.parse_args()
    prepare(args.data_dir)
    plain, tab = evaluation_seconds(args.data_dir)
    print(f"MNIST test set (10,000): plain pass {plain:.2f} s, Evaluate tab's pass {tab:.2f} s, "
          f"ratio {tab / plain:.2f}")
    torch.set_num_threads(1)  # as the GUI thread runs it
    for name, shape in (("simple-cnn", (1, 28, 28)), ("resnet", (3, 32, 32))):
        print(f"Grad-CAM {name}: median {gradcam_ms(name, shape, args.repeats):.1f} ms per image")


if __name__ == "__main__":
    main()
