import json
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image
from torch import nn
from torch.nn import functional as F

from cnnviz.cli import main
from cnnviz.core.analysis import top_inputs
from cnnviz.core.analysis.inspection import ModelInspector
from cnnviz.core.analysis.layer_capture import forward_to
from cnnviz.core.analysis.prediction import shipped_weights_path
from cnnviz.core.analysis.receptive_field import Field
from cnnviz.core.analysis.top_inputs import (
    CropGeometry,
    TopInputs,
    channel_crops,
    crops_grid,
    find_top_inputs,
)
from cnnviz.core.analysis.unit_cache import (
    cache_file,
    load_top_inputs,
    save_top_inputs,
    weights_stamp,
)
from cnnviz.core.data.batches import Normalizer
from cnnviz.core.errors import CnnvizError
from cnnviz.core.models.registry import build_model
from cnnviz.core.models.shape import InputShape
from cnnviz.core.paths import user_cache_dir


class Tiny(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 4, 3, padding=1)
        self.pool = nn.MaxPool2d(2)
        self.conv2 = nn.Conv2d(4, 5, 3)
        self.fc = nn.Linear(5 * 4 * 4, 3)

    def forward(self, x):
        out = self.conv2(self.pool(torch.relu(self.conv1(x))))
        return self.fc(torch.relu(out).flatten(1))


def random_images(n=50, size=12, seed=0):
    rng = np.random.default_rng(seed)
    return torch.from_numpy(rng.integers(0, 256, (n, 1, size, size), dtype=np.uint8))


