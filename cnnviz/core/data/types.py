"""What every part of the data package shares: a data set's description and its splits in memory.

A set lives in memory as ``uint8 [N, C, H, W]`` images and ``int64 [N]`` labels, so that the
trainer can normalise and augment whole batches with tensor ops.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PureWindowsPath

import torch

from cnnviz.core.translatable import Message

#: reports long work: a message (a ``loading_message``), and the fraction done when it is known
ProgressFn = Callable[[str, "float | None"], None]


def loading_message(text: str, /, **values: object) -> Message:
    """What long work says it is doing, for the interface to translate (under "Loading")."""
    return Message("Loading", text, **values)

#: an image folder's input size: the longer side in pixels (the shorter one follows the
#: folder's most common aspect ratio), an exact (height, width), or None for the default
#: (the most common size, scaled so that its longer side is at most 64)
ImageSize = int | tuple[int, int] | None

FOLDER_PREFIX = "folder:"


@dataclass(frozen=True)
class DatasetSpec:
    """A data set as the user names it, parsed once: a registry name, or ``folder:PATH`` for
    the user's own images (``folder``: that path as given)."""

    text: str
    folder: str | None = None

    @classmethod
    def parse(cls, text: str) -> DatasetSpec:
        if text.startswith(FOLDER_PREFIX):
            return cls(text, text[len(FOLDER_PREFIX):])
        return cls(text)

    @classmethod
    def of_folder(cls, path: str) -> DatasetSpec:
        return cls.parse(f"{FOLDER_PREFIX}{path}")

    @property
    def is_folder(self) -> bool:
        return self.folder is not None

    @property
    def display_name(self) -> str:
        """How the app names the data set: ``folder:C:\\photos\\cats`` and
        ``folder:/home/me/cats/`` both read ``folder cats`` (PureWindowsPath splits on either
        slash); a registry name reads as given."""
        if self.folder is None:
            return self.text
        return f"folder {PureWindowsPath(self.folder).name}"
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".tif", ".tiff", ".webp", ".ppm", ".pgm")


@dataclass(frozen=True)
class DatasetInfo:
    """What a model and the app need to know about a data set besides its pixels."""

    name: str
    description: str
    class_names: tuple[str, ...]
    channels: int
    height: int
    width: int
    mean: tuple[float, ...]
    std: tuple[float, ...]
    #: "crop-flip" for natural images (random 4-pixel-padded crop and horizontal flip); digits
    #: and letters must not be flipped, so they default to "none".
    default_augment: str = "none"

    @property
    def num_classes(self) -> int:
        return len(self.class_names)


@dataclass
class ImageSplit:
    """One split (train or test) of a data set, held in memory."""

    images: torch.Tensor  # uint8 [N, C, H, W]
    labels: torch.Tensor  # int64 [N]

    def __len__(self) -> int:
        return int(self.labels.shape[0])

    def to(self, device: torch.device | str) -> ImageSplit:
        return ImageSplit(self.images.to(device), self.labels.to(device))

    @staticmethod
    def empty(channels: int, height: int, width: int) -> ImageSplit:
        """A split that was not loaded (see ``load_dataset(splits=...)``)."""
        return ImageSplit(torch.zeros(0, channels, height, width, dtype=torch.uint8),
                          torch.zeros(0, dtype=torch.int64))


@dataclass
class LoadedDataset:
    info: DatasetInfo
    train: ImageSplit
    test: ImageSplit
