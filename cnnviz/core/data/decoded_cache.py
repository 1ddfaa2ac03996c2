"""The cache of decoded image folders, so that a folder whose files have not changed loads in a
fraction of a second instead of being decoded again.

One ``.npz`` per split, in ``user_cache_dir()/decoded``, named by a hash of everything the
pixels depend on: each file's path, label, size and modification time, the colour mode and
the target size. The cache is bounded: after each write the least recently used entries are
removed until the total is at most 2 GB, or the number of gigabytes in the environment
variable ``CNNVIZ_DECODED_CACHE_GB`` (0 turns the cache off); an entry larger than the limit is
not written at all. Reading an entry marks it used by setting its modification time to now
(access times are often not kept: noatime and relatime mounts).

It is only a cache: an entry that cannot be read is decoded again, and one that cannot be
written (a full or read-only disk) is simply not written. An entry is written to a ``.tmp``
file and renamed into place, so that a reader never sees half of one; a ``.tmp`` left by a
killed process is removed by ``leftovers.remove_leftovers``.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import zipfile
from pathlib import Path

import numpy as np

from cnnviz.core.files import write_atomically
from cnnviz.core.paths import user_cache_dir

#: changes whenever the same files would decode to other pixels
CACHE_VERSION = 2
DEFAULT_LIMIT_GB = 2.0
LIMIT_VARIABLE = "CNNVIZ_DECODED_CACHE_GB"


def folder() -> Path:
    """Where the decoded folders are kept."""
    return user_cache_dir() / "decoded"


def limit_bytes() -> int:
    """The cache's bound: ``CNNVIZ_DECODED_CACHE_GB`` gigabytes, else 2 GB (also when the
    variable is not a number, since a loading data set must not fail over a cache)."""
    try:
        gigabytes = float(os.environ.get(LIMIT_VARIABLE, DEFAULT_LIMIT_GB))
    except ValueError:
        gigabytes = DEFAULT_LIMIT_GB
    return max(0, int(gigabytes * 1e9))


def cache_key(items: list[tuple[str, int]], channels: int, size: tuple[int, int]) -> str:
    """Changes when any file is added, removed, relabelled, resized or touched, and with the
    colour mode and the target (height, width)."""
    digest = hashlib.sha1(f"{CACHE_VERSION} {channels} {size}".encode())
    for path, label in items:
        stat = os.stat(path)
        digest.update(f"{path}\0{label}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def load(key: str) -> dict[str, np.ndarray] | None:
    """An entry's arrays, read whole, and the entry marked used; None when there is none."""
    path = folder() / f"{key}.npz"
    try:
        with np.load(path, allow_pickle=False) as entry:
            arrays = {name: entry[name] for name in entry.files}
    except (OSError, ValueError, KeyError, zipfile.BadZipFile):
        return None
    with contextlib.suppress(OSError):
        os.utime(path)
    return arrays


def store(key: str, arrays: dict[str, np.ndarray], limit: int | None = None) -> None:
    """Write an entry (atomically), then evict least recently used ones past ``limit`` bytes
    (default: ``limit_bytes()``)."""
    limit = limit_bytes() if limit is None else limit
    if sum(array.nbytes for array in arrays.values()) > limit:
        return
    where = folder()
    with contextlib.suppress(OSError):
        where.mkdir(parents=True, exist_ok=True)
        # allow_pickle named: no array is an object array, and no key of ``arrays`` can be
        # taken for the flag
        write_atomically(where / f"{key}.npz",
                         lambda handle: np.savez(handle, allow_pickle=False, **arrays),
                         sync=False)  # fmt: skip
        _evict(where, limit)


def _evict(where: Path, limit: int) -> None:
    """Remove the least recently used entries until the rest total at most ``limit`` bytes."""
    entries = []
    for path in where.glob("*.npz"):
        with contextlib.suppress(OSError):  # another process may be evicting it right now
            stat = path.stat()
            entries.append((stat.st_mtime_ns, stat.st_size, path))
    total = 0
    for _, size, path in sorted(entries, reverse=True):  # the most recently used first
        total += size
        if total > limit:
            with contextlib.suppress(OSError):
                path.unlink()
