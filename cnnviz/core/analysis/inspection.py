"""What each layer of a live model computes, and how the tutorial's ideas play out in it.

The layer list comes from running the model with forward hooks on every module, not from
assumptions about attribute names, so it works for any nn.Module: nested blocks become a
tree, and a module called twice (the tutorial's ResNet reuses one ReLU) appears once per call.
Hooks exist only while an input runs through the model and are always removed.

Receptive fields follow the data, not the module order: a TorchFunctionMode sees every tensor
operation, so a residual block's shortcut and its main path each carry their own receptive
field, and the sum takes the larger. For a convolution or pooling with kernel F, stride S,
padding P and dilation D, on an input whose receptive field is r with jump j (the distance in
input pixels between neighbouring positions), the output has r' = r + (D(F - 1)) j and
j' = j S. Element-wise operations keep the larger r of their inputs; anything that mixes all
positions (adaptive pooling, flattening, Linear) sees the whole input.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import torch
from torch import nn
from torch.overrides import TorchFunctionMode

from cnnviz.core.data.batches import Normalizer

CONV_FUNCTIONS = {"conv1d", "conv2d"}
POOL_FUNCTIONS = {"max_pool2d", "_max_pool2d", "max_pool2d_with_indices", "avg_pool2d"}


@dataclass(frozen=True)
class Field:
    """Receptive field size and jump, in input pixels; jump None means the whole input."""

    size: int
    jump: int | None


@dataclass
class LayerInfo:
    name: str  # module path ("layer1.0.conv1"); "relu#2" for a module's second call
    kind: str  # the module's class name
    parent: str  # the enclosing module's name, "" at the top
    is_leaf: bool
    input_shape: tuple[int, ...]  # without the batch dimension
    output_shape: tuple[int, ...]
    parameters: int  # trainable parameters (all of a container's, a leaf's own)
    field: Field | None
    formula: str = ""  # the output-size formula with the numbers in, for conv and pool
    fc_equivalent: int | None = None  # parameters of a Linear layer of the same sizes (convs)
    children: list[str] = field(default_factory=list)


def _pair(value: Any) -> int:
    if isinstance(value, Sequence) and not isinstance(value, str):
        return int(value[0]) if len(value) else 1
    return int(value)


def _arg(args: tuple, kwargs: dict, index: int, name: str, default: Any) -> Any:
    if len(args) > index:
        return args[index]
    return kwargs.get(name, default)


class _FieldTracker(TorchFunctionMode):
    """Follows every tensor operation and records each result's receptive field."""

    def __init__(self, image_size: int) -> None:
        super().__init__()
        self.image_size = image_size
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
        flat_inputs = [a for a in args if isinstance(a, torch.Tensor)]
        flat_inputs += [t for a in args if isinstance(a, list | tuple) for t in a
                        if isinstance(t, torch.Tensor)]  # fmt: skip
        known = [f for f in (self.field_of(t) for t in flat_inputs) if f is not None]
        if not known:
            return out
        result = self._propagate(getattr(func, "__name__", ""), args, kwargs, known, out)
        outputs = out if isinstance(out, tuple) else (out,)
        for tensor in outputs:
            if isinstance(tensor, torch.Tensor):
                self.mark(tensor, result)
        return out

    def _propagate(self, name: str, args, kwargs, known: list[Field], out) -> Field:
        source = self.field_of(args[0]) if args else None
        if name in CONV_FUNCTIONS and source is not None and source.jump is not None:
            kernel = int(args[1].shape[2])
            stride = _pair(_arg(args, kwargs, 3, "stride", 1))
            dilation = _pair(_arg(args, kwargs, 5, "dilation", 1))
            return Field(source.size + dilation * (kernel - 1) * source.jump,
                         source.jump * stride)  # fmt: skip
        if name in POOL_FUNCTIONS and source is not None and source.jump is not None:
            kernel = _pair(_arg(args, kwargs, 1, "kernel_size", 1))
            stride = _arg(args, kwargs, 2, "stride", None)
            stride = kernel if stride in (None, [], ()) else _pair(stride)
            dilation = _pair(_arg(args, kwargs, 4, "dilation", 1)) if "max" in name else 1
            return Field(source.size + dilation * (kernel - 1) * source.jump,
                         source.jump * stride)  # fmt: skip
        first = out[0] if isinstance(out, tuple) else out
        spatial_in = tuple(args[0].shape[-2:]) if args and isinstance(args[0], torch.Tensor) \
            else None  # fmt: skip
        keeps_positions = (isinstance(first, torch.Tensor) and first.ndim == 4
                           and spatial_in is not None and tuple(first.shape[-2:]) == spatial_in
                           and "adaptive" not in name)  # fmt: skip
        if not keeps_positions or any(f.jump is None for f in known):
            return Field(self.image_size, None)
        return Field(max(f.size for f in known), max(f.jump for f in known if f.jump))


