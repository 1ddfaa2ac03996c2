"""Captum's attributions beside cnnviz's own Grad-CAM and saliency, on every model, and the
randomisation sanity check of Adebayo et al. (2018)."""

import copy
import json

import numpy as np
import pytest
import torch
from PIL import Image
from scipy.stats import spearmanr

from cnnviz.cli import main
from cnnviz.cli.explain import METHODS as COMMAND_METHODS
from cnnviz.core.analysis.explain import CAPTUM_METHODS, LAYER_METHODS, METHODS, explain
from cnnviz.core.analysis.prediction import Predictor
from cnnviz.core.models.registry import MODELS, build_model
from cnnviz.core.models.shape import InputShape

CUSTOM_MODEL = """
import torch
from torch import nn

class Net(nn.Module):
    def __init__(self, in_channels, num_classes):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(in_channels, 6, 3, padding=1), nn.ReLU(),
                                      nn.MaxPool2d(2), nn.Conv2d(6, 8, 3, padding=1))
        self.head = nn.Linear(8, num_classes)

    def forward(self, x):
        return self.head(torch.relu(self.features(x)).mean(dim=(2, 3)))
"""


def digit() -> np.ndarray:
    """A 7 drawn as MNIST's digits are: light strokes on black, uint8 [1, 28, 28]."""
    image = np.zeros((1, 28, 28), dtype=np.uint8)
    image[0, 6:9, 7:21] = 255
    for row in range(9, 23):
        column = 20 - (row - 9) // 2
        image[0, row, column - 1 : column + 2] = 255
    return image


def test_the_command_offers_every_method():
    assert list(METHODS) == COMMAND_METHODS


@pytest.mark.parametrize("name", [*MODELS, "custom"])
def test_every_method_runs_on_every_model(name, tmp_path):
    shape = InputShape(3, 20, 20, 4) if name in ("resnet", "tinyvgg") else InputShape(
        1, 16, 16, 4)  # fmt: skip
    if name == "custom":
        (tmp_path / "net.py").write_text(CUSTOM_MODEL)
        name = f"{tmp_path / 'net.py'}:Net"
    torch.manual_seed(0)
    model = build_model(name, shape).eval()
    inputs = torch.randn(1, shape.channels, shape.height, shape.width)
    for method in METHODS:
        result = explain(model, inputs, method, class_index=2)
        assert result.method == method and result.class_index == 2
        assert result.heatmap.shape == (shape.height, shape.width), method
        assert np.isfinite(result.heatmap).all() and result.heatmap.min() >= 0
        # (guided) Grad-CAM keeps only evidence for the class, which random weights may lack
        if method not in LAYER_METHODS or result.heatmap.any():
            assert result.heatmap.max() == pytest.approx(1.0), method
        assert (result.layer != "") == (method in LAYER_METHODS)
    assert all(p.grad is None for p in model.parameters())  # nothing leaks into training


def randomised(model: torch.nn.Module) -> torch.nn.Module:
    """The same architecture with every layer's weights drawn afresh."""
    model = copy.deepcopy(model)
    torch.manual_seed(1)
    for module in model.modules():
        if module is not model and hasattr(module, "reset_parameters"):
            module.reset_parameters()
    return model.eval()


@pytest.mark.parametrize("method", METHODS)
def test_randomising_the_weights_changes_every_map(method):
    """Adebayo et al. (2018), model parameter randomisation: a map that stays the same when
    the trained weights are replaced by random ones explains the image, not the model. Here
    the maps' rank correlation must fall below 0.6 (it is 0.1 to 0.4 for these six)."""
    trained = Predictor.from_checkpoint(None)
    inputs = trained.normalized(digit()[None])
    original = explain(trained.model, inputs, method)
    assert trained.meta.class_names[original.class_index] == "7"
    after = explain(randomised(trained.model), inputs, method,
                    class_index=original.class_index)  # fmt: skip
    similarity = spearmanr(original.heatmap.ravel(), after.heatmap.ravel()).statistic
    assert similarity < 0.6, f"{method}: rank correlation {similarity:.2f}"


@pytest.mark.parametrize("method", CAPTUM_METHODS)
def test_the_explain_command_takes_captum_methods(tmp_path, capsys, method):
    Image.fromarray(digit()[0]).save(tmp_path / "seven.png")
    out = tmp_path / "map.png"
    code = main(["explain", str(tmp_path / "seven.png"), "--method", method, "--out",
                 str(out), "--json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0 and report["method"] == method and report["class"] == "7"
    assert np.array(report["heatmap"]).shape == (28, 28) and Image.open(out).size == (28, 28)
    assert report["layer"] == ("layer2.0" if method == "guided-gradcam" else "")
