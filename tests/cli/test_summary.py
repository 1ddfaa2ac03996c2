import json
from itertools import product

import numpy as np
import pytest
from PIL import Image

from cnnviz.cli import main
from tests.conftest import write_image_folder

KEYS = {"name", "type", "output_shape", "params", "receptive_field", "jump", "formula"}


def run_cli(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_simple_cnn_on_mnist_needs_no_data_files(capsys, tmp_path):
    empty = tmp_path / "no-data"
    code, out, err = run_cli(capsys, "summary", "--model", "simple-cnn", "--dataset", "mnist",
                             "--data-dir", empty, "--offline")
    assert code == 0, err
    rows = {line.split()[0]: line.split() for line in out.splitlines() if line.strip()}
    assert rows["layer1.0"][:6] == ["layer1.0", "Conv2d", "16x28x28", "416", "5", "1"]
    assert out.count("(28 - 5 + 2*2) / 1 + 1 = 28") == 1
    assert rows["layer2.3"][:6] == ["layer2.3", "MaxPool2d", "32x7x7", "0", "16", "4"]
    assert rows["fc"] == ["fc", "Linear", "10", "15,690", "all"]
    assert "29,034 trainable parameters" in out and not empty.exists()

    code, out, _ = run_cli(capsys, "summary", "--model", "simple-cnn", "--dataset", "mnist",
                           "--json")
    report = json.loads(out)
    layers = {layer["name"]: layer for layer in report["layers"]}
    assert code == 0 and all(set(layer) == KEYS for layer in report["layers"])
    assert list(layers)[:2] == ["layer1", "layer1.0"]
    assert layers["layer1.0"] == {
        "name": "layer1.0", "type": "Conv2d", "output_shape": [16, 28, 28], "params": 416,
        "receptive_field": [5, 5], "jump": [1, 1], "formula": "(28 - 5 + 2*2) / 1 + 1 = 28",
    }  # fmt: skip
    assert [layers[n]["receptive_field"] for n in ("layer1.3", "layer2.0", "layer2.3")] == [
        [6, 6], [14, 14], [16, 16]]
    # a layer that sees the whole input: its receptive field is the input, it has no jump
    assert layers["fc"]["receptive_field"] == [28, 28] and layers["fc"]["jump"] is None


WIDE_MODEL = '''
import torch
from torch import nn


class Wide(nn.Module):
    def __init__(self, in_channels, num_classes):
        super().__init__()
        self.w = nn.Parameter(torch.randn(4, in_channels, 3, 5))
        self.head = nn.Linear(4, num_classes)

    def forward(self, x):
        x = torch.nn.functional.conv2d(x, self.w, stride=(1, 2), padding=(1, 2))
        return self.head(torch.nn.functional.max_pool2d(x, 2).mean(dim=(2, 3)))
'''


def test_a_folder_data_set_and_a_model_file(capsys, tmp_path):
    root = write_image_folder(tmp_path / "bars", classes=2, per_class=3)
    (tmp_path / "wide.py").write_text(WIDE_MODEL)
    model = f"{tmp_path / 'wide.py'}:Wide"
    code, out, err = run_cli(capsys, "summary", "--model", model, "--dataset", f"folder:{root}",
                             "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["input_shape"] == [3, 16, 16]
    conv, pool, head = report["layers"]
    assert conv == {
        "name": "conv2d", "type": "conv2d", "output_shape": [4, 16, 8], "params": 180,
        "receptive_field": [3, 5], "jump": [1, 2],
        "formula": "H: (16 - 3 + 2*1) / 1 + 1 = 16; W: floor((16 - 5 + 2*2) / 2) + 1 = 8",
    }  # fmt: skip
    assert (pool["type"], pool["output_shape"], pool["receptive_field"], pool["jump"]) == (
        "max_pool2d", [4, 8, 4], [4, 7], [2, 4])
    assert head["output_shape"] == [2] and head["receptive_field"] == [16, 16]

    code, out, _ = run_cli(capsys, "summary", "--model", model, "--dataset", f"folder:{root}")
    rows = {line.split()[0]: line.split() for line in out.splitlines() if line.strip()}
    assert code == 0 and rows["conv2d"][4:6] == ["3x5", "1x2"]
    assert rows["max_pool2d"][4:6] == ["4x7", "2x4"] and rows["head"][4] == "all"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--model", "nope", "--dataset", "mnist"], "unknown model 'nope'"),
        (["--model", "simple-cnn", "--dataset", "nope"], "unknown data set 'nope'"),
        (["--model", "lenet5", "--dataset", "folder:TINY"],
         "lenet5 cannot be built for 3x3 images"),
    ],
)
def test_errors_are_one_line(capsys, tmp_path, args, message):
    root = tmp_path / "tiny"
    for split, label in product(("train", "test"), ("a", "b")):
        (root / split / label).mkdir(parents=True)
        Image.fromarray(np.full((3, 3), 200, dtype=np.uint8)).save(root / split / label / "1.png")
    args = [a.replace("TINY", str(root)) for a in args]
    code, out, err = run_cli(capsys, "summary", *args)
    assert code == 1 and out == ""
    assert err.startswith(f"cnnviz: error: {message}") and err.count("\n") == 1
