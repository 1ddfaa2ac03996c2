"""A data set from a folder of images: ``train/<class>/*`` and ``test/<class>/*``, or a single
``<class>/*`` folder that is split 90/10 with a fixed seed.

Images are decoded once into memory, in a thread pool since Pillow releases the GIL while it
decodes, and kept decoded in the user's cache folder, so that the next load of unchanged files
takes a fraction of a second instead of seconds per ten thousand images. A folder whose
images are all greyscale becomes a 1-channel set, otherwise RGB; every
image is resized to the most common size. Unreadable files are skipped and reported.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import zipfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import torch
from PIL import Image, UnidentifiedImageError

from cnnviz.core.data.types import (
    IMAGE_SUFFIXES,
    DatasetInfo,
    ImageSize,
    ImageSplit,
    LoadedDataset,
    ProgressFn,
)
from cnnviz.core.errors import CnnvizError
from cnnviz.core.paths import user_cache_dir

CACHE_VERSION = 1
TEST_FRACTION = 0.1
SPLIT_SEED = 0
_GREY_MODES = {"1", "L", "LA", "I", "I;16", "F"}


def _class_folders(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))


def _image_files(folder: Path) -> list[Path]:
    """Image files under a folder, in a stable order (os.walk: one directory read per folder,
    no stat per file, which matters at tens of thousands of files)."""
    return sorted(
        Path(top) / name
        for top, _, names in os.walk(folder)
        for name in names
        if Path(name).suffix.lower() in IMAGE_SUFFIXES
    )


def _list_split(root: Path, class_names: list[str]) -> list[tuple[Path, int]]:
    items = []
    for index, name in enumerate(class_names):
        folder = root / name
        if folder.is_dir():
            items += [(path, index) for path in _image_files(folder)]
    return items


def _decode(path: Path, mode: str, size: tuple[int, int]) -> np.ndarray | None:
    try:
        with Image.open(path) as image:
            image = image.convert(mode)
            if image.size != size:
                image = image.resize(size, Image.Resampling.BILINEAR)
            return np.asarray(image, dtype=np.uint8)
    except (OSError, UnidentifiedImageError, ValueError, Image.DecompressionBombError):
        return None


def _probe(paths: list[Path]) -> tuple[str, tuple[int, int]]:
    """Pick the colour mode and size from a sample of the images."""
    modes, sizes = set(), Counter()
    for path in paths[:: max(1, len(paths) // 200)]:
        try:
            with Image.open(path) as image:
                modes.add(image.mode if image.mode != "P" else image.convert("RGB").mode)
                sizes[image.size] += 1
        except (OSError, UnidentifiedImageError, Image.DecompressionBombError):
            continue
    if not sizes:
        raise CnnvizError(f"none of the images in {paths[0].parents[1]} could be read")
    mode = "L" if modes <= _GREY_MODES else "RGB"
    return mode, sizes.most_common(1)[0][0]


def _decode_all(
    items: list[tuple[Path, int]],
    mode: str,
    size: tuple[int, int],
    progress: ProgressFn | None,
    skipped: list[Path],
) -> ImageSplit:
    arrays, labels = [], []
    workers = max(1, min(8, os.cpu_count() or 1))
    with ThreadPoolExecutor(workers) as pool:
        decoded = pool.map(lambda item: _decode(item[0], mode, size), items, chunksize=64)
        for done, ((path, label), array) in enumerate(zip(items, decoded, strict=True), 1):
            if array is None:
                skipped.append(path)
            else:
                arrays.append(array)
                labels.append(label)
            if progress and done % 2000 == 0:
                progress(f"reading images {done}/{len(items)}", done / len(items))
    if not arrays:
        return ImageSplit.empty(1 if mode == "L" else 3, size[1], size[0])
    images = torch.from_numpy(np.stack(arrays))
    images = images.unsqueeze(1) if images.ndim == 3 else images.permute(0, 3, 1, 2)
    return ImageSplit(images.contiguous(), torch.tensor(labels, dtype=torch.int64))


def _cache_key(items: list[tuple[Path, int]], mode: str, size: tuple[int, int]) -> str:
    """Changes when any file is added, removed, relabelled, resized or touched."""
    digest = hashlib.sha1(f"{CACHE_VERSION} {mode} {size}".encode())
    for path, label in items:
        stat = path.stat()
        digest.update(f"{path}\0{label}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _decode_cached(
    items: list[tuple[Path, int]],
    mode: str,
    size: tuple[int, int],
    progress: ProgressFn | None,
    skipped: list[Path],
) -> tuple[ImageSplit, tuple[tuple[float, ...], tuple[float, ...]]]:
    """Decoded images and their channel statistics, from the cache when the files are
    unchanged, else decoded and cached.

    The cache is only a cache: a damaged file is decoded again, and a cache that cannot be
    written (a full or read-only disk) is simply not written."""
    path = user_cache_dir() / "decoded" / f"{_cache_key(items, mode, size)}.npz"
    try:
        with np.load(path, allow_pickle=False) as cached:
            skipped += [Path(p) for p in cached["skipped"]]
            split = ImageSplit(torch.from_numpy(cached["images"]),
                               torch.from_numpy(cached["labels"]))  # fmt: skip
            return split, (tuple(cached["mean"].tolist()), tuple(cached["std"].tolist()))
    except (OSError, ValueError, KeyError, zipfile.BadZipFile):
        pass
    before = len(skipped)
    split = _decode_all(items, mode, size, progress, skipped)
    stats = channel_stats(split.images)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(suffix=".npz.tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            np.savez(handle, images=split.images.numpy(), labels=split.labels.numpy(),
                     skipped=np.array([str(p) for p in skipped[before:]], dtype=str),
                     mean=np.array(stats[0]), std=np.array(stats[1]))  # fmt: skip
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(tmp)
    return split, stats


def _split_single(items: list[tuple[Path, int]]) -> tuple[list, list]:
    order = torch.randperm(len(items), generator=torch.Generator().manual_seed(SPLIT_SEED))
    n_test = max(1, round(len(items) * TEST_FRACTION))
    test_ids = set(order[:n_test].tolist())
    train = [item for i, item in enumerate(items) if i not in test_ids]
    test = [item for i, item in enumerate(items) if i in test_ids]
    return train, test


def channel_stats(images: torch.Tensor) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Per-channel mean and standard deviation of uint8 images, scaled to [0, 1]."""
    total = torch.zeros(images.shape[1], dtype=torch.float64)
    squares = torch.zeros_like(total)
    for start in range(0, len(images), 4096):  # in chunks: never a float copy of the whole set
        chunk = images[start : start + 4096].to(torch.float64) / 255.0
        total += chunk.sum(dim=(0, 2, 3))
        squares += (chunk * chunk).sum(dim=(0, 2, 3))
    count = max(1, images.numel() // images.shape[1])
    mean = total / count
    std = (squares / count - mean * mean).clamp_min(0).sqrt().clamp_min(1e-3)
    return tuple(mean.tolist()), tuple(std.tolist())


def load_image_folder(root: Path, progress: ProgressFn | None = None,
                      splits: tuple[str, ...] = ("train", "test"),
                      image_size: ImageSize = None) -> LoadedDataset:  # fmt: skip
    """Read an image-folder data set into memory (only the named splits are decoded; the
    normalisation then comes from the first of them)."""
    if not root.is_dir():
        raise CnnvizError(
            f"image folder {root} does not exist; give a folder with train/<class>/ and "
            f"test/<class>/ subfolders, or one subfolder per class"
        )
    has_splits = (root / "train").is_dir() and (root / "test").is_dir()
    class_root = root / "train" if has_splits else root
    class_names = [p.name for p in _class_folders(class_root)]
    if not class_names:
        raise CnnvizError(
            f"image folder {root} has no class subfolders; put each class's images in a "
            f"folder named after the class"
        )
    if has_splits:
        train_items = _list_split(root / "train", class_names)
        test_items = _list_split(root / "test", class_names)
    else:
        train_items, test_items = _split_single(_list_split(root, class_names))
    if not train_items or not test_items:
        raise CnnvizError(f"image folder {root} holds no images ({', '.join(IMAGE_SUFFIXES)})")
    mode, size = _probe([path for path, _ in train_items])
    skipped: list[Path] = []
    channels = 1 if mode == "L" else 3
    decoded = {name: _decode_cached(items, mode, size, progress, skipped)
               for name, items in (("train", train_items), ("test", test_items))
               if name in splits}  # fmt: skip
    empty = ImageSplit.empty(channels, size[1], size[0])
    train = decoded["train"][0] if "train" in decoded else empty
    test = decoded["test"][0] if "test" in decoded else empty
    if any(len(split) == 0 for split, _ in decoded.values()):
        raise CnnvizError(f"image folder {root}: no image in one of its splits could be read")
    if skipped and progress:
        progress(f"skipped {len(skipped)} unreadable file(s), e.g. {skipped[0]}", None)
    mean, std = decoded["train" if "train" in decoded else "test"][1]
    info = DatasetInfo(
        name=f"folder:{root}",
        description=f"images from {root}, {len(train_items)} train / {len(test_items)} test",
        class_names=tuple(class_names),
        channels=channels,
        height=size[1],
        width=size[0],
        mean=mean,
        std=std,
        default_augment="crop-flip" if mode == "RGB" else "none",
    )
    return LoadedDataset(info, train, test)
