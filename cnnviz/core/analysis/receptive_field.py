"""Receptive fields, traced through the data rather than the module order.

A TorchFunctionMode sees every tensor operation, so a residual block's shortcut and its main
path each carry their own receptive field, the sum takes the larger, and a torch.cat of
branches the largest. For a convolution or pooling with kernel F, stride S and dilation D, on
an input whose receptive field is r with jump j (the distance in input pixels between
neighbouring positions), the output has r' = r + D(F - 1) j and j' = j S, worked out for height
and width separately, since kernels, strides and padding need not be square. Padding (F.pad)
moves no position, so r and j carry through it; anything that mixes all positions (adaptive
pooling, flattening, Linear) sees the whole input.

The same mode sees convolutions and pools that a forward calls directly (F.conv2d,
F.max_pool2d, F.avg_pool2d) and tells its owner of each: the inspector (inspection.py) makes
them layers, and layer_capture.py reaches them again by name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import torch
from torch import nn
from torch.overrides import TorchFunctionMode

from cnnviz.core.analysis.output_size import side_formula

#: the functions that slide a window over the image, and the name a call of each is shown by
WINDOW_FUNCTIONS = {"conv1d": "conv1d", "conv2d": "conv2d", "max_pool2d": "max_pool2d",
                    "max_pool2d_with_indices": "max_pool2d", "avg_pool2d": "avg_pool2d"}
#: the modules whose forward is one such call: the module is that call's layer
WINDOW_MODULES = (nn.Conv1d, nn.Conv2d, nn.MaxPool2d, nn.AvgPool2d)

T = TypeVar("T")


@dataclass(frozen=True)
class Field:
    """Receptive field size and jump in input pixels, each (height, width). jump None means
    the layer sees the whole input; size is then the input's (height, width).

    origin is where the field of the layer's first unit (row 0, column 0) is centred, in input
    pixels (pixel i spans i to i + 1, so its centre is i + 0.5 - 0.5 = i in these units): a
    conv without padding moves it inwards, padding moves it outwards. Two fields of the same
    size and jump compare equal whatever their origin."""

    size: tuple[int, int]
    jump: tuple[int, int] | None
    origin: tuple[float, float] | None = field(default=None, compare=False)

    def rect(self, row: int, column: int) -> tuple[float, float, float, float]:
        """(top, left, height, width) in input pixels of the field of the unit at (row,
        column): the whole input for a layer that sees all of it. It may reach past the
        input's edges, into the padding."""
        if self.jump is None or self.origin is None:
            return 0.0, 0.0, float(self.size[0]), float(self.size[1])
        top, left = (o + i * j - (r - 1) / 2 for o, i, j, r in
                     zip(self.origin, (row, column), self.jump, self.size, strict=True))
        return top, left, float(self.size[0]), float(self.size[1])


def _tuple(value: Any, n: int) -> tuple[int, ...]:
    """An int or a sequence (of one or n) as n ints, as torch reads kernel sizes and strides."""
    if isinstance(value, Sequence) and not isinstance(value, str):
        values = tuple(int(v) for v in value)
        return values * n if len(values) == 1 else values
    return (int(value),) * n


def _pair(values: Iterable[T]) -> tuple[T, T]:
    """A (height, width) pair, as a Field holds; ValueError for another count."""
    height, width = values
    return height, width


def call_arg(args: tuple, kwargs: dict, index: int, name: str, default: Any) -> Any:
    if len(args) > index:
        return args[index]
    return kwargs.get(name, default)


def first_output(output: Any) -> Any:
    return output[0] if isinstance(output, tuple) else output


