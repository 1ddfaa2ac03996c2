"""Inspect tab latency: from a new input to the feature-map grid drawn, and the filter grid.

    python benchmarks/inspect_latency.py [--repeats 50]

For simple-cnn's first conv (16 maps of 28x28) and resnet's widest layer (64 maps of 8x8, a
3x3 conv with 64x64 kernels), offscreen: a new input image goes through the model, every
layer's activations are collected, and the grid, the enlarged map, the filters and the
prediction are redrawn and painted. The forward pass alone is the baseline.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import torch
from PySide6.QtWidgets import QApplication

from cnnviz.core.models.registry import build_model
from cnnviz.core.models.shape import InputShape
from cnnviz.core.training.events import StartedEvent
from cnnviz.session.test_split import CurrentSplit, run_at_once
from cnnviz.ui.inspect.inspect_tab import InspectTab
from cnnviz.ui.workers.threads import keep_gui_thread_single_threaded

CASES = [
    ("simple-cnn", [1, 28, 28], "layer1.0"),
    ("resnet", [3, 32, 32], "layer3.1.conv2"),
]


def measure(app, tab: InspectTab, repeats: int,
            rng) -> tuple[list[float], list[float], list[float]]:
    channels, height, width = tab.inspector.input_shape
    grid, filters, forward = [], [], []
    for _ in range(repeats):
        image = rng.integers(0, 256, (channels, height, width), dtype=np.uint8)
        start = time.perf_counter()
        tab.show_image(image)
        app.processEvents()
        grid.append(1000 * (time.perf_counter() - start))
        start = time.perf_counter()
        tab.filters.show_layer(tab.inspector, tab.layer_name)
        app.processEvents()
        filters.append(1000 * (time.perf_counter() - start))
        start = time.perf_counter()
        with torch.inference_mode():
            tab.inspector.model(tab.inspector.normalizer(torch.from_numpy(image)[None]))
        forward.append(1000 * (time.perf_counter() - start))
    return grid, filters, forward


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=50)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    keep_gui_thread_single_threaded()  # as in the app
    empty = tempfile.mkdtemp()
    tab = InspectTab(CurrentSplit(run_at_once, lambda: Path(empty)))  # a set not there
    tab.resize(1200, 800)
    tab.show()
    rng = np.random.default_rng(0)
    for model, shape, layer in CASES:
        classes = [str(i) for i in range(10)]
        started = StartedEvent(model, f"bench-{model}", "cpu", 0, 0, 0, 1, 1, 0, classes, shape,
                               [0.5] * shape[0], [0.25] * shape[0])  # fmt: skip
        tab.prepare_live(build_model(model, InputShape(*shape, 10)), started)
        app.processEvents()
        tab.select_layer(layer)
        measure(app, tab, 5, rng)  # warm up
        grid, filters, forward = measure(app, tab, args.repeats, rng)
        maps = tab.result.activations[layer].shape
        print(f"{model} {layer} ({maps[0]} maps of {maps[1]}x{maps[2]}): new input to grid "
              f"drawn median {np.median(grid):.1f} ms (p95 {np.percentile(grid, 95):.1f}); "
              f"filter grid median {np.median(filters):.1f} ms; forward pass alone "
              f"{np.median(forward):.1f} ms")


if __name__ == "__main__":
    main()
