import numpy as np
import pytest
from PIL import Image, ImageDraw

from cnnviz.core.analysis.drawing import prepare_drawing


def canvas_with(shapes, size=280, ink=0, background=255, width=20):
    image = Image.new("L", (size, size), background)
    draw = ImageDraw.Draw(image)
    for shape in shapes:
        kind, coords = shape
        if kind == "line":
            draw.line(coords, fill=ink, width=width)
        else:
            draw.ellipse(coords, fill=ink)
    return np.asarray(image)


def centre_of_mass(image):
    ys, xs = np.mgrid[0 : image.shape[0], 0 : image.shape[1]]
    total = image.sum()
    return (ys * image).sum() / total, (xs * image).sum() / total


def ink_box(image):
    rows, cols = np.nonzero(image > 40)
    return rows.max() - rows.min() + 1, cols.max() - cols.min() + 1


def test_a_small_digit_in_a_corner_is_scaled_to_20px_and_centred_by_mass():
    canvas = canvas_with([("line", [(20, 20), (20, 110)])], width=12)  # a "1", top left
    digit = prepare_drawing(canvas).image
    assert digit.shape == (28, 28) and digit.dtype == np.uint8
    height, _width = ink_box(digit)
    assert 19 <= height <= 21
    cy, cx = centre_of_mass(digit.astype(float))
    assert abs(cy - 13.5) <= 1 and abs(cx - 13.5) <= 1


def test_aspect_ratio_is_kept():
    canvas = canvas_with([("line", [(40, 140), (240, 140)])], width=40)  # wide bar, 5:1
    digit = prepare_drawing(canvas).image
    height, width = ink_box(digit)
    assert 19 <= width <= 21
    assert 3 <= height <= 6


def test_polarity_light_ink_on_dark_gives_the_same_digit():
    dark_on_light = canvas_with([("line", [(60, 60), (200, 220)])])
    light_on_dark = 255 - dark_on_light
    a = prepare_drawing(dark_on_light).image
    b = prepare_drawing(light_on_dark).image
    assert np.array_equal(a, b)
    assert a.max() > 200 and a[0, 0] == 0  # white ink on black, as in MNIST


def test_colour_canvases_work():
    grey = canvas_with([("line", [(60, 60), (200, 220)])])
    rgb = np.repeat(grey[..., None], 3, axis=2)
    assert np.array_equal(prepare_drawing(grey).image, prepare_drawing(rgb).image)


def test_the_empty_canvas_gives_no_digit():
    result = prepare_drawing(np.full((280, 280), 255, dtype=np.uint8))
    assert result.image is None and result.reason == "empty"


def test_a_single_dot_is_not_a_digit():
    result = prepare_drawing(canvas_with([("dot", [135, 135, 145, 145])]))
    assert result.image is None and result.reason == "too small"


def test_a_stroke_touching_the_edge_stays_whole():
    canvas = canvas_with([("line", [(0, 0), (0, 279)])], width=30)
    digit = prepare_drawing(canvas).image
    height, _ = ink_box(digit)
    assert 19 <= height <= 21
    assert digit[0].max() < 40 and digit[-1].max() < 40  # nothing cut off at the borders


@pytest.mark.parametrize("size", [(32, 32), (64, 48)])
def test_other_input_sizes_keep_the_proportions(size):
    canvas = canvas_with([("line", [(100, 40), (100, 240)])])
    digit = prepare_drawing(canvas, size).image
    assert digit.shape == size
    height, _ = ink_box(digit)
    assert abs(height - round(20 / 28 * min(size))) <= 1
