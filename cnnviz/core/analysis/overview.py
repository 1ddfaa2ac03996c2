"""The whole network on one page, as CNN Explainer draws it: one column per layer, left to
right, from the input image to the class scores. This module gives the Overview tab its
columns (Qt-free, so it is tested without a display).

The layers, shapes, parameters and receptive fields are the inspector's (``ModelInspector``,
the architecture table's source), so the page and ``cnnviz summary`` never disagree. What the
inspector does not know is which layer's output each layer reads: a residual block's sum reads
two. That comes from one pass of a zero image in which every tensor carries the set of layers
it was computed from (a TorchFunctionMode sees every operation, the way the receptive-field
tracer does); a layer's feeds are the sources of its output before it is marked as its own. A
column read by two is where a skip path joins: the shorter branch back to where the two parted
is the skip, drawn as a connection of its own.

Which maps feed a map is worked out on demand from the weights of that moment, so a live run's
newest weights answer: a convolution reads every channel of its input, and the strongest are
those with the largest kernel (sum of |w| over the kernel); a fully connected layer the same
over its weight row; anything else (batch norm, ReLU, pooling, a sum) reads the same channel.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn
from torch.overrides import TorchFunctionMode

from cnnviz.core.analysis.inspection import LayerInfo, ModelInspector
from cnnviz.core.analysis.summary import kind_word, table_cells
from cnnviz.core.translatable import QT_TRANSLATE_NOOP, Message
from cnnviz.resource_files import resource_path

#: the column the first layer reads: the input image
INPUT = "input"
#: one MNIST test digit (a 7, the test set's first image; MNIST is CC BY-SA 3.0), shipped so
#: that the first launch shows the shipped weights reading a real digit without any download
SAMPLE = "samples/mnist-test-0.png"
SAMPLE_LABEL = 7
#: how many feeding maps a hovered map draws lines to
STRONGEST = 4


def sample_path():
    """The shipped test digit (uint8 28x28 PNG)."""
    return resource_path(SAMPLE)


@dataclass(frozen=True)
class Column:
    """One layer as the Overview draws it."""

    name: str  # the inspector's label ("layer1.0.relu#2")
    kind: str  # the module's class, or the function's
    title: str  # in the tutorial's words: "conv 5x5", "ReLU", "max pool 2x2", ... (a Message)
    shape: str  # as the architecture table writes it ("16x28x28")
    parameters: str  # "416"
    field: str  # receptive field: "5", "3x5" or "all"
    output_shape: tuple[int, ...]
    feeds: tuple[str, ...]  # the columns (or INPUT) whose outputs this layer reads
    block: str  # the enclosing module's label, "" at the top
    skip: bool = False  # on a residual block's skip path

    @property
    def has_maps(self) -> bool:
        """[C, H, W] maps, or a vector of units ([N])."""
        return len(self.output_shape) == 3

    @property
    def channels(self) -> int:
        return self.output_shape[0] if self.output_shape else 1


@dataclass(frozen=True)
class Skip:
    """A residual connection: from ``source``'s output to the sum at ``merge``, through the
    layers on the way (a projection, or none for an identity)."""

    source: str
    merge: str
    through: tuple[str, ...]


@dataclass(frozen=True)
class Feed:
    """A map (or unit) of an earlier column that a map reads, and how strongly."""

    column: str
    channel: int
    weight: float


@dataclass
class Reading:
    """One input through the model: each column's output, and the class probabilities."""

    maps: dict[str, np.ndarray]  # float32 [C, H, W] or [N]
    probabilities: np.ndarray

    @property
    def top(self) -> int:
        return int(np.argmax(self.probabilities))


def _title(info: LayerInfo, module: nn.Module | None, weights: np.ndarray | None) -> str:
    word = kind_word(info.kind)
    kernel = None
    if weights is not None:
        kernel = tuple(weights.shape[2:])
    elif isinstance(module, nn.MaxPool2d | nn.AvgPool2d):
        side = module.kernel_size
        kernel = tuple(side) if isinstance(side, tuple) else (side, side)
    if not kernel:
        return word
    stride = getattr(module, "stride", 1) if module is not None else 1
    stride = stride[0] if isinstance(stride, tuple) else stride
    size = "x".join(str(k) for k in kernel)
    if stride not in (1, None) and word == "conv":
        return Message("LayerKind", QT_TRANSLATE_NOOP("LayerKind", "{kind} {size} /{stride}"),
                       kind=word, size=size, stride=stride)  # fmt: skip
    return Message("LayerKind", QT_TRANSLATE_NOOP("LayerKind", "{kind} {size}"), kind=word,
                   size=size)  # fmt: skip


def _tensors(values) -> list[torch.Tensor]:
    found = []
    for value in values:
        if isinstance(value, torch.Tensor):
            found.append(value)
        elif isinstance(value, list | tuple):
            found.extend(v for v in value if isinstance(v, torch.Tensor))
    return found


class _Flow(TorchFunctionMode):
    """Every tensor's sources: the layers (or INPUT) its value was computed from."""

    def __init__(self) -> None:
        super().__init__()
        self.sources: dict[int, frozenset[str]] = {}
        self._alive: list[torch.Tensor] = []  # keeps ids unique while the pass runs

    def mark(self, tensor: torch.Tensor, sources: frozenset[str]) -> None:
        self.sources[id(tensor)] = sources
        self._alive.append(tensor)

    def of(self, tensor: torch.Tensor) -> frozenset[str]:
        return self.sources.get(id(tensor), frozenset())

    def __torch_function__(self, func, types, args=(), kwargs=None):
        kwargs = kwargs or {}
        out = func(*args, **kwargs)
        sources = frozenset().union(*(self.of(t) for t in _tensors([*args, *kwargs.values()])))
        if sources:
            for tensor in _tensors(out if isinstance(out, tuple | list) else [out]):
                self.mark(tensor, sources)
        return out


