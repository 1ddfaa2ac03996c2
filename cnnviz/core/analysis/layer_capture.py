"""One layer's output for a batch, taken with a forward hook that lives only for the call.

Scans over a test set and feature visualisation need a layer's output for many inputs; the
layers after it are never needed, so the forward stops right there (the hook raises), which
makes a scan of an early layer several times cheaper than a full pass.
"""

from __future__ import annotations

import torch
from torch import nn

from cnnviz.core.errors import CnnvizError


class _Reached(Exception):
    """Raised by the hook to skip the rest of the forward pass."""


def _call_of(layer: str) -> tuple[str, int]:
    """("layer1.0.relu", 2) for Inspect's "layer1.0.relu#2", a module's second call."""
    name, _, call = layer.partition("#")
    return name, int(call) if call.isdigit() and int(call) > 0 else 1


def layer_module(model: nn.Module, layer: str) -> nn.Module:
    """The module named ``layer`` (or, for "name#k", the module called there), or a
    CnnvizError that lists the layers there are."""
    modules = dict(model.named_modules())
    layer = _call_of(layer)[0]
    if layer not in modules or not layer:
        shown = [name for name, module in modules.items()
                 if name and not any(True for _ in module.children())]  # fmt: skip
        raise CnnvizError(f"no layer named {layer!r}; choose one of {', '.join(shown)}")
    return modules[layer]


def forward_to(model: nn.Module, inputs: torch.Tensor, layer: str) -> torch.Tensor:
    """The output of ``layer`` for a normalised batch: its first call, or its k-th for
    Inspect's "name#k" (a module called twice, as a residual block's ReLU is); the model's
    later layers do not run. Gradients flow when the caller has them enabled."""
    captured: list[torch.Tensor] = []
    wanted, calls = _call_of(layer)[1], [0]

    def hook(module: nn.Module, args: tuple, output: object) -> None:
        calls[0] += 1
        if calls[0] == wanted:
            captured.append(output[0] if isinstance(output, tuple) else output)
            raise _Reached

    handle = layer_module(model, layer).register_forward_hook(hook)
    try:
        model(inputs)
    except _Reached:
        pass
    finally:
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
