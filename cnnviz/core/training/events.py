"""What the trainer reports: dataclasses of plain numbers and numpy arrays, never tensors.

The UI and the command line only render these; ``event_to_json`` is how a run directory's
metrics.jsonl records them, one object a line with a ``type`` field.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, TypeAlias

import numpy as np


@dataclass
class StartedEvent:
    model: str
    dataset: str
    device: str
    parameters: int
    train_size: int
    test_size: int
    epochs: int
    total_steps: int
    start_step: int
    class_names: list[str]
    input_shape: list[int]  # [channels, height, width]
    mean: list[float]
    std: list[float]


@dataclass
class StepEvent:
    step: int  # global step, counting from 1
    epoch: int  # counting from 1
    epoch_fraction: float  # how far through the run, in epochs (e.g. 1.5)
    loss: float
    train_acc: float  # running accuracy in this epoch, 0..1
    images_per_second: float
    lr: float


@dataclass
class EvaluationEvent:
    """A mid-epoch evaluation on a fixed subset of the test set (when eval_every is set)."""

    step: int
    epoch_fraction: float
    test_loss: float
    test_acc: float
    subset_size: int


@dataclass
class WeightsEvent:
    """A copy of the model's weights between two steps, for live inspection: numpy arrays,
    so that nothing downstream can touch the tensors the optimiser updates."""

    step: int
    epoch: int
    state: dict[str, np.ndarray]


@dataclass
class HistogramEvent:
    """Each layer's weights and gradients at one step, as histograms (about 100 of these a
    run; see histograms.py). A layer is a weight of two or more dimensions (a convolution's
    kernels, a Linear layer's matrix), named by its module; one without a gradient at this
    step has zero counts and norm."""

    step: int
    layers: list[str]
    weight_ranges: np.ndarray  # float32 [L, 2]: each histogram's (low, high)
    weight_counts: np.ndarray  # int64 [L, bins]
    grad_ranges: np.ndarray  # float32 [L, 2]
    grad_counts: np.ndarray  # int64 [L, bins]
    grad_norms: np.ndarray  # float32 [L]: the L2 norm of each layer's gradient


@dataclass
class EpochEvent:
    epoch: int
    step: int
    train_loss: float
    train_acc: float
    test_loss: float
    test_acc: float
    per_class_acc: np.ndarray  # float32 [classes]
    seconds: float
    checkpoint: str | None  # where this epoch's weights were saved, if anywhere


@dataclass
class FinishedEvent:
    epochs: int
    step: int
    test_acc: float
    best_test_acc: float
    train_seconds: float  # time in training steps, without evaluation and saving
    wall_seconds: float  # the whole run, evaluation and checkpoints included
    images_per_second: float
    checkpoint: str | None


@dataclass
class StoppedEvent:
    epoch: int
    step: int
    checkpoint: str | None


@dataclass
class FailedEvent:
    message: str  # one clear line for the user
    details: str  # the traceback or other context, shown on demand
    #: what went wrong, so that a UI can offer the right remedy: "dataset-missing",
    #: "diverged", "out-of-memory", "invalid" (a setting or file the user can fix) or "error"
    kind: str = "error"


TERMINAL_EVENTS = (FinishedEvent, StoppedEvent, FailedEvent)
#: how a run ends: what ``Trainer.run`` returns, and the last event it emits
TerminalEvent: TypeAlias = FinishedEvent | StoppedEvent | FailedEvent
#: the events defined here, each with its JSON form (event_to_json); every event a run
#: emits, the timelapse's frames included, is reports.py's TrainingEvent
JsonEvent: TypeAlias = (StartedEvent | StepEvent | EvaluationEvent | WeightsEvent
                        | HistogramEvent | EpochEvent | TerminalEvent)  # fmt: skip

_TYPE_NAMES: dict[type[JsonEvent], str] = {
    StartedEvent: "started",
    StepEvent: "step",
    EvaluationEvent: "evaluation",
    WeightsEvent: "weights",
    HistogramEvent: "histograms",
    EpochEvent: "epoch",
    FinishedEvent: "finished",
    StoppedEvent: "stopped",
    FailedEvent: "failed",
}


def _plain(value: Any) -> Any:
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    return value


def event_to_json(event: JsonEvent) -> dict[str, Any]:
    """A JSON-ready dict with the event's ``type`` and its fields."""
    record = {"type": _TYPE_NAMES[type(event)]}
    record.update({f.name: _plain(getattr(event, f.name)) for f in fields(event)})
    return record


_TYPES_BY_NAME = {name: cls for cls, name in _TYPE_NAMES.items()}
#: the fields that come back from JSON as numpy arrays, with their types
_ARRAY_FIELDS: dict[type, dict[str, Any]] = {
    EpochEvent: {"per_class_acc": np.float32},
    HistogramEvent: {"weight_ranges": np.float32, "weight_counts": np.int64,
                     "grad_ranges": np.float32, "grad_counts": np.int64,
                     "grad_norms": np.float32},
}  # fmt: skip


#: the longest text and list a record may hold (a run folder from someone else is untrusted)
MAX_TEXT = 10_000
MAX_ITEMS = 1_000_000
LATEST_TIME = 4_102_444_800.0  # 2100-01-01


def check_json_value(kind: str, value: Any) -> Any:
    """``value`` as a field annotated ``kind`` takes it; ValueError when it is of another type
    (a string where a number belongs, 1.5 epochs, a list of lists...)."""
    if kind.endswith(" | None"):
        return None if value is None else check_json_value(kind[: -len(" | None")], value)
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int) or abs(value) > 1 << 62:
            raise ValueError(f"{value!r:.40} is not a whole number")
        return value
    if kind == "float":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(f"{value!r:.40} is not a number")
        try:
            return float(value)
        except OverflowError:  # a whole number of hundreds of digits
            raise ValueError("is a number too large for a float") from None
    if kind == "timestamp":  # seconds since the epoch, between 1970 and 2100
        if check_json_value("float", value) != value or not 0 <= value <= LATEST_TIME:
            raise ValueError(f"{value!r:.40} is not a time")
        return float(value)
    if kind == "str":
        if not isinstance(value, str) or len(value) > MAX_TEXT:
            raise ValueError(f"{value!r:.40} is not a text")
        return value
    if kind.startswith("list[") and kind.endswith("]"):
        if not isinstance(value, list) or len(value) > MAX_ITEMS:
            raise ValueError(f"{value!r:.40} is not a list")
        return [check_json_value(kind[5:-1], item) for item in value]
    return value  # arrays: checked by their conversion in event_from_json


def event_from_json(record: Any) -> JsonEvent | None:
    """The event a metrics.jsonl line records, or None for a line that is not one (not an
    object, another version's event type, missing fields, a field of the wrong type): a run
    folder may come from anyone. Arrays come back as numpy arrays of finite shape."""
    if not isinstance(record, dict):
        return None
    name = record.get("type")
    cls = _TYPES_BY_NAME.get(name) if isinstance(name, str) else None
    if cls is None:
        return None
    try:
        values = {f.name: check_json_value(str(f.type), record[f.name])
                  for f in fields(cls) if f.name in record}  # fmt: skip
        for name, dtype in _ARRAY_FIELDS.get(cls, {}).items():
            if name in values:
                values[name] = np.asarray(values[name], dtype=dtype)
                if values[name].size > MAX_ITEMS:
                    raise ValueError(f"{name} is too large")
        return cls(**values)
    except (TypeError, ValueError, OverflowError):
        return None
