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

from cnnviz.core.arrays import ImageArray, ImageBatchArray
from cnnviz.core.thread_tuner import ThreadTuner, starting_threads
from cnnviz.core.translatable import QT_TRANSLATE_NOOP

AUGMENTATIONS = {  # marked for the run panel's translation (the command line shows them as is)
    "none": QT_TRANSLATE_NOOP("Setting", "no augmentation"),
    "crop-flip": QT_TRANSLATE_NOOP("Setting", "random crop after 4-pixel zero padding, and "
                                   "horizontal flip (natural images; the tutorial upscales to "
                                   "40 and crops instead of padding)"),
    "affine": QT_TRANSLATE_NOOP("Setting", "small random shifts, scales, rotations and stroke "
                                "widths (digits, letters)"),
    "handwriting": QT_TRANSLATE_NOOP("Setting", "what drawings and scans look like: slant, "
                                     "squeeze, elastic wobble, thin to thick strokes, "
                                     "low-resolution resampling and blur (digits, letters)"),
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

    def from_numpy(self, images: ImageBatchArray | ImageArray) -> torch.Tensor:
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


def warp(
    images: torch.Tensor,
    generator: torch.Generator,
    max_shift: float = 0.12,
    scale_range: tuple[float, float] = (0.8, 1.15),
    max_degrees: float = 12.0,
    max_shear: float = 0.0,
    elastic_pixels: float = 0.0,
) -> torch.Tensor:
    """Random shifts, scales, rotations, and optionally shears and an elastic distortion of
    float images, as one grid_sample per batch.

    The shear slants a digit as a writer's hand does; the elastic part is a smooth random
    displacement (a 5x5 field of offsets of up to about ``elastic_pixels``, upsampled), the
    wobble of a stroke that no affine map makes. With neither, no extra numbers are drawn, so
    a run with ``affine`` augmentation repeats from its seed as it always did.
    """
    n, _, h, w = images.shape
    angle = (torch.rand(n, generator=generator) * 2 - 1) * math.radians(max_degrees)
    low, high = scale_range
    inv_scale = 1.0 / (low + torch.rand(n, generator=generator) * (high - low))
    shift = (torch.rand(n, 2, generator=generator) * 2 - 1) * 2 * max_shift
    cos, sin = torch.cos(angle) * inv_scale, torch.sin(angle) * inv_scale
    rows = [torch.stack([cos, -sin, shift[:, 0]], 1), torch.stack([sin, cos, shift[:, 1]], 1)]
    if max_shear:
        shear = (torch.rand(n, generator=generator) * 2 - 1) * max_shear
        rows[0] = rows[0] + shear[:, None] * torch.stack([sin, cos, torch.zeros(n)], 1)
    theta = torch.stack(rows, 1).to(images.device, images.dtype)
    grid = F.affine_grid(theta, list(images.shape), align_corners=False)
    if elastic_pixels:
        strength = torch.rand(n, 1, 1, 1, generator=generator) * elastic_pixels
        field = torch.randn(n, 2, 5, 5, generator=generator) * strength
        field = field * torch.tensor([2.0 / w, 2.0 / h]).view(1, 2, 1, 1)  # pixels to grid units
        field = F.interpolate(field.to(images.device, images.dtype), size=(h, w),
                              mode="bicubic", align_corners=True)  # fmt: skip
        grid = grid + field.permute(0, 2, 3, 1)
    return F.grid_sample(images, grid, padding_mode="zeros", align_corners=False)


def random_affine(images: torch.Tensor, generator: torch.Generator) -> torch.Tensor:
    """Small random shifts, scales and rotations of float images, then stroke widths.

    Handwriting varies in position, size and slant; this makes a digit model robust to all three.
    """
    return vary_stroke_width(warp(images, generator), generator)


def handwriting(images: torch.Tensor, generator: torch.Generator) -> torch.Tensor:
    """What the Draw tab and real handwriting hand a digit model, for float images (ink bright
    on 0): a slanted, squeezed and wobbly warp, strokes from thinner to much thicker, a third
    of the digits sampled down and up again (a low-resolution scan, a thick mouse stroke
    scaled to 20 px) and a third blurred; then each digit's brightest pixel is full ink.

    The draws are wide but a digit stays a digit; they are what makes the shipped weights read
    people's drawings and not only MNIST's scans.
    """
    warped = warp(images, generator, max_shift=0.08, scale_range=(0.8, 1.1), max_degrees=15.0,
                  max_shear=0.35, elastic_pixels=1.5)  # fmt: skip
    out = blur(resample(thickness(warped, generator), generator), generator)
    # MNIST's strokes and a prepared drawing's peak at full ink; thinning and blur must not
    # teach the model faint digits that it never sees
    peak = out.amax(dim=(1, 2, 3), keepdim=True).clamp(min=1.0)
    return (out * (255.0 / peak)).clamp(0, 255)


def thickness(images: torch.Tensor, generator: torch.Generator,
              steps: tuple[float, float] = (-0.6, 1.5)) -> torch.Tensor:  # fmt: skip
    """Strokes thinned or thickened by a random amount in ``steps`` (in one-pixel erosions or
    dilations on each side, fractions blend the neighbours): a drawing's pen and a scan's ink
    are seldom MNIST's width."""
    n = images.shape[0]
    amount = (torch.rand(n, 1, 1, 1, generator=generator) * (steps[1] - steps[0]) + steps[0])
    amount = amount.to(images.device, images.dtype)
    thin = -F.max_pool2d(-images, 3, stride=1, padding=1)
    thick = F.max_pool2d(images, 3, stride=1, padding=1)
    thicker = F.max_pool2d(thick, 3, stride=1, padding=1)
    out = torch.where(amount < 0, images + amount * (images - thin), images)
    out = torch.where(amount > 0, images + amount.clamp(max=1) * (thick - images), out)
    return torch.where(amount > 1, thick + (amount - 1) * (thicker - thick), out)


def resample(images: torch.Tensor, generator: torch.Generator,
             factors: tuple[float, ...] = (0.55, 0.75)) -> torch.Tensor:  # fmt: skip
    """A third of the images sampled down (area average) by one of ``factors`` and up again
    (bilinear): the blocky, soft digits of a low-resolution scan."""
    n, _, h, w = images.shape
    choice = torch.randint(0, 3 * len(factors), (n, 1, 1, 1), generator=generator)
    choice = choice.to(images.device)
    out = images
    for index, factor in enumerate(factors):
        small = F.adaptive_avg_pool2d(images, (round(h * factor), round(w * factor)))
        back = F.interpolate(small, size=(h, w), mode="bilinear", align_corners=False)
        out = torch.where(choice == index, back, out)
    return out


def blur(images: torch.Tensor, generator: torch.Generator,
         sigma_range: tuple[float, float] = (0.3, 0.9)) -> torch.Tensor:  # fmt: skip
    """A third of the images blurred by a Gaussian of a random sigma in ``sigma_range``, one
    grouped separable convolution for the whole batch."""
    n, c, h, w = images.shape
    low, high = sigma_range
    sigma = low + torch.rand(n, generator=generator) * (high - low)
    sigma = torch.where(torch.rand(n, generator=generator) < 1 / 3, sigma, torch.zeros(n))
    taps = torch.arange(-2, 3, dtype=torch.float32)
    kernel = torch.exp(-(taps**2) / (2 * sigma.clamp(min=1e-3)[:, None] ** 2))
    kernel = (kernel / kernel.sum(1, keepdim=True)).to(images.device, images.dtype)
    kernel = kernel.repeat_interleave(c, 0)  # one kernel per image and channel
    flat = images.reshape(1, n * c, h, w)
    flat = F.conv2d(flat, kernel.view(n * c, 1, 1, 5), padding=(0, 2), groups=n * c)
    flat = F.conv2d(flat, kernel.view(n * c, 1, 5, 1), padding=(2, 0), groups=n * c)
    return flat.view(n, c, h, w)


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
        if self.augment in ("affine", "handwriting"):
            # background maps to 0 before normalising, so padding stays background
            augment = random_affine if self.augment == "affine" else handwriting
            return self.normalizer(augment(images.float(), self.generator))
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
