"""Overview tab latency: the whole page redrawn after a new input and after new weights, and
the event loop's lateness while a run trains with the Overview in front.

    python benchmarks/overview_latency.py [--repeats 30] [--seconds 5]

For simple-cnn on 1x28x28 (target 50 ms) and resnet on CIFAR-shaped 3x32x32 (target 150 ms),
offscreen at 980x600 (the tab's room in a 1280x720 window): a new input goes through the
model and every column, the bars and the labels are redrawn and painted; then a weight
snapshot (the model's own weights, as a run sends them) is loaded and drawn the same way. The
forward pass alone is the baseline. Lateness: a stand-in trainer (forward and backward passes
of the model on random batches of 100, in a thread, as the app's worker trains) runs for
--seconds while its weights reach the tab once a second, as the app sends them, and a 10 ms
timer measures how late the event loop serves it (p50, p99). Prints the CPU: a shared or busy
machine makes every figure worse.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import torch
from busy_machine import cpu_name
from lateness import LatenessProbe
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from cnnviz.core.data.datasets import DATASETS
from cnnviz.session.session import Session
from cnnviz.session.test_split import CurrentSplit, run_at_once
from cnnviz.ui.overview.overview_tab import OverviewTab
from cnnviz.ui.workers.threads import keep_gui_thread_single_threaded

CASES = [("simple-cnn", "mnist", 50.0), ("resnet", "cifar10", 150.0)]


def snapshot(tab: OverviewTab) -> dict[str, np.ndarray]:
    return {k: v.detach().numpy().copy()
            for k, v in tab.overview.inspector.model.state_dict().items()}  # fmt: skip


def painted(app: QApplication, tab: OverviewTab) -> None:
    app.processEvents()
    tab.view.viewport().repaint()


def measure(app, tab: OverviewTab, repeats: int, rng) -> tuple[list[float], list[float],
                                                                list[float]]:  # fmt: skip
    inputs, weights, forward = [], [], []
    state = snapshot(tab)
    for step in range(repeats):
        image = rng.integers(0, 256, tab.predictor.input_shape, dtype=np.uint8)
        start = time.perf_counter()
        tab.show_input(image)
        painted(app, tab)
        inputs.append(1000 * (time.perf_counter() - start))
        tab._live_timer.stop()  # every snapshot is drawn at once, not throttled
        start = time.perf_counter()
        tab.show_weights(state, step)
        painted(app, tab)
        weights.append(1000 * (time.perf_counter() - start))
        start = time.perf_counter()
        tab.overview.inspector.run(image)
        forward.append(1000 * (time.perf_counter() - start))
    return inputs, weights, forward


def lateness_while_training(app, tab: OverviewTab, seconds: float) -> LatenessProbe:
    """A stand-in trainer in a thread; its weights reach the tab once a second."""
    model = tab.predictor.copy().model.train()
    optimiser = torch.optim.SGD(model.parameters(), lr=0.01)
    shape, stop = tab.predictor.input_shape, threading.Event()
    latest: list[dict[str, np.ndarray]] = []

    def train() -> None:
        torch.set_num_threads(1)
        while not stop.is_set():
            images = torch.randn(100, *shape)
            loss = model(images).logsumexp(dim=1).mean()
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            latest[:] = [{k: v.detach().numpy().copy() for k, v in model.state_dict().items()}]

    probe = LatenessProbe()
    sender = QTimer(interval=1000)
    step = iter(range(10**9))
    sender.timeout.connect(lambda: tab.show_weights(latest[0], next(step)) if latest else None)
    thread = threading.Thread(target=train)
    loop = QEventLoop()
    QTimer.singleShot(int(1000 * seconds), loop.quit)
    thread.start()
    probe.start()
    sender.start()
    loop.exec()
    probe.stop()
    sender.stop()
    stop.set()
    thread.join()
    return probe


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    keep_gui_thread_single_threaded()  # as in the app
    print(f"CPU: {cpu_name()}, {os.cpu_count()} logical cores, load average "
          f"{os.getloadavg()[0]:.1f}; torch threads {torch.get_num_threads()}")
    empty = Path(tempfile.mkdtemp())
    tab = OverviewTab(CurrentSplit(run_at_once, lambda: empty))
    tab.resize(980, 600)
    tab.show()
    rng = np.random.default_rng(0)
    for model, dataset, target in CASES:
        session = Session(home=empty / "runs")
        tab.show_model(session.select(model, DATASETS[dataset].info))
        if tab.loader is not None:  # the test split of a set that is not there: fails fast
            tab.loader.wait()
        painted(app, tab)
        measure(app, tab, 3, rng)  # warm up
        inputs, weights, forward = measure(app, tab, args.repeats, rng)
        columns = len(tab.overview.columns)
        for what, times in (("new input", inputs), ("new weights", weights)):
            median = float(np.median(times))
            print(f"{model} ({columns} columns), {what}: median {median:.1f} ms "
                  f"(p95 {np.percentile(times, 95):.1f}), target {target:.0f} ms, "
                  f"ratio {median / target:.2f}")
        print(f"{model}: forward pass with every layer's maps alone "
              f"{np.median(forward):.1f} ms")
        probe = lateness_while_training(app, tab, args.seconds)
        print(f"{model}: event loop lateness while training, weights every second: "
              f"{probe.summary(skip=5)}")
    tab.stop_background()


if __name__ == "__main__":
    main()
