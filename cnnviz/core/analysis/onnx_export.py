"""A trained model as ONNX, for other runtimes and for viewers such as Netron.

The file takes what an image file gives: float32 pixels in [0, 1], [N, C, H, W], any N; the
data set's normalisation is part of the graph, so no caller has to know it. It returns the
class scores (``logits``) and their softmax (``probabilities``), and carries the class names,
the data set and the normalisation as metadata. It is written by torch.onnx's current
exporter (torch.export, dynamo=True, which needs onnxscript), checked by onnx, and compared
with PyTorch by onnxruntime on request: all three come with ``cnnviz[export]``.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from torch import nn

import cnnviz
from cnnviz.core.errors import CnnvizError
from cnnviz.core.files import write_atomically
from cnnviz.core.training.checkpoint import CheckpointMeta

INSTALL = 'exporting to ONNX needs onnx, onnxscript and onnxruntime: pip install "cnnviz[export]"'
INPUT, OUTPUTS = "pixels", ("logits", "probabilities")
#: test images a batch when comparing with PyTorch
BATCH = 500


class PixelModel(nn.Module):
    """The model behind its normalisation: pixels in [0, 1] in, (logits, probabilities) out."""

    # buffers, registered in __init__ (nn.Module's __getattr__ would type them Tensor | Module)
    mean: torch.Tensor
    std: torch.Tensor

    def __init__(self, model: nn.Module, mean: list[float], std: list[float]) -> None:
        super().__init__()
        self.model = model
        self.register_buffer("mean", torch.tensor(mean, dtype=torch.float32).view(1, -1, 1, 1))
        self.register_buffer("std", torch.tensor(std, dtype=torch.float32).view(1, -1, 1, 1))

    def forward(self, pixels: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        logits = self.model((pixels - self.mean) / self.std).float()
        return logits, logits.softmax(dim=1)


def _modules() -> tuple:
    try:
        import onnx
        import onnxruntime
        import onnxscript  # noqa: F401  (torch.onnx's exporter uses it)
    except ImportError:
        raise CnnvizError(INSTALL) from None
    return onnx, onnxruntime


def export_onnx(model: nn.Module, meta: CheckpointMeta, out: Path) -> None:
    """Write ``model`` (trained as ``meta`` says) to ``out`` as ONNX, atomically. A model the
    exporter cannot trace gets one line saying why."""
    onnx, _ = _modules()
    wrapped = PixelModel(model.float().eval(), meta.mean, meta.std).eval()
    example = torch.rand(2, *meta.input_shape)
    batch = torch.export.Dim("batch", min=1)
    try:
        # the exporter reports each stage and warns about what it optimises: not for the user
        with (warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()),
              contextlib.redirect_stderr(io.StringIO())):  # fmt: skip
            warnings.simplefilter("ignore")
            program = torch.onnx.export(
                wrapped, (example,), dynamo=True, verbose=False, input_names=[INPUT],
                output_names=list(OUTPUTS), dynamic_shapes=({0: batch},))  # fmt: skip
        if program is None:  # only the legacy exporter (dynamo=False) returns none
            raise RuntimeError("the exporter returned no program")
        proto = program.model_proto
        onnx.checker.check_model(proto)
    except Exception as exc:  # the exporter fails in many ways; each is the model's limit
        raise CnnvizError(f"{meta.model} cannot be exported to ONNX: {_reason(exc)}") from None
    onnx.helper.set_model_props(proto, {
        "class_names": json.dumps(list(meta.class_names)),
        "input": f"{INPUT}: float32 [N, {', '.join(map(str, meta.input_shape))}] in [0, 1] "
                 f"(normalised inside the model)",
        "outputs": "logits, probabilities: float32 [N, classes]",
        "dataset": meta.dataset, "model": meta.model,
        "mean": json.dumps(list(meta.mean)), "std": json.dumps(list(meta.std)),
    })  # fmt: skip
    proto.producer_name, proto.producer_version = "cnnviz", cnnviz.__version__
    proto.doc_string = f"{meta.model} trained on {meta.dataset} ({len(meta.class_names)} classes)"
    data = proto.SerializeToString()
    try:
        write_atomically(Path(out), lambda handle: handle.write(data))
    except OSError as exc:
        raise CnnvizError(f"cannot write {out}: {exc.strerror or exc}") from None


def _reason(exc: BaseException) -> str:
    """The first line of the deepest cause: the exporter wraps what went wrong (a branch on
    a tensor's value, an operator ONNX lacks) in a long report of its own."""
    while exc.__cause__ is not None:
        exc = exc.__cause__
    lines = [line.strip() for line in re.sub(r"\x1b\[[0-9;]*m", "", str(exc)).splitlines()]
    return next((line for line in lines if line), type(exc).__name__)


@dataclass
class Agreement:
    """How an ONNX file's answers compare with PyTorch's on some images."""

    images: int
    same_top1: int
    #: the largest difference between the two top-1 probabilities (PyTorch's top class)
    max_probability_difference: float

    @property
    def fraction(self) -> float:
        return self.same_top1 / max(1, self.images)


def compare_with_onnx(path: Path, probabilities: Callable[[np.ndarray], np.ndarray],
                      images: np.ndarray) -> Agreement:  # fmt: skip
    """Run the ONNX file with onnxruntime on uint8 images [N, C, H, W] (as pixels / 255) and
    compare with ``probabilities(images)``, PyTorch's answers for the same images."""
    _, onnxruntime = _modules()
    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    same, worst = 0, 0.0
    for start in range(0, len(images), BATCH):
        batch = np.asarray(images[start : start + BATCH])
        expected = probabilities(batch)
        got = session.run(["probabilities"], {INPUT: batch.astype(np.float32) / 255})[0]
        top = expected.argmax(axis=1)
        same += int((got.argmax(axis=1) == top).sum())
        rows = np.arange(len(top))
        worst = max(worst, float(np.abs(got[rows, top] - expected[rows, top]).max()))
    return Agreement(len(images), same, worst)
