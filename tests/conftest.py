"""Shared fixtures: small data sets written in the real on-disk formats, so that the real
loading code runs in every test, and a guard that keeps tests away from the user's files."""

from __future__ import annotations

import gzip
import pickle
import struct
import urllib.error
import urllib.request
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

TRAIN_PER_CLASS = 30
TEST_PER_CLASS = 8


def pattern_images(labels: np.ndarray, size: int, channels: int, seed: int) -> np.ndarray:
    """Images a small CNN learns in a few steps: class k is a bright bar at a k-dependent row
    (and, for colour, a k-dependent channel mix), plus noise. uint8 [N, size, size, channels]."""
    rng = np.random.default_rng(seed)
    images = rng.integers(0, 60, size=(len(labels), size, size, channels), dtype=np.int64)
    for i, label in enumerate(labels):
        row = 2 + (label % 10) * (size - 6) // 9
        images[i, row : row + 3, 2 : size - 2, :] = 255
        if channels == 3:
            images[i, :, :, label % 3] //= 2
    return images.astype(np.uint8)


def balanced_labels(per_class: int, classes: int, seed: int) -> np.ndarray:
    labels = np.repeat(np.arange(classes), per_class)
    return np.random.default_rng(seed).permutation(labels)


def write_idx(path: Path, array: np.ndarray, compress: bool = False) -> None:
    """The IDX format of MNIST and its cousins: a magic number, the dimensions, then bytes."""
    header = struct.pack(">HBB", 0, 0x08, array.ndim) + struct.pack(f">{array.ndim}I", *array.shape)
    data = header + array.astype(np.uint8).tobytes()
    path.parent.mkdir(parents=True, exist_ok=True)
    if compress:
        path.with_suffix(path.suffix + ".gz").write_bytes(gzip.compress(data))
    else:
        path.write_bytes(data)


def write_mnist_family(root: Path, folder: str = "MNIST") -> Path:
    raw = root / folder / "raw"
    for prefix, per_class, seed in (("train", TRAIN_PER_CLASS, 1), ("t10k", TEST_PER_CLASS, 2)):
        labels = balanced_labels(per_class, 10, seed)
        images = pattern_images(labels, 28, 1, seed)[..., 0]
        write_idx(raw / f"{prefix}-images-idx3-ubyte", images)
        write_idx(raw / f"{prefix}-labels-idx1-ubyte", labels)
    return root


def write_cifar10(root: Path) -> Path:
    """Pickled batches as in cifar-10-python.tar.gz (our own content, so other MD5 sums)."""
    folder = root / "cifar-10-batches-py"
    folder.mkdir(parents=True, exist_ok=True)
    names = ["data_batch_1", "data_batch_2", "data_batch_3", "data_batch_4", "data_batch_5"]
    for i, name in enumerate([*names, "test_batch"]):
        per_class = TEST_PER_CLASS if name == "test_batch" else max(1, TRAIN_PER_CLASS // 5)
        labels = balanced_labels(per_class, 10, 10 + i)
        images = pattern_images(labels, 32, 3, 10 + i)
        batch = {
            "batch_label": name,
            "labels": labels.tolist(),
            "data": images.transpose(0, 3, 1, 2).reshape(len(labels), -1),
            "filenames": [f"{name}_{j}.png" for j in range(len(labels))],
        }
        with (folder / name).open("wb") as handle:
            pickle.dump(batch, handle)
    meta = {"label_names": ["airplane", "automobile", "bird", "cat", "deer",
                            "dog", "frog", "horse", "ship", "truck"]}  # fmt: skip
    with (folder / "batches.meta").open("wb") as handle:
        pickle.dump(meta, handle)
    return root


def write_image_folder(root: Path, classes: int = 3, per_class: int = 10, rgb: bool = True,
                       with_splits: bool = True) -> Path:  # fmt: skip
    channels = 3 if rgb else 1
    splits = {"train": per_class, "test": max(2, per_class // 3)}
    if not with_splits:
        splits = {"": per_class}
    for split, count in splits.items():
        labels = np.repeat(np.arange(classes), count)
        images = pattern_images(labels, 16, channels, 5)
        for j, (image, label) in enumerate(zip(images, labels, strict=True)):
            folder = root / split / f"class_{label}"
            folder.mkdir(parents=True, exist_ok=True)
            Image.fromarray(image if rgb else image[..., 0]).save(folder / f"{j}.png")
    return root


MODEL_FILE = """
import pathlib, time
import torch.nn as nn
pathlib.Path(__file__).with_name("ran.txt").write_text("the model file ran")

class Net(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.conv = nn.Conv2d(1, 4, 3, padding=1)
        self.fc = nn.Linear(4, num_classes)

    def forward(self, x):
        if self.training:
            time.sleep(SECONDS_A_STEP)
        return self.fc(self.conv(x).mean(dim=(2, 3)))
"""


def write_model_file(folder: Path, seconds_a_step: float = 0.0) -> Path:
    """A user's model file, FOLDER/net.py with a class Net, that writes ran.txt beside itself
    whenever it runs: a test can tell whether the code ran."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "net.py"
    path.write_text(MODEL_FILE.replace("SECONDS_A_STEP", repr(seconds_a_step)))
    return path


@pytest.fixture
def mnist_dir(tmp_path: Path) -> Path:
    return write_mnist_family(tmp_path / "data")


@pytest.fixture
def cifar_dir(tmp_path: Path) -> Path:
    return write_cifar10(tmp_path / "data")


def _no_network(*args, **kwargs):
    raise urllib.error.URLError("no network in tests")


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> None:
    """No test reads or writes the user's real cache, data or settings, or uses the network
    (a download fails the way it does offline)."""
    monkeypatch.setattr(urllib.request, "urlopen", _no_network)
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("CNNVIZ_DATA", str(home / "data"))
    monkeypatch.setenv("CNNVIZ_SETTINGS", str(home / "settings.ini"))