def _formula(module: nn.Module, size_in: int, size_out: int) -> str:
    """(W - F + 2P) / S + 1 with the layer's numbers, for the first spatial dimension."""
    if isinstance(module, nn.Conv2d | nn.Conv1d):
        kernel, stride = module.kernel_size[0], module.stride[0]
        padding, dilation = module.padding, module.dilation[0]
        if isinstance(padding, str):
            return ""
        padding = padding[0]
    elif isinstance(module, nn.MaxPool2d | nn.AvgPool2d):
        kernel, stride = _pair(module.kernel_size), _pair(module.stride or module.kernel_size)
        padding = _pair(module.padding)
        dilation = _pair(getattr(module, "dilation", 1))
    else:
        return ""
    f = f"{dilation}*({kernel} - 1) + 1" if dilation != 1 else f"{kernel}"
    numerator = size_in - (dilation * (kernel - 1) + 1) + 2 * padding
    fraction = f"({size_in} - {f} + 2*{padding}) / {stride}"
    if numerator % stride:
        fraction = f"floor({fraction})"
    return f"{fraction} + 1 = {size_out}"


@dataclass
class Inspection:
    """One input through the model: every layer's output (float32 [C, H, W] or [N])."""

    activations: dict[str, np.ndarray]
    probabilities: np.ndarray


