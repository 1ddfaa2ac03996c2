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
def test_every_setting_computes_what_conv2d_computes(seed):
    rng = np.random.default_rng(seed)
    checked = uneven = 0
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
        uneven += not settings.tiles_evenly
    assert checked > 10 and uneven > 3


@pytest.mark.parametrize(("width", "height", "kernel", "stride", "padding"),
                         [(6, 6, 3, 2, 0), (16, 16, 3, 2, 1), (7, 5, 3, 3, 0), (12, 9, 4, 3, 1),
                          (8, 8, 3, 4, 3)])  # fmt: skip
def test_settings_that_do_not_tile_evenly_are_floored_as_conv2d_floors_them(
        width, height, kernel, stride, padding):  # fmt: skip
    settings = ConvSettings(width, height, 2, 3, kernel, stride, padding)
    assert settings.valid and not settings.tiles_evenly
    example = ConvExample.random(settings, seed=1)
    expected = F.conv2d(torch.from_numpy(example.input)[None], torch.from_numpy(example.weights),
                        torch.from_numpy(example.bias), stride=stride, padding=padding)[0]
    assert np.array_equal(example.output, expected.numpy())
    assert (settings.output_height, settings.output_width) == tuple(expected.shape[1:])
    # the dropped rows and columns are exactly the ones no window reaches
    for size, out in ((width, settings.output_width), (height, settings.output_height)):
        assert (out - 1) * stride + kernel + settings.dropped(size) == size + 2 * padding


def test_the_output_size_is_the_floored_one_and_tiling_evenly_is_told_apart():
    """The full list over sides 1-8, kernels 1-5, strides 1-3 and paddings 0-2: the output
    size is the one conv2d gives, settings tile evenly when its last window ends on the
    padded input's edge, and only a filter larger than the padded input gives no output."""
    uneven = 0
    for side, kernel, stride, padding in np.ndindex(9, 6, 4, 3):
        if min(side, kernel, stride) == 0:
            continue
        settings = ConvSettings(side, side, 1, 1, kernel, stride, padding)
        if kernel > side + 2 * padding:
            assert not settings.valid and "larger than the padded width" in settings.problem()
            continue
        out = F.conv2d(torch.zeros(1, 1, side, side), torch.zeros(1, 1, kernel, kernel),
                       stride=stride, padding=padding).shape[-1]  # fmt: skip
        assert settings.valid and settings.output_width == out
        tiles = (out - 1) * stride + kernel == side + 2 * padding
        assert settings.tiles_evenly == tiles and (settings.tiling() == "") == tiles
        value = Fraction(side - kernel + 2 * padding, stride) + 1
        assert (value.denominator == 1) == tiles
        uneven += not tiles
    assert not ConvSettings(6, 6, 1, 1, 3, 2, 0).tiles_evenly
    assert ConvSettings(5, 5, 1, 1, 3, 2, 1).tiles_evenly
    assert uneven == 121


@pytest.mark.parametrize(
    ("settings", "formula", "tiling"),
    [
        (ConvSettings(6, 6, 1, 1, 3, 2, 0), "floor((6 - 3 + 2*0) / 2) + 1 = 2",
         "along the width, (6 - 3 + 2*0) / 2 = 1.5 is not whole, and the last column "
         "(column 5) of the padded input is dropped"),
        (ConvSettings(5, 8, 1, 1, 3, 2, 1), "H: floor((8 - 3 + 2*1) / 2) + 1 = 4",
         "along the height, (8 - 3 + 2*1) / 2 = 3.5 is not whole, and the last row (row 9)"),
        (ConvSettings(7, 7, 1, 1, 3, 3, 0), "floor((7 - 3 + 2*0) / 3) + 1 = 2",
         "the last row (row 6)"),
        (ConvSettings(12, 12, 1, 1, 4, 3, 0), "floor((12 - 4 + 2*0) / 3) + 1 = 3",
         "the last 2 columns (columns 10-11) of the padded input are dropped"),
    ],
)
def test_settings_that_do_not_tile_evenly_say_what_is_dropped(settings, formula, tiling):
    assert settings.valid and formula in settings.formula() and tiling in settings.tiling()


def test_a_filter_larger_than_the_padded_input_gives_no_output():
    settings = ConvSettings(3, 3, 1, 1, 7, 1, 1)
    assert settings.problem().startswith("the 7x7 filter is larger than the padded width, "
                                         "3 + 2*1 = 5")  # fmt: skip
    assert ConvExample.random(settings).output is None


def test_non_square_settings_give_two_formulas():
    settings = ConvSettings(5, 7, 1, 1, 3, 2, 1)
    assert settings.formula() == "W: (5 - 3 + 2*1) / 2 + 1 = 3; H: (7 - 3 + 2*1) / 2 + 1 = 4"


def test_the_tutorials_resnet_downsampling_on_the_command_line(capsys):
    report = run_json(capsys, "--width", 16, "--depth", 16, "--filters", 4, "--kernel", 3,
                      "--stride", 2, "--padding", 1)  # fmt: skip
    assert report["output_size"] == 8 and report["tiles_evenly"] is False
    assert report["valid"] is True and report["dropped"] == 1
    assert report["formula"] == "floor((16 - 3 + 2*1) / 2) + 1 = 8"
    expected = F.conv2d(torch.tensor([report["input"]]), torch.tensor(report["weights"]),
                        torch.tensor(report["bias"]), stride=2, padding=1)  # fmt: skip
    assert expected[0].tolist() == report["output"]
    assert main(["conv", "--width", "6", "--padding", "0"]) == 0
    out = capsys.readouterr().out
    assert "impossible" not in out and "output volume: 2x2x2" in out
    assert "does not tile the padded input evenly" in out
    with pytest.raises(SystemExit):
        main(["conv", "--padding", "-1"])
    assert "--padding: must be at least 0" in capsys.readouterr().err


@pytest.mark.parametrize(("flag", "value", "limit"),
                         [("--width", 100000, "from 1 to 16"), ("--depth", 10**9, "from 1 to 16"),
                          ("--filters", 5000, "from 1 to 8"), ("--kernel", 99, "from 1 to 7"),
                          ("--stride", 50, "from 1 to 4"), ("--padding", 10**6, "from 0 to 3")])
def test_huge_settings_are_refused_in_one_line(capsys, flag, value, limit):
    assert main(["conv", flag, str(value)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("cnnviz: error: the ") and captured.err.count("\n") == 1
    assert f"{limit} (got {value})" in captured.err
