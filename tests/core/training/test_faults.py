"""Bad input and faults: every case is refused with a clear message or works; nothing runs,
hangs or is lost. The counts here are the README's "Reliability" figures."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
from pathlib import Path

import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from cnnviz.cli import main
from cnnviz.core.analysis.prediction import Predictor, shipped_weights_path
from cnnviz.core.data.datasets import load_dataset
from cnnviz.core.data.images import ImageReadError, read_image
from cnnviz.core.errors import CheckpointError, CnnvizError, DatasetNotFoundError
from cnnviz.core.training.checkpoint import (
    Checkpoint,
    CheckpointMeta,
    load_checkpoint,
    model_from_checkpoint,
    save_checkpoint,
)
from cnnviz.core.training.config import TrainConfig
from cnnviz.core.training.events import FailedEvent, FinishedEvent
from cnnviz.core.training.trainer import Trainer

FUZZ = settings(max_examples=200, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])
SHIPPED = shipped_weights_path().read_bytes()


# -- checkpoints --------------------------------------------------------------------------------
@FUZZ
@given(data=st.binary(max_size=4096))
def test_random_bytes_are_never_a_checkpoint(tmp_path, data):
    path = tmp_path / "random.pt"
    path.write_bytes(data)
    with pytest.raises(CheckpointError):
        load_checkpoint(path)


@FUZZ
@given(cut=st.integers(min_value=0, max_value=len(SHIPPED) - 1))
def test_truncations_of_the_shipped_checkpoint_are_refused(tmp_path, cut):
    path = tmp_path / "cut.pt"
    path.write_bytes(SHIPPED[:cut])
    with pytest.raises(CheckpointError):
        load_checkpoint(path)


def test_every_truncation_length_of_a_small_checkpoint_is_refused(tmp_path):
    """Every length, not a sample: a checkpoint of the same format with one small tensor."""
    meta = CheckpointMeta("simple-cnn", "tiny", ["a", "b"], [1, 4, 4], [0.5], [0.5])
    whole = save_checkpoint(Checkpoint(meta, {"w": torch.arange(4.0)}),
                            tmp_path / "small.pt").read_bytes()
    path = tmp_path / "cut.pt"
    accepted = []
    for cut in range(len(whole)):
        path.write_bytes(whole[:cut])
        try:
            load_checkpoint(path)
        except CheckpointError:
            continue
        accepted.append(cut)
    assert accepted == [], f"truncated to {accepted[:5]} bytes and still loaded"
    assert len(whole) > 1000 and load_checkpoint(tmp_path / "small.pt").meta.model == "simple-cnn"


@FUZZ
@given(position=st.integers(min_value=0, max_value=len(SHIPPED) - 1),
       value=st.integers(min_value=0, max_value=255))
def test_a_flipped_byte_never_crashes_the_loader(tmp_path, position, value):
    data = bytearray(SHIPPED)
    data[position] = value
    path = tmp_path / "flipped.pt"
    path.write_bytes(bytes(data))
    # a flip in the tensor data still loads (the numbers are just different); one in the
    # metadata may leave a name no model has: either way, a clear refusal or a model
    try:
        checkpoint = load_checkpoint(path)
        model = model_from_checkpoint(checkpoint, str(path))
    except CheckpointError as exc:
        assert str(path) in str(exc)
    else:  # a model that loads takes its checkpoint's input and gives a score per class
        meta = checkpoint.meta
        with torch.no_grad():
            scores = model(torch.zeros(1, *meta.input_shape))
        assert scores.shape == (1, len(meta.class_names))


# -- images -----------------------------------------------------------------------------------
@FUZZ
@given(data=st.binary(max_size=2048))
def test_random_bytes_as_an_image(tmp_path, data):
    path = tmp_path / "random.png"
    path.write_bytes(data)
    try:
        read_image(path)
    except ImageReadError as exc:
        assert str(path) in str(exc)


def _encoded(image: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


DIGIT = np.zeros((56, 56), dtype=np.uint8)
DIGIT[8:48, 24:32] = 255
PNG = _encoded(Image.fromarray(DIGIT), "PNG")
JPEG = _encoded(Image.fromarray(DIGIT).convert("RGB"), "JPEG")


@FUZZ
@given(fraction=st.floats(min_value=0.0, max_value=0.99), fmt=st.sampled_from(["png", "jpg"]))
def test_truncated_png_and_jpeg(tmp_path, fraction, fmt):
    data = PNG if fmt == "png" else JPEG
    path = tmp_path / f"cut.{fmt}"
    path.write_bytes(data[: int(len(data) * fraction)])
    try:
        image = read_image(path)
    except ImageReadError as exc:
        assert "damaged or truncated" in str(exc) or "is not an image" in str(exc)
    else:
        assert image.size == (56, 56)


def _frames_gif(path: Path) -> None:
    frames = [Image.fromarray(np.roll(DIGIT, shift, axis=1)) for shift in (0, 5, 10)]
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=50)


IMAGE_CASES = {
    "1x1.png": lambda p: Image.new("L", (1, 1), 255).save(p),
    "16bit.png": lambda p: Image.fromarray(DIGIT.astype(np.uint16) * 257).save(p),
    "palette.png": lambda p: Image.fromarray(DIGIT).convert("P").save(p),
    "rgba.png": lambda p: Image.fromarray(DIGIT).convert("RGBA").save(p),
    "cmyk.jpg": lambda p: Image.fromarray(DIGIT).convert("CMYK").save(p),
    "animated.gif": _frames_gif,
    "grey.bmp": lambda p: Image.fromarray(DIGIT).save(p),
    "huge-12000.jpg": lambda p: Image.new("L", (12000, 12000), 0).save(p, quality=50),
}


@pytest.mark.parametrize("name", list(IMAGE_CASES))
def test_unusual_images_work(tmp_path, name):
    path = tmp_path / name
    IMAGE_CASES[name](path)
    predictor = Predictor.from_checkpoint()
    image = predictor.prepare_file(path)
    assert image.shape == (1, 28, 28) and image.dtype == np.uint8
    assert predictor.predict(image).probabilities.sum() == pytest.approx(1, abs=1e-4)


def test_a_20000_pixel_square_is_refused_without_decoding(tmp_path):
    path = tmp_path / "huge.png"
    Image.new("1", (20000, 20000), 0).save(path)
    with pytest.raises(ImageReadError, match="too large"):
        read_image(path)


def test_a_zero_sized_image_is_refused(tmp_path):
    path = tmp_path / "empty.png"
    # a PNG header that claims 0x0 pixels
    data = bytearray(PNG)
    data[16:24] = (0).to_bytes(4, "big") * 2
    path.write_bytes(bytes(data))
    with pytest.raises(CnnvizError):
        Predictor.from_checkpoint().prepare_file(path)


# -- model files --------------------------------------------------------------------------------
@pytest.fixture
def mnist(mnist_dir):
    return load_dataset("mnist", mnist_dir, download=False)


MODEL_FILES = {
    "syntax": ("class Net(:\n", "syntax error on line 1"),
    "import": ("import does_not_exist_anywhere\n", "ModuleNotFoundError"),
    "raises": ("import torch.nn as nn\nclass Net(nn.Module):\n"
               "    def forward(self, x):\n        raise ValueError('bad forward')\n",
               "ValueError: bad forward"),
    "shape": ("import torch.nn as nn\nclass Net(nn.Module):\n"
              "    def forward(self, x):\n        return x.flatten(1)\n",
              "expected [2, 10]"),
}


@pytest.mark.parametrize("case", list(MODEL_FILES))
def test_broken_model_files(tmp_path, mnist, case):
    text, message = MODEL_FILES[case]
    path = tmp_path / "net.py"
    path.write_text(text)
    final = Trainer(TrainConfig(model=f"{path}:Net"), mnist).run(lambda e: None)
    assert isinstance(final, FailedEvent) and message in final.message
    assert str(path) in final.message


def test_a_model_that_returns_nan(tmp_path, mnist):
    path = tmp_path / "nan.py"
    path.write_text("import torch, torch.nn as nn\nclass Net(nn.Module):\n"
                    "    def __init__(self):\n        super().__init__()\n"
                    "        self.fc = nn.Linear(784, 10)\n"
                    "    def forward(self, x):\n"
                    "        return self.fc(x.flatten(1)) * float('nan')\n")
    final = Trainer(TrainConfig(model=f"{path}:Net"), mnist).run(lambda e: None)
    assert isinstance(final, FailedEvent) and final.kind == "diverged"
    assert "lower learning rate" in final.message


# -- command-line arguments ---------------------------------------------------------------------
@pytest.mark.parametrize("args", [
    ["--epochs", "0"], ["--epochs", "-1"], ["--epochs", "x"], ["--epochs", "nan"],
    ["--epochs", "inf"], ["--batch-size", "0"], ["--batch-size", "-100"],
    ["--batch-size", "nan"], ["--batch-size", "inf"], ["--lr", "0"], ["--lr", "-1e-3"],
    ["--lr", "nan"], ["--lr", "inf"], ["--weight-decay", "-1"], ["--weight-decay", "nan"],
    ["--image-size", "0"],
])  # fmt: skip
def test_bad_numbers(tmp_path, capsys, args):
    with pytest.raises(SystemExit) as info:
        main(["train", "--out", str(tmp_path / "r"), *args])
    lines = capsys.readouterr().err.strip().splitlines()
    assert info.value.code == 2 and lines[-1].startswith("cnnviz train: error: argument")


@pytest.mark.parametrize(("args", "message"), [
    (["--model", "nope"], "unknown model 'nope'"),
    (["--dataset", "nope"], "unknown data set 'nope'"),
    (["--data-dir", "/proc/cnnviz-unwritable"], "could not be downloaded"),
    (["--device", "cuda:7"], "device 'cuda:7' is not available"),
])  # fmt: skip
def test_bad_names_and_places(tmp_path, mnist_dir, capsys, args, message):
    base = ["train", "--out", str(tmp_path / "r"), "--data-dir", str(mnist_dir)]
    assert main([*base, *args]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("cnnviz: error: ") and message in err[-1]


def test_a_data_dir_that_is_a_file(tmp_path, capsys):
    (tmp_path / "f").write_text("")
    assert main(["train", "--out", str(tmp_path / "r"), "--data-dir", str(tmp_path / "f")]) == 1
    assert "is a file" in capsys.readouterr().err


# -- faults during work -------------------------------------------------------------------------
SAVER = textwrap.dedent("""
    import sys, torch
    from pathlib import Path
    from cnnviz.core.training.checkpoint import load_checkpoint, save_checkpoint
    checkpoint = load_checkpoint(Path(sys.argv[1]))
    # a bigger state widens the window in which a kill lands mid-write
    checkpoint.model_state["padding"] = torch.randn(2_000_000)
    target = Path(sys.argv[2])
    n = 0
    while True:
        checkpoint.meta.step = n
        save_checkpoint(checkpoint, target)
        n += 1
        print(n, flush=True)
