"""Top inputs kept next to the weights they were found with, so a second look is instant.

A checkpoint in a run folder keeps its scans in the folder's ``units/`` (they go where the run
goes: renamed, moved or deleted with it); any other checkpoint (the shipped weights, a file
from elsewhere) keeps them in the user's cache. A scan is used again only while the
checkpoint file is the same one (size and modification time), for the same data set and number
of test images, and for at least as many images per channel; a checkpoint that a running
trainer rewrites makes its scans stale. Files are written atomically, and a folder that cannot
be written only means no cache.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from cnnviz.core.analysis.top_inputs import TopInputs
from cnnviz.core.errors import CnnvizError
from cnnviz.core.files import read_npz, write_atomically
from cnnviz.core.paths import user_cache_dir
from cnnviz.core.training.run_folder import holds_run

#: the folder inside a run folder (or in the cache) that holds the scans
UNITS_FOLDER = "units"


def cache_file(checkpoint: Path, layer: str) -> Path:
    """Where a checkpoint's scan of ``layer`` is kept."""
    checkpoint = Path(checkpoint)
    in_run = checkpoint.parent / UNITS_FOLDER
    if holds_run(checkpoint.parent) and not in_run.is_symlink() and (
            in_run.is_dir() or not in_run.exists()):  # fmt: skip
        folder = in_run
    else:  # not a run, or its units/ is a link or a file: never written through
        digest = hashlib.sha1(str(checkpoint.resolve()).encode()).hexdigest()[:16]
        folder = user_cache_dir() / UNITS_FOLDER / digest
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", layer)
    return folder / f"{checkpoint.stem}-{safe}.npz"


@dataclass(frozen=True)
class WeightsStamp:
    """A weights file as it was when its model was read: a scan of that model is kept under
    this stamp, so a file that a trainer rewrites during the scan does not claim it."""

    checkpoint: Path
    size: int
    mtime_ns: int


def weights_stamp(checkpoint: Path) -> WeightsStamp | None:
    """Take it when the model is read from ``checkpoint``; None when the file cannot be
    read (then nothing is cached)."""
    try:
        stat = Path(checkpoint).stat()
    except OSError:
        return None
    return WeightsStamp(Path(checkpoint), stat.st_size, stat.st_mtime_ns)


def _key(weights: WeightsStamp, layer: str, dataset: str, test_size: int) -> dict[str, object]:
    return {"checkpoint_size": weights.size, "checkpoint_mtime_ns": weights.mtime_ns,
            "layer": layer, "dataset": dataset, "test_size": test_size}  # fmt: skip


#: the largest scan file read: 512 channels x 64 images is under 1 MB
MAX_SCAN_BYTES = 64 << 20


def load_top_inputs(weights: WeightsStamp, layer: str, k: int, dataset: str, test_size: int,
                    maps_shape: tuple[int, int, int]) -> TopInputs | None:  # fmt: skip
    """The cached scan for these weights and test images, cut to k; None when there is none,
    it is stale, it holds fewer than k images per channel, or it does not fit the layer
    (``maps_shape``: its channels, height and width) and the test split. A cache is a file
    like any other, perhaps from someone else: one that does not fit is scanned again."""
    path = cache_file(weights.checkpoint, layer)
    try:
        stored = read_npz(path, MAX_SCAN_BYTES)
        if json.loads(str(stored["key"])) != _key(weights, layer, dataset, test_size):
            return None
        height, width = (int(n) for n in stored["map_size"])
        top = TopInputs(layer, stored["indices"], stored["activations"], stored["positions"],
                        (height, width))
    except (OSError, KeyError, ValueError, TypeError, CnnvizError):
        return None
    if not _fits(top, maps_shape, test_size):
        return None
    return top.first(k) if top.k >= k else None


def _fits(top: TopInputs, maps_shape: tuple[int, int, int], test_size: int) -> bool:
    channels, height, width = maps_shape
    indices, activations, positions = top.indices, top.activations, top.positions
    if (top.map_size != (height, width) or indices.shape != (channels, top.k)
            or activations.shape != indices.shape or positions.shape != (*indices.shape, 2)
            or indices.dtype.kind not in "iu" or positions.dtype.kind not in "iu"
            or activations.dtype.kind != "f" or not 0 < top.k <= test_size):  # fmt: skip
        return False
    rows, columns = positions[..., 0], positions[..., 1]
    return bool((indices >= 0).all() and (indices < test_size).all()
                and (rows >= 0).all() and (rows < height).all()
                and (columns >= 0).all() and (columns < width).all())


def save_top_inputs(weights: WeightsStamp, top: TopInputs, dataset: str,
                    test_size: int) -> Path | None:  # fmt: skip
    """Keep a scan of the model read under ``weights``; the file written, or None when it
    could not be."""
    path = cache_file(weights.checkpoint, top.layer)
    key = json.dumps(_key(weights, top.layer, dataset, test_size))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, lambda handle: np.savez(
            handle, key=np.array(key), indices=top.indices, activations=top.activations,
            positions=top.positions, map_size=np.array(top.map_size)), sync=False)
    except OSError:
        return None
    return path
