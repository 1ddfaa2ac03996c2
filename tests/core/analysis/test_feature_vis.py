import json

import numpy as np
import pytest
import torch
from PIL import Image

from cnnviz.cli import main
from cnnviz.core.analysis.feature_vis import (
    FourierImage,
    Objective,
    best_in_split,
    random_transforms,
    visualize,
)
from cnnviz.core.analysis.prediction import Predictor
from cnnviz.core.data.batches import Normalizer
from cnnviz.core.data.types import ImageSplit
from cnnviz.core.errors import CnnvizError
from cnnviz.core.models.registry import build_model
from cnnviz.core.models.shape import InputShape
from cnnviz.core.training.evaluation import load_test_split

STEPS = 64


@pytest.fixture(scope="module")
def shipped():
    return Predictor.from_checkpoint(None)


@pytest.mark.parametrize(
    "objective",
    [Objective("layer1.0", 1), Objective("layer2.0", 3), Objective("layer2.0", 9, "unit"),
     Objective("", 4, "class")],
    ids=["first-layer channel", "second-layer channel", "centre unit", "class"],
)
def test_the_visualisation_beats_every_test_image(shipped, mnist_dir, objective):
    """On the shipped (trained) MNIST model; layer1.0 channel 1 wants a black page, which a
    test image of a thin digit nearly is."""
    data = load_test_split(shipped.meta, mnist_dir)
    weights = {k: v.clone() for k, v in shipped.model.state_dict().items()}
    result = visualize(shipped.model, objective, (1, 28, 28), shipped.normalizer, steps=STEPS)
    best, _ = best_in_split(shipped.model, objective, data.test, shipped.normalizer)
    assert result.image.shape == (1, 28, 28) and result.image.dtype == np.uint8
    assert result.activation > best
    assert result.history[-1] > result.history[0]
    with torch.no_grad():
        measured = objective(shipped.model, shipped.normalized(result.image[None]))
    assert float(measured[0]) == pytest.approx(result.activation)
    state = shipped.model.state_dict()
    assert all(torch.equal(weights[k], state[k]) for k in weights)  # the model is untouched
    assert all(p.grad is None for p in shipped.model.parameters())


def test_colour_images_beat_their_test_images_too():
    torch.manual_seed(0)
    model = build_model("tinyvgg", InputShape(3, 20, 20, 4)).eval()
    normalizer = Normalizer([0.5, 0.4, 0.3], [0.25, 0.25, 0.25], torch.device("cpu"))
    rng = np.random.default_rng(0)
    split = ImageSplit(torch.from_numpy(rng.integers(0, 256, (40, 3, 20, 20), dtype=np.uint8)),
                       torch.zeros(40, dtype=torch.int64))
    objective = Objective("block2.0", 2)
    result = visualize(model, objective, (3, 20, 20), normalizer, steps=STEPS)
    assert result.image.shape == (3, 20, 20)
    assert result.activation > best_in_split(model, objective, split, normalizer)[0]
    spread = result.image.reshape(3, -1).astype(float)
    assert not np.allclose(spread[0], spread[1])  # the channels are free to differ


def test_the_fourier_image_and_its_transforms():
    generator = torch.Generator().manual_seed(0)
    image = FourierImage(3, 10, 14, generator)().detach()
    assert image.shape == (1, 3, 10, 14) and float(image.min()) > 0 and float(image.max()) < 1
    batch = random_transforms(image, 3, generator)
    assert batch.shape == (4, 3, 10, 14)
    assert torch.equal(batch[0], image[0])  # the image as it is leads every batch
    assert not torch.allclose(batch[1], image[0])


def test_stopping_and_bad_objectives(shipped):
    asked = iter([False, False, True])
    assert visualize(shipped.model, Objective("layer1.0", 0), (1, 28, 28), shipped.normalizer,
                     steps=8, should_stop=lambda: next(asked)) is None
    with pytest.raises(CnnvizError, match="channel of layer1.0 16 does not exist"):
        visualize(shipped.model, Objective("layer1.0", 16), (1, 28, 28), shipped.normalizer,
                  steps=2)
    with pytest.raises(CnnvizError, match="unknown objective"):
        Objective("layer1.0", 0, "pixel")


def test_the_visualize_command(mnist_dir, tmp_path, capsys):
    out = tmp_path / "channel.png"
    code = main(["visualize", "--layer", "layer2.0", "--channel", "5", "--out", str(out),
                 "--steps", str(STEPS), "--json", "--data-dir", str(mnist_dir), "--offline"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0 and Image.open(out).size == (28, 28)
    assert report["activation"] > report["best_dataset_activation"]
    assert report["layer"] == "layer2.0" and report["objective"] == "channel"
    assert main(["visualize", "--out", str(out)]) == 1
    assert "give --layer and --channel, or --class" in capsys.readouterr().err
