"""Many runs: listing them, and overlaying long ones while another is followed live.

    python benchmarks/runs_scale.py [--runs 200] [--overlays 10] [--steps 20000]

Writes run folders as the trainer writes them (config.json, heartbeat.json, metrics.jsonl)
into a scratch runs home, then in one process:
- lists them: the Runs tab reading every folder and filling its table, best of 3;
- ticks ``--overlays`` runs of ``--steps`` steps each to overlay them on the plots, opens one
  more run and follows it while a separate process appends steps to it (200 a second), and
  measures how late a 10 ms timer fires meanwhile (p50, p99): the window's event loop.
Targets on this project's CPU: the list in at most 1 s; p99 lateness under 50 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
from lateness import LatenessProbe
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

STEPS_PER_EPOCH = 600

WRITER = """
import json, sys, time
path, start, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open(path, "a") as handle:
    for step in range(start, start + count):
        handle.write(json.dumps({"type": "step", "step": step, "epoch": 1 + step // 600,
            "epoch_fraction": step / 600, "loss": 1 / (1 + step / 500), "train_acc": 0.9,
            "images_per_second": 1e4, "lr": 1e-3}) + "\\n")
        if step % 20 == 0:
            handle.flush()
            time.sleep(0.1)
"""


def write_run(folder: Path, steps: int, status: str) -> None:
    folder.mkdir(parents=True)
    epochs = max(1, steps // STEPS_PER_EPOCH)
    settings = {"model": "simple-cnn", "dataset": "mnist", "epochs": epochs, "lr": 1e-3,
                "batch_size": 100}
    (folder / "config.json").write_text(json.dumps({"settings": settings,
                                                    "started": time.time()}))
    (folder / "heartbeat.json").write_text(json.dumps({
        "status": status, "pid": os.getpid(), "host": "bench", "beat": time.time(),
        "epochs": epochs, "epochs_done": epochs, "best_test_acc": 0.98}))
    lines = [json.dumps({"type": "started", "model": "simple-cnn", "dataset": "mnist",
                         "device": "cpu", "parameters": 29034, "train_size": 60000,
                         "test_size": 10000, "epochs": epochs,
                         "total_steps": epochs * STEPS_PER_EPOCH, "start_step": 0,
                         "class_names": [], "input_shape": [1, 28, 28], "mean": [0.1],
                         "std": [0.3]})]
    rng = np.random.default_rng(len(folder.name))
    for step in range(1, steps + 1):
        lines.append(json.dumps({"type": "step", "step": step, "epoch": 1 + step // 600,
                                 "epoch_fraction": step / STEPS_PER_EPOCH,
                                 "loss": float(1 / (1 + step / 500) + rng.normal(0, 0.05)),
                                 "train_acc": 0.9, "images_per_second": 1e4, "lr": 1e-3}))
        if step % STEPS_PER_EPOCH == 0:
            lines.append(json.dumps({"type": "epoch", "epoch": step // STEPS_PER_EPOCH,
                                     "step": step, "train_loss": 0.2, "train_acc": 0.9,
                                     "test_loss": 0.1, "test_acc": 0.97,
                                     "per_class_acc": [0.97] * 10, "seconds": 4.0,
                                     "checkpoint": None}))
    (folder / "metrics.jsonl").write_text("\n".join(lines) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--overlays", type=int, default=10)
    parser.add_argument("--steps", type=int, default=20000)
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="cnnviz-runs-bench-"))
    os.environ.update(CNNVIZ_RUNS=str(scratch / "runs"), XDG_DATA_HOME=str(scratch),
                      CNNVIZ_SETTINGS=str(scratch / "settings.ini"),
                      XDG_CONFIG_HOME=str(scratch / "config"))
    home = scratch / "runs"
    for i in range(args.runs - args.overlays):
        write_run(home / f"small-{i:03d}", 60, "finished")
    for i in range(args.overlays):
        write_run(home / f"long-{i:02d}", args.steps, "finished")
    live = scratch / "elsewhere" / "live"
    write_run(live, 100, "running")

    from cnnviz.ui import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow()
    window.resize(1440, 880)
    window.show()
    app.processEvents()
    listing = []
    for _ in range(3):
        start = time.perf_counter()
        window.runs_tab.refresh()
        app.processEvents()
        listing.append(time.perf_counter() - start)
    print(f"{window.runs_tab.table.rowCount()} runs listed in the Runs tab: "
          f"best {min(listing):.2f} s, worst {max(listing):.2f} s (target <= 1 s)")

    start = time.perf_counter()
    for path in [home / f"long-{i:02d}" for i in range(args.overlays)]:
        window.runs.set_overlaid(path, True)
    app.processEvents()
    print(f"{args.overlays} runs of {args.steps:,} steps overlaid in "
          f"{time.perf_counter() - start:.2f} s")
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(live / "metrics.jsonl"),
                               "101", str(int(200 * args.seconds))])
    window.files.open_run(live)
    probe = LatenessProbe()
    probe.start()
    loop = QEventLoop()
    QTimer.singleShot(int(1000 * args.seconds), loop.quit)
    loop.exec()
    probe.stop()
    writer.wait()
    print(f"followed live to {window.plots.raw_loss.size:,} steps; 10 ms timer lateness "
          f"({probe.summary(skip=1)}) (target < 50 ms)")
    window.close()


if __name__ == "__main__":
    main()
