"""Checkpoints: data, never code.

A checkpoint is one file holding the model's state dict, the optimiser's and the schedule's
state, the data order's random state, and metadata (model, data set, class names, input
shape, normalisation, position, metrics, cnnviz version). It is written atomically (a
temporary file in the same folder, then ``os.replace``) so that a crash or a full disk never
leaves a half-written file in place of a good one, and read with ``weights_only=True`` so that
a file from a stranger can hold only tensors and plain values, never code that runs.
"""

from __future__ import annotations

import os
import pickle
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
from torch import nn

import cnnviz
from cnnviz.core.errors import CheckpointError, CnnvizError, ModelLoadError, error_message
from cnnviz.core.files import write_atomically
from cnnviz.core.models.model_code import (
    ModelCode,
    TrustPolicy,
    UntrustedModelCodeError,
    is_trusted,
)
from cnnviz.core.models.registry import build_model
from cnnviz.core.models.shape import InputShape
from cnnviz.core.models.spec import ModelSpec
from cnnviz.core.training.events import check_json_value
from cnnviz.core.translatable import QT_TRANSLATE_NOOP, error_text

FORMAT = "cnnviz-checkpoint"
FORMAT_VERSION = 1


@dataclass
class CheckpointMeta:
    model: str
    dataset: str
    class_names: list[str]
    input_shape: list[int]  # [channels, height, width]
    mean: list[float]
    std: list[float]
    epoch: int = 0  # completed epochs
    step: int = 0  # global steps done
    batch_in_epoch: int = 0  # batches done in the epoch under way (0 at an epoch boundary)
    metrics: dict[str, float] = field(default_factory=dict)
    config: dict[str, Any] = field(default_factory=dict)
    cnnviz_version: str = cnnviz.__version__
    #: a model from a user's file: its path, name, source text and SHA-256 (ModelCode)
    model_code: dict[str, str] | None = None

    @property
    def shape(self) -> InputShape:
        channels, height, width = self.input_shape
        return InputShape(channels, height, width, len(self.class_names))


@dataclass
class Checkpoint:
    meta: CheckpointMeta
    model_state: dict[str, torch.Tensor]
    optimizer_state: dict[str, Any] | None = None
    scheduler_state: dict[str, Any] | None = None
    generator_state: torch.Tensor | None = None


def save_checkpoint(checkpoint: Checkpoint, path: Path) -> Path:
    """Write atomically: the old file stays whole until the new one is complete on disk."""
    path = Path(path)
    payload = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "meta": {k: getattr(checkpoint.meta, k) for k in CheckpointMeta.__dataclass_fields__},
        "model_state": checkpoint.model_state,
        "optimizer_state": checkpoint.optimizer_state,
        "scheduler_state": checkpoint.scheduler_state,
        "generator_state": checkpoint.generator_state,
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, lambda handle: torch.save(payload, handle))
    except (OSError, RuntimeError) as exc:
        raise CheckpointError(error_message(
            QT_TRANSLATE_NOOP("Error", "could not save checkpoint {path}: {error}; free some "
                                       "disk space or choose another folder (any earlier "
                                       "checkpoint there is unchanged)"), path=path, error=str(exc))
        ) from exc
    return path


