"""From a canvas change to updated probabilities, in the Draw tab, offscreen.

    python benchmarks/draw_latency.py [--strokes 20]

Draws strokes point by point into the real canvas widget with mouse events; after each
point it times the tab's whole update (render the canvas, MNIST-style preprocessing, the
shipped model's forward pass, the chart, preview and canvas repainted). Prints the median and p95,
and the same for the model's forward pass alone as a baseline.
"""

from __future__ import annotations

import argparse
import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import torch  # noqa: F401  (before Qt)
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from cnnviz.core.analysis.prediction import Predictor, shipped_weights_path
from cnnviz.session.session import CurrentModel
from cnnviz.ui.draw.draw_tab import DrawTab
from cnnviz.ui.workers.threads import keep_gui_thread_single_threaded


def mouse(widget, kind, point, buttons) -> None:
    event = QMouseEvent(kind, point, widget.mapToGlobal(point), Qt.MouseButton.LeftButton,
                        buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strokes", type=int, default=20)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    keep_gui_thread_single_threaded()  # as in the app
    tab = DrawTab()
    path = shipped_weights_path()
    tab.show_model(CurrentModel(Predictor.from_checkpoint(path), path, "shipped weights"))
    tab.resize(1000, 700)
    tab.show()
    app.processEvents()
    rng = np.random.default_rng(args.seed)
    canvas = tab.canvas
    side = min(canvas.width(), canvas.height())
    update_ms, forward_ms = [], []
    held = Qt.MouseButton.LeftButton
    for _ in range(args.strokes):
        points = rng.uniform(0.15, 0.85, size=(12, 2)) * side
        mouse(canvas, QEvent.Type.MouseButtonPress, QPointF(*points[0]), held)
        for point in points[1:]:
            mouse(canvas, QEvent.Type.MouseMove, QPointF(*point), held)
            start = time.perf_counter()
            tab.update_prediction()
            app.processEvents()  # and the chart, preview and canvas repainted
            update_ms.append(1000 * (time.perf_counter() - start))
            if tab.model_input is not None:
                start = time.perf_counter()
                tab.predictor.predict(tab.model_input)
                forward_ms.append(1000 * (time.perf_counter() - start))
        mouse(canvas, QEvent.Type.MouseButtonRelease, QPointF(*points[-1]),
              Qt.MouseButton.NoButton)
        tab.canvas.clear()
    update = np.array(update_ms)
    forward = np.array(forward_ms)
    print(f"canvas change to probabilities ({len(update)} updates): "
          f"median {np.median(update):.1f} ms, p95 {np.percentile(update, 95):.1f} ms")
    print(f"model forward pass alone: median {np.median(forward):.2f} ms, "
          f"p95 {np.percentile(forward, 95):.2f} ms")


if __name__ == "__main__":
    main()
