"""The tutorial's architecture pattern as a model spec:
INPUT -> [[CONV -> RELU] * N -> POOL?] * M -> [FC -> RELU] * K -> FC.

``pattern:n=N,m=M,k=K[,width=C][,kernel=F][,pool=max|avg|none][,fc=H]`` names one such
network. Every conv has padding F//2 (so an odd kernel keeps the size), the first block has C
channels and each further block twice as many, and each pool is 2x2 with stride 2. With
pool=none the last conv of each block has stride 2 instead, the all-convolutional net the
tutorial cites. The K hidden FC layers have H units each.

A spec is data, not code: parsing it runs nothing, so it needs no trust, and the layers it
makes are worked out by arithmetic (``plan``) before anything is built, so a configuration
that shrinks the image below one pixel is refused with a reason instead of a torch error.
"""

from __future__ import annotations

import math
import re
from collections import OrderedDict
from dataclasses import dataclass, fields
from functools import partial
from typing import Any

from torch import nn

from cnnviz.core.errors import ModelLoadError, error_message
from cnnviz.core.memory import available_memory_bytes, gigabytes
from cnnviz.core.models.shape import InputShape
from cnnviz.core.models.spec import PATTERN_PREFIX, ModelSpec
from cnnviz.core.translatable import QT_TRANSLATE_NOOP, Message, error_text

POOLS = ("max", "avg", "none")
#: the smallest and largest value of each number in a spec
LIMITS = {"n": (0, 6), "m": (0, 6), "k": (0, 4), "width": (1, 256), "kernel": (1, 11),
          "fc": (1, 4096)}  # fmt: skip
EXAMPLE = "pattern:n=2,m=2,k=1"


@dataclass(frozen=True)
class Pattern:
    """N convs (each with a ReLU) per block, M blocks, K hidden FC layers, and the options."""

    n: int
    m: int
    k: int
    width: int = 16
    kernel: int = 3
    pool: str = "max"
    fc: int = 128

    def __post_init__(self) -> None:
        for name, (low, high) in LIMITS.items():
            value = getattr(self, name)
            if not low <= value <= high:
                raise ModelLoadError(error_message(QT_TRANSLATE_NOOP(
                    "Error", "{name} must be {low} to {high} in a pattern spec (got {value})"),
                    name=name, low=low, high=high, value=value))
        if self.pool not in POOLS:
            raise ModelLoadError(error_message(QT_TRANSLATE_NOOP(
                "Error", "pool must be one of {pools} (got {pool!r})"),
                pools=", ".join(POOLS), pool=self.pool))
        if self.pool == "none" and self.n == 0 and self.m > 0:
            raise ModelLoadError(error_message(QT_TRANSLATE_NOOP(
                "Error", "pool=none needs n of at least 1: a block's last conv, with stride 2, "
                         "takes the place of the pool")))

    @property
    def spec(self) -> str:
        """The spec in its usual form: n, m and k, then the options that are not defaults."""
        defaults = Pattern(0, 0, 0)
        parts = [f"{f.name}={getattr(self, f.name)}" for f in fields(self)
                 if f.name in ("n", "m", "k") or getattr(self, f.name) != getattr(defaults, f.name)]
        return PATTERN_PREFIX + ",".join(parts)


def parse_pattern(spec: str) -> Pattern:
    """A ``pattern:`` spec's settings, in any order; a ModelLoadError says what is wrong."""
    if not ModelSpec.parse(spec).is_pattern:
        raise ModelLoadError(error_message(QT_TRANSLATE_NOOP(
            "Error", "{spec!r} is not a pattern spec (it starts with {prefix})"),
            spec=spec, prefix=PATTERN_PREFIX))
    values: dict[str, Any] = {}  # each of Pattern's fields by name: pool a str, the rest ints
    known = [f.name for f in fields(Pattern)]
    for item in spec[len(PATTERN_PREFIX):].split(","):
        key, sep, text = (part.strip() for part in item.partition("="))
        if not sep or not key or not text:
            raise ModelLoadError(error_message(QT_TRANSLATE_NOOP(
                "Error", "{spec}: {item!r} is not key=value, as in {example}"),
                spec=spec, item=item.strip(), example=EXAMPLE))
        if key not in known:
            raise ModelLoadError(error_message(QT_TRANSLATE_NOOP(
                "Error", "{spec}: unknown setting {key!r}; the settings are {settings}"),
                spec=spec, key=key, settings=", ".join(known)))
        if key in values:
            raise ModelLoadError(error_message(QT_TRANSLATE_NOOP(
                "Error", "{spec}: {key} is given twice"), spec=spec, key=key))
        if key == "pool":
            values[key] = text
        elif re.fullmatch(r"-?[0-9]+", text):
            values[key] = int(text)
        else:
            raise ModelLoadError(error_message(QT_TRANSLATE_NOOP(
                "Error", "{spec}: {key} must be a whole number (got {text!r})"),
                spec=spec, key=key, text=text))
    missing = [key for key in "nmk" if key not in values]
    if missing:
        raise ModelLoadError(error_message(QT_TRANSLATE_NOOP(
            "Error", "{spec}: {missing} missing; a pattern spec needs n, m and k, as in "
                     "{example}"), spec=spec, missing=", ".join(missing), example=EXAMPLE))
    try:
        return Pattern(**values)
    except ModelLoadError as exc:
        raise ModelLoadError(error_message(QT_TRANSLATE_NOOP("Error", "{spec}: {error}"),
                                           spec=spec, error=error_text(exc))) from None


@dataclass(frozen=True)
class PlannedLayer:
    """One layer of a pattern network, worked out before it is built."""

    name: str  # the module path the built network gives it: "block1.conv2", "classifier.out"
    output_shape: tuple[int, ...]  # without the batch dimension
    parameters: int
    make: partial  # builds the module

    @property
    def kind(self) -> str:
        """The module's class name, as an inspection of the built network reports it."""
        return self.make.func.__name__


