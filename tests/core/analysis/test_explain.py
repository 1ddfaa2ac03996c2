import json

import numpy as np
import pytest
import torch
from PIL import Image
from torch import nn

from cnnviz.cli import main
from cnnviz.core.analysis.explain import colorize, explain, overlay
from cnnviz.core.errors import CnnvizError


class QuadrantModel(nn.Module):
    """Class 0's score is the mean brightness; class 1's its negative. A 1x1 conv passes the
    image through, so the evidence for class 0 is exactly where the image is bright."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 1, kernel_size=1)
        with torch.no_grad():
            self.conv.weight.fill_(1.0)
            self.conv.bias.zero_()
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(1, 2)
        with torch.no_grad():
            self.fc.weight.copy_(torch.tensor([[1.0], [-1.0]]))
            self.fc.bias.zero_()

    def forward(self, x):
        return self.fc(self.pool(torch.relu(self.conv(x))).flatten(1))


def quadrant_image():
    image = torch.zeros(1, 1, 16, 16)
    image[0, 0, 2:6, 10:14] = 1.0  # evidence only in the top-right quadrant
    return image


@pytest.mark.parametrize("method", ["gradcam", "saliency"])
def test_the_heatmap_peaks_where_the_evidence_is(method):
    model = QuadrantModel()
    result = explain(model, quadrant_image(), method=method, class_index=0)
    heatmap = result.heatmap
    assert heatmap.shape == (16, 16) and heatmap.max() == pytest.approx(1.0)
    y, x = np.unravel_index(np.argmax(heatmap), heatmap.shape)
    assert y < 8 and x >= 8
    top_right = heatmap[:8, 8:].sum()
    assert top_right > 0.9 * heatmap.sum()
    assert all(p.grad is None for p in model.parameters())  # nothing leaks into training


def test_defaults_are_the_last_conv_and_the_predicted_class():
    result = explain(QuadrantModel(), quadrant_image())
    assert result.layer == "conv" and result.class_index == 0 and result.probability > 0.5


def test_bad_layer_and_class():
    with pytest.raises(CnnvizError, match="no conv layer named 'fc'"):
        explain(QuadrantModel(), quadrant_image(), layer="fc")
    with pytest.raises(CnnvizError, match="class 5 does not exist"):
        explain(QuadrantModel(), quadrant_image(), class_index=5)


def test_overlay_and_colours():
    heatmap = np.linspace(0, 1, 12, dtype=np.float32).reshape(3, 4)
    colours = colorize(heatmap)
    assert colours.shape == (3, 4, 3) and colours.dtype == np.uint8
    assert colours[0, 0, 2] > colours[0, 0, 0] and colours[-1, -1, 0] > colours[-1, -1, 2]
    mixed = overlay(np.zeros((3, 4), dtype=np.uint8), heatmap, opacity=1.0)
    assert np.array_equal(mixed, colours)


def test_explain_command(tmp_path, capsys):
    image = np.zeros((28, 28), dtype=np.uint8)
    image[4:24, 12:16] = 255
    Image.fromarray(image).save(tmp_path / "one.png")
    out = tmp_path / "cam.png"
    code = main(["explain", str(tmp_path / "one.png"), "--out", str(out), "--json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0 and out.is_file()
    assert report["class"] == "1" and report["layer"] == "layer2.0"
    assert np.array(report["heatmap"]).shape == (28, 28)
    assert Image.open(out).size == (28, 28)


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--layer", "fc"], "no conv layer named 'fc'"), (["--class", "12"], "does not exist")],
)
def test_explain_errors(tmp_path, capsys, args, message):
    Image.fromarray(np.full((28, 28), 200, dtype=np.uint8)).save(tmp_path / "x.png")
    code = main(["explain", str(tmp_path / "x.png"), "--out", str(tmp_path / "o.png"), *args])
    assert code == 1 and message in capsys.readouterr().err


def test_explain_a_file_that_is_not_an_image(tmp_path, capsys):
    (tmp_path / "x.png").write_text("nope")
    code = main(["explain", str(tmp_path / "x.png"), "--out", str(tmp_path / "o.png")])
    assert code == 1 and "is not an image" in capsys.readouterr().err
