"""What a unit wants to see: an input optimised to excite one channel, one unit or one class.

Gradient ascent on raw pixels finds high-frequency noise that excites a unit without looking
like anything; the tricks of Lucid and Lucent (Olah et al., "Feature Visualization", Distill
2017) make the result an image:

- the image is parameterised in the Fourier domain, each frequency scaled by 1/f, so that
  every frequency learns at the same rate instead of noise winning;
- for RGB, the three channels are decorrelated with the square root of ImageNet's colour
  covariance (Lucid's matrix), so colour and brightness learn apart; a sigmoid keeps pixels
  in 0..1;
- every step scores a small batch of random jitters, scales and rotations of the image, so
  only what survives small moves (a pattern, not a pixel trick) is worth growing.

The last quarter of the steps works on the pixels directly (one free number per pixel through
a sigmoid), from where the Fourier phase left the image, with the same transforms. A 1/f
spectrum under Adam reaches saturated pixels and a sharp border slowly: on the shipped MNIST
model, where a first-layer channel wants a black page, the Fourier phase alone stayed below the
best test image (0.5 to 0.95 of it) after 256 and even 1,024 steps; with the pixel phase every
channel measured beat it, and deeper channels kept their Lucid look.

The transforms are scaled to the image (Lucid's are for 224 pixels), and the batch always
holds the image untransformed too, so the image as it is (as it is saved, in whole 8-bit
levels) is what the score is measured on, the same way as for the test images it is compared
with.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from cnnviz.core.analysis.layer_capture import as_maps, forward_to
from cnnviz.core.data.batches import BatchPass, Normalizer
from cnnviz.core.data.types import ImageSplit
from cnnviz.core.errors import CnnvizError, error_message
from cnnviz.core.threads import one_thread
from cnnviz.core.translatable import QT_TRANSLATE_NOOP

OBJECTIVES = ("channel", "unit", "class")
DEFAULT_STEPS = 256
LEARNING_RATE = 0.05
#: the last steps work on the pixels directly, at this rate (see the module's docstring)
POLISH_FRACTION = 0.25
POLISH_LEARNING_RATE = 0.3
#: transformed copies scored per step, besides the untransformed image
TRANSFORMED = 3
#: Lucid's colour correlation (square root of ImageNet's colour covariance, from its SVD)
COLOR_CORRELATION_SVD_SQRT = torch.tensor(
    [[0.26, 0.09, 0.02], [0.27, 0.00, -0.05], [0.27, -0.09, 0.03]])  # fmt: skip


@dataclass(frozen=True)
class Objective:
    """What to excite: the mean of a channel's map ("channel"), the channel's unit at the
    map's centre ("unit"), or a class's logit ("class", where ``index`` is the class and
    ``layer`` is ignored)."""

    layer: str
    index: int
    kind: str = "channel"

    def __post_init__(self) -> None:
        if self.kind not in OBJECTIVES:
            raise CnnvizError(f"unknown objective {self.kind!r}: choose {', '.join(OBJECTIVES)}")

    def __call__(self, model: nn.Module, inputs: torch.Tensor) -> torch.Tensor:
        """The objective for each normalised input: [N]."""
        if self.kind == "class":
            logits = model(inputs)
            self._check(self.index, logits.shape[1], error_message(QT_TRANSLATE_NOOP(
                "Error", "class")))
            return logits[:, self.index].float()
        maps = as_maps(forward_to(model, inputs, self.layer)).float()
        self._check(self.index, maps.shape[1], error_message(QT_TRANSLATE_NOOP(
            "Error", "channel of {layer}"), layer=self.layer))
        channel = maps[:, self.index]
        if self.kind == "unit":
            return channel[:, channel.shape[1] // 2, channel.shape[2] // 2]
        return channel.mean(dim=(1, 2))

    @staticmethod
    def _check(index: int, count: int, what: str) -> None:
        if not 0 <= index < count:
            raise CnnvizError(error_message(QT_TRANSLATE_NOOP(
                "Error", "{what} {index} does not exist: there are {count} (0 to {last})"),
                what=what, index=index, count=count, last=count - 1))


@dataclass
class Visualisation:
    image: np.ndarray  # uint8 [C, H, W]: the optimised input
    activation: float  # the objective for that image
    history: np.ndarray  # float32 [steps]: the objective, untransformed, as it rose


class FourierImage(nn.Module):
    """An image [1, C, H, W] in 0..1 from a scaled spectrum, decorrelated for 3 channels."""

    # buffers, registered in __init__ (nn.Module's __getattr__ would type them Tensor | Module)
    scale: torch.Tensor
    colour: torch.Tensor

    def __init__(self, channels: int, height: int, width: int, generator: torch.Generator,
                 decay_power: float = 1.0) -> None:  # fmt: skip
        super().__init__()
        self.size = (height, width)
        fy = torch.fft.fftfreq(height)[:, None]
        fx = torch.fft.rfftfreq(width)[None, :]
        frequencies = torch.sqrt(fy * fy + fx * fx)
        self.register_buffer("scale", 1.0 / frequencies.clamp(min=1.0 / max(height, width))
                             ** decay_power)  # fmt: skip
        # a start that is nearly flat grey leaves a unit dead for a model whose filters are
        # silent on flat regions (as the shipped digit weights are): no gradient, no picture
        spectrum = torch.randn(channels, *frequencies.shape, 2, generator=generator) * 0.05
        self.spectrum = nn.Parameter(spectrum)
        colour = COLOR_CORRELATION_SVD_SQRT
        self.register_buffer("colour", colour / colour.norm(dim=0).max())

    def forward(self) -> torch.Tensor:
        spectrum = torch.view_as_complex(self.spectrum) * self.scale
        image = torch.fft.irfft2(spectrum, s=self.size, norm="ortho") / 4.0
        if image.shape[0] == 3:
            image = torch.einsum("dc,chw->dhw", self.colour, image)
        return torch.sigmoid(image)[None]


def random_transforms(images: torch.Tensor, copies: int,
                      generator: torch.Generator) -> torch.Tensor:  # fmt: skip
    """The image [1, C, H, W] followed by ``copies`` random jitters (about 1/28 of the size),
    scales (0.9 to 1.1) and rotations (up to 10 degrees), edges reflected: [1 + copies, ...]."""
    height, width = images.shape[-2:]
    angle = (torch.rand(copies, generator=generator) * 2 - 1) * math.radians(10)
    scale = 0.9 + 0.2 * torch.rand(copies, generator=generator)
    # grid units span 2 over the image: a shift of s pixels is 2s / size
    jitter = max(1.0, max(height, width) / 28)
    shift = (torch.rand(copies, 2, generator=generator) * 2 - 1) * 2 * jitter
    shift = shift / torch.tensor([width, height])
    cos, sin = torch.cos(angle) / scale, torch.sin(angle) / scale
    theta = torch.stack([torch.stack([cos, -sin, shift[:, 0]], 1),
                         torch.stack([sin, cos, shift[:, 1]], 1)], 1)  # fmt: skip
    grid = F.affine_grid(theta, [copies, *images.shape[1:]], align_corners=False)
    moved = F.grid_sample(images.expand(copies, -1, -1, -1), grid, padding_mode="reflection",
                          align_corners=False)  # fmt: skip
    return torch.cat([images, moved])


class PixelImage(nn.Module):
    """An image [1, C, H, W] in 0..1 as a sigmoid of one free number per pixel."""

    def __init__(self, start: torch.Tensor) -> None:
        super().__init__()
        self.logits = nn.Parameter(torch.logit(start.detach().clamp(0.002, 0.998)))

    def forward(self) -> torch.Tensor:
        return torch.sigmoid(self.logits)


def _ascend(image: nn.Module, model: nn.Module, objective: Objective, normalizer: Normalizer,
            steps: range, lr: float, generator: torch.Generator, history: np.ndarray,
            should_stop: Callable[[], bool] | None,
            on_progress: Callable[[float], None] | None) -> bool:  # fmt: skip
    """Adam on the image's parameters for ``steps``; False when stopped. The gradient is
    taken for the image alone, so the model's weights are never touched."""
    parameters = list(image.parameters())
    optimizer = torch.optim.Adam(parameters, lr=lr)
    with torch.enable_grad():
        for step in steps:
            if should_stop is not None and should_stop():
                return False
            batch = random_transforms(image(), TRANSFORMED, generator)
            scores = objective(model, normalizer(batch * 255))
            for parameter, gradient in zip(parameters, torch.autograd.grad(
                    -scores.mean(), parameters), strict=True):  # fmt: skip
                parameter.grad = gradient
            optimizer.step()
            history[step] = float(scores[0].detach())
            if on_progress is not None:
                on_progress((step + 1) / len(history))
    return True


