"""What a model is built for: the input's channels and size, and the number of classes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class InputShape:
    """What a model is built for: channels, square-ish image size and number of classes."""

    channels: int
    height: int
    width: int
    num_classes: int