@dataclass(frozen=True)
class Window:
    """A convolution's or pooling's kernel, stride, padding (None when given as a word, such
    as "same") and dilation, one number per spatial dimension."""

    kernel: tuple[int, ...]
    stride: tuple[int, ...]
    padding: tuple[int, ...] | None
    dilation: tuple[int, ...]
    #: the padding before the first row and column ("same" pads D(F - 1) // 2 there)
    pad_before: tuple[int, ...]
    ceil_mode: bool = False

    @staticmethod
    def of_call(function: str, args: tuple, kwargs: dict) -> Window:
        """The window of a call of one of WINDOW_FUNCTIONS, read as torch reads it."""
        if function.startswith("conv"):
            kernel = tuple(int(k) for k in call_arg(args, kwargs, 1, "weight", None).shape[2:])
            n = len(kernel)
            padding = call_arg(args, kwargs, 4, "padding", 0)
            dilation = _tuple(call_arg(args, kwargs, 5, "dilation", 1), n)
            numbers = None if isinstance(padding, str) else _tuple(padding, n)
            before = numbers or tuple(d * (k - 1) // 2 if padding == "same" else 0
                                      for k, d in zip(kernel, dilation, strict=True))
            return Window(kernel, _tuple(call_arg(args, kwargs, 3, "stride", 1), n), numbers,
                           dilation, before)  # fmt: skip
        is_max = function.startswith("max")
        kernel = _tuple(call_arg(args, kwargs, 1, "kernel_size", 1), 2)
        stride = call_arg(args, kwargs, 2, "stride", None)
        padding = _tuple(call_arg(args, kwargs, 3, "padding", 0), 2)
        return Window(
            kernel, kernel if stride in (None, [], ()) else _tuple(stride, 2), padding,
            _tuple(call_arg(args, kwargs, 4, "dilation", 1), 2) if is_max else (1, 1), padding,
            bool(call_arg(args, kwargs, 5 if is_max else 4, "ceil_mode", False)),
        )  # fmt: skip

    def widen(self, source: Field) -> Field:
        """The receptive field after this window, per dimension; source.jump must be known.
        The first unit's window starts pad_before positions before the source's first unit
        and is centred D(F - 1)/2 positions into it."""
        if source.jump is None:
            raise ValueError("a field that sees the whole input widens no further")
        size = _pair(r + d * (k - 1) * j for r, k, d, j in
                     zip(source.size, self.kernel, self.dilation, source.jump, strict=True))
        jump = _pair(j * s for j, s in zip(source.jump, self.stride, strict=True))
        origin = None if source.origin is None else _pair(
            o + (d * (k - 1) / 2 - p) * j for o, k, d, p, j in
            zip(source.origin, self.kernel, self.dilation, self.pad_before, source.jump,
                strict=True))  # fmt: skip
        return Field(size, jump, origin)

    def formula(self, size_in: tuple[int, ...], size_out: tuple[int, ...]) -> str:
        """(W - F + 2P) / S + 1 with the numbers in: one text when every side gives the same,
        else "H: ...; W: ...". Empty when the padding is a word, or when the arithmetic
        does not come to the real size (a ceil_mode edge case), so it is never false."""
        if self.padding is None:
            return ""
        sides = [side_formula(*numbers, self.ceil_mode) for numbers in
                 zip(size_in, self.kernel, self.stride, self.padding, self.dilation,
                     strict=True)]  # fmt: skip
        if any(value != real for (_, value), real in zip(sides, size_out, strict=True)):
            return ""
        texts = [f"{text} + 1 = {real}" for (text, _), real in zip(sides, size_out, strict=True)]
        if len(set(texts)) == 1:
            return texts[0]
        return "; ".join(f"{axis}: {text}" for axis, text in zip("HW", texts, strict=True))


class FieldTracker(TorchFunctionMode):
    """Follows every tensor operation and records each result's receptive field, and tells
    ``on_window`` of every convolution and pooling call."""

    def __init__(self, image_size: tuple[int, int],
                 on_window: Callable[[str, Window, tuple, dict, Any], None]) -> None:  # fmt: skip
        super().__init__()
        self.image_size = image_size
        self.on_window = on_window
        self.fields: dict[int, Field] = {}
        self._alive: list[torch.Tensor] = []  # keeps ids unique while the pass runs

    def mark(self, tensor: torch.Tensor, value: Field) -> None:
        self.fields[id(tensor)] = value
        self._alive.append(tensor)

    def field_of(self, tensor: Any) -> Field | None:
        return self.fields.get(id(tensor)) if isinstance(tensor, torch.Tensor) else None

    def __torch_function__(self, func, types, args=(), kwargs=None):
        kwargs = kwargs or {}
        out = func(*args, **kwargs)
        name = getattr(func, "__name__", "")
        window = Window.of_call(name, args, kwargs) if name in WINDOW_FUNCTIONS else None
        inputs = [a for a in args if isinstance(a, torch.Tensor)]
        inputs += [t for a in args if isinstance(a, list | tuple) for t in a
                   if isinstance(t, torch.Tensor)]  # fmt: skip
        known = [f for f in (self.field_of(t) for t in inputs) if f is not None]
        if known:
            pad = call_arg(args, kwargs, 1, "pad", ()) if name == "pad" else None
            result = self._propagate(name, window, pad, inputs, known, out)
            for tensor in out if isinstance(out, tuple) else (out,):
                if isinstance(tensor, torch.Tensor):
                    self.mark(tensor, result)
        if window is not None:
            self.on_window(WINDOW_FUNCTIONS[name], window, args, kwargs, out)
        return out

    def _propagate(self, name: str, window: Window | None, pad: Sequence[int] | None,
                   inputs: list[torch.Tensor], known: list[Field], out) -> Field:  # fmt: skip
        source = self.field_of(inputs[0])
        if window is not None and source is not None and source.jump is not None:
            return window.widen(source)
        if pad is not None and source is not None:
            return _padded(source, pad)
        first = first_output(out)
        keeps_positions = (isinstance(first, torch.Tensor) and first.ndim == 4
                           and inputs[0].ndim == 4 and first.shape[-2:] == inputs[0].shape[-2:]
                           and "adaptive" not in name)  # fmt: skip
        jumps = [f.jump for f in known if f.jump is not None]
        if not keeps_positions or len(jumps) < len(known):
            return Field(self.image_size, None)
        widest = max(known, key=lambda f: f.size[0] * f.size[1])
        return Field((max(f.size[0] for f in known), max(f.size[1] for f in known)),
                     (max(j[0] for j in jumps), max(j[1] for j in jumps)),
                     widest.origin)  # fmt: skip


def _padded(source: Field, pad: Sequence[int]) -> Field:
    """F.pad moves no position's field, but adds positions before the first: (left, right,
    top, bottom) puts the new first unit ``top`` rows and ``left`` columns further out."""
    if source.origin is None or source.jump is None:
        return source
    left, top = (int(pad[0]) if len(pad) > 0 else 0), (int(pad[2]) if len(pad) > 2 else 0)
    return Field(source.size, source.jump, (source.origin[0] - top * source.jump[0],
                                            source.origin[1] - left * source.jump[1]))


