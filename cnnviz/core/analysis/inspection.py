"""What each layer of a live model computes, and how the tutorial's ideas play out in it.

The layer list comes from running the model with forward hooks on every module, not from
assumptions about attribute names, so it works for any nn.Module: nested blocks become a
tree, and a module called twice (the tutorial's ResNet reuses one ReLU) appears once per call.
Hooks exist only while an input runs through the model and are always removed.

Receptive fields follow the data, not the module order: a TorchFunctionMode sees every tensor
operation, so a residual block's shortcut and its main path each carry their own receptive
field, the sum takes the larger, and a torch.cat of branches the largest. For a convolution or
pooling with kernel F, stride S and dilation D, on an input whose receptive field is r with
jump j (the distance in input pixels between neighbouring positions), the output has
r' = r + D(F - 1) j and j' = j S, worked out for height and width separately, since kernels,
strides and padding need not be square. Padding (F.pad) moves no position, so r and j carry
through it; anything that mixes all positions (adaptive pooling, flattening, Linear) sees the
whole input.

The same mode sees convolutions and pools that a forward calls directly (F.conv2d,
F.max_pool2d, F.avg_pool2d). A conv or pool module is the layer for the call it makes, and its
output-size formula is that call's (a Conv2d with padding_mode "reflect" pads first and then
convolves with P = 0, so its formula starts from the padded size); a call made in any other
module's forward is a layer of its own, named after that module
(``block.conv2d``, ``block.conv2d#2`` for the second), so a hand-written model shows every
step. Their order is what ``run`` relies on to name them again, and only a model that has
them pays for a TorchFunctionMode there.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import torch
from torch import nn
from torch.overrides import TorchFunctionMode

from cnnviz.core.analysis.output_size import side_formula
from cnnviz.core.data.batches import Normalizer

#: the functions that slide a window over the image, and the name a call of each is shown by
WINDOW_FUNCTIONS = {"conv1d": "conv1d", "conv2d": "conv2d", "max_pool2d": "max_pool2d",
                    "max_pool2d_with_indices": "max_pool2d", "avg_pool2d": "avg_pool2d"}
#: the modules whose forward is one such call: the module is that call's layer
WINDOW_MODULES = (nn.Conv1d, nn.Conv2d, nn.MaxPool2d, nn.AvgPool2d)


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
    children: list[str] = field(default_factory=list)


def _tuple(value: Any, n: int) -> tuple[int, ...]:
    """An int or a sequence (of one or n) as n ints, as torch reads kernel sizes and strides."""
    if isinstance(value, Sequence) and not isinstance(value, str):
        values = tuple(int(v) for v in value)
        return values * n if len(values) == 1 else values
    return (int(value),) * n


def _arg(args: tuple, kwargs: dict, index: int, name: str, default: Any) -> Any:
    if len(args) > index:
        return args[index]
    return kwargs.get(name, default)


def _first(output: Any) -> Any:
    return output[0] if isinstance(output, tuple) else output


@dataclass(frozen=True)
class _Window:
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
    def of_call(function: str, args: tuple, kwargs: dict) -> _Window:
        """The window of a call of one of WINDOW_FUNCTIONS, read as torch reads it."""
        if function.startswith("conv"):
            kernel = tuple(int(k) for k in _arg(args, kwargs, 1, "weight", None).shape[2:])
            n = len(kernel)
            padding = _arg(args, kwargs, 4, "padding", 0)
            dilation = _tuple(_arg(args, kwargs, 5, "dilation", 1), n)
            numbers = None if isinstance(padding, str) else _tuple(padding, n)
            before = numbers or tuple(d * (k - 1) // 2 if padding == "same" else 0
                                      for k, d in zip(kernel, dilation, strict=True))
            return _Window(kernel, _tuple(_arg(args, kwargs, 3, "stride", 1), n), numbers,
                           dilation, before)  # fmt: skip
        is_max = function.startswith("max")
        kernel = _tuple(_arg(args, kwargs, 1, "kernel_size", 1), 2)
        stride = _arg(args, kwargs, 2, "stride", None)
        padding = _tuple(_arg(args, kwargs, 3, "padding", 0), 2)
        return _Window(
            kernel, kernel if stride in (None, [], ()) else _tuple(stride, 2), padding,
            _tuple(_arg(args, kwargs, 4, "dilation", 1), 2) if is_max else (1, 1), padding,
            bool(_arg(args, kwargs, 5 if is_max else 4, "ceil_mode", False)),
        )  # fmt: skip

    def widen(self, source: Field) -> Field:
        """The receptive field after this window, per dimension; source.jump must be known.
        The first unit's window starts pad_before positions before the source's first unit
        and is centred D(F - 1)/2 positions into it."""
        size = tuple(r + d * (k - 1) * j for r, k, d, j in
                     zip(source.size, self.kernel, self.dilation, source.jump, strict=True))
        jump = tuple(j * s for j, s in zip(source.jump, self.stride, strict=True))
        origin = None if source.origin is None else tuple(
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


class _FieldTracker(TorchFunctionMode):
    """Follows every tensor operation and records each result's receptive field, and tells
    ``on_window`` of every convolution and pooling call."""

    def __init__(self, image_size: tuple[int, int],
                 on_window: Callable[[str, _Window, tuple, dict, Any], None]) -> None:  # fmt: skip
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
        window = _Window.of_call(name, args, kwargs) if name in WINDOW_FUNCTIONS else None
        inputs = [a for a in args if isinstance(a, torch.Tensor)]
        inputs += [t for a in args if isinstance(a, list | tuple) for t in a
                   if isinstance(t, torch.Tensor)]  # fmt: skip
        known = [f for f in (self.field_of(t) for t in inputs) if f is not None]
        if known:
            pad = _arg(args, kwargs, 1, "pad", ()) if name == "pad" else None
            result = self._propagate(name, window, pad, inputs, known, out)
            for tensor in out if isinstance(out, tuple) else (out,):
                if isinstance(tensor, torch.Tensor):
                    self.mark(tensor, result)
        if window is not None:
            self.on_window(WINDOW_FUNCTIONS[name], window, args, kwargs, out)
        return out

    def _propagate(self, name: str, window: _Window | None, pad: Sequence[int] | None,
                   inputs: list[torch.Tensor], known: list[Field], out) -> Field:  # fmt: skip
        source = self.field_of(inputs[0])
        if window is not None and source is not None and source.jump is not None:
            return window.widen(source)
        if pad is not None and source is not None:
            return _padded(source, pad)
        first = _first(out)
        keeps_positions = (isinstance(first, torch.Tensor) and first.ndim == 4
                           and inputs[0].ndim == 4 and first.shape[-2:] == inputs[0].shape[-2:]
                           and "adaptive" not in name)  # fmt: skip
        if not keeps_positions or any(f.jump is None for f in known):
            return Field(self.image_size, None)
        widest = max(known, key=lambda f: f.size[0] * f.size[1])
        return Field((max(f.size[0] for f in known), max(f.size[1] for f in known)),
                     (max(f.jump[0] for f in known), max(f.jump[1] for f in known)),
                     widest.origin)  # fmt: skip


def _padded(source: Field, pad: Sequence[int]) -> Field:
    """F.pad moves no position's field, but adds positions before the first: (left, right,
    top, bottom) puts the new first unit ``top`` rows and ``left`` columns further out."""
    if source.origin is None or source.jump is None:
        return source
    left, top = (int(pad[0]) if len(pad) > 0 else 0), (int(pad[2]) if len(pad) > 2 else 0)
    return Field(source.size, source.jump, (source.origin[0] - top * source.jump[0],
                                            source.origin[1] - left * source.jump[1]))


def _call_label(calls: dict[str, int], name: str) -> str:
    """"name" for the first call, "name#2" for the second, and so on."""
    calls[name] += 1
    return name if calls[name] == 1 else f"{name}#{calls[name]}"


def _keep(activations: dict[str, np.ndarray], label: str, output: Any) -> None:
    out = _first(output)
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
    _FieldTracker: the layers in the order they start, and which window calls are layers."""

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
        self.tracker = _FieldTracker((height, width), self.on_window)
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
            out, inp = _first(output), inputs[0] if inputs else None
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

    def on_window(self, kind: str, window: _Window, args: tuple, kwargs: dict, out) -> None:
        inp, first = _arg(args, kwargs, 0, "input", None), _first(out)
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
        tensors = [_arg(args, kwargs, 1, "weight", None), _arg(args, kwargs, 2, "bias", None)] \
            if kind.startswith("conv") else []  # fmt: skip
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


class _WindowRecorder(TorchFunctionMode):
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
        recorder = (_WindowRecorder(self._window_layers, calls, keep)
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
            if label == layer and isinstance(_first(output), torch.Tensor):
                outputs[label] = _first(output)

        with torch.enable_grad():
            self.forward_layers(inputs, keep)
            value = outputs[layer][(0, *unit)] if layer in outputs else None
            if value is None or not value.requires_grad:
                return np.zeros(self.input_shape[1:], dtype=np.float32)
            (gradient,) = torch.autograd.grad(value, inputs, allow_unused=True)
        if gradient is None:
            return np.zeros(self.input_shape[1:], dtype=np.float32)
        return gradient[0].abs().sum(dim=0).float().numpy()

    def model_input(self, image: np.ndarray) -> np.ndarray:
        """What the model actually sees: the normalised float32 [C, H, W] input."""
        return self.normalizer.from_numpy(image)[0].numpy()