@pytest.mark.parametrize("layer", ["conv1", "conv2", "fc"])
def test_top_k_agrees_with_a_brute_force_pass(layer):
    torch.manual_seed(0)
    model, images = Tiny().eval(), random_images()
    normalizer = Normalizer([0.5], [0.25], torch.device("cpu"))
    top = find_top_inputs(model, images, normalizer, layer, k=3, batch_size=16)
    outputs = {}
    model.get_submodule(layer).register_forward_hook(lambda m, i, o: outputs.update(out=o))
    with torch.no_grad():
        model(normalizer(images))
    maps = outputs["out"] if outputs["out"].ndim == 4 else outputs["out"][:, :, None, None]
    peaks, where = maps.flatten(2).max(dim=2)  # [N, C]
    for channel in range(maps.shape[1]):
        order = torch.argsort(peaks[:, channel], descending=True)[:3]
        assert top.indices[channel].tolist() == order.tolist()
        assert np.allclose(top.activations[channel], peaks[order, channel].numpy())
        flat = where[order, channel].numpy()
        width = maps.shape[3]
        assert top.positions[channel].tolist() == [[p // width, p % width] for p in flat]
    assert top.map_size == tuple(maps.shape[2:])
    report = top.to_json()
    assert report["layer"] == layer and len(report["channels"]) == maps.shape[1]
    assert report["channels"][0]["activations"] == sorted(report["channels"][0]["activations"],
                                                          reverse=True)


def test_a_scan_stops_when_asked_and_reports_progress():
    model, images = Tiny().eval(), random_images()
    normalizer = Normalizer([0.5], [0.25], torch.device("cpu"))
    seen = []
    top = find_top_inputs(model, images, normalizer, "conv2", k=2, batch_size=20,
                          on_progress=seen.append)
    assert seen == [0.4, 0.8, 1.0] and top is not None
    asked = iter([False, True])
    assert find_top_inputs(model, images, normalizer, "conv2", k=2, batch_size=20,
                           should_stop=lambda: next(asked)) is None
    with pytest.raises(CnnvizError, match="no layer named 'nope'"):
        find_top_inputs(model, images, normalizer, "nope")


def test_each_crop_holds_everything_its_unit_sees():
    """The crop of a unit contains every input pixel its value depends on (the support of
    its gradient), and is as large as the receptive field."""
    torch.manual_seed(1)
    model = build_model("simple-cnn", InputShape(1, 28, 28, 10)).eval()
    info = ModelInspector(model, (1, 28, 28), [0.0], [1.0]).layer("layer2.0")
    geometry = CropGeometry.of(info.field, (28, 28), (14, 14))
    assert geometry.size == (14, 14) and geometry.jump == (2, 2)
    for row, column in [(0, 0), (7, 3), (13, 13), (5, 12)]:
        image = torch.randn(1, 1, 28, 28, requires_grad=True)
        unit = forward_to(model, image, "layer2.0")[0, 0, row, column]
        (gradient,) = torch.autograd.grad(unit, image)
        rows, columns = np.nonzero(gradient[0, 0].numpy())
        top, left, height, width = geometry.box((row, column))
        assert (height, width) == (14, 14)
        assert top <= rows.min() and rows.max() < top + height
        assert left <= columns.min() and columns.max() < left + width


def test_a_layer_that_sees_everything_crops_the_whole_image():
    geometry = CropGeometry.of(Field((28, 28), None), (28, 28), (1, 1))
    assert geometry.box((0, 0)) == (0, 0, 28, 28)
    narrow = CropGeometry.of(Field((5, 5), (1, 1)), (28, 28), (28, 28))
    assert narrow.box((0, 0)) == (0, 0, 5, 5) and narrow.box((27, 10)) == (23, 8, 5, 5)


def test_crops_and_their_grid():
    images = random_images(10, 12)
    top = TopInputs("conv", np.array([[3, 1, 4]]), np.ones((1, 3), np.float32),
                    np.array([[[0, 0], [5, 5], [2, 9]]]), (12, 12))
    geometry = CropGeometry.of(Field((5, 5), (1, 1)), (12, 12), (12, 12))
    crops = channel_crops(images, top, 0, geometry)
    assert crops.shape == (3, 1, 5, 5)
    assert np.array_equal(crops[1], images[1, :, 3:8, 3:8].numpy())
    grid = crops_grid(crops, scale=4)
    assert grid.dtype == np.uint8 and grid.shape == (2 * 20 + 2, 2 * 20 + 2)
    colour = crops_grid(np.repeat(crops, 3, axis=1), scale=1)
    assert colour.shape == (11, 11, 3)


MAPS = (2, 14, 14)  # the layer's channels and map size that the scan below fits


def checkpoint_in_a_run(tmp_path: Path) -> Path:
    run = tmp_path / "run"
    run.mkdir()
    (run / "config.json").write_text("{}")
    checkpoint = run / "checkpoint.pt"
    checkpoint.write_bytes(b"weights")
    return checkpoint


def test_scans_are_cached_next_to_their_weights(tmp_path):
    checkpoint = checkpoint_in_a_run(tmp_path)
    run = checkpoint.parent
    top = TopInputs("layer2.0", np.arange(8).reshape(2, 4), np.ones((2, 4), np.float32),
                    np.zeros((2, 4, 2), np.int64), (14, 14))
    weights = weights_stamp(checkpoint)
    path = save_top_inputs(weights, top, "mnist", 80)
    assert path == cache_file(checkpoint, "layer2.0") and path.parent == run / "units"
    again = load_top_inputs(weights, "layer2.0", 3, "mnist", 80, MAPS)
    assert again.indices.tolist() == [[0, 1, 2], [4, 5, 6]] and again.map_size == (14, 14)
    assert load_top_inputs(weights, "layer2.0", 5, "mnist", 80, MAPS) is None  # needs more
    assert load_top_inputs(weights, "layer2.0", 3, "fashion-mnist", 80, MAPS) is None
    assert load_top_inputs(weights, "layer2.0", 3, "mnist", 10_000, MAPS) is None
    checkpoint.write_bytes(b"new weights")  # a trainer saved again: stale
    assert load_top_inputs(weights_stamp(checkpoint), "layer2.0", 3, "mnist", 80, MAPS) is None
    # a scan of the old weights, finished after the file changed, is not the new weights'
    save_top_inputs(weights, top, "mnist", 80)
    assert load_top_inputs(weights_stamp(checkpoint), "layer2.0", 3, "mnist", 80, MAPS) is None
    assert weights_stamp(tmp_path / "missing.pt") is None
    elsewhere = tmp_path / "model.pt"
    elsewhere.write_bytes(b"w")
    assert user_cache_dir() in cache_file(elsewhere, "fc").parents


def test_the_units_command_writes_a_grid_per_channel_and_caches_the_scan(
        mnist_dir, tmp_path, capsys, monkeypatch):  # fmt: skip
    out = tmp_path / "units"
    args = ["units", "--layer", "layer1.0", "--top", "4", "--out", str(out), "--json",
            "--data-dir", str(mnist_dir), "--offline"]
    assert main(args) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["layer"] == "layer1.0" and len(report["channels"]) == 16
    first = report["channels"][0]
    assert first["channel"] == 0 and len(first["indices"]) == 4
    assert first["activations"] == sorted(first["activations"], reverse=True)
    pictures = sorted(out.glob("*.png"))
    assert len(pictures) == 16 and Image.open(pictures[0]).size[0] > 5 * 2
    assert cache_file(shipped_weights_path(), "layer1.0").is_file()

    def no_second_scan(*args, **kwargs):
        raise AssertionError("the cached scan should have been used")

    monkeypatch.setattr(top_inputs, "find_top_inputs", no_second_scan)
    assert main(args) == 0
    assert json.loads(capsys.readouterr().out) == report


def test_the_units_command_names_the_layers_there_are(mnist_dir, tmp_path, capsys):
    code = main(["units", "--layer", "nope", "--out", str(tmp_path / "u"),
                 "--data-dir", str(mnist_dir), "--offline"])
    assert code == 1 and "choose one of" in capsys.readouterr().err


def test_a_module_called_twice_gives_the_call_inspect_names():
    """Inspect names a module's second call "name#2" (a residual block's ReLU after the
    sum): the scans take that call's output, not the first one's."""

    class Twice(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.conv = torch.nn.Conv2d(1, 2, 3, padding=1)
            self.relu = torch.nn.ReLU()

        def forward(self, x):
            return self.relu(self.conv(self.relu(x)))

    model = Twice()
    x = torch.randn(2, 1, 5, 5)
    with torch.no_grad():
        assert torch.equal(forward_to(model, x, "relu"), torch.relu(x))
        assert torch.equal(forward_to(model, x, "relu#2"), model(x))


class Functional(nn.Module):
    """Convolutions and a pool called in forward, at the top and inside a block (twice),
    beside a Conv2d module whose own F.conv2d call is that module's layer."""

    def __init__(self) -> None:
        super().__init__()
        self.w = nn.Parameter(torch.randn(3, 1, 3, 3))
        self.block = Block()
        self.head = nn.Linear(3, 2)

    def forward(self, x):
        x = F.max_pool2d(F.conv2d(x, self.w, padding=1), 2)
        return self.head(self.block(x).mean(dim=(2, 3)))


class Block(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.v = nn.Parameter(torch.randn(3, 3, 3, 3))
        self.conv = nn.Conv2d(3, 3, 1)

    def forward(self, x):
        return F.conv2d(F.conv2d(self.conv(x), self.v, padding=1), self.v)


def test_every_layer_inspect_lists_is_reached_by_its_name():
    """Inspect lists the F.conv2d calls as layers ("conv2d", "block.conv2d#2"): scans and
    feature visualisation reach each of them, and get the output Inspect shows."""
    torch.manual_seed(0)
    model, images = Functional().eval(), random_images(2, 8)
    inspector = ModelInspector(model, (1, 8, 8), [0.5], [0.25])
    x = inspector.normalizer(images)
    names = [info.name for info in inspector.layers]
    assert {"conv2d", "max_pool2d", "block.conv2d", "block.conv2d#2"} <= set(names)
    shown = inspector.run(images[0].numpy()).activations  # the inspector's own pass
    with torch.no_grad():
        inner = F.conv2d(model.block.conv(F.max_pool2d(F.conv2d(x, model.w, padding=1), 2)),
                         model.block.v, padding=1)  # fmt: skip
        expected = {"conv2d": F.conv2d(x, model.w, padding=1), "block.conv2d": inner,
                    "block.conv2d#2": F.conv2d(inner, model.block.v)}  # fmt: skip
        for name in names:
            output = forward_to(model, x, name)
            assert np.allclose(output[0].numpy(), shown[name], atol=1e-5), name
            if name in expected:
                assert torch.allclose(output, expected[name], atol=1e-5), name
    with pytest.raises(CnnvizError, match="'block.avg_pool2d' gives no tensor"):
        forward_to(model, x, "block.avg_pool2d")  # the block makes no such call
    with pytest.raises(CnnvizError, match="no layer named 'block.conv.conv2d'"):
        forward_to(model, x, "block.conv.conv2d")  # the module's own call is "block.conv"


def test_a_forged_scan_that_does_not_fit_the_layer_or_the_test_set_is_scanned_again(tmp_path):
    checkpoint = checkpoint_in_a_run(tmp_path)
    weights = weights_stamp(checkpoint)

    def forged(indices, positions, map_size=(14, 14)):
        top = TopInputs("layer2.0", np.asarray(indices), np.ones(np.shape(indices), np.float32),
                        np.asarray(positions), map_size)  # fmt: skip
        save_top_inputs(weights, top, "mnist", 80)
        return load_top_inputs(weights, "layer2.0", 1, "mnist", 80, MAPS)

    good = np.zeros((2, 4, 2), np.int64)
    assert forged(np.arange(8).reshape(2, 4), good) is not None
    assert forged([[0, 1, 2, 999], [4, 5, 6, 7]], good) is None  # an image that is not there
    assert forged(-np.ones((2, 4), np.int64), good) is None
    assert forged(np.zeros((20_000, 4), np.int64), np.zeros((20_000, 4, 2), np.int64)) is None
    assert forged(np.arange(8).reshape(2, 4), good + 14) is None  # outside the 14x14 map
    assert forged(np.arange(8).reshape(2, 4), good, (28, 28)) is None
    cache_file(checkpoint, "layer2.0").write_bytes(b"PK not a zip")
    assert load_top_inputs(weights, "layer2.0", 1, "mnist", 80, MAPS) is None
