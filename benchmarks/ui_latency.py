"""Does the window stay responsive while it trains, and does it slow training down?

    python benchmarks/ui_latency.py [--data-dir D] [--epochs 1] [--tab trainingTab]

Trains simple-cnn on the real MNIST (../shared/data) for the same number of steps twice in
one process: through the main window offscreen, with its Training tab (or --tab) in front as
a user watching the curves has it, then headless with the core trainer. Both train in a thread of
their own: libgomp spins at its barriers in one thread and not in another depending on how
many OpenMP threads the process holds, which on a busy machine changes a step's time several
times over, so the main thread is not a fair baseline for a QThread. Prints the GUI run's
throughput as a ratio of the headless one, the GUI thread's CPU time per second of training
(what the window takes from the trainer), and how late a 10 ms QTimer fires during the GUI
run (p50, p99): the event loop's responsiveness while training.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import torch
from bench_data import add_data_dir_argument, prepare
from lateness import LatenessProbe
from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

from cnnviz.core.data.datasets import load_dataset
from cnnviz.core.training.config import TrainConfig
from cnnviz.core.training.trainer import Trainer
from cnnviz.session.run_lifecycle import Phase
from cnnviz.session.session import TrainMode


def headless(data_dir: Path, epochs: int, threads: int) -> float:
    """The core trainer in a plain thread, with the thread count the window's worker uses."""
    data = load_dataset("mnist", data_dir, download=False)
    finals = []

    def train() -> None:
        torch.set_num_threads(threads)
        finals.append(Trainer(TrainConfig(epochs=epochs), data).run(lambda event: None))

    thread = threading.Thread(target=train)
    thread.start()
    thread.join()
    return finals[0].images_per_second


def through_the_window(epochs: int, tab: str = "trainingTab") -> tuple[float, LatenessProbe, float]:
    from cnnviz.ui import MainWindow

    _app = QApplication.instance() or QApplication([])  # kept alive for the window
    window = MainWindow()
    window.show()
    window.panel.epochs_spin.setValue(epochs)
    window.panel.batch_size_spin.setValue(100)
    front = [window.tabs.widget(i) for i in range(window.tabs.count())
             if window.tabs.widget(i).objectName() == tab]
    if not front:
        raise SystemExit(f"no tab named {tab!r}")
    window.tabs.setCurrentWidget(front[0])
    finals = []
    probe = LatenessProbe(lambda: window.phase in (Phase.TRAINING, Phase.PAUSED))
    probe.start()
    loop = QEventLoop()
    window.start_training(TrainMode.FRESH)
    window.controller.handle.worker.finished.connect(finals.append)
    window.controller.handle.thread.finished.connect(loop.quit)
    cpu, wall = time.thread_time(), time.perf_counter()
    loop.exec()  # the event loop as the app runs it, until the training thread ends
    gui_share = (time.thread_time() - cpu) / (time.perf_counter() - wall)
    probe.stop()
    window.close()
    return finals[0].images_per_second, probe, gui_share


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_data_dir_argument(parser)
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--tab", default="trainingTab",
                        help="objectName of the tab in front while the window trains "
                             "(learnTab: no plot painted)")
    args = parser.parse_args()
    prepare(args.data_dir)
    os.environ["CNNVIZ_DATA"] = str(args.data_dir)
    scratch = Path(tempfile.mkdtemp())
    os.environ["CNNVIZ_SETTINGS"] = str(scratch / "settings.ini")
    os.environ["XDG_DATA_HOME"] = str(scratch)
    threads = torch.get_num_threads()
    # the window first: as in the app, its GUI thread has never run a torch thread team
    gui, probe, gui_share = through_the_window(args.epochs, args.tab)
    base = headless(args.data_dir, args.epochs, threads)
    print(f"headless: {base:,.0f} images/s   window: {gui:,.0f} images/s   "
          f"ratio {gui / base:.2f}   (load average {os.getloadavg()[0]:.1f})")
    print(f"GUI thread CPU while the window trained: {1000 * gui_share:.0f} ms per second")
    print(f"10 ms timer lateness while training ({probe.summary()})")


if __name__ == "__main__":
    main()
