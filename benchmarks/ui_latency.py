"""Does the window stay responsive while it trains, and does it slow training down?

    python benchmarks/ui_latency.py [--data-dir D] [--epochs 1] [--repeats 5] [--tab trainingTab]

Trains simple-cnn on the real MNIST (../shared/data) for the same number of steps, in turns:
through the main window offscreen, with its Training tab (or --tab) in front as a user watching
the curves has it, then headless with the core trainer, writing its run folder as the command
line does. Both train in a thread of their own: libgomp spins at its barriers in one thread and
not in another depending on how many OpenMP threads the process holds, which on a busy machine
changes a step's time several times over, so the main thread is not a fair baseline for a
QThread. One pair varies by several percent on a 2-core machine, so the pairs repeat and the
median ratio is the figure.

Prints the GUI runs' throughput as a ratio of the headless ones, the GUI thread's CPU time per
second of training while steps stream (what the window takes from the trainer), and, in one
more window run, how late a 10 ms QTimer fires (p50, p99): the event loop's responsiveness
while training. That probe wakes the GUI thread 100 times a second, which no user's window
does, so the throughput runs go without it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import torch
from bench_data import add_data_dir_argument, prepare
from lateness import LatenessProbe
from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QApplication

from cnnviz.core.data.datasets import load_dataset
from cnnviz.core.training.config import TrainConfig
from cnnviz.core.training.trainer import Trainer
from cnnviz.session.run_lifecycle import Phase
from cnnviz.session.session import TrainMode
from cnnviz.ui.workers.threads import running_threads

#: the GUI thread's CPU is measured between these steps: the run's start and end (loading
#: the model into Inspect, reading the finished run) are one-off work, not the stream
STREAM_FROM, STREAM_TO = 100, 500


def headless(data_dir: Path, epochs: int, threads: int, out: Path) -> float:
    """The core trainer in a plain thread, with the thread count the window's worker uses."""
    data = load_dataset("mnist", data_dir, download=False)
    finals = []

    def train() -> None:
        torch.set_num_threads(threads)
        config = TrainConfig(epochs=epochs, data_dir=str(data_dir), out_dir=str(out))
        finals.append(Trainer(config, data).run(lambda event: None))

    thread = threading.Thread(target=train)
    thread.start()
    thread.join()
    return finals[0].images_per_second


def settle(limit_s: float = 60.0) -> None:
    """Let the window finish its background work (loading its test split, reading the last
    run) before Train is pressed, as it has by the time a user has picked the settings."""
    end = time.perf_counter() + limit_s
    while running_threads() and time.perf_counter() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.05)
    QCoreApplication.processEvents()


class WindowRuns:
    """One main window that trains again and again, as a user comparing runs does."""

    def __init__(self, epochs: int, tab: str) -> None:
        from cnnviz.ui import MainWindow

        self.app = QApplication.instance() or QApplication([])
        self.window = window = MainWindow()
        window.show()
        window.panel.epochs_spin.setValue(epochs)
        window.panel.batch_size_spin.setValue(100)
        front = [window.tabs.widget(i) for i in range(window.tabs.count())
                 if window.tabs.widget(i).objectName() == tab]
        if not front:
            raise SystemExit(f"no tab named {tab!r}")
        window.tabs.setCurrentWidget(front[0])
        self._stream: dict[int, tuple[float, float]] = {}
        window.controller.progressed.connect(self._progressed)

    def _progressed(self, progress: object) -> None:
        step = getattr(progress, "step", 0)
        for mark in (STREAM_FROM, STREAM_TO):
            if step >= mark and mark not in self._stream:
                self._stream[mark] = (time.thread_time(), time.perf_counter())

    def train(self, probe: LatenessProbe | None = None) -> tuple[float, float]:
        """One run: its images a second, and the GUI thread's CPU milliseconds a second while
        its steps streamed."""
        settle()
        self._stream.clear()
        finals: list = []
        loop = QEventLoop()
        if probe is not None:
            probe.counting = lambda: self.window.phase in (Phase.TRAINING, Phase.PAUSED)
            probe.start()
        self.window.start_training(TrainMode.FRESH)
        handle = self.window.controller.handle
        handle.worker.finished.connect(finals.append)
        handle.thread.finished.connect(loop.quit)
        loop.exec()  # the event loop as the app runs it, until the training thread ends
        if probe is not None:
            probe.stop()
        (cpu0, wall0), (cpu1, wall1) = self._stream[STREAM_FROM], self._stream[STREAM_TO]
        return finals[0].images_per_second, 1000 * (cpu1 - cpu0) / (wall1 - wall0)

    def close(self) -> None:
        settle()
        self.window.close()


def window_against_headless(
    data_dir: Path, epochs: int, repeats: int, tab: str, scratch: Path,
) -> tuple[WindowRuns, list[float], list[float]]:
    """``repeats`` pairs of a window run and a headless one: the window (still open), each
    pair's throughput ratio and each window run's GUI CPU milliseconds a second."""
    threads = torch.get_num_threads()
    # the window first: as in the app, its GUI thread has never run a torch thread team
    runs = WindowRuns(epochs, tab)
    ratios, gui_cpu = [], []
    for repeat in range(repeats):
        gui, cpu = runs.train()
        base = headless(data_dir, epochs, threads, scratch / f"headless-{repeat}")
        ratios.append(gui / base)
        gui_cpu.append(cpu)
        print(f"  pair {repeat + 1}: headless {base:,.0f} images/s, window {gui:,.0f} images/s, "
              f"ratio {gui / base:.2f}, GUI thread {cpu:.0f} ms/s "
              f"(load average {os.getloadavg()[0]:.1f})", flush=True)
    return runs, ratios, gui_cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_data_dir_argument(parser)
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=5,
                        help="window/headless pairs; the median ratio is the figure")
    parser.add_argument("--tab", default="trainingTab",
                        help="objectName of the tab in front while the window trains "
                             "(learnTab: no plot painted)")
    args = parser.parse_args()
    prepare(args.data_dir)
    os.environ["CNNVIZ_DATA"] = str(args.data_dir)
    scratch = Path(tempfile.mkdtemp())
    os.environ["CNNVIZ_SETTINGS"] = str(scratch / "settings.ini")
    os.environ["XDG_DATA_HOME"] = str(scratch)
    runs, ratios, gui_cpu = window_against_headless(args.data_dir, args.epochs, args.repeats,
                                                    args.tab, scratch)
    probe = LatenessProbe()
    runs.train(probe)
    runs.close()
    print(f"window/headless throughput: median ratio {statistics.median(ratios):.2f} "
          f"over {len(ratios)} pairs ({min(ratios):.2f} to {max(ratios):.2f})")
    print(f"GUI thread CPU while steps streamed: median {statistics.median(gui_cpu):.0f} ms "
          f"per second")
    print(f"10 ms timer lateness while training, in one more window run ({probe.summary()})")


if __name__ == "__main__":
    main()
