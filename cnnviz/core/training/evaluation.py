"""One pass over a test split: loss, accuracy, per-class accuracy and the confusion matrix."""

from __future__ import annotations

import copy
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, cast

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn
from torch.nn.utils.fusion import fuse_conv_bn_eval

from cnnviz.core.data.batches import BatchPass, Normalizer
from cnnviz.core.data.datasets import load_dataset
from cnnviz.core.data.types import DatasetSpec, ImageSplit, LoadedDataset
from cnnviz.core.errors import CnnvizError, error_message
from cnnviz.core.models.model_code import TrustPolicy
from cnnviz.core.training.checkpoint import (
    Checkpoint,
    CheckpointMeta,
    load_checkpoint,
    model_from_checkpoint,
)
from cnnviz.core.training.devices import resolve_device
from cnnviz.core.translatable import QT_TRANSLATE_NOOP


@dataclass
class EvaluationResult:
    loss: float
    accuracy: float  # 0..1
    per_class_accuracy: np.ndarray  # float32 [classes]; NaN for a class absent from the split
    confusion: np.ndarray  # int64 [true, predicted]
    predictions: np.ndarray  # int64 [N]
    confidences: np.ndarray  # float32 [N], probability of the predicted class


def folded_for_inference(model: nn.Module) -> nn.Module:
    """A copy of an eval-mode model with each BatchNorm2d folded into the Conv2d just before it
    in a Sequential (where the order of the children is the order they run in), or the model
    itself when it has no such pair. The folded copy computes the same function with one
    layer less per pair (simple-cnn's test pass: 0.86 s instead of 1.01 s on 2 cores,
    benchmarks/test_pass_speed.py).

    Not torch.fx's fuse, which found the pairs in any module by tracing: while fx traces, it
    patches nn.Module.__call__ for every thread, so a test pass folding in one thread broke
    the forward passes that the window or a trainer ran in another at that moment. A pair
    inside a custom forward (a ResNet block's conv1 and bn1) stays unfolded."""
    pairs = [(parent, first, second) for parent in model.modules()
             if isinstance(parent, nn.Sequential)
             for first, second in itertools.pairwise(parent._modules)
             if _foldable(parent._modules[first], parent._modules[second])]  # fmt: skip
    if not pairs:
        return model
    folded = copy.deepcopy(model)
    copies = dict(zip(model.modules(), folded.modules(), strict=True))
    for parent, first, second in pairs:
        twin = copies[parent]
        # the deep copies of a pair that _foldable accepted: a Conv2d and a BatchNorm2d
        conv = cast(nn.Conv2d, twin._modules[first])
        twin._modules[first] = fuse_conv_bn_eval(conv, cast(nn.BatchNorm2d, twin._modules[second]))
        twin._modules[second] = nn.Identity()
    return folded


def _foldable(conv: nn.Module | None, norm: nn.Module | None) -> bool:
    return (isinstance(conv, nn.Conv2d) and isinstance(norm, nn.BatchNorm2d)
            and norm.running_mean is not None and not conv.training
            and not norm.training)  # fmt: skip


def evaluate(
    model: nn.Module,
    split: ImageSplit,
    normalizer: Normalizer,
    num_classes: int,
    batch_size: int = 1000,
    should_stop: Callable[[], bool] | None = None,
    on_progress: Callable[[float], None] | None = None,
) -> EvaluationResult | None:
    """Evaluate in eval mode without gradients; None when ``should_stop`` says so mid-pass."""
    device = next(model.parameters()).device
    was_training = model.training
    model.eval()
    total_loss = torch.zeros((), device=device)
    predictions, confidences = [], []
    try:
        runner = folded_for_inference(model)
        batches = BatchPass(len(split), batch_size, should_stop, on_progress)
        with torch.inference_mode():
            for start in batches:
                images = split.images[start : start + batch_size].to(device, non_blocking=True)
                labels = split.labels[start : start + batch_size].to(device, non_blocking=True)
                logits = runner(normalizer(images)).float()
                total_loss += F.cross_entropy(logits, labels, reduction="sum")
                probs = logits.softmax(dim=1)
                confidence, predicted = probs.max(dim=1)
                predictions.append(predicted)
                confidences.append(confidence)
    finally:
        model.train(was_training)
    if batches.stopped:
        return None
    empty = torch.zeros(0)
    predicted_all = torch.cat(predictions).cpu() if predictions else empty.long()
    confusion = torch.bincount(
        split.labels.cpu() * num_classes + predicted_all, minlength=num_classes * num_classes
    ).view(num_classes, num_classes)
    confidence_all = torch.cat(confidences).cpu() if confidences else empty
    return result_from_counts(confusion.numpy().astype(np.int64), float(total_loss),
                              predicted_all.numpy().astype(np.int64),
                              confidence_all.numpy().astype(np.float32))