def _feeds(inspector: ModelInspector, leaves: list[str]) -> dict[str, tuple[str, ...]]:
    """Which columns each leaf layer reads, in column order, from one pass of a zero image."""
    order = {name: i for i, name in enumerate([INPUT, *leaves])}
    feeds: dict[str, tuple[str, ...]] = {}
    flow = _Flow()

    def keep(label: str, output) -> None:
        out = output[0] if isinstance(output, tuple) else output
        if label in order and isinstance(out, torch.Tensor) and label not in feeds:
            feeds[label] = tuple(sorted(flow.of(out), key=lambda n: order.get(n, -1)))
            flow.mark(out, frozenset({label}))

    sample = torch.zeros(1, *inspector.input_shape)
    with torch.no_grad(), flow:
        flow.mark(sample, frozenset({INPUT}))
        inspector.forward_layers(sample, keep)
    return feeds


def _skips(columns: dict[str, tuple[str, ...]]) -> list[Skip]:
    """For each column that sums two branches, the shorter branch back to where they part."""

    def chain(name: str) -> list[str]:
        path = [name]
        while path[-1] in columns and columns[path[-1]]:
            path.append(columns[path[-1]][-1])
        return path

    skips = []
    for merge, feeds in columns.items():
        if len(feeds) < 2:
            continue
        chains = [chain(feed) for feed in feeds]
        common = next((n for n in chains[0] if all(n in c for c in chains[1:])), INPUT)
        branches = [c[: c.index(common)] if common in c else c for c in chains]
        shortest = min(branches, key=len)
        skips.append(Skip(common, merge, tuple(reversed(shortest))))
    return skips


class Overview:
    """A model's columns, and what it makes of one input. The inspector should be the view's
    own (a copy of the model), as its weights change with a live run's."""

    def __init__(self, inspector: ModelInspector, class_names: list[str]) -> None:
        self.inspector = inspector
        self.class_names = list(class_names)
        leaves = [info for info in inspector.layers if info.is_leaf]
        feeds = _feeds(inspector, [info.name for info in leaves])
        self.skips = _skips({name: f for name, f in feeds.items()})
        on_skip = {name for skip in self.skips for name in skip.through}
        self.columns: list[Column] = []
        for info in leaves:
            if info.name not in feeds:
                continue  # called, but gave no tensor
            cells = table_cells(info)
            self.columns.append(Column(
                info.name, info.kind, _title(info, self._module(info.name), self._conv(info.name)),
                cells[2], cells[3], cells[4], info.output_shape, feeds[info.name], info.parent,
                info.name in on_skip,
            ))  # fmt: skip
        self._by_name = {column.name: column for column in self.columns}

    @property
    def scores_column(self) -> Column | None:
        """The last column when its outputs are the class scores (one per class)."""
        last = self.columns[-1] if self.columns else None
        return last if last and last.output_shape == (len(self.class_names),) else None

    def column(self, name: str) -> Column:
        return self._by_name[name]

    def read(self, image: np.ndarray) -> Reading:
        """image: uint8 [C, H, W] in the model's input shape."""
        result = self.inspector.run(image)
        maps = {c.name: result.activations[c.name] for c in self.columns
                if c.name in result.activations}  # fmt: skip
        return Reading(maps, result.probabilities)

    def load_weights(self, state: dict) -> None:
        """A live run's snapshot; raises RuntimeError or KeyError for another model's."""
        self.inspector.load_weights(state)

    # -- what feeds a map -------------------------------------------------------------------
    def _module(self, name: str) -> nn.Module | None:
        with contextlib.suppress(AttributeError):
            return self.inspector.model.get_submodule(name.partition("#")[0])
        return None

    def _conv(self, name: str) -> np.ndarray | None:
        try:
            return self.inspector.conv_weights(name)
        except KeyError:
            return None

    def source_channels(self, name: str) -> int:
        """How many maps (or units) a column, or the input, offers."""
        return self.inspector.input_shape[0] if name == INPUT else self.column(name).channels

    def feeders(self, name: str, channel: int, limit: int = STRONGEST) -> list[Feed]:
        """The maps of earlier columns that map ``channel`` of column ``name`` reads, the
        strongest first, at most ``limit`` (see the module's docstring)."""
        column = self.column(name)
        if not column.feeds:
            return []
        source = column.feeds[-1]
        strengths = self._strengths(column, source, channel)
        if strengths is None:  # the same channel of each source
            found = []
            for feed in column.feeds:
                count = self.source_channels(feed)
                spread = column.channels // count if not column.has_maps and count else 1
                found.append(Feed(feed, min(count - 1, channel // max(1, spread)), 1.0))
            return found[:limit]
        order = np.argsort(-strengths, kind="stable")[:limit]
        return [Feed(source, int(i), float(strengths[i])) for i in order]

    def _strengths(self, column: Column, source: str, channel: int) -> np.ndarray | None:
        """|w| summed per source channel for a conv or fully connected layer, else None."""
        weights = self._conv(column.name)
        count = self.source_channels(source)
        if weights is not None:
            per_group = weights.shape[1]
            groups = max(1, count // per_group)
            first = (channel // max(1, weights.shape[0] // groups)) * per_group
            strengths = np.zeros(count, dtype=np.float32)
            strengths[first : first + per_group] = np.abs(weights[channel]).sum(axis=(1, 2))
            return strengths
        module = self._module(column.name)
        if not isinstance(module, nn.Linear):
            return None
        row = np.abs(module.weight.detach()[channel].float().cpu().numpy())
        if row.size % count:
            return None
        return row.reshape(count, -1).sum(axis=1)
