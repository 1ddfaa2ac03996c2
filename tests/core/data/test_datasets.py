from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from cnnviz.core.data import decoded_cache
from cnnviz.core.data.datasets import load_dataset
from cnnviz.core.errors import CnnvizError, DatasetNotFoundError
from cnnviz.core.paths import default_data_dir
from tests.conftest import TEST_PER_CLASS, TRAIN_PER_CLASS, write_image_folder, write_mnist_family


@pytest.mark.parametrize(("name", "folder"), [("mnist", "MNIST"), ("fashion-mnist", "FashionMNIST"),
                                              ("kmnist", "KMNIST")])
def test_mnist_family_reads_idx_files(tmp_path, name, folder):
    root = write_mnist_family(tmp_path, folder)
    data = load_dataset(name, root, download=False)
    assert data.train.images.shape == (10 * TRAIN_PER_CLASS, 1, 28, 28)
    assert data.test.images.shape == (10 * TEST_PER_CLASS, 1, 28, 28)
    assert data.train.images.dtype.is_floating_point is False
    assert sorted(set(data.train.labels.tolist())) == list(range(10))
    assert data.info.num_classes == 10 and data.info.channels == 1


def test_cifar10_reads_pickled_batches_through_the_checksum_seam(cifar_dir):
    data = load_dataset("cifar10", cifar_dir, download=False, verify_checksums=False)
    assert data.train.images.shape[1:] == (3, 32, 32)
    assert data.info.class_names[0] == "airplane"
    assert data.info.default_augment == "crop-flip"
    # the pixel layout survives: a bar of 255 rows in the first image
    first = data.test.images[0].numpy()
    assert (first.max(axis=(0, 2)) == 255).sum() == 3


def test_cifar10_with_checksums_on_refuses_files_that_are_not_official(cifar_dir):
    with pytest.raises(DatasetNotFoundError, match="cifar-10-batches-py"):
        load_dataset("cifar10", cifar_dir, download=False, verify_checksums=True)


def test_missing_dataset_says_where_it_looked_and_what_to_do(tmp_path):
    with pytest.raises(DatasetNotFoundError) as info:
        load_dataset("mnist", tmp_path / "empty", download=False)
    message = str(info.value)
    assert str(tmp_path / "empty" / "MNIST/raw") in message
    assert "train-images-idx3-ubyte" in message
    assert "--data-dir" in message and "internet" in message


def test_failed_download_is_a_clear_error(tmp_path):
    # the tests' network is off (tests/conftest.py), as on a machine without one
    with pytest.raises(DatasetNotFoundError, match="could not be downloaded.*no network"):
        load_dataset("mnist", tmp_path / "d", download=True)


def test_data_dir_that_is_a_file(tmp_path):
    path = tmp_path / "file"
    path.write_text("x")
    with pytest.raises(CnnvizError, match="is a file"):
        load_dataset("mnist", path, download=False)


def test_unknown_dataset_lists_choices():
    with pytest.raises(CnnvizError, match="unknown data set 'svhn'.*mnist.*folder:PATH"):
        load_dataset("svhn")


def test_default_data_dir_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("CNNVIZ_DATA", str(tmp_path / "x"))
    assert default_data_dir() == tmp_path / "x"
    monkeypatch.delenv("CNNVIZ_DATA")
    assert default_data_dir().parts[-2:] == ("cnnviz", "data")


def test_image_folder_with_train_and_test(tmp_path):
    root = write_image_folder(tmp_path / "imgs", classes=3, per_class=9)
    data = load_dataset(f"folder:{root}")
    assert data.info.class_names == ("class_0", "class_1", "class_2")
    assert data.train.images.shape == (27, 3, 16, 16)
    assert data.test.images.shape == (9, 3, 16, 16)
    assert len(data.info.mean) == 3 and all(s > 0 for s in data.info.std)


