"""What each layer of a live model computes, and how the tutorial's ideas play out in it.

The layer list comes from running the model with forward hooks on every module, not from
assumptions about attribute names, so it works for any nn.Module: nested blocks become a
tree, and a module called twice (the tutorial's ResNet reuses one ReLU) appears once per call.
Hooks exist only while an input runs through the model and are always removed. Each layer's
receptive field comes from the tracer in receptive_field.py, which follows the data.

Convolutions and pools that a forward calls directly (F.conv2d, F.max_pool2d, F.avg_pool2d)
are layers too. A conv or pool module is the layer for the call it makes, and its
output-size formula is that call's (a Conv2d with padding_mode "reflect" pads first and then
convolves with P = 0, so its formula starts from the padded size); a call made in any other
module's forward is a layer of its own, named after that module
(``block.conv2d``, ``block.conv2d#2`` for the second), so a hand-written model shows every
step. Their order is what ``run`` relies on to name them again, and only a model that has
them pays for a TorchFunctionMode there; layer_capture.py names them by the same rule.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch
from torch import nn
from torch.overrides import TorchFunctionMode

from cnnviz.core.analysis.receptive_field import (
    WINDOW_FUNCTIONS,
    WINDOW_MODULES,
    Field,
    FieldTracker,
    Window,
    call_arg,
    first_output,
)
from cnnviz.core.data.batches import Normalizer


@dataclass
class LayerInfo:
    name: str  # module path ("layer1.0.conv1"); "relu#2" for a module's second call
    kind: str  # the module's class name, or the function's for a direct call ("conv2d")
    parent: str  # the enclosing module's name, "" at the top
    is_leaf: bool
    input_shape: tuple[int, ...]  # without the batch dimension
    output_shape: tuple[int, ...]
    parameters: int  # trainable parameters (all of a container's, a leaf's own)
    field: Field | None
    formula: str = ""  # the output-size formula with the numbers in, for conv and pool
    fc_equivalent: int | None = None  # parameters of a Linear layer of the same sizes (convs)
    children: list[str] = dataclasses.field(default_factory=list)  # `field` is taken above


def _call_label(calls: dict[str, int], name: str) -> str:
    """"name" for the first call, "name#2" for the second, and so on."""
    calls[name] += 1
    return name if calls[name] == 1 else f"{name}#{calls[name]}"


def _keep(activations: dict[str, np.ndarray], label: str, output: Any) -> None:
    out = first_output(output)
    if isinstance(out, torch.Tensor):
        # copied now: an in-place ReLU later would change it
        activations[label] = out[0].detach().float().numpy().copy()


def _fc_equivalent(input_shape: tuple[int, ...], output_shape: tuple[int, ...]) -> int:
    out_size = int(np.prod(output_shape))
    return int(np.prod(input_shape)) * out_size + out_size


@dataclass
class _Call:
    """A module call under way while the model is traced."""

    name: str
    label: str
    module: nn.Module
    formula: str = ""  # a conv or pool module's, from the call it makes


class _Trace:
    """One pass of a zero image through the model, with hooks on every module and a
    FieldTracker: the layers in the order they start, and which window calls are layers."""

    def __init__(self, model: nn.Module, input_shape: tuple[int, int, int]) -> None:
        channels, height, width = input_shape
        self.model = model
        self.infos: dict[str, LayerInfo] = {}
        self.started: list[str] = []  # labels in the order layers start: containers first
        self.calls: dict[str, int] = defaultdict(int)
        self.stack: list[_Call] = []
        #: per window call, in order: the base name of its layer, None inside a window module
        self.window_layers: list[str | None] = []
        self.weights: dict[str, str] = {}  # 2-D conv layer -> its weight's qualified name
        self._parameter_names = {id(p): n for n, p in model.named_parameters()}
        self.tracker = FieldTracker((height, width), self.on_window)
        handles = []
        for name, module in model.named_modules():
            if name:
                handles.append(module.register_forward_pre_hook(self._on_start(name)))
                handles.append(module.register_forward_hook(self._on_end(name)))
        try:
            with torch.no_grad(), self.tracker:
                sample = torch.zeros(1, channels, height, width)
                self.tracker.mark(sample, Field((1, 1), (1, 1), (0.0, 0.0)))
                model(sample)
        finally:
            for handle in handles:
                handle.remove()

    def layers(self) -> list[LayerInfo]:
        layers = [self.infos[label] for label in self.started if label in self.infos]
        by_name = {info.name: info for info in layers}
        for info in layers:
            if info.parent in by_name:
                by_name[info.parent].children.append(info.name)
        return layers

    def _on_start(self, name: str):
        def hook(mod, inputs) -> None:
            label = _call_label(self.calls, name)
            self.stack.append(_Call(name, label, mod))
            self.started.append(label)

        return hook

    def _on_end(self, name: str):
        parent = name.rpartition(".")[0]

        def hook(mod, inputs, output) -> None:
            call = self.stack.pop()
            out, inp = first_output(output), inputs[0] if inputs else None
            if not isinstance(out, torch.Tensor):
                return
            in_shape = tuple(inp.shape[1:]) if isinstance(inp, torch.Tensor) else ()
            is_leaf = not any(True for _ in mod.children())
            params = sum(p.numel() for p in mod.parameters(recurse=not is_leaf)
                         if p.requires_grad)  # fmt: skip
            running = [c.label for c in self.stack if c.name == parent]
            info = LayerInfo(
                name=call.label, kind=type(mod).__name__,
                parent=running[-1] if running else parent, is_leaf=is_leaf,
                input_shape=in_shape, output_shape=tuple(out.shape[1:]), parameters=params,
                field=self.tracker.field_of(out), formula=call.formula,
            )  # fmt: skip
            if isinstance(mod, nn.Conv2d | nn.Conv1d):
                info.fc_equivalent = _fc_equivalent(in_shape, info.output_shape)
            if isinstance(mod, nn.Conv2d):
                self.weights[call.label] = f"{name}.weight"
            self.infos[call.label] = info

        return hook

    def on_window(self, kind: str, window: Window, args: tuple, kwargs: dict, out) -> None:
        inp, first = call_arg(args, kwargs, 0, "input", None), first_output(out)
        n = len(window.kernel)
        formula = window.formula(tuple(inp.shape[-n:]), tuple(first.shape[-n:]))
        caller = self.stack[-1] if self.stack else None
        if caller is not None and isinstance(caller.module, WINDOW_MODULES):
            caller.formula = formula
            self.window_layers.append(None)
            return
        base = f"{caller.name}.{kind}" if caller else kind
        label = _call_label(self.calls, base)
        self.window_layers.append(base)
        self.started.append(label)
        tensors = [call_arg(args, kwargs, 1, "weight", None),
                   call_arg(args, kwargs, 2, "bias", None)] if kind.startswith("conv") else []
        own = [t for t in tensors if id(t) in self._parameter_names and t.requires_grad]
        info = LayerInfo(
            name=label, kind=kind, parent=caller.label if caller else "", is_leaf=True,
            input_shape=tuple(inp.shape[1:]), output_shape=tuple(first.shape[1:]),
            parameters=sum(t.numel() for t in own), field=self.tracker.field_of(first),
            formula=formula,
        )  # fmt: skip
        if kind.startswith("conv"):
            info.fc_equivalent = _fc_equivalent(info.input_shape, info.output_shape)
        if kind == "conv2d" and id(tensors[0]) in self._parameter_names:
            self.weights[label] = self._parameter_names[id(tensors[0])]
        self.infos[label] = info


#: receives every layer's output during a pass: (layer name, output)
Keep = Callable[[str, Any], None]


class WindowRecorder(TorchFunctionMode):
    """Hands on the outputs of the window calls that the trace found to be layers, naming them
    by their order among the model's window calls, with the module calls' counter."""

    def __init__(self, window_layers: list[str | None], calls: dict[str, int],
                 keep: Keep) -> None:  # fmt: skip
        super().__init__()
        self.window_layers, self.calls, self.keep = window_layers, calls, keep
        self.count = 0

    def __torch_function__(self, func, types, args=(), kwargs=None):
        out = func(*args, **(kwargs or {}))
        if getattr(func, "__name__", "") in WINDOW_FUNCTIONS:
            index, self.count = self.count, self.count + 1
            base = self.window_layers[index] if index < len(self.window_layers) else None
            if base is not None:
                self.keep(_call_label(self.calls, base), out)
        return out


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
        trace = _Trace(self.model, input_shape)
        self.layers: list[LayerInfo] = trace.layers()
        self._window_layers = trace.window_layers
        self._weights = trace.weights

    # -- structure --------------------------------------------------------------------------
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

    def gives_class_scores(self, info: LayerInfo, classes: int) -> bool:
        """Whether a layer's outputs are the class scores: the model's last layer (or a
        block that ends with it) with one output per class."""
        last = self.layers[-1].name if self.layers else ""
        ends_the_model = info.name == last or last.startswith(info.name + ".")
        return bool(last) and ends_the_model and info.output_shape == (classes,)

    def conv_weights(self, name: str) -> np.ndarray:
        """float32 [out, in, kh, kw] of a 2-D convolution layer: a Conv2d module's weight, or
        the model parameter that a direct F.conv2d call used."""
        if name not in self._weights:
            raise KeyError(f"{name} is not a 2-D convolution with weights of the model")
        owner, _, attribute = self._weights[name].rpartition(".")
        weight = getattr(self.model.get_submodule(owner), attribute)
        return weight.detach().float().cpu().numpy().copy()

    def conv_layer_names(self) -> list[str]:
        """The 2-D convolutions that conv_weights can show, the first call of each weight."""
        first: dict[str, str] = {}
        for info in self.layers:
            if info.name in self._weights:
                first.setdefault(self._weights[info.name], info.name)
        return list(first.values())

    # -- one input --------------------------------------------------------------------------
    def load_weights(self, state: dict[str, np.ndarray | torch.Tensor]) -> None:
        """Take new weights (a snapshot from a running trainer) without rebuilding."""
        tensors = {k: torch.as_tensor(np.asarray(v)) if not isinstance(v, torch.Tensor) else v
                   for k, v in state.items()}  # fmt: skip
        self.model.load_state_dict(tensors, strict=True)
        self.model.eval()

    def forward_layers(self, inputs: torch.Tensor, keep: Keep) -> torch.Tensor:
        """Run a batch through the model, handing every layer's output to ``keep`` under the
        layer's name; the hooks live only for this pass."""
        calls: dict[str, int] = defaultdict(int)

        def make_hook(name: str):
            def hook(mod, inputs, output) -> None:
                keep(_call_label(calls, name), output)

            return hook

        handles = [module.register_forward_hook(make_hook(name))
                   for name, module in self.model.named_modules() if name]  # fmt: skip
        recorder = (WindowRecorder(self._window_layers, calls, keep)
                    if any(self._window_layers) else nullcontext())  # fmt: skip
        try:
            with recorder:
                return self.model(inputs)
        finally:
            for handle in handles:
                handle.remove()

    def run(self, image: np.ndarray) -> Inspection:
        """image: uint8 [C, H, W] in the model's input shape."""
        activations: dict[str, np.ndarray] = {}
        with torch.inference_mode():
            logits = self.forward_layers(self.normalizer.from_numpy(image),
                                   lambda label, output: _keep(activations, label, output))
        probabilities = logits.float().softmax(dim=1)[0].numpy()
        return Inspection(activations, probabilities)

    def unit_gradient(self, image: np.ndarray, layer: str, unit: tuple[int, ...]) -> np.ndarray:
        """The effective receptive field of one unit (Luo et al., 2016): how much each input
        pixel moves it, |d unit / d input| summed over the input's channels, float32 [H, W].
        ``unit`` indexes the layer's output without the batch, e.g. (channel, row, column).
        All zeros where the unit does not depend on the input."""
        inputs = self.normalizer.from_numpy(image).requires_grad_(True)
        outputs: dict[str, torch.Tensor] = {}

        def keep(label: str, output: Any) -> None:
            if label == layer and isinstance(first_output(output), torch.Tensor):
                outputs[label] = first_output(output)

        with torch.enable_grad():
            self.forward_layers(inputs, keep)
            index = (0, *unit)  # the unit in the batch's first image
            value = outputs[layer][index] if layer in outputs else None
            if value is None or not value.requires_grad:
                return np.zeros(self.input_shape[1:], dtype=np.float32)
            (gradient,) = torch.autograd.grad(value, inputs, allow_unused=True)
        if gradient is None:
            return np.zeros(self.input_shape[1:], dtype=np.float32)
        return gradient[0].abs().sum(dim=0).float().numpy()

    def model_input(self, image: np.ndarray) -> np.ndarray:
        """What the model actually sees: the normalised float32 [C, H, W] input."""
        return self.normalizer.from_numpy(image)[0].numpy()
