import json
from fractions import Fraction

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from cnnviz.cli import main
from cnnviz.core.analysis.conv_demo import ConvExample, ConvSettings

#: every combination of these that torch accepts is checked against the formula
SIDES, KERNELS, STRIDES, PADDINGS = range(1, 9), range(1, 6), range(1, 4), range(3)


def run_json(capsys, *args):
    assert main(["conv", *map(str, args), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_tutorials_demo(capsys):
    settings = ConvSettings()
    assert settings.formula() == "(5 - 3 + 2*1) / 2 + 1 = 3"
    assert settings.valid and settings.parameters == 2 * (3 * 3 * 3 + 1) == 56
    report = run_json(capsys)
    assert report["output_size"] == 3 and report["valid"] is True
    assert report["formula"] == "(5 - 3 + 2*1) / 2 + 1 = 3" and report["parameters"] == 56
    assert np.shape(report["input"]) == (3, 5, 5)
    assert np.shape(report["weights"]) == (2, 3, 3, 3) and np.shape(report["bias"]) == (2,)
    assert np.shape(report["output"]) == (2, 3, 3)
    assert set(np.unique(report["input"])) <= {0, 1, 2}
    assert set(np.unique(report["weights"])) <= {-1, 0, 1}
    expected = F.conv2d(torch.tensor([report["input"]]), torch.tensor(report["weights"]),
                        torch.tensor(report["bias"]), stride=2, padding=1)  # fmt: skip
    assert expected[0].tolist() == report["output"]


def test_the_same_seed_gives_the_same_numbers_and_another_seed_others(capsys):
    first, again = run_json(capsys, "--seed", 4), run_json(capsys, "--seed", 4)
    other = run_json(capsys, "--seed", 5)
    assert first == again and first["input"] != other["input"]


@pytest.mark.parametrize("seed", range(4))
def test_every_valid_setting_computes_what_conv2d_computes(seed):
    rng = np.random.default_rng(seed)
    checked = 0
    for _ in range(60):
        side, depth, filters = int(rng.integers(1, 10)), int(rng.integers(1, 5)), int(
            rng.integers(1, 4))
        kernel, stride, padding = (int(rng.integers(1, 6)), int(rng.integers(1, 4)),
                                   int(rng.integers(0, 3)))  # fmt: skip
        settings = ConvSettings(side, side + int(rng.integers(0, 2)) * stride, depth, filters,
                                kernel, stride, padding)  # fmt: skip
        example = ConvExample.random(settings, seed)
        if not settings.valid:
            assert example.output is None and example.steps() == []
            continue
        expected = F.conv2d(torch.from_numpy(example.input)[None],
                            torch.from_numpy(example.weights), torch.from_numpy(example.bias),
                            stride=stride, padding=padding)[0].numpy()  # fmt: skip
        assert np.array_equal(example.output, expected)
        assert example.output.shape == (filters, settings.output_height,
                                        settings.output_width)  # fmt: skip
        k, r, c = example.steps()[-1]
        step = example.step(k, r, c)
        assert sum(step.slice_sums) + step.bias == step.result == expected[k, r, c]
        checked += 1
    assert checked > 10


def test_exactly_the_settings_whose_windows_tile_the_padded_input_are_valid():
    """The full list over sides 1-8, kernels 1-5, strides 1-3 and paddings 0-2: settings are
    valid when torch accepts them and its last window ends on the padded input's edge."""
    invalid = []
    for side, kernel, stride, padding in np.ndindex(9, 6, 4, 3):
        if min(side, kernel, stride) == 0:
            continue
        settings = ConvSettings(side, side, 1, 1, kernel, stride, padding)
        tiles = False
        if kernel <= side + 2 * padding:
            out = F.conv2d(torch.zeros(1, 1, side, side), torch.zeros(1, 1, kernel, kernel),
                           stride=stride, padding=padding).shape[-1]  # fmt: skip
            tiles = (out - 1) * stride + kernel == side + 2 * padding
            assert out == int(settings.output_width) if tiles else True
        assert settings.valid == tiles, settings
        if not tiles:
            invalid.append((side, kernel, stride, padding))
            value = Fraction(side - kernel + 2 * padding, stride) + 1
            assert value.denominator != 1 or value < 1
    assert (6, 3, 2, 0) in invalid and (5, 3, 2, 1) not in invalid
    assert len(invalid) == 160


@pytest.mark.parametrize(
    ("settings", "reason"),
    [
        (ConvSettings(6, 6, 1, 1, 3, 2, 0),
         "the width gives (6 - 3 + 2*0) / 2 + 1 = 2.5, not a whole number"),
        (ConvSettings(5, 8, 1, 1, 3, 2, 1),
         "the height gives (8 - 3 + 2*1) / 2 + 1 = 4.5, not a whole number"),
        (ConvSettings(7, 7, 1, 1, 3, 3, 0),
         "the width gives (7 - 3 + 2*0) / 3 + 1 = 2.333, not a whole number"),
        (ConvSettings(3, 3, 1, 1, 7, 1, 1),
         "the 7x7 filter is larger than the padded width, 3 + 2*1 = 5"),
    ],
)
def test_impossible_settings_say_why(settings, reason):
    assert not settings.valid and settings.problem().startswith(reason)


def test_non_square_settings_give_two_formulas():
    settings = ConvSettings(5, 7, 1, 1, 3, 2, 1)
    assert settings.formula() == "W: (5 - 3 + 2*1) / 2 + 1 = 3; H: (7 - 3 + 2*1) / 2 + 1 = 4"


def test_impossible_settings_on_the_command_line(capsys):
    report = run_json(capsys, "--width", 6, "--kernel", 3, "--stride", 2, "--padding", 0)
    assert report["valid"] is False and report["output_size"] == 2.5
    assert report["formula"] == "(6 - 3 + 2*0) / 2 + 1 = 2.5" and report["output"] is None
    assert np.shape(report["input"]) == (3, 6, 6)
    assert main(["conv", "--width", "6", "--padding", "0"]) == 0
    assert "impossible settings" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["conv", "--padding", "-1"])
    assert "--padding: must be at least 0" in capsys.readouterr().err
