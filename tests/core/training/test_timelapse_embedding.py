"""The timelapse's test-set projections: recorded at each evaluation of a real (tiny) run
without changing it, exactly what the Projector's PCA sees, held to the snapshot schedule,
read back as untrusted files, and animated by ``cnnviz timelapse --what embedding``."""

import os

import numpy as np
import pytest
import torch
from PIL import Image

from cnnviz.cli import main
from cnnviz.core.analysis.embedding import penultimate_features, principal_components
from cnnviz.core.analysis.timelapse_projection import aligned_planes
from cnnviz.core.analysis.timelapse_video import Timelapse, render
from cnnviz.core.data.batches import Normalizer
from cnnviz.core.data.datasets import load_dataset
from cnnviz.core.data.types import ImageSplit
from cnnviz.core.errors import CnnvizError
from cnnviz.core.training import histograms
from cnnviz.core.training.config import TrainConfig
from cnnviz.core.training.events import EpochEvent, EvaluationEvent
from cnnviz.core.training.run_folder import RunFolder
from cnnviz.core.training.timelapse import FOLDER
from cnnviz.core.training.timelapse_embedding import (
    DIMENSIONS,
    EmbeddingEvent,
    EmbeddingRecorder,
    read_embedding_timelapse,
)
from cnnviz.core.training.trainer import Trainer


@pytest.fixture
def mnist(mnist_dir):
    return load_dataset("mnist", mnist_dir, download=False)


def config(**changes):
    return TrainConfig(epochs=1, batch_size=20, seed=4, threads=1, eval_every=5, **changes)


def test_a_run_records_the_projection_at_each_evaluation_and_changes_nothing(
        mnist, tmp_path, monkeypatch):  # fmt: skip
    monkeypatch.setattr(histograms, "COST_SHARE", 1.0)  # every frame due, for sure
    events = []
    recorded = Trainer(config(out_dir=tmp_path / "run"), mnist)
    recorded.run(events.append)
    monkeypatch.setattr(EmbeddingRecorder, "snapshot", lambda self, step: None)
    plain = Trainer(config(), mnist)
    plain.run(lambda e: None)
    for key, value in plain.model.state_dict().items():  # BatchNorm's statistics too
        assert torch.equal(value, recorded.model.state_dict()[key]), key
    frames = read_embedding_timelapse(tmp_path / "run")
    evaluated = sorted({e.step for e in events if isinstance(e, EvaluationEvent | EpochEvent)})
    assert [f.step for f in frames] == [0, *evaluated] == [0, 5, 10, 15]
    last = frames[-1]
    assert last.layer == "fc" and last.epoch == pytest.approx(1.0)
    assert last.features.dtype == np.float16 and last.features.shape == (80, DIMENSIONS)
    assert np.array_equal(last.labels, mnist.test.labels.numpy())
    # the frame is the Projector's view of the trained model: the same predictions, and the
    # same PCA plane (up to the axes' signs)
    model = recorded.model.eval()
    normalizer = Normalizer(mnist.info.mean, mnist.info.std, torch.device("cpu"))
    features = penultimate_features(model, mnist.test.images, normalizer)
    assert np.array_equal(last.predictions, features.predictions)
    ours = principal_components(last.features.astype(np.float32), 2)
    projector = principal_components(features.values, 2)
    for axis in range(2):
        assert abs(np.corrcoef(ours[:, axis], projector[:, axis])[0, 1]) > 0.999


def test_the_frames_keep_to_the_snapshot_schedule(monkeypatch):
    monkeypatch.setattr(histograms, "COST_SHARE", 1e9)  # time never holds one back
    model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(16, 3))
    test = ImageSplit(torch.zeros(7, 1, 4, 4, dtype=torch.uint8), torch.arange(7) % 3)
    frames = []
    recorder = EmbeddingRecorder(model, test, lambda x: x.float(), 10, 1000, 0, frames.append)
    for step in range(1001):  # an evaluation after every step
        recorder.evaluated(step)
    assert len(frames) == 1 + histograms.SNAPSHOTS  # and the state before the first step
    assert frames[0].step == 0 and frames[1].step == 1 and frames[-1].step == 991
    silent = EmbeddingRecorder(model, test, lambda x: x.float(), 10, 1000, 0, None)
    silent.evaluated(0)  # a process that does not report records nothing
    assert frames[-1].step == 991 and frames[0].features.shape == (7, 7)


def write_projections(run, scales):
    """A run folder with projection frames of three clusters that spread by ``scales``."""
    rng = np.random.default_rng(0)
    centres = rng.normal(0, 5, (3, 4))
    labels = np.repeat(np.arange(3), 10)
    points = centres[labels] + rng.normal(0, 0.3, (30, 4))
    folder = RunFolder(run)
    folder.open({"epochs": 1})
    for i, scale in enumerate(scales):
        folder.log(EmbeddingEvent(5 * i, i / 2, "fc", (points * scale).astype(np.float16),
                                  labels, labels))  # fmt: skip
    folder.close()
    return run