def test_single_image_folder_is_split_90_10_reproducibly(tmp_path):
    root = write_image_folder(tmp_path / "imgs", classes=2, per_class=20, rgb=False,
                              with_splits=False)
    first = load_dataset(f"folder:{root}")
    second = load_dataset(f"folder:{root}")
    assert first.info.channels == 1
    assert (len(first.train), len(first.test)) == (36, 4)
    assert np.array_equal(first.test.labels.numpy(), second.test.labels.numpy())


def test_image_folder_skips_unreadable_files_and_reports_them(tmp_path):
    root = write_image_folder(tmp_path / "imgs", classes=2, per_class=6)
    (root / "train" / "class_0" / "broken.png").write_bytes(b"not a png")
    messages = []
    data = load_dataset(f"folder:{root}", progress=lambda m, f: messages.append(m))
    assert len(data.train) == 12
    assert any("skipped 1 unreadable" in m and "broken.png" in m for m in messages)


@pytest.mark.parametrize("layout", ["missing", "no-classes", "no-images"])
def test_image_folder_errors(tmp_path, layout):
    root = tmp_path / "imgs"
    if layout != "missing":
        root.mkdir()
    if layout == "no-images":
        (root / "cats").mkdir()
    expected = {"missing": "does not exist", "no-classes": "no class subfolders",
                "no-images": "holds no images"}[layout]
    with pytest.raises(CnnvizError, match=expected):
        load_dataset(f"folder:{root}")


def test_folder_prefix_expands_user(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    write_image_folder(tmp_path / "imgs")
    assert load_dataset("folder:~/imgs").info.name == f"folder:{Path(tmp_path) / 'imgs'}"


@pytest.mark.parametrize("kind", ["mnist", "folder"])
def test_loading_only_the_test_split(tmp_path, kind):
    if kind == "mnist":
        name, data_dir = "mnist", write_mnist_family(tmp_path)
    else:
        name, data_dir = f"folder:{write_image_folder(tmp_path / 'imgs')}", None
    full = load_dataset(name, data_dir, download=False)
    test_only = load_dataset(name, data_dir, download=False, splits=("test",))
    assert len(test_only.train) == 0 and test_only.train.images.shape[1:] == \
        full.train.images.shape[1:]
    assert np.array_equal(test_only.test.images.numpy(), full.test.images.numpy())
    assert test_only.info.class_names == full.info.class_names


def test_decoded_folders_are_cached_until_a_file_changes(tmp_path, monkeypatch):
    import cnnviz.core.data.image_folder as image_folder

    root = write_image_folder(tmp_path / "imgs", classes=2, per_class=6)
    first = load_dataset(f"folder:{root}")
    assert len(list(decoded_cache.folder().glob("*.npz"))) == 2  # train and test

    def no_decoding(*args, **kwargs):
        raise AssertionError("decoded although nothing changed")

    monkeypatch.setattr(image_folder, "decode_files", no_decoding)
    again = load_dataset(f"folder:{root}")
    assert np.array_equal(first.train.images.numpy(), again.train.images.numpy())
    assert again.info.mean == pytest.approx(first.info.mean)

    monkeypatch.undo()
    image = root / "train" / "class_0" / "0.png"
    Image.fromarray(np.full((16, 16, 3), 7, dtype=np.uint8)).save(image)
    changed = load_dataset(f"folder:{root}")
    assert not np.array_equal(first.train.images.numpy(), changed.train.images.numpy())


def test_a_damaged_or_unwritable_cache_is_only_a_cache(tmp_path, monkeypatch):
    root = write_image_folder(tmp_path / "imgs", classes=2, per_class=6)
    first = load_dataset(f"folder:{root}")
    for path in decoded_cache.folder().glob("*.npz"):
        path.write_bytes(b"damaged")
    assert np.array_equal(load_dataset(f"folder:{root}").test.images.numpy(),
                          first.test.images.numpy())
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be")
    monkeypatch.setattr(decoded_cache, "user_cache_dir", lambda: blocked)
    assert len(load_dataset(f"folder:{root}").train) == 12