class ModelInspector:
    """Runs single inputs through a model in eval mode without gradients, with hooks that
    live only for that pass. The model should be the inspector's own copy (a snapshot), never
    one that an optimiser is updating."""

    def __init__(self, model: nn.Module, input_shape: tuple[int, int, int],
                 mean: Sequence[float], std: Sequence[float]) -> None:  # fmt: skip
        self.model = model.cpu().eval()
        self.input_shape = input_shape
        self.normalizer = Normalizer(mean, std, torch.device("cpu"))
        self.layers: list[LayerInfo] = []
        self._trace()

    # -- structure --------------------------------------------------------------------------
    def _trace(self) -> None:
        channels, height, width = self.input_shape
        sample = torch.zeros(1, channels, height, width)
        tracker = _FieldTracker(max(height, width))
        infos: dict[str, LayerInfo] = {}
        started: list[str] = []  # labels in the order modules start: containers first
        calls: dict[str, int] = defaultdict(int)
        running: dict[str, list[str]] = defaultdict(list)  # module name -> labels under way

        def on_start(name: str):
            def hook(mod, inputs) -> None:
                calls[name] += 1
                label = name if calls[name] == 1 else f"{name}#{calls[name]}"
                running[name].append(label)
                started.append(label)

            return hook

        def on_end(name: str, parent: str):
            def hook(mod, inputs, output) -> None:
                label = running[name].pop()
                out = output[0] if isinstance(output, tuple) else output
                inp = inputs[0] if inputs else None
                if not isinstance(out, torch.Tensor):
                    return
                in_shape = tuple(inp.shape[1:]) if isinstance(inp, torch.Tensor) else ()
                is_leaf = not any(True for _ in mod.children())
                params = sum(p.numel() for p in mod.parameters(recurse=not is_leaf)
                             if p.requires_grad)  # fmt: skip
                info = LayerInfo(
                    name=label, kind=type(mod).__name__,
                    parent=running[parent][-1] if running.get(parent) else parent,
                    is_leaf=is_leaf, input_shape=in_shape, output_shape=tuple(out.shape[1:]),
                    parameters=params, field=tracker.field_of(out),
                )  # fmt: skip
                if len(in_shape) >= 2 and len(info.output_shape) >= 2:
                    info.formula = _formula(mod, in_shape[-1], info.output_shape[-1])
                if isinstance(mod, nn.Conv2d | nn.Conv1d):
                    out_size = int(np.prod(info.output_shape))
                    info.fc_equivalent = int(np.prod(in_shape)) * out_size + out_size
                infos[label] = info

            return hook

        handles = []
        for name, module in self.model.named_modules():
            if name:
                handles.append(module.register_forward_pre_hook(on_start(name)))
                handles.append(module.register_forward_hook(
                    on_end(name, name.rpartition(".")[0])))
        try:
            with torch.no_grad(), tracker:
                tracker.mark(sample, Field(1, 1))
                self.model(sample)
        finally:
            for handle in handles:
                handle.remove()
        self.layers = [infos[label] for label in started if label in infos]
        by_name = {info.name: info for info in self.layers}
        for info in self.layers:
            if info.parent in by_name:
                by_name[info.parent].children.append(info.name)

    def layer(self, name: str) -> LayerInfo:
        for info in self.layers:
            if info.name == name:
                return info
        raise KeyError(name)

    @property
    def total_parameters(self) -> int:
        return sum(p.numel() for p in self.model.parameters() if p.requires_grad)

    def weight_sharing(self) -> tuple[int, int]:
        """(parameters of all conv layers, parameters fully connected layers of the same input
        and output sizes would need): the tutorial's argument for convolutions, in numbers."""
        convs = [i for i in self.layers if i.fc_equivalent is not None]
        return sum(i.parameters for i in convs), sum(i.fc_equivalent or 0 for i in convs)

    def conv_weights(self, name: str) -> np.ndarray:
        """float32 [out, in, kh, kw] of a conv layer."""
        module = dict(self.model.named_modules())[name.split("#")[0]]
        weight = getattr(module, "weight", None)
        if not isinstance(module, nn.Conv2d) or weight is None:
            raise KeyError(f"{name} is not a 2-D convolution")
        return weight.detach().float().cpu().numpy().copy()

    def conv_layer_names(self) -> list[str]:
        return [i.name for i in self.layers if i.kind == "Conv2d" and "#" not in i.name]

    # -- one input --------------------------------------------------------------------------
    def load_weights(self, state: dict[str, np.ndarray | torch.Tensor]) -> None:
        """Take new weights (a snapshot from a running trainer) without rebuilding."""
        tensors = {k: torch.as_tensor(np.asarray(v)) if not isinstance(v, torch.Tensor) else v
                   for k, v in state.items()}  # fmt: skip
        self.model.load_state_dict(tensors, strict=True)
        self.model.eval()

    def run(self, image: np.ndarray) -> Inspection:
        """image: uint8 [C, H, W] in the model's input shape."""
        activations: dict[str, np.ndarray] = {}
        calls: dict[str, int] = defaultdict(int)

        def make_hook(name: str):
            def hook(mod, inputs, output) -> None:
                calls[name] += 1
                label = name if calls[name] == 1 else f"{name}#{calls[name]}"
                out = output[0] if isinstance(output, tuple) else output
                if isinstance(out, torch.Tensor):
                    # copied now: an in-place ReLU later would change it
                    activations[label] = out[0].detach().float().numpy().copy()

            return hook

        handles = [module.register_forward_hook(make_hook(name))
                   for name, module in self.model.named_modules() if name]  # fmt: skip
        try:
            with torch.inference_mode():
                logits = self.model(self.normalizer.from_numpy(image)).float()
        finally:
            for handle in handles:
                handle.remove()
        probabilities = logits.softmax(dim=1)[0].numpy()
        return Inspection(activations, probabilities)

    def model_input(self, image: np.ndarray) -> np.ndarray:
        """What the model actually sees: the normalised float32 [C, H, W] input."""
        return self.normalizer.from_numpy(image)[0].numpy()
