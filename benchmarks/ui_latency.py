"""Does the window stay responsive while it trains, and does it slow training down?

    python benchmarks/ui_latency.py [--data-dir D] [--steps 600]

Trains simple-cnn on the real MNIST (../shared/data) for the same number of steps twice in
one process: headless with the core trainer, then through the main window offscreen. Prints
the GUI run's throughput as a ratio of the headless one, and how late a 10 ms QTimer fires
during the GUI run (p50, p99): the event loop's responsiveness while training.
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
from bench_data import add_data_dir_argument, prepare
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from cnnviz.core.data.datasets import load_dataset
from cnnviz.core.training.config import TrainConfig
from cnnviz.core.training.trainer import Trainer
from cnnviz.session.run_lifecycle import Phase
from cnnviz.session.session import TrainMode

TICK_MS = 10


def headless(data_dir: Path, epochs: int, threads: int) -> float:
    torch.set_num_threads(threads)  # the window left this thread with one
    data = load_dataset("mnist", data_dir, download=False)
    final = Trainer(TrainConfig(epochs=epochs), data).run(lambda event: None)
    return final.images_per_second


def through_the_window(epochs: int) -> tuple[float, np.ndarray]:
    from cnnviz.ui import MainWindow

    _app = QApplication.instance() or QApplication([])  # kept alive for the window
    window = MainWindow()
    window.show()
    window.panel.epochs_spin.setValue(epochs)
    window.panel.batch_size_spin.setValue(100)
    finals = []
    lateness: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        if window.phase in (Phase.TRAINING, Phase.PAUSED):
            lateness.append(max(0.0, (now - last[0]) * 1000 - TICK_MS))
        last[0] = now

    timer = QTimer(interval=TICK_MS)
    timer.timeout.connect(tick)
    timer.start()
    loop = QEventLoop()
    window.start_training(TrainMode.FRESH)
    window.run.worker.finished.connect(finals.append)
    window.run.thread.finished.connect(loop.quit)
    loop.exec()  # the event loop as the app runs it, until the training thread ends
    timer.stop()
    window.close()
    return finals[0].images_per_second, np.array(lateness)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_data_dir_argument(parser)
    parser.add_argument("--epochs", type=int, default=1)
    args = parser.parse_args()
    prepare(args.data_dir)
    os.environ["CNNVIZ_DATA"] = str(args.data_dir)
    scratch = Path(tempfile.mkdtemp())
    os.environ["CNNVIZ_SETTINGS"] = str(scratch / "settings.ini")
    os.environ["XDG_DATA_HOME"] = str(scratch)
    threads = torch.get_num_threads()
    # the window first: as in the app, its GUI thread has never run a torch thread team
    gui, late = through_the_window(args.epochs)
    base = headless(args.data_dir, args.epochs, threads)
    print(f"headless: {base:,.0f} images/s   window: {gui:,.0f} images/s   "
          f"ratio {gui / base:.2f}")
    print(f"10 ms timer lateness while training ({len(late)} ticks): "
          f"p50 {np.percentile(late, 50):.1f} ms, p99 {np.percentile(late, 99):.1f} ms")


if __name__ == "__main__":
    main()