def _read_payload(path: Path) -> Any:
    if not path.exists():
        raise CheckpointError(error_message(QT_TRANSLATE_NOOP("Error", "{path}: no such file"),
                                            path=path))  # fmt: skip
    if path.is_dir():
        raise CheckpointError(error_message(QT_TRANSLATE_NOOP(
            "Error", "{path}: is a folder, not a checkpoint file"), path=path))
    if not os.access(path, os.R_OK):
        raise CheckpointError(_unreadable(path))
    if path.stat().st_size == 0:
        raise CheckpointError(error_message(QT_TRANSLATE_NOOP(
            "Error", "{path}: is empty, not a checkpoint"), path=path))
    _check_archive(path)
    try:
        with warnings.catch_warnings():  # torch warns about odd pickles; we refuse them anyway
            warnings.simplefilter("ignore")
            return torch.load(path, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as exc:
        if "Unsupported global" in str(exc) or "GLOBAL" in str(exc):
            raise CheckpointError(error_message(QT_TRANSLATE_NOOP(
                "Error", "{path}: refused: the file holds pickled objects that would run code "
                         "when loaded; cnnviz only loads plain tensors and values. Do not trust "
                         "this file"), path=path)) from None
        raise CheckpointError(_corrupt(path, "it does not unpickle")) from None
    except PermissionError:
        raise CheckpointError(_unreadable(path)) from None
    except Exception as exc:  # a stranger's file can trip any part of the parser
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise CheckpointError(_corrupt(path, reason)) from None


def _unreadable(path: Path) -> str:
    return error_message(QT_TRANSLATE_NOOP("Error", "{path}: cannot be read (permission "
                                                    "denied)"), path=path)  # fmt: skip


def _corrupt(path: Path, reason: str) -> str:
    return error_message(QT_TRANSLATE_NOOP("Error", "{path}: is truncated, corrupt or not a "
                                                    "checkpoint ({reason})"),
                         path=path, reason=reason)  # fmt: skip


def _check_archive(path: Path) -> None:
    """torch.save writes its archive uncompressed; a compressed one (a stranger's: a small
    file that unpacks to gigabytes when loaded) is refused before anything is unpacked."""
    if not zipfile.is_zipfile(path):
        return  # torch's legacy format, or not a checkpoint: torch.load judges it
    try:
        with zipfile.ZipFile(path) as archive:
            packed = [m.filename for m in archive.infolist()
                      if m.compress_type != zipfile.ZIP_STORED]  # fmt: skip
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    if packed:
        raise CheckpointError(error_message(QT_TRANSLATE_NOOP(
            "Error", "{path}: refused: its parts are compressed ({part}), which no checkpoint "
                     "written by torch.save is; do not trust this file"),
            path=path, part=packed[0]))


#: what a checkpoint's metadata may hold: a stranger's file is checked field by field
META_FIELDS = {"model": "str", "dataset": "str", "class_names": "list[str]",
               "input_shape": "list[int]", "mean": "list[float]", "std": "list[float]",
               "epoch": "int", "step": "int", "batch_in_epoch": "int",
               "cnnviz_version": "str"}  # fmt: skip
#: the largest input a checkpoint may ask for: channels, and pixels a side
MAX_CHANNELS = 4
MAX_SIDE = 1024
MAX_CLASSES = 100_000


def _check_meta(meta: CheckpointMeta) -> None:
    """ValueError (with the field) for metadata that cnnviz would not write."""
    for name, kind in META_FIELDS.items():
        try:
            check_json_value(kind, getattr(meta, name))
        except ValueError as exc:
            raise ValueError(f"{name}: {exc}") from None
    channels, height, width = [*meta.input_shape, 0, 0, 0][:3]
    if len(meta.input_shape) != 3 or not (0 < channels <= MAX_CHANNELS and 0 < height <= MAX_SIDE
                                          and 0 < width <= MAX_SIDE):  # fmt: skip
        raise ValueError(f"input_shape {meta.input_shape} is not [channels, height, width] of at "
                         f"most {MAX_CHANNELS} channels and {MAX_SIDE} pixels a side")
    if len(meta.mean) != channels or len(meta.std) != channels or min(meta.std) <= 0:
        raise ValueError("mean and std need one value per channel, and std above 0")
    if not 0 < len(meta.class_names) <= MAX_CLASSES:
        raise ValueError(f"it names {len(meta.class_names)} classes")
    if not isinstance(meta.metrics, dict) or not all(
            isinstance(k, str) and isinstance(v, (int, float)) and not isinstance(v, bool)
            for k, v in meta.metrics.items()):  # fmt: skip
        raise ValueError("metrics is not a table of numbers")
    if meta.model_code is not None and not isinstance(meta.model_code, dict):
        raise ValueError("model_code is not a table")


def load_checkpoint(path: Path) -> Checkpoint:
    """Read and check a checkpoint; every kind of bad file gets a CheckpointError."""
    path = Path(path)
    payload = _read_payload(path)
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise CheckpointError(error_message(QT_TRANSLATE_NOOP(
            "Error", "{path}: is not a cnnviz checkpoint (it loads, but holds no cnnviz model); "
                     "save checkpoints with cnnviz train or the app"), path=path))
    if payload.get("format_version", 0) > FORMAT_VERSION:
        raise CheckpointError(error_message(QT_TRANSLATE_NOOP(
            "Error", "{path}: was written by a newer cnnviz; update cnnviz to open it"),
            path=path))
    try:
        meta = CheckpointMeta(**payload["meta"])
        model_state = payload["model_state"]
        if not isinstance(model_state, dict):
            raise TypeError("model_state is not a dict")
        if not isinstance(meta.config, dict):
            raise TypeError("its config is not a table")
        _check_meta(meta)
        recorded = meta.config.get("model", meta.model)
        if recorded != meta.model:  # a resume builds from the config: one model, checked once
            raise ValueError(f"its model {meta.model!r} and its config's model "
                             f"{str(recorded)!r:.80} differ")
    except (TypeError, KeyError, ValueError) as exc:
        raise CheckpointError(error_message(QT_TRANSLATE_NOOP(
            "Error", "{path}: is a damaged cnnviz checkpoint ({reason})"), path=path,
            reason=str(exc))) from None
    return Checkpoint(
        meta=meta,
        model_state=model_state,
        optimizer_state=payload.get("optimizer_state"),
        scheduler_state=payload.get("scheduler_state"),
        generator_state=payload.get("generator_state"),
    )


def apply_weights(checkpoint: Checkpoint, model: nn.Module, source: str = "checkpoint") -> None:
    """Load the checkpoint's weights into ``model``, refusing one of another shape or class count.

    Every name and shape is checked before anything is copied, since ``load_state_dict``
    copies the tensors that fit before it complains about the ones that do not: a refused
    checkpoint leaves the model exactly as it was.
    """
    expected = {k: tuple(v.shape) for k, v in model.state_dict().items()}
    state = checkpoint.model_state
    given = {k: tuple(v.shape) for k, v in state.items() if isinstance(v, torch.Tensor)}
    if expected != given or len(given) != len(state):
        meta = checkpoint.meta
        missing = sorted(set(expected) - set(given))
        differing = sorted(k for k in set(expected) & set(given) if expected[k] != given[k])
        first = (f"{differing[0]} is {list(given[differing[0]])}, the model needs "
                 f"{list(expected[differing[0]])}" if differing
                 else f"missing {missing[0]}" if missing else "unexpected entries")  # fmt: skip
        raise CheckpointError(error_message(QT_TRANSLATE_NOOP(
            "Error", "{source}: belongs to another model or class count (it holds {model} for "
                     "{classes} classes, input {shape}): {first}"),
            source=source, model=repr(meta.model), classes=len(meta.class_names),
            shape=meta.input_shape, first=first))
    model.load_state_dict(state, strict=True)


def checkpoint_model_code(checkpoint: Checkpoint, source: str = "checkpoint") -> ModelCode | None:
    """The code a checkpoint's model needs, or None for a registry model. A checkpoint from
    before model code was stored gets the file's current text, if the file is still there."""
    meta = checkpoint.meta
    if not ModelSpec.parse(meta.model).is_file:
        return None
    try:
        if meta.model_code:
            return ModelCode.from_dict(meta.model_code)
        return ModelCode.read(meta.model)
    except (ModelLoadError, KeyError, TypeError) as exc:
        raise CheckpointError(error_message(QT_TRANSLATE_NOOP(
            "Error", "{source}: its model {model} cannot be rebuilt: {error}"),
            source=source, model=meta.model, error=error_text(exc))) from None


def model_from_checkpoint(checkpoint: Checkpoint, source: str = "checkpoint",
                          trust: TrustPolicy = False) -> nn.Module:  # fmt: skip
    """Rebuild the checkpoint's model and load its weights, ready for evaluation.

    A model defined in a user's file runs that file, so it is built only when ``trust`` allows
    it; otherwise an UntrustedModelCodeError says which code and how to allow it."""
    code = checkpoint_model_code(checkpoint, source)
    if code is not None and not is_trusted(code, trust):
        raise UntrustedModelCodeError(code, source)
    try:
        model = build_model(checkpoint.meta.model, checkpoint.meta.shape, code)
    except CnnvizError as exc:
        raise CheckpointError(error_message(QT_TRANSLATE_NOOP(
            "Error", "{source}: cannot rebuild its model: {error}"), source=source,
            error=error_text(exc))) from None
    apply_weights(checkpoint, model, source)
    return model.eval()
