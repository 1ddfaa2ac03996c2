"""Start-up time: from launching `cnnviz` to the window's first paint, against a bare
`python -c "import torch"` launched in the same run.

    python benchmarks/startup.py            # 5 rounds
    python benchmarks/startup.py --runs 9

Each round launches, in turn, the baseline and `python -m cnnviz --smoke` (offscreen unless a
display is set), which prints the wall-clock time of its first paint and closes. The app's
figure is that time minus the launch time; the baseline's is its whole run. The first round is
the cold one: a fresh, empty settings and cache home, as on a first launch (the guide opens),
and, where this process may (root on Linux), the operating system's file cache dropped
before both launches. Later rounds are warm. Prints each round, the medians and the ratio
(target: the first paint within 1.5x a bare `import torch`).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PAINTED = re.compile(r"painted at ([0-9.]+)")


def drop_file_cache() -> bool:
    """Empty the page cache (Linux, root only): the cold round then reads from disk."""
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def time_baseline(env: dict[str, str]) -> float:
    start = time.time()
    subprocess.run([sys.executable, "-c", "import torch"], env=env, check=True)
    return time.time() - start


def time_first_paint(env: dict[str, str]) -> float:
    start = time.time()
    done = subprocess.run([sys.executable, "-m", "cnnviz", "--smoke"], env=env, check=True,
                          capture_output=True, text=True)  # fmt: skip
    found = PAINTED.search(done.stdout)
    if found is None:
        raise SystemExit(f"cnnviz --smoke printed no paint time:\n{done.stdout}{done.stderr}")
    return float(found.group(1)) - start


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="rounds, the first one cold")
    args = parser.parse_args()
    print(f"CPU: {cpu_name()}, {os.cpu_count()} logical cores; load average "
          f"{os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else "")
    base_env = dict(os.environ)
    if not base_env.get("DISPLAY") and not base_env.get("WAYLAND_DISPLAY"):
        base_env.setdefault("QT_QPA_PLATFORM", "offscreen")
    baselines, paints = [], []
    with tempfile.TemporaryDirectory() as home:
        env = {**base_env, "HOME": home, "XDG_CONFIG_HOME": f"{home}/config",
               "XDG_CACHE_HOME": f"{home}/cache", "XDG_DATA_HOME": f"{home}/data"}
        for round_ in range(args.runs):
            cold = round_ == 0
            dropped = cold and drop_file_cache()
            baseline = time_baseline(env)
            if dropped:
                drop_file_cache()
            paint = time_first_paint(env)
            label = ("cold" + (", file cache dropped" if dropped else "")) if cold else "warm"
            print(f"round {round_ + 1} ({label}): import torch {baseline:.2f} s, "
                  f"first paint {paint:.2f} s, ratio {paint / baseline:.2f}")
            if not cold:
                baselines.append(baseline)
                paints.append(paint)
    if paints:
        base, paint = statistics.median(baselines), statistics.median(paints)
        print(f"warm medians: import torch {base:.2f} s, first paint {paint:.2f} s, "
              f"ratio {paint / base:.2f} (target 1.5)")


if __name__ == "__main__":
    main()
