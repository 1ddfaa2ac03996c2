import json

import numpy as np
import pytest
import torch
from PIL import Image, ImageDraw

from cnnviz.cli import main
from cnnviz.core.analysis.prediction import Predictor, shipped_weights_path


def draw_digit(path, digit, size=280, ink=0, background=255):
    """Render a digit the way a person might draw it: a few thick strokes."""
    strokes = {
        0: [("ellipse", (80, 40, 200, 240))],
        1: [("line", [(140, 40), (140, 240)])],
        7: [("line", [(70, 50), (210, 50), (120, 240)])],
    }[digit]
    image = Image.new("L", (size, size), background)
    draw = ImageDraw.Draw(image)
    for kind, coords in strokes:
        if kind == "line":
            draw.line(coords, fill=ink, width=22, joint="curve")
        else:
            draw.ellipse(coords, outline=ink, width=22)
    image.save(path)
    return path


def test_shipped_weights_load_with_weights_only():
    path = shipped_weights_path()
    assert path.is_file()
    payload = torch.load(path, weights_only=True)
    assert payload["meta"]["model"] == "simple-cnn"
    assert payload["meta"]["metrics"]["test_acc"] >= 0.99


@pytest.mark.parametrize("digit", [0, 1, 7])
def test_shipped_weights_read_drawn_digits(tmp_path, digit):
    predictor = Predictor.from_checkpoint()
    image = predictor.prepare_file(draw_digit(tmp_path / f"{digit}.png", digit), drawn=True)
    assert predictor.predict(image).label == str(digit)


def test_predict_json(tmp_path, capsys):
    files = [draw_digit(tmp_path / "seven.png", 7), draw_digit(tmp_path / "one.png", 1,
                                                               ink=255, background=0)]
    code = main(["predict", "--drawn", "--json", *map(str, files)])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 0
    assert [line["predicted"] for line in lines] == ["7", "1"]
    assert lines[0]["file"] == str(files[0])
    probabilities = lines[0]["probabilities"]
    assert sorted(probabilities) == [str(d) for d in range(10)]
    assert sum(probabilities.values()) == pytest.approx(1, abs=1e-4)


def test_predict_without_drawn_resizes_the_image(tmp_path, capsys):
    image = np.zeros((56, 56), dtype=np.uint8)
    image[8:48, 26:32] = 255  # a white "1" on black, MNIST-like
    Image.fromarray(image).save(tmp_path / "one.png")
    assert main(["predict", str(tmp_path / "one.png")]) == 0
    assert capsys.readouterr().out.startswith(f"{tmp_path / 'one.png'}: 1 (")


def test_a_file_that_is_not_an_image_fails_alone(tmp_path, capsys):
    good = draw_digit(tmp_path / "seven.png", 7)
    bad = tmp_path / "notes.png"
    bad.write_text("this is not a picture")
    code = main(["predict", "--drawn", "--json", str(bad), str(good)])
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines()]
    assert code == 1
    assert "is not an image" in lines[0]["error"] and lines[1]["predicted"] == "7"
    assert f"cnnviz: error: {bad}: is not an image" in captured.err


def test_an_empty_drawing_is_refused(tmp_path, capsys):
    Image.new("L", (100, 100), 255).save(tmp_path / "blank.png")
    assert main(["predict", "--drawn", str(tmp_path / "blank.png")]) == 1
    assert "has no ink" in capsys.readouterr().err


def test_a_missing_checkpoint(tmp_path, capsys):
    assert main(["predict", "--checkpoint", str(tmp_path / "nope.pt"), "x.png"]) == 1
    assert "no such file" in capsys.readouterr().err


def test_the_first_mistake_after_an_index():
    """Next misclassified: the first test image from ``start`` on that the model gets wrong,
    found across batches; None when there is none after it, or when asked to stop."""
    from cnnviz.core.analysis.prediction import first_mistake
    from cnnviz.core.data.batches import Normalizer
    from cnnviz.core.data.types import ImageSplit

    class Brightness(torch.nn.Module):  # predicts 1 for a bright image, 0 for a dark one
        def forward(self, x):
            mean = x.mean(dim=(1, 2, 3))
            return torch.stack([-mean, mean], dim=1)

    images = torch.zeros(12, 1, 4, 4, dtype=torch.uint8)
    images[[3, 9]] = 255
    split = ImageSplit(images, torch.zeros(12, dtype=torch.int64))  # every label 0
    normalizer = Normalizer([0.5], [0.5], torch.device("cpu"))
    model = Brightness()
    assert first_mistake(model, normalizer, split, 0, batch_size=5) == 3
    assert first_mistake(model, normalizer, split, 4, batch_size=5) == 9
    assert first_mistake(model, normalizer, split, 10, batch_size=5) is None
    assert first_mistake(model, normalizer, split, 0, should_stop=lambda: True) is None
