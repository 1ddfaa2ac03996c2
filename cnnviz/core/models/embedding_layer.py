"""Which layer's input is a model's embedding: what goes into its classifier, the input of the
last Linear layer a forward pass calls (for a model without one, of the last layer with
weights), flattened. The Projector (core/analysis/embedding.py) and the training timelapse's
projection frames (core/training/timelapse_embedding.py) both take it from here, so the
timelapse shows the very points the Projector shows."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import torch
from torch import nn

from cnnviz.core.errors import CnnvizError


def classifier_layer(model: nn.Module, sample: torch.Tensor) -> str:
    """The last Linear layer a forward pass of ``sample`` (a model input) calls, or else the
    last layer with weights. The pass runs as the model is (call it in eval mode)."""
    called: list[tuple[str, nn.Module]] = []
    handles = [module.register_forward_pre_hook(
        lambda mod, args, name=name: called.append((name, mod)))
        for name, module in model.named_modules()
        if name and any(True for _ in module.parameters(recurse=False))]  # fmt: skip
    try:
        with torch.inference_mode():
            model(sample)
    finally:
        for handle in handles:
            handle.remove()
    linear = [name for name, module in called if isinstance(module, nn.Linear)]
    if linear:
        return linear[-1]
    if not called:
        raise CnnvizError("the model has no layer with weights to take features before")
    return called[-1][0]


@contextlib.contextmanager
def capture_embedding(model: nn.Module, layer: str) -> Iterator[list[torch.Tensor]]:
    """While open, each call of ``layer`` appends its input, flattened to float32 [N, D], to
    the list it yields (the first item of a pass is the embedding, if the layer is called
    more than once)."""
    captured: list[torch.Tensor] = []
    handle = model.get_submodule(layer).register_forward_pre_hook(
        lambda mod, args: captured.append(args[0].flatten(1).float()))
    try:
        yield captured
    finally:
        handle.remove()
