"""A model's layers as rows, torchinfo-style: what the Inspect tab's layer tree and
architecture table show, for the tab and for ``cnnviz summary`` alike.

Shapes are written channels first, as PyTorch orders them ("16x28x28" is 16 channels of 28
by 28), and every table says so in its Output header (OUTPUT, "CxHxW"); the Learn tab's
convolution demo writes the tutorial's W×H×D and labels it so.

Receptive field and jump are in input pixels, per (height, width): shown as one number when
square and as "3x5" (height x width) when not. A layer that sees the whole input (after a
Linear, a flatten or an adaptive pool) has no jump: its receptive field is the input's
[height, width] and its jump None (JSON null), shown as "all" with an empty jump.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from cnnviz.core.analysis.inspection import LayerInfo, ModelInspector
from cnnviz.core.data.types import DatasetInfo
from cnnviz.core.errors import CnnvizError
from cnnviz.core.models.registry import build_model
from cnnviz.core.models.shape import InputShape
from cnnviz.core.translatable import QT_TRANSLATE_NOOP, Message

#: the Output column's header, with the order its shapes are written in
OUTPUT = "Output (CxHxW)"
#: the architecture table's columns, in the order of table_cells
COLUMNS = ("Layer", "Type", OUTPUT, "Params", "RF", "Jump", "Output size")
#: the receptive field of a layer that sees the whole input
WHOLE = "all"


def _word(text: str) -> Message:
    return Message("LayerKind", text)


_CONV = _word(QT_TRANSLATE_NOOP("LayerKind", "conv"))
_BATCH_NORM = _word(QT_TRANSLATE_NOOP("LayerKind", "batch norm"))
_MAX_POOL = _word(QT_TRANSLATE_NOOP("LayerKind", "max pool"))
_AVG_POOL = _word(QT_TRANSLATE_NOOP("LayerKind", "avg pool"))
#: the tutorial's word for each kind of layer (a module's class, or a function's name), a
#: Message that the interface shows in its language
KIND_WORDS = {
    "Conv2d": _CONV, "conv2d": _CONV, "Conv1d": _CONV, "conv1d": _CONV,
    "BatchNorm2d": _BATCH_NORM, "BatchNorm1d": _BATCH_NORM,
    "MaxPool2d": _MAX_POOL, "max_pool2d": _MAX_POOL, "AvgPool2d": _AVG_POOL,
    "avg_pool2d": _AVG_POOL,
    "AdaptiveAvgPool2d": _word(QT_TRANSLATE_NOOP("LayerKind", "global avg pool")),
    "AdaptiveMaxPool2d": _word(QT_TRANSLATE_NOOP("LayerKind", "global max pool")),
    "Linear": _word(QT_TRANSLATE_NOOP("LayerKind", "fully connected")),
    "Flatten": _word(QT_TRANSLATE_NOOP("LayerKind", "flatten")),
    "Dropout": _word(QT_TRANSLATE_NOOP("LayerKind", "dropout")),
    "Softmax": _word(QT_TRANSLATE_NOOP("LayerKind", "softmax")),
}  # fmt: skip
#: the words of the layers the tutorial counts, and the name it counts them by
_COUNTED = {"conv": "conv", "max pool": "pool", "avg pool": "pool", "global avg pool": "pool",
            "global max pool": "pool", "fully connected": "fc"}  # fmt: skip


def kind_word(kind: str) -> str:
    """The tutorial's word for a kind of layer ("max pool" for MaxPool2d), else the kind."""
    return KIND_WORDS.get(kind, kind)


def tutorial_names(layers: Sequence[LayerInfo]) -> dict[str, str]:
    """The names the tutorial gives the layers it counts, numbered in the order they run:
    "conv1", "conv2", "pool1", "fc1"; a module called again keeps its number ("conv1#2").
    Other layers (a ReLU, a block) have none: their module path says enough."""
    counts: dict[str, int] = defaultdict(int)
    numbered: dict[str, str] = {}
    names = {}
    for info in layers:
        prefix = _COUNTED.get(kind_word(info.kind))
        if prefix is None or not info.is_leaf:
            continue
        base, call, again = info.name.partition("#")
        if base not in numbered:
            counts[prefix] += 1
            numbered[base] = f"{prefix}{counts[prefix]}"
        names[info.name] = numbered[base] + call + again
    return names


def layer_label(name: str, names: dict[str, str]) -> str:
    """A layer as the interface names it: "conv1 (features.0)" where the tutorial counts it
    (``names`` from tutorial_names), its module path ("features.1") otherwise."""
    short = names.get(name)
    return f"{short} ({name})" if short else name


def sides_text(sides: tuple[int, int]) -> str:
    """"5" for (5, 5), "3x5" for (3, 5)."""
    return str(sides[0]) if sides[0] == sides[1] else f"{sides[0]}x{sides[1]}"


def table_cells(info: LayerInfo, indent: bool = False,
                names: dict[str, str] | None = None) -> list[str]:  # fmt: skip
    """One layer as the architecture table shows it, a cell per entry of COLUMNS; indent:
    the name indented by its depth, for a flat table; names: the tutorial's names
    (tutorial_names), to write "conv1 (features.0)" instead of the module path."""
    field = info.field
    label = info.name if names is None else layer_label(info.name, names)
    return [
        ("  " * info.name.count(".") if indent else "") + label, info.kind,
        "x".join(str(s) for s in info.output_shape), f"{info.parameters:,}",
        "" if field is None else (WHOLE if field.jump is None else sides_text(field.size)),
        "" if field is None or field.jump is None else sides_text(field.jump),
        info.formula,
    ]  # fmt: skip


def layer_record(info: LayerInfo) -> dict[str, Any]:
    """One layer for JSON; receptive_field and jump are [height, width] (see the module)."""
    field = info.field
    return {
        "name": info.name,
        "type": info.kind,
        "output_shape": list(info.output_shape),
        "params": info.parameters,
        "receptive_field": None if field is None else list(field.size),
        "jump": None if field is None or field.jump is None else list(field.jump),
        "formula": info.formula,
    }


def inspect_model(model: str, info: DatasetInfo) -> ModelInspector:
    """The model (a registry name or ``path/to/file.py:Name``) built for this data set and
    traced once; a model that cannot take the set's images is a CnnvizError."""
    shape = (info.channels, info.height, info.width)
    try:
        network = build_model(model, InputShape(*shape, info.num_classes))
        return ModelInspector(network, shape, info.mean, info.std)
    except RuntimeError as exc:  # a registry model's layers too big for the images
        detail = " ".join(str(exc).split())
        raise CnnvizError(f"model {model} cannot take the {'x'.join(map(str, shape))} images "
                          f"of {info.name}: {detail}") from exc
