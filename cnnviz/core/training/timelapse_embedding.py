"""The training timelapse's test-set projections: at each evaluation of a run (the test pass
at an epoch's end, and every ``--eval-every`` steps), what the Projector projects of the test
split's first POINTS images: the classifier's input (core/models/embedding_layer.py, the one
definition of "the embedding"), with their true and predicted classes. The plane itself (PCA,
its axes kept from frame to frame) is made when the timelapse is exported
(core/analysis/timelapse_projection.py), so that the run pays only for one forward pass of a
few hundred images an evaluation.

A run also records its state before its first step (step 0, or the step a resumed run starts
at), so that even a one-epoch run shows the classes coming apart. The frames keep to the
timelapse's rules: at most histograms.SNAPSHOTS a run, spread over its steps, their time held
to the same share of the training time (their own histograms.SnapshotSchedule); each is taken
in eval mode without gradients and draws no random numbers, so a seeded run computes the
same weights with or without them. Only the process that reports (rank 0) records them.

On disk, each frame is ``RUN/timelapse/embedding-NNNNNNNN.npz``, beside the kernels' and maps'
``step-NNNNNNNN.npz`` (NumPy's zip of .npy arrays, no pickles):

- ``version`` int64 (timelapse.VERSION), ``step`` int64 (the steps taken when the test pass
  ran: the weights after that step's update) and ``epoch`` float64;
- ``layer`` str: the layer whose input the features are;
- ``features`` float16 [N, K]: the features of test images 0 to N-1 (N is POINTS, or the
  split's size if smaller) on their first K principal axes, centred (K is DIMENSIONS, or N
  if fewer; values past float16's range are clipped to it). That is the whole of what the
  Projector's PCA (the first two) and t-SNE (run on the first 50) see of the features, in
  50 KB a frame where simple-cnn's 1,568 features of 500 images would take 1.5 MB;
- ``labels`` and ``predictions`` int64 [N]: their true classes and the model's.

Reading treats the files as untrusted, as timelapse.py does; a cnnviz older than these files
passes them over (it reads ``step-*.npz`` only).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

from cnnviz.core.data.types import ImageSplit
from cnnviz.core.errors import CnnvizError
from cnnviz.core.models.embedding_layer import capture_embedding, classifier_layer
from cnnviz.core.training.histograms import SnapshotSchedule
from cnnviz.core.training.timelapse import VERSION, read_frame_arrays, read_frames

POINTS = 500
#: principal components kept: the Projector's t-SNE starts from 50 (TSNE_DIMENSIONS)
DIMENSIONS = 50
#: class indices a reader accepts (a label past it is no class of any data set cnnviz reads)
MAX_CLASSES = 100_000
_FLOAT16_MAX = float(np.finfo(np.float16).max)
_FILE_NAME = re.compile(r"embedding-(\d{8})\.npz")
_DTYPES = {"features": "f2", "labels": "i8", "predictions": "i8"}


@dataclass
class EmbeddingEvent:
    """One projection frame of the timelapse (see the module's docstring for the arrays)."""

    step: int
    epoch: float
    layer: str
    features: np.ndarray  # float16 [N, D]
    labels: np.ndarray  # int64 [N]
    predictions: np.ndarray  # int64 [N]

    @property
    def file_name(self) -> str:
        return f"embedding-{self.step:08d}.npz"

    def arrays(self) -> dict[str, np.ndarray]:
        """The frame as the arrays of its .npz file."""
        return {"version": np.int64(VERSION), "step": np.int64(self.step),
                "epoch": np.float64(self.epoch), "layer": np.str_(self.layer),
                "features": self.features, "labels": self.labels,
                "predictions": self.predictions}  # fmt: skip


class EmbeddingRecorder:
    """Records a projection frame when the run evaluated and the schedule has one due; does
    nothing where ``emit`` is None (a process that does not report), for an empty test split
    or a model without a layer to take features before."""

    def __init__(self, model: nn.Module, test: ImageSplit, normalise: Any,
                 steps_per_epoch: int, total_steps: int, start_step: int,
                 emit: Callable[[EmbeddingEvent], None] | None) -> None:  # fmt: skip
        """``normalise`` makes a batch of the test split's uint8 images the model's input."""
        self.model = model
        self.normalise = normalise
        self.emit = emit
        device = next(model.parameters(), torch.empty(0)).device
        self.images = test.images[:POINTS].to(device)
        self.labels = test.labels[:POINTS].cpu().numpy().astype(np.int64)
        self.steps_per_epoch = max(1, steps_per_epoch)
        self.start_step = start_step
        self.schedule = SnapshotSchedule(total_steps, start_step=start_step)
        self.layer: str | None = None  # found by the first frame's pass

    def evaluated(self, step: int) -> None:
        """The run evaluated after ``step`` steps (or is about to begin, at its start step):
        emit its frame if one is due."""
        if self.emit is None or not len(self.labels):
            return
        if step != self.start_step and not self.schedule.due(step):
            return
        for frame in self.schedule.take(step, [self]):
            self.emit(frame)

    def snapshot(self, step: int) -> EmbeddingEvent | None:
        was_training = self.model.training
        try:
            self.model.eval()
            inputs = self.normalise(self.images)
            if self.layer is None:
                self.layer = classifier_layer(self.model, inputs[:1])
            with capture_embedding(self.model, self.layer) as captured, torch.no_grad():
                logits = self.model(inputs)
        except CnnvizError:  # no layer with weights: nothing to project, ever
            self.emit = None
            return None
        finally:
            self.model.train(was_training)
        features = captured[0]
        # the features on their first DIMENSIONS principal axes, exactly and with no random
        # numbers: the eigenvectors of the points' Gram matrix, scaled (20 ms for 500 x 1568
        # on one core, where an SVD of the features took 150 ms)
        centred = features - features.mean(dim=0)
        variances, vectors = torch.linalg.eigh(centred @ centred.T)  # ascending
        top = variances.flip(0)[:DIMENSIONS].clamp(min=0)
        scores = (vectors.flip(1)[:, :DIMENSIONS] * top.sqrt()).cpu().numpy()
        values = np.nan_to_num(scores, nan=0.0, posinf=_FLOAT16_MAX, neginf=-_FLOAT16_MAX)
        return EmbeddingEvent(
            step=step, epoch=step / self.steps_per_epoch, layer=self.layer,
            features=np.clip(values, -_FLOAT16_MAX, _FLOAT16_MAX).astype(np.float16),
            labels=self.labels,
            predictions=logits.argmax(dim=1).cpu().numpy().astype(np.int64),
        )  # fmt: skip


# -- reading ------------------------------------------------------------------------------------
def _read_frame(path: Path) -> EmbeddingEvent:
    """A projection frame file, checked; ValueError (or OSError, CnnvizError) when bad."""
    arrays = read_frame_arrays(path, _DTYPES, 8)
    layer, features = arrays.get("layer"), arrays["features"]
    labels, predictions = arrays["labels"], arrays["predictions"]
    if layer is None or layer.dtype.kind != "U" or layer.ndim:
        raise ValueError("layer is missing or not one text")
    if features.ndim != 2 or labels.shape != (len(features),) \
            or predictions.shape != labels.shape:  # fmt: skip
        raise ValueError("features, labels or predictions has the wrong shape")
    classes = np.concatenate([labels, predictions])
    if len(classes) and not 0 <= classes.min() <= classes.max() < MAX_CLASSES:
        raise ValueError("a label or prediction is no class index")
    return EmbeddingEvent(step=int(arrays["step"]), epoch=float(arrays["epoch"]),
                          layer=str(layer), features=features, labels=labels,
                          predictions=predictions)  # fmt: skip


def read_embedding_timelapse(run_dir: Path) -> list[EmbeddingEvent]:
    """A run folder's projection frames in step order (those of the same images and layer
    as the last). CnnvizError when the run recorded none or a file is bad."""
    frames = read_frames(run_dir, _FILE_NAME, _read_frame,
                         "test-set projections (a run records one at each evaluation)")
    last = frames[-1]
    return [f for f in frames if f.layer == last.layer
            and f.features.shape == last.features.shape
            and np.array_equal(f.labels, last.labels)]  # fmt: skip
