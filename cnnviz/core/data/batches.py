"""Whole-batch preprocessing: normalisation and augmentation as tensor ops.

Per-image torchvision transforms (ToTensor, then a padded RandomCrop and RandomHorizontalFlip)
cost a Python call per image; here one gather does the crop and the flip for a whole batch, and
one fused multiply-add normalises it, on whatever device the batch lives on. cnnviz's
crop-flip is the common 4-pixel pad, random crop and flip. It is not the tutorial's CIFAR
augmentation, which upscales to 40 pixels (``Scale(40)``, today ``Resize(40)``), flips, and
crops 32 at random (benchmarks/train_speed.py runs that one, as written).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator, Sequence

import numpy as np
import torch
import torch.nn.functional as F

from cnnviz.core.thread_tuner import ThreadTuner, starting_threads

AUGMENTATIONS = {
    "none": "no augmentation",
    "crop-flip": "random crop after 4-pixel zero padding, and horizontal flip (natural images; "
                 "the tutorial upscales to 40 and crops instead of padding)",
    "affine": "small random shifts, scales, rotations and stroke widths (digits, letters)",
}


class Normalizer:
    """uint8 images in, float32 ``(x / 255 - mean) / std`` out, as one multiply-add."""

    def __init__(self, mean: Sequence[float], std: Sequence[float], device: torch.device) -> None:
        std_t = torch.tensor(std, dtype=torch.float32, device=device).view(1, -1, 1, 1)
        mean_t = torch.tensor(mean, dtype=torch.float32, device=device).view(1, -1, 1, 1)
        self.scale = 1.0 / (255.0 * std_t)
        self.shift = -mean_t / std_t

    def __call__(self, images: torch.Tensor) -> torch.Tensor:
        return torch.addcmul(self.shift, images.float(), self.scale)

    def from_numpy(self, images: np.ndarray) -> torch.Tensor:
        """uint8 numpy images [N, C, H, W] (or one [C, H, W], given a batch axis) in, the
        normalised float32 batch out; read-only or strided arrays are copied first."""
        array = np.require(images, np.uint8, ["C", "W"])
        return self(torch.from_numpy(array if array.ndim == 4 else array[None]))


def crop_flip(images: torch.Tensor, generator: torch.Generator, padding: int = 4) -> torch.Tensor:
    """Random crop of each image after zero padding, and a horizontal flip of half of them."""
    n, _, h, w = images.shape
    device = images.device
    padded = F.pad(images, (padding, padding, padding, padding))
    oy = torch.randint(0, 2 * padding + 1, (n, 1), generator=generator).to(device)
    ox = torch.randint(0, 2 * padding + 1, (n, 1), generator=generator).to(device)
    flip = (torch.rand(n, 1, generator=generator) < 0.5).to(device)
    rows = oy + torch.arange(h, device=device)
    cols_forward = torch.arange(w, device=device)
    cols = ox + torch.where(flip, cols_forward.flip(0), cols_forward)
    batch_index = torch.arange(n, device=device).view(n, 1, 1)
    # gather [n, h, w] pixel positions for every channel at once
    out = padded.permute(0, 2, 3, 1)[batch_index, rows.view(n, h, 1), cols.view(n, 1, w)]
    return out.permute(0, 3, 1, 2).contiguous()


def random_affine(
    images: torch.Tensor,
    generator: torch.Generator,
    max_shift: float = 0.12,
    scale_range: tuple[float, float] = (0.8, 1.15),
    max_degrees: float = 12.0,
) -> torch.Tensor:
    """Small random shifts, scales and rotations of float images, one grid_sample per batch.

    Handwriting varies in position, size and slant; this makes a digit model robust to all three.
    """
    n = images.shape[0]
    angle = (torch.rand(n, generator=generator) * 2 - 1) * math.radians(max_degrees)
    low, high = scale_range
    inv_scale = 1.0 / (low + torch.rand(n, generator=generator) * (high - low))
    shift = (torch.rand(n, 2, generator=generator) * 2 - 1) * 2 * max_shift
    cos, sin = torch.cos(angle) * inv_scale, torch.sin(angle) * inv_scale
    theta = torch.stack(
        [torch.stack([cos, -sin, shift[:, 0]], 1), torch.stack([sin, cos, shift[:, 1]], 1)], 1
    ).to(images.device, images.dtype)
    grid = F.affine_grid(theta, list(images.shape), align_corners=False)
    warped = F.grid_sample(images, grid, padding_mode="zeros", align_corners=False)
    return vary_stroke_width(warped, generator)


def vary_stroke_width(images: torch.Tensor, generator: torch.Generator) -> torch.Tensor:
    """Thicken a third of the images and thin another third, by half a pixel on each side:
    a drawing's strokes, once scaled to 20 px, are rarely as wide as MNIST's."""
    n = images.shape[0]
    choice = torch.randint(0, 3, (n, 1, 1, 1), generator=generator).to(images.device)
    thick = F.max_pool2d(images, 3, stride=1, padding=1)
    thin = -F.max_pool2d(-images, 3, stride=1, padding=1)
    blended_thick = 0.5 * (images + thick)
    blended_thin = 0.5 * (images + thin)
    return torch.where(choice == 1, blended_thick, torch.where(choice == 2, blended_thin, images))


class BatchPipeline:
    """Turns a uint8 batch into the float batch the model trains on."""

    def __init__(self, normalizer: Normalizer, augment: str, generator: torch.Generator) -> None:
        if augment not in AUGMENTATIONS:
            raise ValueError(f"unknown augmentation {augment!r}")
        self.normalizer = normalizer
        self.augment = augment
        self.generator = generator

    def train_batch(self, images: torch.Tensor) -> torch.Tensor:
        if self.augment == "crop-flip":
            return self.normalizer(crop_flip(images, self.generator))
        if self.augment == "affine":
            # background maps to 0 before normalising, so padding stays background
            return self.normalizer(random_affine(images.float(), self.generator))
        return self.normalizer(images)


class BatchPass:
    """The batch starts of one pass over ``count`` items, as the passes over a test split
    (evaluation, top inputs, embeddings) walk it: ``should_stop`` is asked before each batch,
    ``on_progress`` told the share done after each. A pass that was told to stop ends early
    with ``stopped`` set. Each batch's time (the caller's work between two starts) feeds a
    ThreadTuner, so that a pass on a busy machine uses the thread count that is fastest
    there; the calling thread's count is restored at the end."""

    def __init__(self, count: int, batch_size: int,
                 should_stop: Callable[[], bool] | None = None,
                 on_progress: Callable[[float], None] | None = None) -> None:  # fmt: skip
        self.count, self.batch_size = count, batch_size
        self.should_stop, self.on_progress = should_stop, on_progress
        self.stopped = False

    def __iter__(self) -> Iterator[int]:
        before = torch.get_num_threads()
        tuner = ThreadTuner(before, starting_threads(before))
        try:
            for start in range(0, self.count, self.batch_size):
                if self.should_stop is not None and self.should_stop():
                    self.stopped = True
                    return
                began = time.perf_counter()
                yield start
                tuner.observe(time.perf_counter() - began)
                if self.on_progress is not None:
                    self.on_progress(min(1.0, (start + self.batch_size) / self.count))
        finally:
            torch.set_num_threads(before)
