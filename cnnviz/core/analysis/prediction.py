"""Classify images with a trained model: the shipped weights, a checkpoint, or a live run.

A Predictor holds a model in eval mode on the CPU (a single image is faster there than a
round trip to a GPU) with the normalisation of the data set it was trained on.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from torch import nn

from cnnviz.core.analysis.drawing import prepare_drawing
from cnnviz.core.arrays import CanvasArray, ImageArray, ImageBatchArray, ProbabilityArray
from cnnviz.core.data.batches import Normalizer
from cnnviz.core.data.images import as_model_input, read_image
from cnnviz.core.data.types import ImageSplit
from cnnviz.core.errors import CnnvizError
from cnnviz.core.models.model_code import TrustPolicy
from cnnviz.core.training.checkpoint import CheckpointMeta, load_checkpoint, model_from_checkpoint
from cnnviz.resource_files import resource_path

SHIPPED_WEIGHTS = "weights/simple-cnn-mnist.pt"


def shipped_weights_path() -> Path:
    return resource_path(SHIPPED_WEIGHTS)


@dataclass
class Prediction:
    probabilities: ProbabilityArray  # [classes]
    class_names: list[str]

    @property
    def top(self) -> int:
        return int(np.argmax(self.probabilities))

    @property
    def label(self) -> str:
        return self.class_names[self.top]


class Predictor:
    """A model ready to classify uint8 images of its input shape."""

    def __init__(self, model: nn.Module, meta: CheckpointMeta) -> None:
        self.model = model.cpu().eval()
        self.meta = meta
        self.normalizer = Normalizer(meta.mean, meta.std, torch.device("cpu"))

    @classmethod
    def from_checkpoint(cls, path: Path | None = None, trust: TrustPolicy = False) -> Predictor:
        """The checkpoint's model, or the shipped MNIST weights when path is None. This is
        the one place that loads a checkpoint, rebuilds its model (running a model file only
        as ``trust`` allows) and makes its normaliser."""
        path = Path(path) if path is not None else shipped_weights_path()
        checkpoint = load_checkpoint(path)
        return cls(model_from_checkpoint(checkpoint, str(path), trust), checkpoint.meta)

    def copy(self) -> Predictor:
        """An independent copy, for a view that changes its model (live weights) or runs it
        in another thread."""
        return Predictor(copy.deepcopy(self.model), self.meta)

    def load_weights(self, state: dict[str, np.ndarray]) -> None:
        """A running trainer's weight snapshot in place of the model's weights (on a copy:
        see ``copy``); RuntimeError or KeyError for another model's."""
        self.model.load_state_dict({k: torch.as_tensor(v) for k, v in state.items()},
                                   strict=True)  # fmt: skip
        self.model.eval()

    @property
    def input_shape(self) -> tuple[int, int, int]:
        channels, height, width = self.meta.input_shape
        return channels, height, width

    @property
    def light_background(self) -> bool:
        """True for data sets of dark ink on a light background (mean above one half)."""
        return float(np.mean(self.meta.mean)) > 0.5

    def normalized(self, images: ImageBatchArray) -> torch.Tensor:
        """The float32 [N, C, H, W] model input for uint8 images [N, C, H, W]."""
        return self.normalizer.from_numpy(images)

    def probabilities(self, images: ImageBatchArray) -> ProbabilityArray:
        """float32 [N, classes] for uint8 images [N, C, H, W]."""
        with torch.inference_mode():
            logits = self.model(self.normalized(images)).float()
            return logits.softmax(dim=1).numpy()

    def predict(self, image: ImageArray) -> Prediction:
        """One uint8 image [C, H, W]."""
        return Prediction(self.probabilities(image[None])[0], list(self.meta.class_names))

    def prepare_file(self, path: Path, drawn: bool = False) -> ImageArray:
        """A file as this model's uint8 input [C, H, W]; ``drawn`` applies the canvas's
        MNIST-style preprocessing (for a digit on a plain background)."""
        image = read_image(path)
        if not drawn:
            return as_model_input(image, self.input_shape)[0]
        return self.prepare_canvas(np.asarray(image.convert("L")), source=str(path))

    def prepare_canvas(self, canvas: CanvasArray, source: str = "the drawing") -> ImageArray:
        """A drawing (any polarity, any size) as this model's uint8 input [C, H, W]."""
        _, height, width = self.input_shape
        prepared = prepare_drawing(canvas, (height, width))
        if prepared.image is None:
            what = "no ink" if prepared.reason == "empty" else "only a dot or a tiny mark"
            raise CnnvizError(f"{source}: has {what}; draw a digit that fills more of it")
        return self.digit_to_input(prepared.image)

    def digit_to_input(self, digit: np.ndarray) -> np.ndarray:
        """A prepared digit (uint8 [H, W], bright ink on black) in the data set's polarity
        and the model's channels: uint8 [C, H, W]."""
        if self.light_background:
            digit = 255 - digit
        return np.repeat(digit[None], self.input_shape[0], axis=0)


def first_mistake(model: nn.Module, normalizer: Normalizer, split: ImageSplit, start: int,
                  should_stop: Callable[[], bool] | None = None,
                  batch_size: int = 500) -> int | None:  # fmt: skip
    """The index of the first test image from ``start`` on that the model gets wrong, a
    batch at a time; None when there is none, or when ``should_stop`` says so."""
    for begin in range(max(0, start), len(split), batch_size):
        if should_stop is not None and should_stop():
            return None
        labels = split.labels[begin : begin + batch_size].numpy()
        with torch.inference_mode():
            predicted = model(normalizer(split.images[begin : begin + batch_size]))
        wrong = np.nonzero(predicted.argmax(dim=1).numpy() != labels)[0]
        if len(wrong):
            return begin + int(wrong[0])
    return None
