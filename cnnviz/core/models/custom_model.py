"""Load a user's own network from ``path/to/file.py:Name``.

Name may be an ``nn.Module`` subclass or a factory function. It is called with whichever of
``in_channels``, ``num_classes``, ``image_size`` (an ``(height, width)`` pair) and
``input_shape`` its signature accepts, so a model written for one data set can adapt to
another. Every failure names the file and says what went wrong; running the file is what
loading means, so a file that never finishes importing is out of scope.
"""

from __future__ import annotations

import importlib.util
import inspect
import sys
import traceback
from pathlib import Path
from typing import Any

import torch
from torch import nn

from cnnviz.core.errors import ModelLoadError
from cnnviz.core.models.shape import InputShape


def is_custom_model_spec(name: str) -> bool:
    """True for ``something.py:Name``, the form that points at a user's file."""
    path, sep, attr = name.rpartition(":")
    return bool(sep) and path.endswith(".py") and bool(attr)


def _import_file(path: Path) -> Any:
    if not path.exists():
        raise ModelLoadError(f"{path}: no such file; check the path to your model file")
    if not path.is_file():
        raise ModelLoadError(f"{path}: is not a file; give a .py file that defines your model")
    module_name = f"cnnviz_user_model_{abs(hash(str(path.resolve())))}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise ModelLoadError(f"{path}: cannot be loaded as a Python module")
    module = importlib.util.module_from_spec(spec)
    try:
        source = path.read_text(encoding="utf-8")
        compile(source, str(path), "exec")
    except SyntaxError as exc:
        raise ModelLoadError(
            f"{path}: syntax error on line {exc.lineno}: {exc.msg}; fix the file and load it again"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ModelLoadError(f"{path}: cannot be read ({exc})") from None
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as exc:  # any error the user's code raises at import time
        sys.modules.pop(module_name, None)
        raise ModelLoadError(
            f"{path}: importing it raised {type(exc).__name__}: {exc}"
        ) from exc
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
    """Run a sample batch through the model and insist on ``[batch, classes]`` logits."""
    sample = torch.zeros(2, shape.channels, shape.height, shape.width)
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            out = model(sample)
    except Exception as exc:
        raise ModelLoadError(
            f"{source}: forward on a sample batch of shape {list(sample.shape)} raised "
            f"{type(exc).__name__}: {exc}"
        ) from exc
    finally:
        model.train(was_training)
    expected = [2, shape.num_classes]
    if not isinstance(out, torch.Tensor) or list(out.shape) != expected:
        got = list(out.shape) if isinstance(out, torch.Tensor) else type(out).__name__
        raise ModelLoadError(
            f"{source}: output for a sample batch of shape {list(sample.shape)} is {got}, "
            f"expected {expected} ([batch, classes])"
        )


def load_custom_model(spec: str, shape: InputShape) -> nn.Module:
    """Build the user's model named by ``path/to/file.py:Name`` for this input shape."""
    path_text, _, attr = spec.rpartition(":")
    path = Path(path_text).expanduser()
    module = _import_file(path)
    if not hasattr(module, attr):
        public = sorted(n for n in vars(module) if not n.startswith("_"))
        raise ModelLoadError(
            f"{path}: defines no name {attr!r} (it defines: {', '.join(public) or 'nothing'})"
        )
    factory = getattr(module, attr)
    if not callable(factory):
        raise ModelLoadError(
            f"{path}: {attr!r} is not an nn.Module class or a function that returns one"
        )
    try:
        model = _call_with_shape(factory, shape)
    except Exception as exc:
        detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
        raise ModelLoadError(f"{path}: calling {attr}() raised {detail}") from exc
    if not isinstance(model, nn.Module):
        raise ModelLoadError(
            f"{path}: {attr}() gave a {type(model).__name__}, not an nn.Module"
        )
    check_output_shape(model, shape, str(path))
    return model
