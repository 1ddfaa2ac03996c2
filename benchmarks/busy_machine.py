"""Training speed on a machine that is doing other things: the tutorial's loop and cnnviz, idle
and beside one and two busy processes that this benchmark starts and stops itself.

    python benchmarks/busy_machine.py [--data-dir D] [--steps 150] [--no-app]

Each measurement runs in a fresh process (a fresh OpenMP runtime, as a user's launch has), on
the real MNIST (../shared/data), simple-cnn, batch 100, for --steps steps from the first:

- tutorial: the tutorial's loop as written (benchmarks/train_speed.py), torch's defaults;
- cnnviz: the trainer as `cnnviz train` runs it, its thread count adapting to the load;
- cnnviz, fixed: the trainer with every available core, as before the count adapted;
- cnnviz, 1 thread; and cnnviz, fixed, with OMP_WAIT_POLICY=PASSIVE (idle threads sleep);
- app / headless: one epoch through the main window (Training tab in front) against the core
  trainer in a thread, in one process (benchmarks/ui_latency.py), APP_PAIRS pairs and their
  median ratio, idle and beside one busy process.

A busy process is `python -c "while True: pass"`. Prints the CPU, one row per variant with
seconds per epoch (the steps' time scaled to MNIST's 600 steps) in each condition and the
slowdown against idle, then the targets' ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench_data import add_data_dir_argument, prepare

HERE = Path(__file__).resolve().parent
#: window/headless pairs in each condition: one pair varies by several percent
APP_PAIRS = 3
STEPS_PER_EPOCH = 600
CONDITIONS = {"idle": 0, "1 busy": 1, "2 busy": 2}
VARIANTS = {
    "tutorial": "tutorial loop (torch defaults)",
    "cnnviz": "cnnviz train (adaptive threads)",
    "fixed": "cnnviz train, all cores fixed",
    "one": "cnnviz train, 1 thread",
    "passive": "cnnviz train, fixed, OMP_WAIT_POLICY=PASSIVE",
}


def measure(variant: str, data_dir: Path, steps: int) -> dict:
    """In this (child) process: one variant's seconds for ``steps`` steps."""
    if variant == "tutorial":
        from train_speed import tutorial_loop

        return {"seconds": tutorial_loop("simple-cnn", data_dir, steps, 0, test=False)["seconds"]}
    if variant == "app":
        import tempfile

        from ui_latency import window_against_headless

        scratch = Path(tempfile.mkdtemp())
        os.environ.update(CNNVIZ_DATA=str(data_dir), XDG_DATA_HOME=str(scratch),
                          CNNVIZ_SETTINGS=str(scratch / "settings.ini"))  # fmt: skip
        runs, ratios, _ = window_against_headless(data_dir, 1, APP_PAIRS, "trainingTab", scratch)
        runs.close()
        return {"ratio": statistics.median(ratios)}
    from cnnviz.core.data.datasets import load_dataset
    from cnnviz.core.threads import available_cores
    from cnnviz.core.training.config import TrainConfig
    from cnnviz.core.training.events import StartedEvent, StepEvent
    from cnnviz.core.training.trainer import Trainer

    threads = {"cnnviz": 0, "fixed": available_cores(), "one": 1,
               "passive": available_cores()}[variant]  # fmt: skip
    data = load_dataset("mnist", data_dir, download=False)
    marks: list[float] = []

    def on_event(event: object) -> None:
        if isinstance(event, (StartedEvent, StepEvent)):
            marks.append(time.perf_counter())

    trainer = Trainer(TrainConfig(threads=threads), data)
    trainer.run(on_event, should_stop=lambda: len(marks) > steps)
    history = trainer.tuner.history if trainer.tuner else []
    return {"seconds": marks[-1] - marks[0],
            "threads": [n for n, _ in history]}  # fmt: skip


def run_child(variant: str, data_dir: Path, steps: int) -> dict:
    env = dict(os.environ)
    if variant == "passive":
        env["OMP_WAIT_POLICY"] = "PASSIVE"
    done = subprocess.run([sys.executable, __file__, "--child", variant, "--steps", str(steps),
                           "--data-dir", str(data_dir)], env=env, capture_output=True,
                          text=True, check=False)  # fmt: skip
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode or not lines:
        raise SystemExit(f"{variant} failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return json.loads(lines[-1])


def busy_processes(count: int) -> list[subprocess.Popen]:
    return [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(count)]


def cpu_name() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return "unknown CPU"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_data_dir_argument(parser)
    parser.add_argument("--steps", type=int, default=150)
    parser.add_argument("--no-app", action="store_true", help="skip the app/headless rows")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        print(json.dumps(measure(args.child, args.data_dir, args.steps)), flush=True)
        return
    prepare(args.data_dir)
    print(f"CPU: {cpu_name()}, {os.cpu_count()} logical cores, load average before "
          f"{os.getloadavg()[0]:.1f}; simple-cnn, {args.steps} steps scaled to one epoch")
    scale = STEPS_PER_EPOCH / args.steps
    table: dict[str, dict[str, float]] = {variant: {} for variant in VARIANTS}
    app: dict[str, float] = {}
    for condition, count in CONDITIONS.items():
        others = busy_processes(count)
        try:
            time.sleep(0.5 if count else 0)
            for variant in VARIANTS:
                result = run_child(variant, args.data_dir, args.steps)
                table[variant][condition] = result["seconds"] * scale
                print(f"  {condition:7} {VARIANTS[variant]:45} {table[variant][condition]:7.1f} s"
                      + (f"  threads per window {result['threads'][:12]}..."
                         if result.get("threads") else ""), flush=True)  # fmt: skip
            if not args.no_app and count < 2:
                app[condition] = run_child("app", args.data_dir, args.steps)["ratio"]
                print(f"  {condition:7} app / headless throughput {app[condition]:.2f}",
                      flush=True)  # fmt: skip
        finally:
            for process in others:
                process.kill()
                process.wait()
    print(f"\n| seconds per epoch | {' | '.join(CONDITIONS)} | slowdown, 1 busy |")
    print(f"| --- |{' --- |' * (len(CONDITIONS) + 1)}")
    for variant, row in table.items():
        cells = " | ".join(f"{row[c]:.1f}" for c in CONDITIONS)
        print(f"| {VARIANTS[variant]} | {cells} | {row['1 busy'] / row['idle']:.1f}x |")
    cnnviz, tutorial = table["cnnviz"], table["tutorial"]
    print(f"\ncnnviz, 1 busy / its idle: {cnnviz['1 busy'] / cnnviz['idle']:.2f} (target 2.2)")
    print(f"cnnviz / tutorial, 1 busy: {cnnviz['1 busy'] / tutorial['1 busy']:.2f} (target 0.5)")
    print(f"cnnviz / tutorial, idle: {cnnviz['idle'] / tutorial['idle']:.2f} (was 0.40)")
    for condition, ratio in app.items():
        print(f"app / headless throughput, {condition}: {ratio:.2f} (target 0.8 busy, 0.95 idle)")


if __name__ == "__main__":
    main()