def result_from_counts(confusion: np.ndarray, loss_sum: float, predictions: np.ndarray,
                       confidences: np.ndarray) -> EvaluationResult:  # fmt: skip
    """Loss, accuracy and accuracy per class from a confusion matrix and the summed loss: the
    one place they are computed, for one pass or for the shards of several processes."""
    n = max(1, int(confusion.sum()))
    with np.errstate(invalid="ignore", divide="ignore"):
        per_class = (np.diag(confusion) / confusion.sum(axis=1)).astype(np.float32)
    return EvaluationResult(
        loss=loss_sum / n,
        accuracy=float(np.diag(confusion).sum()) / n,
        per_class_accuracy=per_class,
        confusion=confusion,
        predictions=predictions,
        confidences=confidences,
    )


def evaluate_checkpoint(
    path: Path,
    data_dir: Path | None = None,
    *,
    download: bool = True,
    device: str = "auto",
    should_stop: Callable[[], bool] | None = None,
    on_progress: Callable[[float], None] | None = None,
    trust_model_code: TrustPolicy = False,
) -> tuple[Checkpoint, LoadedDataset, EvaluationResult | None]:
    """Load a checkpoint and the data set it was trained on, and evaluate it on the test
    split; the result is None when ``should_stop`` interrupted the pass."""
    checkpoint = load_checkpoint(path)
    model = model_from_checkpoint(checkpoint, str(path), trust_model_code)
    data = load_test_split(checkpoint.meta, data_dir, download=download)
    result = evaluate_model(model, checkpoint.meta, data, resolve_device(device),
                            should_stop=should_stop, on_progress=on_progress)  # fmt: skip
    return checkpoint, data, result


class TrainedOn(Protocol):
    """What a model says of the data it takes: a checkpoint's meta, a run's StartedEvent."""

    @property
    def dataset(self) -> str: ...

    @property
    def class_names(self) -> Sequence[str]: ...

    @property
    def input_shape(self) -> Sequence[int]: ...


def load_test_split(meta: TrainedOn, data_dir: Path | None = None, *,
                    download: bool = False) -> LoadedDataset:  # fmt: skip
    """The test split of the data set a model was trained on, at its input size, refused
    when its classes are not the model's."""
    _, height, width = meta.input_shape
    data = load_dataset(meta.dataset, data_dir, download=download, splits=("test",),
                        image_size=(height, width) if DatasetSpec.parse(meta.dataset).is_folder
                        else None)
    if list(data.info.class_names) != list(meta.class_names):
        raise CnnvizError(error_message(QT_TRANSLATE_NOOP(
            "Error", "the model's classes ({classes}) do not match data set {name} ({count})"),
            classes=len(meta.class_names), name=data.info.name, count=data.info.num_classes))
    return data


def evaluate_model(model: nn.Module, meta: CheckpointMeta, data: LoadedDataset,
                   device: torch.device, **options: Any) -> EvaluationResult | None:  # fmt: skip
    """Evaluate a trained model (with its checkpoint's normalisation) on a test split."""
    model = model.to(device)
    normalizer = Normalizer(meta.mean, meta.std, device)
    return evaluate(model, data.test, normalizer, data.info.num_classes, **options)
