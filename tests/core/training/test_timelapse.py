"""The training timelapse: recorded on the histograms' schedule without changing the run, read
back as untrusted files, and animated as GIF or MP4 by ``cnnviz timelapse``."""

import io
import json
import os
import sys
import zipfile

import numpy as np
import pytest
import torch
from PIL import Image

from cnnviz.cli import main
from cnnviz.core.analysis.timelapse_video import CAPTION_HEIGHT, Timelapse, render
from cnnviz.core.data.datasets import load_dataset
from cnnviz.core.errors import CnnvizError
from cnnviz.core.training import histograms
from cnnviz.core.training.config import TrainConfig
from cnnviz.core.training.events import HistogramEvent
from cnnviz.core.training.run_folder import METRICS, RunFolder
from cnnviz.core.training.timelapse import (
    FOLDER,
    TimelapseEvent,
    TimelapseRecorder,
    frame_name,
    read_timelapse,
)
from cnnviz.core.training.trainer import Trainer


@pytest.fixture
def mnist(mnist_dir):
    return load_dataset("mnist", mnist_dir, download=False)


def test_a_run_records_its_timelapse_on_the_histograms_schedule_and_changes_nothing(
        mnist, tmp_path, monkeypatch):  # fmt: skip
    monkeypatch.setattr(histograms, "COST_SHARE", 1.0)  # every scheduled snapshot, for sure
    config = TrainConfig(epochs=1, batch_size=20, seed=4, threads=1,  # fixed: exact repeats
                         out_dir=tmp_path / "run")
    events = []
    recorded = Trainer(config, mnist)
    recorded.run(events.append)
    monkeypatch.setattr(TimelapseRecorder, "snapshot", lambda self, step: None)
    plain = Trainer(TrainConfig(epochs=1, batch_size=20, seed=4, threads=1), mnist)
    plain.run(lambda e: None)
    # simple-cnn has BatchNorm: the frames' eval-mode pass leaves its statistics alone too
    for key, value in plain.model.state_dict().items():
        assert torch.equal(value, recorded.model.state_dict()[key]), key
    frames = read_timelapse(tmp_path / "run")
    assert [f.step for f in frames] == [e.step for e in events if isinstance(e, HistogramEvent)]
    assert [f.step for f in frames] == list(range(1, 16))
    first = frames[0]
    assert first.filters_layer == "layer1.0" and first.maps_layers == ["layer1.0", "layer2.0"]
    assert np.array_equal(first.image, mnist.test.images[0].numpy())
    torch.manual_seed(4)
    assert first.filters.shape == tuple(plain.model.layer1[0].weight.shape)
    assert frames[-1].epoch == pytest.approx(1.0) and first.epoch == pytest.approx(1 / 15)
    assert first.layer_maps("layer2.0").shape == (32, 14, 14)


def test_maps_are_kept_to_within_a_255th_of_their_range():
    conv = torch.nn.Conv2d(1, 3, 3)
    model = torch.nn.Sequential(conv)
    image = torch.randint(0, 256, (1, 8, 8), dtype=torch.uint8)
    frame = TimelapseRecorder(model, image, lambda x: x.float() / 255, 10).snapshot(4)
    exact = conv(image[None].float() / 255)[0].detach().numpy()
    low, high = exact.min(), exact.max()
    assert np.abs(frame.layer_maps("0") - exact).max() <= (high - low) / 510 + 1e-6
    assert frame.step == 4 and frame.epoch == pytest.approx(0.4)
    assert TimelapseRecorder(torch.nn.Linear(3, 2), image, float, 10).snapshot(1) is None


def write_frames(run, scales, accuracies=()):
    """A run folder whose kernels grow by ``scales`` over the frames, and its metrics."""
    folder = RunFolder(run)
    folder.open({"epochs": 1})
    base = np.linspace(-1, 1, 8 * 9, dtype=np.float32).reshape(8, 1, 3, 3)
    for i, scale in enumerate(scales):
        maps = np.full((2, 4, 4), 40 * i, dtype=np.uint8)
        folder.log(TimelapseEvent(10 * i + 1, (10 * i + 1) / 50, np.zeros((1, 6, 6), np.uint8),
                                  "conv", base * scale, ["conv"],
                                  np.array([[0.0, 2.0]], np.float32), [maps]))  # fmt: skip
    folder.close()
    with (run / METRICS).open("w") as handle:
        handle.write(json.dumps({"type": "started", "total_steps": 50}) + "\n")
        handle.write("[1, 2]\n")  # JSON, but no event: passed over
        handle.write(json.dumps({"type": "evaluation", "step": "3", "test_acc": 1.0}) + "\n")
        for step, accuracy in accuracies:
            handle.write(json.dumps({"type": "evaluation", "step": step,
                                     "test_acc": accuracy}) + "\n")  # fmt: skip
    return run


