"""Image folders at real sizes: photos decoded straight to the input size, hidden files
ignored, the decoded cache bounded, leftovers of killed processes removed, loading cancelled."""

from __future__ import annotations

import os
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from cnnviz.core.data import decoded_cache, image_decoding, image_folder
from cnnviz.core.data.datasets import load_dataset
from cnnviz.core.data.image_folder import load_image_folder
from cnnviz.core.data.leftovers import remove_leftovers
from cnnviz.core.errors import CancelledError, CnnvizError


def photo(width: int, height: int, seed: int, grey: bool = False) -> Image.Image:
    """A smooth random picture, which JPEG compresses as it does a photo."""
    rng = np.random.default_rng(seed)
    coarse = rng.integers(0, 256, size=(height // 50 + 2, width // 50 + 2, 3), dtype=np.uint8)
    image = Image.fromarray(coarse).resize((width, height), Image.Resampling.BICUBIC)
    return image.convert("L") if grey else image


def write_photos(root: Path, width: int = 400, height: int = 300, train: int = 3, test: int = 2,
                 grey: bool = False) -> Path:  # fmt: skip
    seed = 0
    for split, count in (("train", train), ("test", test)):
        for label in ("cats", "dogs"):
            folder = root / split / label
            folder.mkdir(parents=True, exist_ok=True)
            for j in range(count):
                seed += 1
                photo(width, height, seed, grey).save(folder / f"{j}.jpg", quality=90)
    return root


def test_photos_load_at_the_default_size_with_progress(tmp_path):
    root = write_photos(tmp_path / "photos")
    fractions = []
    data = load_image_folder(root, progress=lambda message, fraction: fractions.append(fraction))
    assert (data.info.height, data.info.width, data.info.channels) == (48, 64, 3)
    assert data.train.images.shape == (6, 3, 48, 64) and data.test.images.shape == (4, 3, 48, 64)
    assert data.train.labels.tolist() == [0, 0, 0, 1, 1, 1]
    assert fractions[-1] == 1.0 and fractions == sorted(fractions)
    # the pixels are the photo's, shrunk: compare with Pillow's own resize
    with Image.open(root / "test" / "cats" / "0.jpg") as original:
        expected = np.asarray(original.convert("RGB").resize((64, 48), Image.Resampling.BILINEAR),
                              dtype=np.int16)  # fmt: skip
    got = data.test.images[0].permute(1, 2, 0).numpy().astype(np.int16)
    assert np.abs(got - expected).mean() < 4


@pytest.mark.parametrize(("image_size", "shape"), [(32, (24, 32)), ((20, 30), (20, 30)),
                                                   ([20, 30], (20, 30)), (128, (96, 128))])
def test_the_image_size_is_chosen(tmp_path, image_size, shape):
    data = load_dataset(f"folder:{write_photos(tmp_path / 'photos', train=1, test=1)}",
                        image_size=image_size)
    assert (data.info.height, data.info.width) == shape
    assert data.train.images.shape[2:] == shape == data.test.images.shape[2:]
    assert f"{shape[0]}x{shape[1]}" in data.info.description


@pytest.mark.parametrize("image_size", [0, -3, (20,), (0, 5), "64"])
def test_a_meaningless_image_size_is_refused(tmp_path, image_size):
    with pytest.raises(CnnvizError, match="image size"):
        load_image_folder(write_photos(tmp_path / "photos", train=1, test=1),
                          image_size=image_size)


def test_small_images_are_never_upscaled_by_default(tmp_path):
    data = load_image_folder(write_photos(tmp_path / "small", width=40, height=30, train=1,
                                          test=1))  # fmt: skip
    assert (data.info.height, data.info.width) == (30, 40)


def test_a_huge_jpeg_is_decoded_at_a_reduced_scale(tmp_path, monkeypatch):
    root = tmp_path / "huge"
    (root / "train" / "a").mkdir(parents=True)
    (root / "test" / "a").mkdir(parents=True)
    photo(4000, 3000, 1).save(root / "train" / "a" / "big.jpg", quality=80)
    photo(400, 300, 2).save(root / "test" / "a" / "small.jpg")
    decoded_sizes = []
    convert = Image.Image.convert

    def recording_convert(image, *args, **kwargs):
        decoded_sizes.append(image.size)  # after draft(): the size the decoder produces
        return convert(image, *args, **kwargs)

    def no_full_size(*args, **kwargs):
        raise AssertionError("a photo many times the input size was decoded at full size")

    monkeypatch.setattr(Image.Image, "convert", recording_convert)
    monkeypatch.setattr(image_decoding, "_with_torchvision", no_full_size)
    data = load_image_folder(root)
    assert data.train.images.shape == (1, 3, 48, 64)
    assert (4000 // 8, 3000 // 8) in decoded_sizes
    assert all(width <= 500 for width, _ in decoded_sizes)


def test_hidden_files_and_mac_leftovers_are_not_classes_or_images(tmp_path):
    root = write_photos(tmp_path / "photos", train=1, test=1)
    junk = ["train/.thumbnails/x.jpg", "train/__MACOSX/cats/x.jpg", "train/cats/._0.jpg",
            "train/cats/.cache/x.jpg", "train/cats/__MACOSX/x.jpg", "test/dogs/._0.jpg"]
    for name in junk:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"\x00\x05\x16\x07 AppleDouble resource fork, not an image")
    messages = []
    data = load_image_folder(root, progress=lambda message, fraction: messages.append(message))
    assert data.info.class_names == ("cats", "dogs")
    assert (len(data.train), len(data.test)) == (2, 2)
    assert not any("skipped" in message for message in messages)


def test_a_greyscale_photo_folder_is_one_channel(tmp_path):
    data = load_image_folder(write_photos(tmp_path / "grey", train=1, test=1, grey=True))
    assert data.info.channels == 1 and data.train.images.shape == (2, 1, 48, 64)
    assert data.info.default_augment == "none"


def test_odd_files_are_read_by_pillow_and_damaged_ones_skipped(tmp_path):
    root = write_photos(tmp_path / "photos", train=1, test=1)
    cats = root / "train" / "cats"
    deep = np.linspace(0, 65535, 300 * 400).reshape(300, 400).astype(np.uint16)
    Image.fromarray(deep).save(cats / "sixteen-bit.png")  # torchvision gives uint16
    photo(400, 300, 3).save(cats / "bitmap.bmp")  # a format torchvision does not read
    photo(400, 300, 4).convert("CMYK").save(cats / "cmyk.jpg")
    whole = (cats / "0.jpg").read_bytes()
    (cats / "truncated.jpg").write_bytes(whole[: len(whole) // 2])
    (cats / "garbage.png").write_bytes(b"\x89PNG\r\n\x1a\n not really")
    messages = []
    data = load_image_folder(root, progress=lambda message, fraction: messages.append(message))
    assert len(data.train) == 2 + 3
    report = next(message for message in messages if "skipped" in message)
    assert "skipped 2 unreadable" in report and "garbage.png" in report  # the first, sorted


def test_the_cache_is_reused_and_keyed_by_the_size(tmp_path, monkeypatch):
    root = write_photos(tmp_path / "photos", train=1, test=1)
    decoded = []
    decode_files = image_folder.decode_files

    def counting(paths, *args, **kwargs):
        decoded.append(len(paths))
        return decode_files(paths, *args, **kwargs)

    monkeypatch.setattr(image_folder, "decode_files", counting)
    first = load_image_folder(root)
    again = load_image_folder(root)
    assert decoded == [2, 2]  # train and test once, the second load from the cache
    assert np.array_equal(first.train.images.numpy(), again.train.images.numpy())
    smaller = load_image_folder(root, image_size=32)
    assert decoded == [2, 2, 2, 2] and smaller.train.images.shape[2:] == (24, 32)
    assert len(list(decoded_cache.folder().glob("*.npz"))) == 4


def test_the_least_recently_used_entries_go_past_the_limit():
    arrays = {"images": np.zeros(10_000, dtype=np.uint8)}
    for key, age in (("old", 1000), ("older", 2000), ("used", 3000)):
        decoded_cache.store(key, arrays)
        then = time.time() - age
        os.utime(decoded_cache.folder() / f"{key}.npz", (then, then))
    entry_bytes = (decoded_cache.folder() / "used.npz").stat().st_size
    assert decoded_cache.load("used") is not None  # now the most recently used
    decoded_cache.store("new", arrays, limit=int(2.5 * entry_bytes))
    assert sorted(path.stem for path in decoded_cache.folder().glob("*.npz")) == ["new", "used"]
    decoded_cache.store("too-big", arrays, limit=entry_bytes // 2)
    assert decoded_cache.load("too-big") is None
    assert not list(decoded_cache.folder().glob("*.tmp"))


def test_the_cache_limit_comes_from_the_environment(monkeypatch):
    assert decoded_cache.limit_bytes() == 2_000_000_000
    monkeypatch.setenv("CNNVIZ_DECODED_CACHE_GB", "0.5")
    assert decoded_cache.limit_bytes() == 500_000_000
    monkeypatch.setenv("CNNVIZ_DECODED_CACHE_GB", "lots")
    assert decoded_cache.limit_bytes() == 2_000_000_000


def test_old_leftovers_are_removed_and_fresh_ones_kept(tmp_path):
    files = {name: tmp_path / name for name in (
        "MNIST/raw/.cnnviz-train-images-idx3-ubyte.gz.part", ".cnnviz-ckpt.pt.x1y2.tmp",
        ".cnnviz-fresh.part", "a/b/c/.cnnviz-too-deep.tmp", "keep.npz",
        "MNIST/raw/.cnnviz-fresh.tmp", "thesis.tmp", "MNIST/raw/ubuntu.iso.part",
        ".ckpt.pt.x1y2.tmp")}  # fmt: skip
    for name, path in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"half")
        if "fresh" not in name:
            then = time.time() - 2 * 3600
            os.utime(path, (then, then))
    removed = remove_leftovers(tmp_path, tmp_path / "missing")
    assert sorted(removed) == sorted([files["MNIST/raw/.cnnviz-train-images-idx3-ubyte.gz.part"],
                                      files[".cnnviz-ckpt.pt.x1y2.tmp"]])  # fmt: skip
    assert all(path.exists() for path in files.values() if path not in removed)


def test_loading_a_data_set_removes_only_cnnvizs_old_leftovers_first(tmp_path):
    root = write_photos(tmp_path / "photos", train=1, test=1)
    data = Path(os.environ["CNNVIZ_DATA"])
    ours_in_data = data / "MNIST" / "raw" / ".cnnviz-x.gz.part"
    ours_in_cache = decoded_cache.folder() / ".cnnviz-abc.tmp"
    theirs = [data / "thesis.tmp", data / "MNIST" / "raw" / "ubuntu.iso.part",
              root / "notes.tmp"]  # fmt: skip
    for path in (ours_in_data, ours_in_cache, *theirs):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"half")
        os.utime(path, (0, 0))
    load_dataset(f"folder:{root}")  # an image folder: only cnnviz's own cache is cleaned
    assert not ours_in_cache.exists() and ours_in_data.exists()
    with pytest.raises(CnnvizError):  # no MNIST there, but the data folder is cleaned first
        load_dataset("mnist", data, download=False)
    assert not ours_in_data.exists()
    assert all(path.read_bytes() == b"half" for path in theirs)


def test_progress_comes_at_most_a_few_hundred_images_apart(tmp_path):
    root = write_photos(tmp_path / "thumbnails", width=8, height=8, train=300, test=1)
    counts = []

    def record(message, fraction):
        if message.startswith("decoding train images"):
            counts.append(int(message.split()[-1].split("/")[0]))

    load_image_folder(root, progress=record)
    assert counts[-1] == 600 and len(counts) >= 3
    steps = [later - earlier for earlier, later in zip([0, *counts[:-1]], counts, strict=True)]
    assert all(0 < step <= 256 for step in steps)


def test_a_cancel_mid_decode_stops_and_caches_nothing(tmp_path, monkeypatch):
    root = write_photos(tmp_path / "photos", train=8, test=1)
    monkeypatch.setattr(image_decoding, "MAX_CHUNK", 2)
    monkeypatch.setattr(image_decoding, "MIN_CHUNK", 2)
    chunks = []
    decode_chunk = image_decoding._decode_chunk

    def slow_chunk(paths, *args):
        chunks.append(paths)
        time.sleep(0.05)
        return decode_chunk(paths, *args)

    monkeypatch.setattr(image_decoding, "_decode_chunk", slow_chunk)
    fractions = []

    def cancel_halfway(message, fraction):
        fractions.append(fraction)
        if fraction is not None and 0 < fraction < 1:
            raise CancelledError("cancelled")

    with pytest.raises(CancelledError):
        load_image_folder(root, progress=cancel_halfway)
    assert fractions == [0.125]
    assert len(chunks) < 8  # the chunks not yet started were dropped
    assert not list(decoded_cache.folder().glob("*"))
    load_image_folder(root)
    assert len(list(decoded_cache.folder().glob("*.npz"))) == 2
