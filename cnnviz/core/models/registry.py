"""The model registry: names for the built-in networks, and user models from a file.

``build_model(name, shape)`` is the one way to make a fresh model from a name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from torch import nn

from cnnviz.core.errors import ModelLoadError, error_message
from cnnviz.core.models.custom_model import load_custom_model
from cnnviz.core.models.model_code import ModelCode
from cnnviz.core.models.networks import LeNet5, ResidualBlock, ResNet, SimpleCNN, TinyVGG
from cnnviz.core.models.pattern import build_pattern
from cnnviz.core.models.shape import InputShape
from cnnviz.core.models.spec import ModelSpec
from cnnviz.core.translatable import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class RegisteredModel:
    """A registry entry: how to build the model and one line that says what it is."""

    name: str
    description: str
    build: Callable[[InputShape], nn.Module]


MODELS: dict[str, RegisteredModel] = {
    spec.name: spec
    for spec in (
        RegisteredModel(
            "simple-cnn",
            "the tutorial's MNIST CNN: conv5x5(16)+BN+ReLU+pool, conv5x5(32)+BN+ReLU+pool, Linear",
            SimpleCNN,
        ),
        RegisteredModel(
            "resnet",
            "the tutorial's CIFAR ResNet: 3x3 convs, 16/32/64 channels, 2 residual blocks a stage",
            lambda shape: ResNet(ResidualBlock, [2, 2, 2, 2], shape),
        ),
        RegisteredModel(
            "lenet5",
            "LeNet-5: conv5x5(6), pool, conv5x5(16), pool, FC 120, FC 84, FC classes",
            LeNet5,
        ),
        RegisteredModel(
            "tinyvgg",
            "CNN Explainer's Tiny VGG: two blocks of conv3x3(10)-ReLU-conv3x3(10)-ReLU-maxpool",
            TinyVGG,
        ),
    )
}


def build_model(name: str, shape: InputShape, code: ModelCode | None = None) -> nn.Module:
    """A fresh model by registry name, from the tutorial's pattern given as ``pattern:...``,
    or from a user's file given as ``path/to/file.py:Name`` (``code``: that file's source,
    when it comes from a checkpoint the user trusts)."""
    parsed = ModelSpec.parse(name)
    if parsed.is_file:
        return load_custom_model(name, shape, code)
    if parsed.is_pattern:
        return build_pattern(name, shape)
    try:
        entry = MODELS[name]
    except KeyError:
        known = ", ".join(MODELS)
        raise ModelLoadError(error_message(QT_TRANSLATE_NOOP(
            "Error", "unknown model {name}: choose one of {known}, give pattern:n=N,m=M,k=K, "
                     "or give path/to/file.py:ClassName"), name=repr(name), known=known)
        ) from None
    try:
        return entry.build(shape)
    except RuntimeError as exc:  # e.g. a kernel larger than what is left of a small image
        raise ModelLoadError(error_message(QT_TRANSLATE_NOOP(
            "Error", "{name} cannot be built for {height}x{width} images with {channels} "
                     "channel(s): {error}; choose a larger image size or another model"),
            name=name, height=shape.height, width=shape.width, channels=shape.channels,
            error=str(exc).splitlines()[0])) from None


def count_parameters(model: nn.Module) -> int:
    """Trainable parameters: what the tutorial counts for one layer (K * (F*F*D + 1)) and for
    weight sharing, summed over the whole model so that runs of different models can be
    compared (the tutorial itself does not compare architectures by it)."""
    return sum(p.numel() for p in model.parameters() if p.requires_grad)
