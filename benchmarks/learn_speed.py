"""Learn tab frames and Inspect's receptive-field hover, timed.

    python benchmarks/learn_speed.py [--repeats 200]

Offscreen, with one torch thread as the GUI thread has:
- a convolution demo frame: the next output element worked out, its text set and the demo
  painted (grabbed into a pixmap, so that the paint really happens), at the tutorial's
  settings (5x5x3, 2 filters of 3x3) and at the largest the spin boxes allow (12x12x4 padded
  by 3, 4 filters of 7x7); and, once per change of settings or numbers, every cell painted
  again;
- a pooling demo frame: another channel pooled and its three views painted, for the
  tutorial's 4x4 example (with numbers) and a 28x28 feature map;
- the hover handler of Inspect's enlarged map: the mouse moves to another unit and the
  receptive-field outline moves (the handler and a paint of the input view), for simple-cnn
  and resnet; and the effective receptive field (a forward and backward pass) that follows.
A frame within 16 ms keeps 60 frames a second.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import torch
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication, QWidget

from cnnviz.core.analysis.conv_demo import LIMITS
from cnnviz.core.analysis.inspection import ModelInspector
from cnnviz.core.models.registry import build_model
from cnnviz.core.models.shape import InputShape
from cnnviz.ui.learn.conv_demo import ConvDemo
from cnnviz.ui.learn.pool_demo import PoolDemo
from cnnviz.ui.workers.threads import keep_gui_thread_single_threaded

#: every setting at the demo's upper limit but the stride, at 1 for the most elements
LARGEST = {key: high for key, (_, high) in LIMITS.items()} | {"stride": 1}


def paint(widget: QWidget) -> None:
    """Render the widget and its children into a pixmap: the paint a screen update does."""
    widget.grab()


def timed(action: Callable[[int], None], repeats: int) -> np.ndarray:
    for i in range(5):  # warm up
        action(i)
    times = []
    for i in range(repeats):
        start = time.perf_counter()
        action(i)
        times.append(1000 * (time.perf_counter() - start))
    return np.array(times)


def report(what: str, times: np.ndarray) -> None:
    print(f"{what}: median {np.median(times):.2f} ms, p95 {np.percentile(times, 95):.2f} ms, "
          f"max {times.max():.2f} ms ({np.mean(times <= 16):.1%} within 16 ms)")


def conv_frames(repeats: int) -> None:
    demo = ConvDemo()
    demo.resize(1000, 620)
    demo.show()
    for label, settings in (("tutorial 5x5x3, K=2, F=3", {}), ("largest 16x16x16, K=8, F=7",
                                                              LARGEST)):  # fmt: skip
        for key, value in settings.items():
            demo.spins[key].setValue(value)
        QApplication.processEvents()

        def frame(_: int) -> None:
            demo.advance()
            paint(demo)

        report(f"convolution frame, {label} ({len(demo.steps)} elements)",
               timed(frame, repeats))  # fmt: skip
        report(f"convolution, new numbers for {label} (every cell painted again)",
               timed(lambda i: (demo.new_numbers(), paint(demo)), max(10, repeats // 5)))


def pool_frames(repeats: int) -> None:
    demo = PoolDemo()
    demo.resize(1000, 620)
    demo.show()
    QApplication.processEvents()
    report("pooling frame, the tutorial's 4x4 with numbers",
           timed(lambda i: (demo.draw(), paint(demo)), repeats))  # fmt: skip
    model = build_model("simple-cnn", InputShape(1, 28, 28, 10))
    inspector = ModelInspector(model, (1, 28, 28), [0.5], [0.5])
    image = np.random.default_rng(0).integers(0, 256, (1, 28, 28), dtype=np.uint8)
    demo.show_activations(inspector.layers, inspector.run(image).activations)

    def frame(i: int) -> None:
        demo.channel_spin.setValue(i % 16)
        paint(demo)

    report(f"pooling frame, a 28x28 map of {demo.layer_combo.currentText()}",
           timed(frame, repeats))  # fmt: skip


def hover(repeats: int) -> None:
    from cnnviz.core.training.events import StartedEvent
    from cnnviz.session.test_split import CurrentSplit, run_at_once
    from cnnviz.ui.inspect.inspect_tab import InspectTab

    empty = tempfile.mkdtemp()
    tab = InspectTab(CurrentSplit(run_at_once, lambda: Path(empty)))  # a set not there
    tab.resize(1200, 800)
    tab.show()
    for name, shape, layer in (("simple-cnn", (1, 28, 28), "layer2.0"),
                               ("resnet", (3, 32, 32), "layer2.1.conv2")):  # fmt: skip
        model = build_model(name, InputShape(*shape, 10))
        tab.prepare_live(model, StartedEvent(name, f"bench-{name}", "cpu", 0, 0, 0, 1, 1, 0,
                                             [str(i) for i in range(10)], list(shape),
                                             [0.5] * shape[0], [0.25] * shape[0]))  # fmt: skip
        tab.show_image(np.random.default_rng(1).integers(0, 256, shape, dtype=np.uint8))
        tab.select_layer(layer)
        QApplication.processEvents()
        hover_layer(tab, f"{name} {layer}", repeats)
    tab.stop_background()


def hover_layer(tab, what: str, repeats: int) -> None:
    """The mouse over one unit after another of the enlarged map; then the effective field
    of the middle unit."""
    maps = tab.maps
    side = maps.activation.shape[1]

    def move(i: int) -> None:
        row, column = divmod(i % (side * side), side)
        maps._on_zoom_hover(maps.zoom_view.mapViewToScene(QPointF(column + 0.5, row + 0.5)))
        paint(maps.field_widget)

    report(f"hover outline, {what}", timed(move, repeats))
    unit = (0, side // 2, side // 2)
    report(f"effective receptive field, {what}",
           timed(lambda i: tab.inspector.unit_gradient(tab.image, maps.layer_name, unit),
                 repeats))  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=200)
    args = parser.parse_args()
    QApplication.instance() or QApplication([])
    keep_gui_thread_single_threaded()  # as in the app
    print(f"torch threads: {torch.get_num_threads()}")
    conv_frames(args.repeats)
    pool_frames(args.repeats)
    hover(args.repeats)


if __name__ == "__main__":
    main()
