"""Removing the half-written files a killed process leaves behind: interrupted downloads and
interrupted atomic writes (decoded-cache entries, checkpoints, run files). cnnviz writes each
of them beside its final name and renames it into place, so one that is still there after its
process ended is garbage, and may be large (a partial archive, half a decoded data set).

Only names that can be nothing but cnnviz's own are removed (``.cnnviz-NAME...tmp`` and
``.cnnviz-NAME.part``, see cnnviz.core.files): the folders searched may be a user's (a data
folder they chose, the folder a run was written to), and a user's ``thesis.tmp`` or
``ubuntu.iso.part`` is theirs.

A file last modified less than an hour ago is kept: it may be being written right now by
another cnnviz process. The writers never pause that long (a download writes every 64 KiB and
gives up after 30 s without data; cache and checkpoint writes take seconds), and an hour late
is soon enough for a file that only wastes disk space.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from cnnviz.core.files import is_own_leftover

#: seconds since the last write after which such a file is a leftover
MIN_AGE_S = 3600.0
#: how many folder levels below the given one are searched: downloads write into
#: DATA_DIR/<set>/raw, everything else directly into the folder it names
DEPTH = 2


def remove_leftovers(*folders: Path, min_age_s: float = MIN_AGE_S) -> list[Path]:
    """Remove cnnviz's own temporary files not modified for ``min_age_s`` seconds in these
    folders and up to DEPTH levels below; the removed paths. A folder that does not exist or
    cannot be read is passed over: cleaning up must never stop what the caller is starting."""
    removed: list[Path] = []
    oldest_kept = time.time() - min_age_s
    for folder in folders:
        _remove_in(Path(folder), DEPTH, oldest_kept, removed)
    return removed


def _remove_in(folder: Path, depth: int, oldest_kept: float, removed: list[Path]) -> None:
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            with contextlib.suppress(OSError):  # gone meanwhile, or not ours to touch
                if entry.is_dir(follow_symlinks=False):
                    if depth > 0:
                        _remove_in(Path(entry.path), depth - 1, oldest_kept, removed)
                elif (is_own_leftover(entry.name) and entry.is_file(follow_symlinks=False)
                      and entry.stat(follow_symlinks=False).st_mtime < oldest_kept):  # fmt: skip
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