def _too_small(pattern: Pattern, shape: InputShape, where: Message,
               size: tuple[int, int]) -> Message:  # fmt: skip
    return error_message(QT_TRANSLATE_NOOP(
        "Error", "{spec} cannot take {height}x{width} images: {where} would leave "
                 "{rows}x{columns} pixels; use fewer blocks (m), a smaller kernel or larger "
                 "images"), spec=pattern.spec, height=shape.height, width=shape.width,
        where=where, rows=size[0], columns=size[1])


def plan(pattern: Pattern, shape: InputShape) -> list[PlannedLayer]:
    """The network's leaf layers in order, with output shapes and parameters; a
    ModelLoadError when a layer's output would be smaller than one pixel."""
    layers: list[PlannedLayer] = []
    channels, height, width = shape.channels, shape.height, shape.width
    f, padding = pattern.kernel, pattern.kernel // 2
    for b in range(1, pattern.m + 1):
        out_channels = pattern.width * 2 ** (b - 1)
        for i in range(1, pattern.n + 1):
            stride = 2 if pattern.pool == "none" and i == pattern.n else 1
            height = (height + 2 * padding - f) // stride + 1
            width = (width + 2 * padding - f) // stride + 1
            if height < 1 or width < 1:
                where = error_message(QT_TRANSLATE_NOOP("Error", "block {block}'s conv {conv}"),
                                      block=b, conv=i)
                raise ModelLoadError(_too_small(pattern, shape, where, (height, width)))
            layers.append(PlannedLayer(
                f"block{b}.conv{i}", (out_channels, height, width),
                out_channels * (channels * f * f + 1),
                partial(nn.Conv2d, channels, out_channels, f, stride=stride, padding=padding),
            ))  # fmt: skip
            layers.append(PlannedLayer(f"block{b}.relu{i}", (out_channels, height, width), 0,
                                       partial(nn.ReLU)))  # fmt: skip
            channels = out_channels
        if pattern.pool != "none":
            height, width = height // 2, width // 2
            if height < 1 or width < 1:
                where = error_message(QT_TRANSLATE_NOOP("Error", "block {block}'s pool"), block=b)
                raise ModelLoadError(_too_small(pattern, shape, where, (height, width)))
            pool = nn.MaxPool2d if pattern.pool == "max" else nn.AvgPool2d
            layers.append(PlannedLayer(f"block{b}.pool", (channels, height, width), 0,
                                       partial(pool, 2, 2)))  # fmt: skip
    features = channels * height * width
    layers.append(PlannedLayer("flatten", (features,), 0, partial(nn.Flatten)))
    for j in range(1, pattern.k + 1):
        layers.append(PlannedLayer(f"classifier.fc{j}", (pattern.fc,),
                                   pattern.fc * (features + 1),
                                   partial(nn.Linear, features, pattern.fc)))  # fmt: skip
        layers.append(PlannedLayer(f"classifier.relu{j}", (pattern.fc,), 0, partial(nn.ReLU)))
        features = pattern.fc
    layers.append(PlannedLayer("classifier.out", (shape.num_classes,),
                               shape.num_classes * (features + 1),
                               partial(nn.Linear, features, shape.num_classes)))  # fmt: skip
    return layers


class PatternNet(nn.Sequential):
    """A network built from its plan: blocks ``block1``..``blockM``, ``flatten`` and the
    ``classifier``, each a Sequential of the planned layers."""

    def __init__(self, pattern: Pattern, shape: InputShape) -> None:
        children: OrderedDict[str, nn.Module] = OrderedDict()
        for layer in plan(pattern, shape):
            group, _, name = layer.name.rpartition(".")
            if group:
                children.setdefault(group, nn.Sequential()).add_module(name, layer.make())
            else:
                children[name] = layer.make()
        super().__init__(children)
        self.pattern = pattern


#: bytes per parameter while training (the weight, its gradient and Adam's two moments, in
#: float32) and per activation value (its float32 value, and its gradient)
TRAINING_BYTES_PER_PARAMETER = 16
BYTES_PER_ACTIVATION = 8
#: the share of the available memory one network may plan for
MEMORY_SHARE = 0.5


def planned_bytes(layers: list[PlannedLayer]) -> int:
    """The memory a planned network needs to train on one image: its parameters with their
    gradients and optimiser state, and every layer's output with its gradient."""
    parameters = sum(layer.parameters for layer in layers)
    activations = sum(math.prod(layer.output_shape) for layer in layers)
    return TRAINING_BYTES_PER_PARAMETER * parameters + BYTES_PER_ACTIVATION * activations


def build_pattern(spec: str, shape: InputShape) -> PatternNet:
    """The network a ``pattern:`` spec names, for this input; ModelLoadError if it cannot be,
    or if it would not fit in this machine's memory (checked from the plan, before anything
    is allocated: a spec is data, and may come from a stranger's checkpoint)."""
    pattern = parse_pattern(spec)
    layers = plan(pattern, shape)
    needed, available = planned_bytes(layers), available_memory_bytes()
    if needed > MEMORY_SHARE * available:
        parameters = sum(layer.parameters for layer in layers)
        raise ModelLoadError(error_message(QT_TRANSLATE_NOOP(
            "Error", "{spec} is too large for this machine: {parameters:,} parameters need "
                     "about {needed} to train, and {available} of memory is available; use a "
                     "smaller width, kernel or fc, or fewer blocks"),
            spec=pattern.spec, parameters=parameters, needed=gigabytes(needed),
            available=gigabytes(available)))
    return PatternNet(pattern, shape)