def test_a_fixed_scale_shows_growth_that_a_per_frame_scale_hides(tmp_path):
    timelapse = Timelapse.read(write_frames(tmp_path / "run", [0.1, 0.5, 1.0]))
    caption = CAPTION_HEIGHT  # the pictures below the caption
    fixed = [p[caption:] for p in render(timelapse, "filters", "conv", "fixed")]
    stretched = [p[caption:] for p in render(timelapse, "filters", "conv", "frame")]
    assert np.array_equal(stretched[0], stretched[2])
    assert not np.array_equal(fixed[0], fixed[2])
    assert np.array_equal(fixed[2], stretched[2])  # the largest frame spans the scale
    # weak kernels are pale: nearer white than the full-strength ones
    assert fixed[0].astype(int).sum() > fixed[2].astype(int).sum()


def test_captions_give_the_step_epoch_and_last_accuracy_measured_before(tmp_path):
    timelapse = Timelapse.read(write_frames(tmp_path / "run", [1, 1, 1],
                                            accuracies=[(11, 0.5), (15, 0.75)]))
    assert timelapse.caption(0) == "step 1 of 50, epoch 0.02\ntest accuracy not measured yet"
    assert timelapse.caption(1) == "step 11 of 50, epoch 0.22\ntest accuracy not measured yet"
    assert timelapse.caption(2) == "step 21 of 50, epoch 0.42\ntest accuracy 75.0%"


def run_cli(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_writes_a_gif_a_frame_a_snapshot(tmp_path, capsys):
    run = write_frames(tmp_path / "run", [0.1, 0.5, 1.0])
    code, out, err = run_cli(capsys, "timelapse", run, "--what", "maps", "--out",
                             tmp_path / "maps.gif", "--fps", 5)  # fmt: skip
    assert code == 0 and "3 frames (steps 1 to 21)" in out, err
    with Image.open(tmp_path / "maps.gif") as gif:
        assert gif.n_frames == 3 and gif.info["duration"] == 200
    for args, message in [(["--layer", "fc"], "keeps the kernels of the first conv layer, conv"),
                          (["--what", "maps", "--layer", "fc"], "no maps of 'fc'; it has conv")]:
        code, _, err = run_cli(capsys, "timelapse", run, *args, "--out", tmp_path / "x.gif")
        assert code == 1 and message in err and len(err.splitlines()) == 1
    code, _, err = run_cli(capsys, "timelapse", run, "--out", tmp_path / "x.avi")
    assert code == 1 and "write a .gif or an .mp4" in err
    code, _, err = run_cli(capsys, "timelapse", tmp_path, "--out", tmp_path / "x.gif")
    assert code == 1 and "holds no timelapse" in err
    assert not (tmp_path / "x.gif").exists() and not (tmp_path / "x.avi").exists()


def test_the_command_writes_an_mp4_or_says_how_to_get_one(tmp_path, capsys, monkeypatch):
    imageio_ffmpeg = pytest.importorskip("imageio_ffmpeg")
    run = write_frames(tmp_path / "run", [0.1, 0.5, 1.0, 0.7])
    code, _, err = run_cli(capsys, "timelapse", run, "--out", tmp_path / "f.mp4")
    assert code == 0, err
    reader = imageio_ffmpeg.read_frames(str(tmp_path / "f.mp4"))
    meta = next(reader)
    assert meta["codec"] == "h264" and sum(1 for _ in reader) == 4
    monkeypatch.setitem(sys.modules, "imageio_ffmpeg", None)  # not installed
    code, _, err = run_cli(capsys, "timelapse", run, "--out", tmp_path / "g.mp4")
    assert code == 1 and 'pip install "cnnviz[export]"' in err and len(err.splitlines()) == 1
    assert not (tmp_path / "g.mp4").exists()


def frame_file(run):
    return run / FOLDER / frame_name(1)


@pytest.mark.parametrize(("damage", "reason"), [
    ("pickle", "object array"), ("dtype", "image is missing or not u1"),
    ("huge", "too large"),  # refused before its data is read, so nothing is allocated
    ("link", "is a symbolic link"), ("garbage", "not a zip file")])
def test_a_bad_frame_file_is_refused_in_one_line(tmp_path, damage, reason):
    run = write_frames(tmp_path / "run", [1.0])
    path = frame_file(run)
    arrays = dict(np.load(path))
    if damage == "pickle":
        arrays["filters"] = np.array([object()], dtype=object)
        np.savez(path.with_suffix(""), **arrays)  # np.savez adds the .npz
    elif damage == "dtype":
        arrays["image"] = arrays["image"].astype(np.float64)
        np.savez(path.with_suffix(""), **arrays)
    elif damage == "huge":  # a header that claims 10^12 values over a few bytes
        members = {}
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                members[name] = archive.read(name)
        header = io.BytesIO()
        np.lib.format.write_array_header_1_0(
            header, {"descr": "<f4", "fortran_order": False, "shape": (10**6, 10**6)})
        members["filters.npy"] = header.getvalue() + bytes(8)
        with zipfile.ZipFile(path, "w") as archive:
            for name, data in members.items():
                archive.writestr(name, data)
    elif damage == "link":
        elsewhere = tmp_path / "elsewhere.npz"
        path.rename(elsewhere)
        os.symlink(elsewhere, path)
    else:
        path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(CnnvizError, match="is not a timelapse frame") as caught:
        read_timelapse(run)
    assert reason in str(caught.value)
    assert len(str(caught.value).splitlines()) == 1
