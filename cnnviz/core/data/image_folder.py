"""A data set from a folder of images: ``train/<class>/*`` and ``test/<class>/*``, or a single
``<class>/*`` folder that is split 90/10 with a fixed seed.

Photos come at any size, up to 4000x3000 and more; a model wants small inputs (their size sets
the size of its fully connected layers), and a set must fit in memory. So every image is
decoded straight to one input size (see ImageSize): by default the folder's most common size,
scaled down so that its longer side is at most 64 pixels, never up. Decoding (image_decoding)
never holds more than a few full-size images at once, and the result is kept in the decoded
cache (decoded_cache) under a key that includes that size, so that the next load of unchanged
files takes a fraction of a second. A folder whose images are all greyscale becomes a
1-channel set, otherwise RGB. Unreadable files are skipped and reported.

Hidden folders and files (names starting with "."), such as macOS's AppleDouble ``._x.jpg``,
and the ``__MACOSX`` folders of zip archives made on a Mac, are neither classes nor images.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import numpy as np
import torch
from PIL import Image, UnidentifiedImageError

from cnnviz.core.data import decoded_cache
from cnnviz.core.data.image_decoding import decode_files
from cnnviz.core.data.types import (
    IMAGE_SUFFIXES,
    DatasetInfo,
    ImageSize,
    ImageSplit,
    LoadedDataset,
    ProgressFn,
    loading_message,
)
from cnnviz.core.errors import CnnvizError, error_message
from cnnviz.core.translatable import QT_TRANSLATE_NOOP

TEST_FRACTION = 0.1
SPLIT_SEED = 0
#: the default size's longer side
DEFAULT_LONGER_SIDE = 64
_GREY_MODES = {"1", "L", "LA", "I", "I;16", "F"}


def _ignored(name: str) -> bool:
    """Hidden files and folders, and the resource-fork folders of zips made on a Mac."""
    return name.startswith(".") or name == "__MACOSX"


def _class_folders(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if p.is_dir() and not _ignored(p.name))


def _image_files(folder: Path) -> list[str]:
    """Image files under a folder, sorted as Path objects sort (part by part). At tens of
    thousands of files this matters: os.walk reads each directory once and stats no file, and
    plain strings are several times quicker to make and sort than Path objects."""
    files = []
    for top, folders, names in os.walk(folder):
        folders[:] = [name for name in folders if not _ignored(name)]
        files += [os.path.join(top, name) for name in names if not _ignored(name)
                  and os.path.splitext(name)[1].lower() in IMAGE_SUFFIXES]  # fmt: skip
    return sorted(files, key=lambda path: path.split(os.sep))


def _list_split(root: Path, class_names: list[str]) -> list[tuple[str, int]]:
    items = []
    for index, name in enumerate(class_names):
        folder = root / name
        if folder.is_dir():
            items += [(path, index) for path in _image_files(folder)]
    return items


def _probe(paths: list[str]) -> tuple[int, tuple[int, int]]:
    """The channel count and the most common (height, width), from the headers of a sample."""
    modes: set[str] = set()
    sizes: Counter[tuple[int, int]] = Counter()
    for path in paths[:: max(1, len(paths) // 200)]:
        try:
            with Image.open(path) as image:
                modes.add(image.mode)
                sizes[image.height, image.width] += 1
        except (OSError, UnidentifiedImageError, Image.DecompressionBombError):
            continue
    if not sizes:
        raise CnnvizError(error_message(QT_TRANSLATE_NOOP(
            "Error", "none of the images in {folder} could be read"),
            folder=Path(paths[0]).parents[1]))
    return 1 if modes <= _GREY_MODES else 3, sizes.most_common(1)[0][0]


def _target_size(common: tuple[int, int], image_size: ImageSize) -> tuple[int, int]:
    """The (height, width) images are decoded to, from the most common one and the request."""
    if image_size is None:
        longer = min(DEFAULT_LONGER_SIDE, max(common))
    elif isinstance(image_size, int) and image_size > 0:
        longer = image_size
    elif (isinstance(image_size, tuple | list) and len(image_size) == 2
          and all(isinstance(side, int) and side > 0 for side in image_size)):  # fmt: skip
        return int(image_size[0]), int(image_size[1])
    else:
        raise CnnvizError(error_message(QT_TRANSLATE_NOOP(
            "Error", "image size {size}: give the longer side in pixels, or (height, width)"),
            size=repr(image_size)))
    scale = longer / max(common)
    return max(1, round(common[0] * scale)), max(1, round(common[1] * scale))


#: each split's images, as the decoding's progress names them
_IMAGES = {"train": loading_message(QT_TRANSLATE_NOOP("Loading", "train images")),
           "test": loading_message(QT_TRANSLATE_NOOP("Loading", "test images"))}


def _decode_cached(
    items: list[tuple[str, int]],
    channels: int,
    size: tuple[int, int],
    source_size: tuple[int, int],
    progress: ProgressFn | None,
    what: str,
    skipped: list[Path],
) -> tuple[ImageSplit, tuple[tuple[float, ...], tuple[float, ...]]]:
    """Decoded images and their channel statistics, from the cache when the files are
    unchanged, else decoded and cached."""
    key = decoded_cache.cache_key(items, channels, size)
    cached = decoded_cache.load(key)
    if cached is not None:
        skipped += [Path(p) for p in cached["skipped"]]
        split = ImageSplit(torch.from_numpy(cached["images"]), torch.from_numpy(cached["labels"]))
        return split, (tuple(cached["mean"].tolist()), tuple(cached["std"].tolist()))
    images, failed = decode_files([path for path, _ in items], channels, size, source_size,
                                  progress, what)  # fmt: skip
    failed_paths = [Path(items[i][0]) for i in failed]
    skipped += failed_paths
    labels = np.delete(np.array([label for _, label in items], dtype=np.int64), failed)
    split = ImageSplit(images, torch.from_numpy(labels))
    stats = channel_stats(images)
    decoded_cache.store(key, {"images": images.numpy(), "labels": labels,
                              "skipped": np.array([str(p) for p in failed_paths], dtype=str),
                              "mean": np.array(stats[0]), "std": np.array(stats[1])})  # fmt: skip
    return split, stats


def _split_single(items: list[tuple[str, int]]) -> tuple[list, list]:
    order = torch.randperm(len(items), generator=torch.Generator().manual_seed(SPLIT_SEED))
    n_test = max(1, round(len(items) * TEST_FRACTION))
    test_ids = set(order[:n_test].tolist())
    train = [item for i, item in enumerate(items) if i not in test_ids]
    test = [item for i, item in enumerate(items) if i in test_ids]
    return train, test


def channel_stats(images: torch.Tensor) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Per-channel mean and standard deviation of uint8 images, scaled to [0, 1]: exact, from
    each channel's histogram of the 256 values (ten times quicker than float sums)."""
    counts = torch.zeros(images.shape[1], 256, dtype=torch.int64)
    step = max(1, (1 << 25) // max(1, images.shape[2] * images.shape[3]))  # small copies
    for start in range(0, len(images), step):
        for channel, chunk in enumerate(images[start : start + step].unbind(1)):
            counts[channel] += torch.bincount(chunk.flatten(), minlength=256)
    values = torch.arange(256, dtype=torch.float64) / 255.0
    total = counts.sum(dim=1).clamp_min(1).to(torch.float64)
    mean = (counts * values).sum(dim=1) / total
    squares = (counts * values * values).sum(dim=1) / total
    std = (squares - mean * mean).clamp_min(0).sqrt().clamp_min(1e-3)
    return tuple(mean.tolist()), tuple(std.tolist())


def load_image_folder(root: Path, progress: ProgressFn | None = None,
                      splits: tuple[str, ...] = ("train", "test"),
                      image_size: ImageSize = None) -> LoadedDataset:  # fmt: skip
    """Read an image-folder data set into memory (only the named splits are decoded; the
    normalisation then comes from the first of them)."""
    if not root.is_dir():
        raise CnnvizError(error_message(QT_TRANSLATE_NOOP(
            "Error", "image folder {root} does not exist; give a folder with train/<class>/ "
                     "and test/<class>/ subfolders, or one subfolder per class"), root=root))
    has_splits = (root / "train").is_dir() and (root / "test").is_dir()
    class_root = root / "train" if has_splits else root
    class_names = [p.name for p in _class_folders(class_root)]
    if not class_names:
        raise CnnvizError(error_message(QT_TRANSLATE_NOOP(
            "Error", "image folder {root} has no class subfolders; put each class's images in "
                     "a folder named after the class"), root=root))
    if has_splits:
        train_items = _list_split(root / "train", class_names)
        test_items = _list_split(root / "test", class_names)
    else:
        train_items, test_items = _split_single(_list_split(root, class_names))
    if not train_items or not test_items:
        raise CnnvizError(error_message(QT_TRANSLATE_NOOP(
            "Error", "image folder {root} holds no images ({suffixes})"), root=root,
            suffixes=", ".join(IMAGE_SUFFIXES)))
    channels, common = _probe([path for path, _ in train_items])
    size = _target_size(common, image_size)
    skipped: list[Path] = []
    decoded = {name: _decode_cached(items, channels, size, common, progress, _IMAGES[name],
                                    skipped)
               for name, items in (("train", train_items), ("test", test_items))
               if name in splits}  # fmt: skip
    empty = ImageSplit.empty(channels, *size)
    train = decoded["train"][0] if "train" in decoded else empty
    test = decoded["test"][0] if "test" in decoded else empty
    if any(len(split) == 0 for split, _ in decoded.values()):
        raise CnnvizError(error_message(QT_TRANSLATE_NOOP(
            "Error", "image folder {root}: no image in one of its splits could be read"),
            root=root))
    if skipped and progress:
        progress(loading_message(QT_TRANSLATE_NOOP(
            "Loading", "skipped {count} unreadable file(s), e.g. {path}"),
            count=len(skipped), path=skipped[0]), None)
    mean, std = decoded["train" if "train" in decoded else "test"][1]
    info = DatasetInfo(
        name=f"folder:{root}",
        description=f"images from {root}, {len(train_items)} train / {len(test_items)} test, "
                    f"at {size[0]}x{size[1]} pixels",
        class_names=tuple(class_names),
        channels=channels,
        height=size[0],
        width=size[1],
        mean=mean,
        std=std,
        default_augment="crop-flip" if channels == 3 else "none",
    )
    return LoadedDataset(info, train, test)
