import csv
import json

import numpy as np
import pytest
import torch
from torch import nn

from cnnviz.cli import main
from cnnviz.core.analysis.embedding import (
    TSNE_REPORT_EVERY,
    knn_accuracy,
    penultimate_features,
    principal_components,
    project,
    tsne,
)
from cnnviz.core.data.batches import Normalizer
from cnnviz.core.errors import CnnvizError
from cnnviz.core.models.embedding_layer import classifier_layer
from cnnviz.core.models.registry import build_model
from cnnviz.core.models.shape import InputShape


def blobs(per_blob=20, seed=0):
    """Three well separated clusters in 10 dimensions, labelled 0, 1, 2."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(0, 20, (3, 10))
    points = np.concatenate([c + rng.normal(0, 1, (per_blob, 10)) for c in centres])
    return points.astype(np.float32), np.repeat(np.arange(3), per_blob)


@pytest.mark.parametrize(("name", "layer"), [("simple-cnn", "fc"), ("resnet", "fc"),
                                             ("lenet5", "classifier.4")])  # fmt: skip
def test_the_features_are_the_input_of_the_last_linear_layer(name, layer):
    model = build_model(name, InputShape(1, 16, 16, 10)).eval()
    images = torch.randint(0, 256, (7, 1, 16, 16), dtype=torch.uint8)
    normalizer = Normalizer([0.5], [0.25], torch.device("cpu"))
    features = penultimate_features(model, images, normalizer, batch_size=3)
    assert features.layer == layer
    head = model.get_submodule(layer)
    assert features.values.shape == (7, head.in_features)
    with torch.no_grad():
        logits = head(torch.from_numpy(features.values))
        assert np.array_equal(features.predictions, model(normalizer(images)).argmax(1).numpy())
    assert np.array_equal(logits.argmax(1).numpy(), features.predictions)


def test_a_model_without_a_linear_layer_uses_its_last_layer_with_weights():
    model = nn.Sequential(nn.Conv2d(1, 3, 3), nn.ReLU(), nn.Conv2d(3, 4, 1),
                          nn.AdaptiveAvgPool2d(1), nn.Flatten())  # fmt: skip
    assert classifier_layer(model, torch.zeros(1, 1, 8, 8)) == "2"


def test_pca_is_the_exact_one_up_to_sign():
    points, _ = blobs()
    projected = principal_components(points, 2)
    centred = points - points.mean(axis=0)
    _, _, axes = np.linalg.svd(centred, full_matrices=False)
    exact = centred @ axes[:2].T
    for k in range(2):
        assert abs(np.corrcoef(exact[:, k], projected[:, k])[0, 1]) > 0.9999
    assert np.array_equal(projected, principal_components(points, 2))  # seeded


def test_tsne_keeps_clusters_apart_reports_progress_and_stops():
    points, labels = blobs()
    seen = []
    placed = tsne(points, on_progress=seen.append)
    assert placed.shape == (60, 2) and knn_accuracy(placed, labels) == 1.0
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)
    assert tsne(points, should_stop=lambda: True) is None


def test_tsne_says_each_phase_as_it_begins_and_reports_progress_often(monkeypatch):
    """The bar must move within a second (issue 24): the neighbours' phase, which reports no
    progress, is named before it starts, and the layout reports every few iterations."""
    from openTSNE import TSNE

    events = []
    prepare = TSNE.prepare_initial

    def affinities(self, *args, **kwargs):
        events.append("affinities computed")
        return prepare(self, *args, **kwargs)

    monkeypatch.setattr(TSNE, "prepare_initial", affinities)
    points, _ = blobs()
    tsne(points, on_progress=events.append, on_phase=events.append)
    assert events[:4] == [0.0, "neighbours", "affinities computed", "layout"]
    shares = [event for event in events[4:] if isinstance(event, float)]
    iterations = TSNE().early_exaggeration_iter + TSNE().n_iter
    assert len(shares) == iterations // TSNE_REPORT_EVERY and shares[-1] == 1.0
    assert TSNE_REPORT_EVERY <= 10


def test_the_nearest_neighbour_vote():
    points = np.array([[0, 0], [0, 1], [1, 0], [10, 10], [10, 11], [11, 10], [0.5, 0.5]])
    labels = np.array([0, 0, 0, 1, 1, 1, 1])  # the last point sits among the zeros
    assert knn_accuracy(points, labels, k=3) == pytest.approx(6 / 7)
    with pytest.raises(CnnvizError, match="unknown projection"):
        project(points, "umap")


def test_the_embed_command(mnist_dir, tmp_path, capsys):
    out = tmp_path / "points.csv"
    code = main(["embed", "--method", "pca", "--out", str(out), "--json",
                 "--data-dir", str(mnist_dir), "--offline"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0 and report["points"] == 80 and report["layer"] == "fc"
    assert 0.5 < report["knn_accuracy"] <= 1.0
    with out.open() as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 80 and set(rows[0]) == {"index", "x", "y", "label", "predicted"}
