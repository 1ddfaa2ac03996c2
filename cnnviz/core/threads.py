"""Running small tensor work on one thread.

torch gives each thread a team of OpenMP threads for every operation big enough to split.
For work on a handful of small images (feature visualisation scores four copies of one image
per step) the team only adds waiting, and on a busy machine much of it: on the shared 2-core
test machine, visualising a resnet channel took 7 s with two threads and 0.6 s with one.
"""

from __future__ import annotations

import contextlib
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
