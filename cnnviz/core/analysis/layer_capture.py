"""One layer's output for a batch, taken with a forward hook that lives only for the call.

Scans over a test set and feature visualisation need a layer's output for many inputs; the
layers after it are never needed, so the forward stops right there (the hook raises), which
makes a scan of an early layer several times cheaper than a full pass. Every layer that
Inspect lists can be reached: a module (or its k-th call), and a convolution or pooling that
a forward calls directly (F.conv2d), named by the inspector's rule (inspection.py).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext

import torch
from torch import nn
from torch.overrides import TorchFunctionMode
from torch.utils.hooks import RemovableHandle

from cnnviz.core.analysis.receptive_field import WINDOW_FUNCTIONS, WINDOW_MODULES
from cnnviz.core.errors import CnnvizError


class _Reached(Exception):
    """Raised by the hook to skip the rest of the forward pass."""


def _call_of(layer: str) -> tuple[str, int]:
    """("layer1.0.relu", 2) for Inspect's "layer1.0.relu#2", a module's second call."""
    name, _, call = layer.partition("#")
    return name, int(call) if call.isdigit() and int(call) > 0 else 1


def _direct_call(modules: dict[str, nn.Module], name: str) -> tuple[str, str] | None:
    """("block", "conv2d") for Inspect's "block.conv2d", a window function that the forward
    of module "block" calls itself ("" for the model's own forward); None for a name that
    is no such layer."""
    owner, _, kind = name.rpartition(".")
    if kind not in WINDOW_FUNCTIONS.values() or owner not in modules:
        return None
    if owner and isinstance(modules[owner], WINDOW_MODULES):
        return None  # a conv or pool module's own call is the module's layer
    return owner, kind


def check_layer(model: nn.Module, layer: str) -> None:
    """A CnnvizError, listing the layers there are, unless ``layer`` names a module of the
    model (or one of its calls, "name#k") or a convolution or pooling that a forward calls
    directly, as Inspect lists them."""
    modules = dict(model.named_modules())
    name = _call_of(layer)[0]
    if (name and name in modules) or _direct_call(modules, name) is not None:
        return
    shown = [name for name, module in modules.items()
             if name and not any(True for _ in module.children())]  # fmt: skip
    raise CnnvizError(f"no layer named {name!r}; choose one of {', '.join(shown)}")


class _DirectCalls(TorchFunctionMode):
    """Hands each output of window function ``kind`` called in the forward of module ``owner``
    itself (not in a module it calls) to ``take``: a module stack, kept by hooks on every
    module, tells whose forward a call is made in, as the inspector's trace does."""

    def __init__(self, model: nn.Module, owner: str, kind: str,
                 take: Callable[[object], None]) -> None:  # fmt: skip
        super().__init__()
        self.owner, self.kind, self.take = owner, kind, take
        self.stack: list[str] = []
        self.handles: list[RemovableHandle] = []
        for name, module in model.named_modules():
            if name:
                self.handles.append(module.register_forward_pre_hook(self._enter(name)))
                self.handles.append(module.register_forward_hook(self._leave))

    def _enter(self, name: str) -> Callable[..., None]:
        def hook(module: nn.Module, args: tuple) -> None:
            self.stack.append(name)

        return hook

    def _leave(self, module: nn.Module, args: tuple, output: object) -> None:
        self.stack.pop()  # a hook that returned something would replace the output

    def __torch_function__(self, func, types, args=(), kwargs=None):
        out = func(*args, **(kwargs or {}))
        caller = self.stack[-1] if self.stack else ""
        if WINDOW_FUNCTIONS.get(getattr(func, "__name__", "")) == self.kind \
                and caller == self.owner:  # fmt: skip
            self.take(out)
        return out


def forward_to(model: nn.Module, inputs: torch.Tensor, layer: str) -> torch.Tensor:
    """The output of ``layer`` for a normalised batch: its first call, or its k-th for
    Inspect's "name#k" (a module called twice, as a residual block's ReLU is), or a
    convolution or pooling that a forward calls directly ("conv2d", "block.conv2d#2"),
    every layer Inspect lists; the model's later layers do not run. Gradients flow when
    the caller has them enabled."""
    check_layer(model, layer)
    captured: list[object] = []
    name, wanted = _call_of(layer)
    calls = [0]

    def take(output: object) -> None:
        calls[0] += 1
        if calls[0] == wanted:
            captured.append(output[0] if isinstance(output, tuple) else output)
            raise _Reached

    modules = dict(model.named_modules())
    direct = None if name in modules and name else _direct_call(modules, name)
    mode: AbstractContextManager = nullcontext()
    if direct is None:
        handles = [modules[name].register_forward_hook(lambda module, args, out: take(out))]
    else:
        mode = _DirectCalls(model, *direct, take)
        handles = mode.handles
    try:
        with mode:
            model(inputs)
    except _Reached:
        pass
    finally:
        for handle in handles:
            handle.remove()
    if not captured or not isinstance(captured[0], torch.Tensor):
        raise CnnvizError(f"layer {layer!r} gives no tensor for this input")
    return captured[0]


def as_maps(output: torch.Tensor) -> torch.Tensor:
    """A layer's output as channel maps [N, C, H, W]: a [N, F] output (a Linear layer) as F
    channels of one position each."""
    if output.ndim == 4:
        return output
    if output.ndim == 2:
        return output[:, :, None, None]
    raise CnnvizError(f"a layer output of shape {tuple(output.shape[1:])} has no channels to "
                      f"show; choose a convolution or a Linear layer")
