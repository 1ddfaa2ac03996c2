"""The test set as the network's last layer sees it, projected to a plane, as TensorBoard's
embedding projector shows it.

The features are what goes into the classifier: the input of the last Linear layer called
(for a model without one, of the last layer with weights), flattened, as
core/models/embedding_layer.py defines it for the training timelapse too. PCA is
``torch.pca_lowrank`` (a randomised SVD: well under a second for 10,000 points), seeded so
that a projection comes out the same every time. t-SNE is openTSNE's, on the first 50
principal components as is usual; it reports progress and can stop between iterations (its
callbacks), which scikit-learn's cannot, and it was the faster of the two on 10,000 MNIST
points (52 s against 60 s on 2 busy cores). Barnes-Hut is used up to 10,000 points (40 s
there against 52 s for the FFT method), the FFT method above.

A t-SNE of 10,000 points takes a minute or more, so it says what it is doing as it goes: the
phase it enters (``on_phase``: finding each point's neighbours, a few seconds with no progress
to report, then placing the points) and its share done every TSNE_REPORT_EVERY iterations
(about a second apart at 10,000 points on 2 busy cores; openTSNE's default, 50, left the bar
still for 5 s and more).

How well the plane keeps the classes apart is one number: the accuracy of a 5-nearest-
neighbour vote of the other points' true labels in the plane (each point left out of its
own vote; a tie goes to the lowest class).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from cnnviz.core.data.batches import BatchPass, Normalizer
from cnnviz.core.errors import CnnvizError
from cnnviz.core.models.embedding_layer import capture_embedding, classifier_layer

METHODS = ("pca", "tsne")
#: t-SNE runs on this many principal components of the features
TSNE_DIMENSIONS = 50
TSNE_PERPLEXITY = 30.0
#: Barnes-Hut up to this many points, the FFT method above
BARNES_HUT_LIMIT = 10_000
#: up to this many points, t-SNE runs on one thread: openTSNE's threads cost more than they
#: save there (60 points: 3.9 s with 2 threads, 0.16 s with one, on the shared test machine)
ONE_THREAD_POINTS = 2_000
NEIGHBOURS = 5
FEATURE_BATCH = 1000
#: t-SNE reports its progress (and may be stopped) every this many iterations
TSNE_REPORT_EVERY = 10
#: the phases ``tsne`` reports, in order: its affinities (each point's nearest neighbours, no
#: progress within), then the layout's iterations (progress)
TSNE_PHASES = ("neighbours", "layout")


@dataclass
class Features:
    layer: str  # the layer whose input these are
    values: np.ndarray  # float32 [N, D]
    predictions: np.ndarray  # int64 [N], the model's predicted classes


def penultimate_features(
    model: nn.Module,
    images: torch.Tensor,
    normalizer: Normalizer,
    batch_size: int = FEATURE_BATCH,
    should_stop: Callable[[], bool] | None = None,
    on_progress: Callable[[float], None] | None = None,
) -> Features | None:
    """The classifier's input for uint8 images [N, C, H, W], and the predictions; None when
    ``should_stop`` said so between two batches."""
    if len(images) == 0:
        raise CnnvizError("there are no test images to project")
    model.eval()
    layer = classifier_layer(model, normalizer(images[:1]))
    batches, predictions = [], []
    walk = BatchPass(len(images), batch_size, should_stop, on_progress)
    with capture_embedding(model, layer) as captured, torch.inference_mode():
        for start in walk:
            captured.clear()
            logits = model(normalizer(images[start : start + batch_size]))
            batches.append(captured[0])  # the layer's first call, if it has several
            predictions.append(logits.argmax(dim=1))
    if walk.stopped:
        return None
    values = torch.cat(batches).numpy()
    return Features(layer, values, torch.cat(predictions).numpy().astype(np.int64))


def principal_components(values: np.ndarray, dimensions: int, seed: int = 0) -> np.ndarray:
    """The centred points on their first ``dimensions`` principal axes, float32 [N, dims],
    by torch.pca_lowrank with a fixed seed (its random projection is then the same)."""
    points = torch.as_tensor(np.asarray(values, dtype=np.float32))
    dimensions = max(1, min(dimensions, points.shape[1], points.shape[0]))
    # on the shipped model's 10,000 MNIST features, against scikit-learn's exact PCA: 2 more
    # directions than kept and 2 power iterations gave a second axis only 0.83 correlated;
    # 8 more and 2 iterations 0.9999 in 1.0 s; 14 more and 1 iteration 0.9999 in 0.25 s
    q = min(dimensions + 14, points.shape[1], points.shape[0])
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        _, _, axes = torch.pca_lowrank(points, q=q, center=True, niter=1)
    projected = (points - points.mean(dim=0)) @ axes[:, :dimensions]
    if projected.shape[1] < dimensions:  # fewer dimensions than asked: pad with zeros
        projected = torch.nn.functional.pad(projected, (0, dimensions - projected.shape[1]))
    return projected.numpy().astype(np.float32)


def tsne(values: np.ndarray, seed: int = 0, should_stop: Callable[[], bool] | None = None,
         on_progress: Callable[[float], None] | None = None,
         on_phase: Callable[[str], None] | None = None) -> np.ndarray | None:  # fmt: skip
    """A 2-D t-SNE of the points, float32 [N, 2]; None when ``should_stop`` said so.
    ``on_phase`` is told each of TSNE_PHASES as it begins."""
    from openTSNE import TSNE

    n = len(values)
    if n < 4:
        raise CnnvizError(f"t-SNE needs at least 4 points (got {n})")
    reduced = principal_components(values, TSNE_DIMENSIONS, seed).astype(np.float64)
    if on_progress is not None:
        on_progress(0.0)
    report_phase = on_phase or (lambda phase: None)
    report_phase("neighbours")  # no progress to report until the layout begins
    jobs = 1 if n <= ONE_THREAD_POINTS else max(1, torch.get_num_threads())
    tsne_ = TSNE(n_components=2, perplexity=min(TSNE_PERPLEXITY, (n - 1) / 3), n_jobs=jobs,
                 random_state=seed, callbacks_every_iters=TSNE_REPORT_EVERY,
                 negative_gradient_method="bh" if n <= BARNES_HUT_LIMIT else "fft")  # fmt: skip
    total = tsne_.early_exaggeration_iter + tsne_.n_iter
    done, stopped = [0], [False]

    def callback(iteration: int, error: float, embedding: np.ndarray) -> bool:
        done[0] += tsne_.callbacks_every_iters
        if on_progress is not None:
            on_progress(min(1.0, done[0] / total))
        stopped[0] = should_stop is not None and should_stop()
        return stopped[0]  # True interrupts openTSNE, which returns what it has

    tsne_.callbacks = callback
    # fit() in its two parts, so that the layout's phase is told when it begins: the
    # affinities and starting layout (what fit prepares first), then fit from exactly those
    start = tsne_.prepare_initial(reduced)
    if should_stop is not None and should_stop():
        return None
    report_phase("layout")
    embedding = tsne_.fit(affinities=start.affinities, initialization=np.asarray(start))
    return None if stopped[0] else np.asarray(embedding, dtype=np.float32)


def project(values: np.ndarray, method: str, seed: int = 0,
            should_stop: Callable[[], bool] | None = None,
            on_progress: Callable[[float], None] | None = None,
            on_phase: Callable[[str], None] | None = None) -> np.ndarray | None:  # fmt: skip
    """Points [N, 2] by ``method`` ("pca" or "tsne"); None when stopped. t-SNE tells
    ``on_phase`` its phases (TSNE_PHASES); PCA, well under a second, has none."""
    if method == "pca":
        return principal_components(values, 2, seed)
    if method == "tsne":
        return tsne(values, seed, should_stop, on_progress, on_phase)
    raise CnnvizError(f"unknown projection {method!r}: choose {' or '.join(METHODS)}")


def knn_accuracy(points: np.ndarray, labels: np.ndarray, k: int = NEIGHBOURS) -> float:
    """How often the k nearest other points' majority label is a point's own, 0..1."""
    from sklearn.neighbors import NearestNeighbors

    labels = np.asarray(labels, dtype=np.int64)
    n = len(points)
    if n < 2:
        return float("nan")
    k = min(k, n - 1)
    _, neighbours = NearestNeighbors(n_neighbors=k + 1).fit(points).kneighbors(points)
    # each point's own row first, unless a duplicate took its place: drop itself, keep k
    is_self = neighbours == np.arange(n)[:, None]
    is_self[~is_self.any(axis=1), -1] = True
    others = neighbours[~is_self].reshape(n, k)
    votes = np.zeros((n, int(labels.max()) + 1), dtype=np.int64)
    np.add.at(votes, (np.repeat(np.arange(n), k), labels[others].ravel()), 1)
    return float(np.mean(votes.argmax(axis=1) == labels))
