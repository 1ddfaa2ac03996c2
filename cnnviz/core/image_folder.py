"""A data set from a folder of images: ``train/<class>/*`` and ``test/<class>/*``, or a single
``<class>/*`` folder that is split 90/10 with a fixed seed.

Images are decoded once into memory, in a thread pool since Pillow releases the GIL while it
decodes. A folder whose images are all greyscale becomes a 1-channel set, otherwise RGB; every
image is resized to the most common size. Unreadable files are skipped and reported.
"""

from __future__ import annotations

import os
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import torch
from PIL import Image, UnidentifiedImageError

from cnnviz.core.datasets import (
    IMAGE_SUFFIXES,
    DatasetInfo,
    ImageSplit,
    LoadedDataset,
    ProgressFn,
)
from cnnviz.core.errors import CnnvizError

TEST_FRACTION = 0.1
SPLIT_SEED = 0
_GREY_MODES = {"1", "L", "LA", "I", "I;16", "F"}


def _class_folders(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))


def _image_files(folder: Path) -> list[Path]:
    return sorted(
        p for p in folder.rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file()
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


def _split_single(items: list[tuple[Path, int]]) -> tuple[list, list]:
    order = torch.randperm(len(items), generator=torch.Generator().manual_seed(SPLIT_SEED))
    n_test = max(1, round(len(items) * TEST_FRACTION))
    test_ids = set(order[:n_test].tolist())
    train = [item for i, item in enumerate(items) if i not in test_ids]
    test = [item for i, item in enumerate(items) if i in test_ids]
    return train, test


def channel_stats(images: torch.Tensor) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Per-channel mean and standard deviation of uint8 images, scaled to [0, 1]."""
    flat = images.transpose(0, 1).reshape(images.shape[1], -1).double() / 255.0
    std = flat.std(dim=1).clamp_min(1e-3)
    return tuple(flat.mean(dim=1).tolist()), tuple(std.tolist())


def load_image_folder(root: Path, progress: ProgressFn | None = None,
                      splits: tuple[str, ...] = ("train", "test")) -> LoadedDataset:  # fmt: skip
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
    empty = ImageSplit.empty(channels, size[1], size[0])
    train = _decode_all(train_items, mode, size, progress, skipped) if "train" in splits \
        else empty  # fmt: skip
    test = _decode_all(test_items, mode, size, progress, skipped) if "test" in splits else empty
    if ("train" in splits and len(train) == 0) or ("test" in splits and len(test) == 0):
        raise CnnvizError(f"image folder {root}: no image in one of its splits could be read")
    if skipped and progress:
        progress(f"skipped {len(skipped)} unreadable file(s), e.g. {skipped[0]}", None)
    mean, std = channel_stats(train.images if len(train) else test.images)
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
