"""How many threads torch uses: the cores this process may use, and small work on one thread.

torch gives each thread a team of OpenMP threads for every operation big enough to split.
For work on a handful of small images (feature visualisation scores four copies of one image
per step) the team only adds waiting, and on a busy machine much of it: on the shared 2-core
test machine, visualising a resnet channel took 7 s with two threads and 0.6 s with one.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

import torch


@contextlib.contextmanager
def one_thread() -> Iterator[None]:
    """torch on one thread in the calling thread for the block, as before it afterwards."""
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def available_cores() -> int:
    """The cores this process may run on: its CPU affinity, within the cgroup's CPU quota
    (a container limited to 1.5 CPUs gets 1)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        cores = os.cpu_count() or 1
    try:
        quota, period = Path("/sys/fs/cgroup/cpu.max").read_text().split()[:2]
        if quota != "max":
            cores = min(cores, max(1, int(quota) // int(period)))
    except (OSError, ValueError):
        pass
    return max(1, cores)
