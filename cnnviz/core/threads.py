"""How many threads torch uses for a piece of analysis.

torch gives each thread a team of OpenMP threads for every operation big enough to split. A
team only helps when its members run at the same time: where other work already keeps the
cores busy, each operation waits at its end for the member the system ran last, and one
thread does the same work sooner. On the shared 2-core test machine (its load between 3 and 7
all along), one thread against two took: a resnet channel's feature visualisation 0.6 s
against 7 s, the top-9 scan of MNIST's test set 1.7 s against 2.2 to 3.0 s, t-SNE of 10,000
points 41 to 44 s against 64 to 70 s. So:

- work on a handful of small images (an explanation, a feature visualisation) always runs on
  one thread: a team gains little there even on idle cores;
- a pass over a data set runs on torch's usual count, unless the machine is busy (the
  one-minute load average at least the number of cores), when it runs on one.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

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


def machine_busy() -> bool:
    """Whether other work already keeps every core busy; False where there is no load
    average to tell (Windows)."""
    try:
        return os.getloadavg()[0] >= (os.cpu_count() or 1)
    except (OSError, AttributeError):
        return False


@contextlib.contextmanager
def threads_for_the_load() -> Iterator[None]:
    """torch on one thread for the block while the machine is busy, else as it is."""
    if machine_busy():
        with one_thread():
            yield
    else:
        yield
