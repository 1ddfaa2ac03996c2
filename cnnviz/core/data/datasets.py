"""The data set registry, and loading a set into memory as one uint8 tensor.

torchvision reads the on-disk formats (IDX files for the MNIST family, pickled batches for
CIFAR) and downloads them into the data directory when it can. Once read, a set lives in
memory as ``uint8 [N, C, H, W]`` images and ``int64 [N]`` labels, so that the trainer can
normalise and augment whole batches with tensor ops instead of per-image Python transforms.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import torch

from cnnviz.core.data import decoded_cache
from cnnviz.core.data.download import archives_for, fetch_archives
from cnnviz.core.data.image_folder import load_image_folder
from cnnviz.core.data.leftovers import remove_leftovers
from cnnviz.core.data.types import (
    FOLDER_PREFIX,
    DatasetInfo,
    DatasetSpec,
    ImageSize,
    ImageSplit,
    LoadedDataset,
    ProgressFn,
    loading_message,
)
from cnnviz.core.errors import (
    CancelledError,
    CnnvizError,
    DatasetNotFoundError,
    DownloadError,
    error_message,
)
from cnnviz.core.paths import default_data_dir
from cnnviz.core.translatable import QT_TRANSLATE_NOOP

DIGITS = tuple(str(d) for d in range(10))
FASHION = (
    "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
)  # fmt: skip
KMNIST = ("o", "ki", "su", "tsu", "na", "ha", "ma", "ya", "re", "wo")
CIFAR10 = (
    "airplane", "automobile", "bird", "cat", "deer",
    "dog", "frog", "horse", "ship", "truck",
)  # fmt: skip


@dataclass(frozen=True)
class RegisteredDataset:
    info: DatasetInfo
    torchvision_class: str
    #: where torchvision keeps the files under the data directory, and which files it needs
    folder: str
    files: tuple[str, ...]
    #: its name in prose
    title: str


_MNIST_FILES = (
    "train-images-idx3-ubyte", "train-labels-idx1-ubyte",
    "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte",
)  # fmt: skip
_CIFAR10_FILES = (*(f"data_batch_{i}" for i in range(1, 6)), "test_batch", "batches.meta")

DATASETS: dict[str, RegisteredDataset] = {
    entry.info.name: entry
    for entry in (
        RegisteredDataset(
            DatasetInfo("mnist", "handwritten digits 0-9, 28x28 grey, 60k train / 10k test",
                        DIGITS, 1, 28, 28, (0.1307,), (0.3081,)),
            "MNIST", "MNIST/raw", _MNIST_FILES, "MNIST",
        ),
        RegisteredDataset(
            DatasetInfo("fashion-mnist", "clothing in 10 classes, 28x28 grey, 60k / 10k",
                        FASHION, 1, 28, 28, (0.2860,), (0.3530,)),
            "FashionMNIST", "FashionMNIST/raw", _MNIST_FILES, "Fashion-MNIST",
        ),
        RegisteredDataset(
            DatasetInfo("kmnist", "cursive Japanese (Kuzushiji) characters, 28x28 grey, 60k / 10k",
                        KMNIST, 1, 28, 28, (0.1918,), (0.3483,)),
            "KMNIST", "KMNIST/raw", _MNIST_FILES, "Kuzushiji-MNIST",
        ),
        RegisteredDataset(
            DatasetInfo("cifar10", "small colour photos in 10 classes, 32x32 RGB, 50k / 10k",
                        CIFAR10, 3, 32, 32, (0.4914, 0.4822, 0.4465), (0.2470, 0.2435, 0.2616),
                        "crop-flip"),
            "CIFAR10", "cifar-10-batches-py", _CIFAR10_FILES, "CIFAR-10",
        ),
        RegisteredDataset(
            DatasetInfo("cifar100", "small colour photos in 100 classes, 32x32 RGB, 50k / 10k",
                        (), 3, 32, 32, (0.5071, 0.4865, 0.4409), (0.2673, 0.2564, 0.2762),
                        "crop-flip"),
            "CIFAR100", "cifar-100-python", ("train", "test", "meta"), "CIFAR-100",
        ),
    )
}  # fmt: skip


def dataset_names() -> list[str]:
    return [*DATASETS, f"{FOLDER_PREFIX}PATH"]


def _torchvision_class(entry: RegisteredDataset, verify_checksums: bool) -> type:
    import torchvision.datasets as tvd

    cls = getattr(tvd, entry.torchvision_class)
    if verify_checksums or not hasattr(cls, "_check_integrity"):
        return cls

    class PresenceChecked(cls):  # type: ignore[misc, valid-type]
        """The same reader, trusting files that are present instead of their MD5 sums."""

        def _check_integrity(self) -> bool:
            root = Path(self.root) / self.base_folder
            names = [name for name, _ in self.train_list + self.test_list]
            return all((root / name).is_file() for name in names)

        def _load_meta(self) -> None:
            path = Path(self.root) / self.base_folder / self.meta["filename"]
            if not path.is_file():
                raise RuntimeError(f"{path} is missing")
            with path.open("rb") as handle:
                self.classes = pickle.load(handle, encoding="latin1")[self.meta["key"]]

    return PresenceChecked


#: the splits, as loading names them
_SPLITS = {"train": loading_message(QT_TRANSLATE_NOOP("Loading", "train")),
           "test": loading_message(QT_TRANSLATE_NOOP("Loading", "test"))}


def _missing_error(entry: RegisteredDataset, data_dir: Path, reason: str,
                   details: str = "") -> DatasetNotFoundError:  # fmt: skip
    """One message in plain words: what is missing, why it could not be fetched, what to do.
    What the network said goes into the details."""
    where = data_dir / entry.folder
    return DatasetNotFoundError(error_message(QT_TRANSLATE_NOOP(
        "Error", "data set {name} is not in {where} and could not be downloaded ({reason}). "
                 "Expected files there: {files}. Connect to the internet and try again, copy "
                 "the files into {where}, or choose another data directory (--data-dir or "
                 "CNNVIZ_DATA)"),
        name=repr(entry.info.name), where=where, reason=reason, files=", ".join(entry.files)),
        details)


def _load_registered(
    entry: RegisteredDataset,
    data_dir: Path,
    download: bool,
    verify_checksums: bool,
    progress: ProgressFn | None,
    wanted: tuple[str, ...],
) -> LoadedDataset:
    cls = _torchvision_class(entry, verify_checksums)
    info = entry.info
    empty = ImageSplit.empty(info.channels, info.height, info.width)
    splits = {True: empty, False: empty}
    for train in (True, False):
        split_name = "train" if train else "test"
        if split_name not in wanted:
            continue
        if progress:  # also where a cancel takes effect: the callback may raise CancelledError
            progress(loading_message(QT_TRANSLATE_NOOP("Loading", "reading the {name} {split} "
                                                                  "split"),
                                     name=info.name, split=_SPLITS[split_name]), None)
        try:
            raw = cls(root=str(data_dir), train=train, download=False)
        except RuntimeError as first_error:
            if not download:
                raise _missing_error(entry, data_dir, error_message(QT_TRANSLATE_NOOP(
                    "Error", "downloads are off"))) from first_error
            if progress:
                progress(loading_message(QT_TRANSLATE_NOOP("Loading", "downloading {name} into "
                                                                      "{folder}"),
                                         name=entry.info.name, folder=data_dir), None)
            try:
                data_dir.mkdir(parents=True, exist_ok=True)
                fetch_archives(archives_for(cls), data_dir, progress)
                raw = cls(root=str(data_dir), train=train, download=False)
            except CancelledError:
                raise
            except Exception as exc:  # network errors come in many types
                details = f"{type(exc).__name__}: {' '.join(str(exc).split())}"
                short = details if len(details) < 300 else details[:297] + "..."
                reason = (error_message(QT_TRANSLATE_NOOP(
                              "Error", "no network: cannot download {title}"), title=entry.title)
                          if isinstance(exc, DownloadError) and exc.offline
                          else error_message(QT_TRANSLATE_NOOP(
                              "Error", "the download of {title} failed: {error}"),
                              title=entry.title, error=short))  # fmt: skip
                raise _missing_error(entry, data_dir, reason, details) from exc
        except Exception as exc:  # a present but unreadable file
            raise CnnvizError(error_message(QT_TRANSLATE_NOOP(
                "Error", "data set {name} in {folder} could not be read ({error}); delete the "
                         "folder to download it again"),
                name=repr(entry.info.name), folder=data_dir / entry.folder,
                error=f"{type(exc).__name__}: {exc}")) from exc
        images = torch.as_tensor(np.asarray(raw.data))
        images = images.unsqueeze(1) if images.ndim == 3 else images.permute(0, 3, 1, 2)
        labels = torch.as_tensor(np.asarray(raw.targets), dtype=torch.int64)
        splits[train] = ImageSplit(images.contiguous(), labels)
        class_names = tuple(raw.classes)
    if not info.class_names:
        info = replace(info, class_names=class_names)
    return LoadedDataset(info, splits[True], splits[False])


def _is_native_size(info: DatasetInfo, image_size: int | tuple[int, int]) -> bool:
    if isinstance(image_size, int):
        return image_size == max(info.height, info.width)
    return tuple(image_size) == (info.height, info.width)


def load_dataset(
    name: str,
    data_dir: Path | None = None,
    *,
    download: bool = True,
    verify_checksums: bool = True,
    progress: ProgressFn | None = None,
    splits: tuple[str, ...] = ("train", "test"),
    image_size: ImageSize = None,
) -> LoadedDataset:
    """Read a data set by registry name, or ``folder:PATH``, into memory.

    ``splits=("test",)`` reads only the test split (for inspecting and evaluating, which need
    no training images); the train split is then empty. ``verify_checksums=False`` accepts
    CIFAR archives whose MD5 sums differ from the official ones (a seam for tests that write
    their own small pickled batches). ``image_size`` sets an image folder's input size (see
    ImageSize); a registry set has one size, and asking for another is refused.
    """
    folder = DatasetSpec.parse(name).folder
    if folder is not None:  # a user's photos: nothing of cnnviz's is written there
        remove_leftovers(decoded_cache.folder())
        return load_image_folder(Path(folder).expanduser(), progress, splits, image_size)
    remove_leftovers((data_dir or default_data_dir()).expanduser(), decoded_cache.folder())
    try:
        entry = DATASETS[name]
    except KeyError:
        raise CnnvizError(
            f"unknown data set {name!r}: choose one of {', '.join(dataset_names())}"
        ) from None
    if image_size is not None and not _is_native_size(entry.info, image_size):
        raise CnnvizError(
            f"data set {name} has {entry.info.height}x{entry.info.width} images; the image "
            f"size can be chosen for image folders only"
        )
    data_dir = (data_dir or default_data_dir()).expanduser()
    if data_dir.exists() and not data_dir.is_dir():
        raise CnnvizError(f"data directory {data_dir} is a file; give a folder instead")
    return _load_registered(entry, data_dir, download, verify_checksums, progress, splits)


def dataset_info(dataset: str, data_dir: Path | None = None, download: bool = True,
                 image_size: ImageSize = None) -> DatasetInfo:  # fmt: skip
    """What a model is built for. A registry set's own description needs no files; an image
    folder, and a registry set whose class names come with its files (CIFAR-100), are read:
    the test split only."""
    entry = DATASETS.get(dataset)
    if entry is not None and entry.info.class_names:
        return entry.info
    return load_dataset(dataset, data_dir, download=download, splits=("test",),
                        image_size=image_size).info
