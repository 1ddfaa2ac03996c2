"""Build a user's own network from ``path/to/file.py:Name``.

Name may be an ``nn.Module`` subclass or a factory function. It is called with whichever of
``in_channels``, ``num_classes``, ``image_size`` (an ``(height, width)`` pair) and
``input_shape`` its signature accepts, so a model written for one data set can adapt to
another. Every failure names the file and says what went wrong; running the file is what
loading means, so a file that never finishes importing is out of scope. Whether a file named by
a checkpoint may run at all is decided before this module is reached (see model_code).
"""

from __future__ import annotations

import inspect
import sys
import traceback
import types
from typing import Any

import torch
from torch import nn

from cnnviz.core.errors import ModelLoadError, error_message
from cnnviz.core.models.model_code import ModelCode
from cnnviz.core.models.shape import InputShape
from cnnviz.core.translatable import QT_TRANSLATE_NOOP, error_text


def _run_source(code: ModelCode) -> Any:
    """Run a model file's source as a module of its own, so that names defined in it (and
    tracebacks, which name the original path) work as they do for an imported file."""
    module_name = f"cnnviz_user_model_{code.sha256[:16]}"
    try:
        compiled = compile(code.source, code.path, "exec")
    except SyntaxError as exc:
        raise ModelLoadError(error_message(QT_TRANSLATE_NOOP(
            "Error", "{path}: syntax error on line {line}: {error}; fix the file and load it "
                     "again"), path=code.path, line=exc.lineno, error=exc.msg)) from None
    module = types.ModuleType(module_name)
    module.__file__ = code.path
    sys.modules[module_name] = module
    try:
        exec(compiled, module.__dict__)
    except Exception as exc:  # any error the user's code raises at import time
        sys.modules.pop(module_name, None)
        raise ModelLoadError(error_message(QT_TRANSLATE_NOOP(
            "Error", "{path}: importing it raised {kind}: {error}"),
            path=code.path, kind=type(exc).__name__, error=error_text(exc))) from exc
    return module


def _call_with_shape(factory: Any, shape: InputShape) -> Any:
    offered = {
        "in_channels": shape.channels,
        "num_classes": shape.num_classes,
        "image_size": (shape.height, shape.width),
        "input_shape": shape,
    }
    try:
        params = inspect.signature(factory).parameters
    except (TypeError, ValueError):
        return factory()
    kwargs = {key: value for key, value in offered.items() if key in params}
    return factory(**kwargs)


def check_output_shape(model: nn.Module, shape: InputShape, source: str) -> None:
    """Run sample batches of 1 and 2 through the model in eval mode and insist on
    ``[batch, classes]`` logits. A batch of one catches the common ``.squeeze()`` that drops
    the batch dimension, which would otherwise fail later inside a tab."""
    was_training = model.training
    model.eval()
    try:
        for batch in (2, 1):
            sample = torch.zeros(batch, shape.channels, shape.height, shape.width)
            try:
                with torch.no_grad():
                    out = model(sample)
            except Exception as exc:
                raise ModelLoadError(error_message(QT_TRANSLATE_NOOP(
                    "Error", "{source}: forward on a sample batch of shape {shape} raised "
                             "{kind}: {error}"),
                    source=source, shape=list(sample.shape), kind=type(exc).__name__,
                    error=error_text(exc))) from exc
            expected = [batch, shape.num_classes]
            if not isinstance(out, torch.Tensor) or list(out.shape) != expected:
                got = list(out.shape) if isinstance(out, torch.Tensor) else type(out).__name__
                hint = (error_message(QT_TRANSLATE_NOOP(
                            "Error", " (a .squeeze() or flatten that drops the batch "
                                     "dimension? use x.flatten(1) or x.reshape(x.size(0), -1))"))
                        if batch == 1 and isinstance(out, torch.Tensor) and out.ndim < 2
                        else "")  # fmt: skip
                raise ModelLoadError(error_message(QT_TRANSLATE_NOOP(
                    "Error", "{source}: output for a sample batch of shape {shape} is {got}, "
                             "expected {expected} ([batch, classes]){hint}"),
                    source=source, shape=list(sample.shape), got=got, expected=expected,
                    hint=hint))
    finally:
        model.train(was_training)


def load_custom_model(spec: str, shape: InputShape, code: ModelCode | None = None) -> nn.Module:
    """Build the user's model named by ``path/to/file.py:Name`` for this input shape.

    ``code`` is the file's source to run (from a checkpoint, trusted by the caller); without
    it the file is read from disk. Either way the exact text that is hashed is what runs."""
    code = code or ModelCode.read(spec)
    path, attr = code.path, code.name
    module = _run_source(code)
    if not hasattr(module, attr):
        public = sorted(n for n in vars(module) if not n.startswith("_"))
        defined = ", ".join(public) or error_message(QT_TRANSLATE_NOOP("Error", "nothing"))
        raise ModelLoadError(error_message(QT_TRANSLATE_NOOP(
            "Error", "{path}: defines no name {name!r} (it defines: {defined})"),
            path=path, name=attr, defined=defined))
    factory = getattr(module, attr)
    if not callable(factory):
        raise ModelLoadError(error_message(QT_TRANSLATE_NOOP(
            "Error", "{path}: {name!r} is not an nn.Module class or a function that returns "
                     "one"), path=path, name=attr))
    try:
        model = _call_with_shape(factory, shape)
    except Exception as exc:
        detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
        raise ModelLoadError(error_message(QT_TRANSLATE_NOOP(
            "Error", "{path}: calling {name}() raised {detail}"),
            path=path, name=attr, detail=detail)) from exc
    if not isinstance(model, nn.Module):
        raise ModelLoadError(error_message(QT_TRANSLATE_NOOP(
            "Error", "{path}: {name}() gave a {kind}, not an nn.Module"),
            path=path, name=attr, kind=type(model).__name__))
    check_output_shape(model, shape, str(path))
    return model