def visualize(
    model: nn.Module,
    objective: Objective,
    input_shape: tuple[int, int, int],
    normalizer: Normalizer,
    steps: int = DEFAULT_STEPS,
    seed: int = 0,
    should_stop: Callable[[], bool] | None = None,
    on_progress: Callable[[float], None] | None = None,
) -> Visualisation | None:
    """Optimise an input of ``input_shape`` for the objective; None when ``should_stop``
    said so. The model is put in eval mode; its weights get no gradient."""
    if steps < 1:
        raise CnnvizError(error_message(QT_TRANSLATE_NOOP(
            "Error", "steps must be at least 1 (got {steps})"), steps=steps))
    model.eval()
    generator = torch.Generator().manual_seed(seed)
    history = np.zeros(steps, dtype=np.float32)
    fourier_steps = steps - int(steps * POLISH_FRACTION)
    image: nn.Module = FourierImage(*input_shape, generator=generator)
    with one_thread():
        if not _ascend(image, model, objective, normalizer, range(fourier_steps),
                       LEARNING_RATE, generator, history, should_stop, on_progress):
            return None
        with torch.no_grad():
            image = PixelImage(image())
        if not _ascend(image, model, objective, normalizer, range(fourier_steps, steps),
                       POLISH_LEARNING_RATE, generator, history, should_stop, on_progress):
            return None
        with torch.no_grad():
            pixels = (image()[0] * 255).round().to(torch.uint8)
            activation = float(objective(model, normalizer(pixels[None]))[0])
    return Visualisation(pixels.numpy(), activation, history)


def best_in_split(model: nn.Module, objective: Objective, split: ImageSplit,
                  normalizer: Normalizer, batch_size: int = 500,
                  should_stop: Callable[[], bool] | None = None,
                  ) -> tuple[float, int] | None:  # fmt: skip
    """(the highest objective over a split's images, the index of that image), measured as
    ``visualize`` measures its own image; None when ``should_stop`` said so."""
    if len(split) == 0:
        raise CnnvizError(error_message(QT_TRANSLATE_NOOP(
            "Error", "there are no test images to compare with")))
    model.eval()
    best, where = -math.inf, 0
    batches = BatchPass(len(split), batch_size, should_stop)
    with torch.inference_mode():
        for start in batches:
            scores = objective(model, normalizer(split.images[start : start + batch_size]))
            value, index = scores.max(dim=0)
            if float(value) > best:
                best, where = float(value), start + int(index)
    return None if batches.stopped else (best, where)
