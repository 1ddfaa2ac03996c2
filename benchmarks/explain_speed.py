"""Grad-CAM per image, and the Evaluate tab against the core's evaluation of a checkpoint.

    python benchmarks/explain_speed.py [--data-dir D] [--repeats 50]

Grad-CAM: simple-cnn (its last conv) and resnet (its last conv), one image at a time, on this
CPU with one torch thread, as the app's GUI thread runs it. Evaluation, the shipped weights on
the real MNIST test set (10,000 images), the median of 3 runs after a warm-up, each measured
the same way from the same start:
- the Evaluate tab: from pressing Evaluate to the confusion matrix, the bars and the gallery
  drawn (the test split loaded, the pass in a background thread with progress and a cancel
  check at every batch, the results sent back and drawn), in a window as the app has it;
- the core: ``evaluate_checkpoint`` (the test split loaded, the model rebuilt, the pass), in
  the main thread of a fresh process with torch's usual thread count, as ``cnnviz evaluate``
  runs it.
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
from cnnviz.core.analysis.prediction import Predictor, shipped_weights_path
from cnnviz.core.models.registry import build_model
from cnnviz.core.models.shape import InputShape
from cnnviz.core.training.evaluation import evaluate_checkpoint
from cnnviz.session.session import CurrentModel
from cnnviz.session.test_split import CurrentSplit, run_at_once
from cnnviz.ui.evaluate.evaluate_tab import EvaluateTab
from cnnviz.ui.workers.threads import keep_gui_thread_single_threaded


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


def tab_seconds(data_dir: Path, runs: int = 4) -> float:
    """Evaluate through the Evaluate tab itself; the first run warms up."""
    keep_gui_thread_single_threaded()
    app = QApplication.instance() or QApplication([])
    path = shipped_weights_path()
    current = CurrentModel(Predictor.from_checkpoint(path), path, "shipped weights")
    tab = EvaluateTab(lambda: current, CurrentSplit(run_at_once, lambda: data_dir))
    tab.show()
    times = []
    for _ in range(runs):
        tab.result = None
        start = time.perf_counter()
        tab.evaluate_button.click()
        while tab.result is None:
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
        app.processEvents()  # the drawing queued behind the result
        times.append(time.perf_counter() - start)
        tab.task.wait()
    return float(np.median(times[1:]))


def core_seconds(data_dir: Path, threads: int, runs: int = 4) -> float:
    torch.set_num_threads(threads)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        evaluate_checkpoint(shipped_weights_path(), data_dir, download=False, device="cpu")
        times.append(time.perf_counter() - start)
    return float(np.median(times[1:]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_data_dir_argument(parser)
    parser.add_argument("--repeats", type=int, default=50)
    args = parser.parse_args()
    prepare(args.data_dir)
    threads = torch.get_num_threads()
    with multiprocessing.get_context("spawn").Pool(1) as pool:  # untouched by the GUI setup
        core = pool.apply(core_seconds, (args.data_dir, threads))
    tab = tab_seconds(args.data_dir)
    print(f"MNIST test set (10,000): core evaluate_checkpoint {core:.2f} s, Evaluate tab from "
          f"button to drawn results {tab:.2f} s, ratio tab / core {tab / core:.2f}")
    torch.set_num_threads(1)  # as the GUI thread runs it
    for name, shape in (("simple-cnn", (1, 28, 28)), ("resnet", (3, 32, 32))):
        print(f"Grad-CAM {name}: median {gradcam_ms(name, shape, args.repeats):.1f} ms per image")


if __name__ == "__main__":
    main()