""")


def test_kill_9_during_saves_never_leaves_a_broken_checkpoint(tmp_path):
    rng = np.random.default_rng(7)
    target = tmp_path / "checkpoint.pt"
    script = tmp_path / "saver.py"
    script.write_text(SAVER)
    kills = 0
    for _ in range(6):
        process = subprocess.Popen([sys.executable, str(script), str(shipped_weights_path()),
                                    str(target)], stdout=subprocess.PIPE, text=True)
        assert process.stdout.readline()  # at least one complete save
        time.sleep(float(rng.uniform(0.0, 0.3)))
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        kills += 1
        checkpoint = load_checkpoint(target)  # the last complete save, whole
        assert checkpoint.meta.model == "simple-cnn"
    assert kills == 6


class _HalfThenFail:
    """A download that sends half its bytes and then loses the connection."""

    def __init__(self, *args, **kwargs):
        self._left = 4096
        self.status = 200
        self.headers = {"content-length": "8192"}

    def read(self, size=-1):
        if self._left <= 0:
            raise urllib.error.URLError("connection reset")
        self._left -= 1024
        return b"\x1f\x8b" + b"\x00" * 1022

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_a_download_that_fails_half_way_leaves_nothing_that_passes_for_data(tmp_path,
                                                                          monkeypatch):
    calls = []

    def half_download(*args, **kwargs):
        calls.append(1)
        return _HalfThenFail()

    monkeypatch.setattr(urllib.request, "urlopen", half_download)
    with pytest.raises(DatasetNotFoundError, match="could not be downloaded"):
        load_dataset("mnist", tmp_path, download=True)
    first_attempt = len(calls)
    assert first_attempt >= 1
    # the next attempt downloads again instead of trusting the partial file
    with pytest.raises(DatasetNotFoundError):
        load_dataset("mnist", tmp_path, download=True)
    assert len(calls) > first_attempt
    with pytest.raises(DatasetNotFoundError, match="downloads are off"):
        load_dataset("mnist", tmp_path, download=False)


def test_disk_full_while_training_keeps_the_last_checkpoint(mnist, tmp_path, monkeypatch):
    run = tmp_path / "run"
    final = Trainer(TrainConfig(epochs=1, batch_size=50, out_dir=run), mnist).run(lambda e: None)
    assert isinstance(final, FinishedEvent)
    before = (run / "checkpoint.pt").read_bytes()

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(torch, "save", disk_full)
    final = Trainer(TrainConfig(epochs=2, batch_size=50, out_dir=run,
                                resume=run / "checkpoint.pt"), mnist).run(lambda e: None)
    assert isinstance(final, FailedEvent) and "No space left on device" in final.message
    assert (run / "checkpoint.pt").read_bytes() == before