def test_the_planes_turn_to_follow_each_other(tmp_path):
    last = read_embedding_timelapse(write_projections(tmp_path / "run", [1]))[0]
    rng = np.random.default_rng(3)
    # the same points, their features turned: each frame's PCA plane is the last's, give or
    # take its axes' signs, which the alignment settles
    turned = [EmbeddingEvent(k, k, "fc", (last.features.astype(np.float32)
                                          @ np.linalg.qr(rng.normal(size=(4, 4)))[0]
                                          ).astype(np.float16), last.labels, last.labels)
              for k in range(4)]  # fmt: skip
    raw = [principal_components(f.features.astype(np.float32), 2) for f in turned]
    assert max(np.abs(plane - raw[-1]).max() for plane in raw) > 1  # signs that differ
    planes = aligned_planes(turned)
    assert np.array_equal(planes[-1], raw[-1])  # the last is the Projector's own view
    for plane in planes:
        assert np.abs(plane - planes[-1]).max() < 0.05


def test_the_command_animates_the_projection(tmp_path, capsys):
    run = write_projections(tmp_path / "run", [0.2, 0.6, 1.0])
    code = main(["timelapse", str(run), "--what", "embedding", "--out",
                 str(tmp_path / "e.gif"), "--fps", "4"])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0 and "fc: 3 frames (steps 0 to 10)" in out, err
    with Image.open(tmp_path / "e.gif") as gif:
        assert gif.n_frames == 3 and gif.info["duration"] == 250
    code = main(["timelapse", str(run), "--what", "embedding", "--layer", "conv", "--out",
                 str(tmp_path / "x.gif")])  # fmt: skip
    assert code == 1 and "projects the input of fc" in capsys.readouterr().err
    for name in os.listdir(run / FOLDER):  # a run of an older cnnviz: no projections
        (run / FOLDER / name).unlink()
    code = main(["timelapse", str(run), "--what", "embedding", "--out", str(tmp_path / "x.gif")])
    assert code == 1 and "no timelapse of test-set projections" in capsys.readouterr().err
    assert not (tmp_path / "x.gif").exists()


def test_a_fixed_window_shows_the_classes_spreading(tmp_path):
    timelapse = Timelapse.read(write_projections(tmp_path / "run", [0.2, 1.0]), "embedding")
    fixed = render(timelapse, "embedding", "fc", "fixed")
    stretched = render(timelapse, "embedding", "fc", "frame")

    def inked(picture):  # the plot's pixels that are neither white nor its grey frame
        plot = picture[60:300, 10:250]
        return int((plot.astype(int).sum(axis=2) < 600).sum())

    # the same points, scaled: fitted to its own window the first frame looks like the
    # last; in the window of all frames it is smaller (its points overlap more)
    assert inked(stretched[0]) == pytest.approx(inked(stretched[1]), rel=0.2)
    assert np.array_equal(fixed[1], stretched[1])
    assert inked(fixed[0]) < inked(stretched[0]) / 2


def test_captions_count_the_evaluation_of_the_frames_own_step(tmp_path):
    run = write_projections(tmp_path / "run", [1, 1])
    (run / "metrics.jsonl").write_text('{"type": "started", "total_steps": 10}\n'
                                       '{"type": "evaluation", "step": 5, "test_acc": 0.5}\n')
    timelapse = Timelapse.read(run, "embedding")
    assert timelapse.caption(0) == "step 0 of 10, epoch 0.00\ntest accuracy not measured yet"
    assert timelapse.caption(1) == "step 5 of 10, epoch 0.50\ntest accuracy 50.0%"


@pytest.mark.parametrize(("damage", "reason"), [
    ("pickle", "object array"), ("features", "features is missing or not f2"),
    ("label", "no class index"), ("shape", "wrong shape"), ("layer", "layer is missing"),
    ("newer", "newer cnnviz"), ("link", "is a symbolic link")])
def test_a_bad_projection_file_is_refused_in_one_line(tmp_path, damage, reason):
    run = write_projections(tmp_path / "run", [1.0])
    path = run / FOLDER / "embedding-00000000.npz"
    arrays = dict(np.load(path))
    if damage == "pickle":
        arrays["labels"] = np.array([object()], dtype=object)
    elif damage == "features":
        arrays["features"] = arrays["features"].astype(np.float64)
    elif damage == "label":
        arrays["predictions"] = arrays["predictions"] - 5
    elif damage == "shape":
        arrays["labels"] = arrays["labels"][:-1]
    elif damage == "layer":
        arrays["layer"] = np.array([1.0])
    elif damage == "newer":
        arrays["version"] = np.int64(99)
    if damage == "link":
        elsewhere = tmp_path / "elsewhere.npz"
        path.rename(elsewhere)
        os.symlink(elsewhere, path)
    else:
        np.savez(path.with_suffix(""), **arrays)  # np.savez adds the .npz
    with pytest.raises(CnnvizError, match="is not a timelapse frame") as caught:
        read_embedding_timelapse(run)
    assert reason in str(caught.value) and len(str(caught.value).splitlines()) == 1
