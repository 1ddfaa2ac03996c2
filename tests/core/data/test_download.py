"""Downloading a data set: served here by a fake network that speaks urllib's interface."""

from __future__ import annotations

import gzip
import hashlib
import io
import urllib.error
import urllib.request

import numpy as np
import pytest

import cnnviz.core.data.datasets as datasets
from cnnviz.core.data.download import Archive
from cnnviz.core.errors import CancelledError, DatasetNotFoundError
from tests.conftest import balanced_labels, pattern_images, write_idx

NAMES = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte",
         "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]  # fmt: skip


def served_files(tmp_path):
    """Gzipped IDX files as a server would send them, keyed by file name."""
    labels = {"train": balanced_labels(5, 10, 1), "t10k": balanced_labels(2, 10, 2)}
    files = {}
    for name in NAMES:
        prefix = name.split("-")[0]
        array = (pattern_images(labels[prefix], 28, 1, 3)[..., 0] if "images" in name
                 else labels[prefix])  # fmt: skip
        path = tmp_path / "src" / name
        write_idx(path, array)
        files[name + ".gz"] = gzip.compress(path.read_bytes())
    return files


class Response(io.BytesIO):
    def __init__(self, data: bytes):
        super().__init__(data)
        self.headers = {"content-length": str(len(data))}


@pytest.fixture
def network(tmp_path, monkeypatch):
    """Serves the files at http://mirror/NAME; records every request."""
    files = served_files(tmp_path)
    requests = []

    def urlopen(request, timeout=None):
        url = request.full_url
        requests.append(url)
        name = url.rsplit("/", 1)[-1]
        if not url.startswith("http://mirror/") or name not in files:
            raise urllib.error.URLError("no route to host")
        return Response(files[name])

    md5s = {name: hashlib.md5(data).hexdigest() for name, data in files.items()}

    def archives(cls):  # the sums of the files as first served
        return [Archive(("http://dead-mirror/" + n, "http://mirror/" + n), n, md5s[n],
                        "MNIST/raw") for n in md5s]  # fmt: skip

    monkeypatch.setattr(urllib.request, "urlopen", urlopen)
    monkeypatch.setattr(datasets, "archives_for", archives)
    return files, requests


def test_a_download_with_progress_falls_back_to_the_next_mirror(tmp_path, network):
    _, requests = network
    reports = []
    data = datasets.load_dataset("mnist", tmp_path / "d", download=True,
                                 progress=lambda m, f: reports.append((m, f)))
    assert len(data.train) == 50 and len(data.test) == 20
    fractions = [f for _, f in reports if f is not None]
    assert fractions == sorted(fractions) and fractions[-1] == pytest.approx(1.0)
    assert any(url.startswith("http://dead-mirror/") for url in requests)
    leftovers = [p.name for p in (tmp_path / "d").rglob("*") if p.is_file()]
    assert sorted(leftovers) == sorted(NAMES)  # no archive, .part or scratch file left


def test_cancel_stops_the_download_and_leaves_nothing(tmp_path, network):
    def cancel_at_half(message, fraction):
        if fraction is not None and fraction > 0.4:
            raise CancelledError("cancelled")

    with pytest.raises(CancelledError):
        datasets.load_dataset("mnist", tmp_path / "d", download=True, progress=cancel_at_half)
    partial = [p.name for p in (tmp_path / "d").rglob("*") if p.is_file()]
    assert all(name in NAMES for name in partial)  # only whole, checked, extracted files
    with pytest.raises(DatasetNotFoundError, match="downloads are off"):
        datasets.load_dataset("mnist", tmp_path / "d", download=False)
    # and the next attempt completes it
    assert len(datasets.load_dataset("mnist", tmp_path / "d", download=True).test) == 20


def test_a_corrupted_download_is_refused(tmp_path, network, monkeypatch):
    files, _ = network
    name = NAMES[0] + ".gz"
    files[name] = files[name][:-10] + b"0123456789"
    with pytest.raises(DatasetNotFoundError, match="MD5 sum of what it sent does not match"):
        datasets.load_dataset("mnist", tmp_path / "d", download=True)
    assert not any(p.is_file() for p in (tmp_path / "d").rglob(NAMES[0] + "*"))


def test_the_real_plan_names_torchvisions_mirrors():
    from torchvision.datasets import CIFAR10, MNIST

    from cnnviz.core.data.download import archives_for

    mnist = archives_for(MNIST)
    assert len(mnist) == 4 and all(a.folder == "MNIST/raw" for a in mnist)
    assert all(len(a.urls) == len(MNIST.mirrors) for a in mnist)
    (cifar,) = archives_for(CIFAR10)
    assert cifar.filename == "cifar-10-python.tar.gz" and cifar.folder == ""
    assert np.all([len(a.md5) == 32 for a in [*mnist, cifar]])


def test_without_a_network_the_message_says_so_in_plain_words(tmp_path):
    with pytest.raises(DatasetNotFoundError) as info:
        datasets.load_dataset("cifar10", tmp_path / "d", download=True)
    message = str(info.value)
    assert "no network: cannot download CIFAR-10" in message
    assert "urlopen" not in message and "Errno" not in message
    assert "no network in tests" in info.value.details  # what the network said, kept aside
