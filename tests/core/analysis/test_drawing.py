import numpy as np
import pytest
from PIL import Image, ImageDraw

from cnnviz.core.analysis.drawing import STROKE_RANGE, in_proportion, prepare_drawing, stroke_width


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


def test_the_centre_of_mass_lands_where_mnists_does():
    """MNIST's test digits have their centre of mass at (14.0, 14.0) on average (whole-pixel
    shifts leave each within half a pixel), not at the middle pixel's 13.5."""
    rng = np.random.default_rng(0)
    centres = []
    for _ in range(16):
        points = [tuple(p) for p in rng.uniform(40, 240, (4, 2))]
        digit = prepare_drawing(canvas_with([("line", points)], width=12)).image
        centres.append(centre_of_mass(digit.astype(float)))
    cy, cx = np.mean(centres, axis=0)
    assert abs(cy - 14.0) <= 0.2 and abs(cx - 14.0) <= 0.2


def seven(size, pen):
    """A 7 drawn with a round pen, ``size`` px high in a 280 canvas."""
    x, y = 140 - size // 3, 140 - size // 2
    return canvas_with([("line", [(x, y), (x + 2 * size // 3, y), (x + size // 4, y + size)])],
                       width=pen)


def test_strokes_are_in_proportion_to_the_digit_whatever_the_pen():
    """Scaled to 20 px, a small 7 drawn with a fat pen would be a blob and a large one with a
    fine pen a hairline; MNIST's strokes are in proportion, so both come out alike."""
    small_fat = prepare_drawing(seven(60, 22)).image.astype(float)
    large_fine = prepare_drawing(seven(250, 4)).image.astype(float)
    ratio = small_fat.sum() / large_fine.sum()
    assert 0.7 < ratio < 2  # pen widths 22/60 and 4/250 of the digit: 23 times apart
    for digit in (small_fat, large_fine):
        up = np.asarray(Image.fromarray(digit.astype(np.uint8)).resize((112, 112)))
        width = stroke_width(up > 127) / 80  # of the 20-px box, 4x
        assert STROKE_RANGE[0] - 0.02 <= width <= STROKE_RANGE[1] + 0.02


def test_strokes_already_in_mnists_range_are_left_alone():
    ink = np.zeros((100, 100), dtype=np.float32)
    ink[:, 44:56] = 1.0  # a bar 12 wide for an extent of 100: in range
    assert in_proportion(ink) is ink


@pytest.mark.parametrize("width", [3, 8, 20])
def test_stroke_width_measures_a_bar(width):
    mask = np.zeros((200, 200), dtype=bool)
    mask[20:180, 50 : 50 + width] = True
    assert abs(stroke_width(mask) - width) <= 0.1 * width


def test_faint_ink_comes_out_at_full_strength():
    canvas = canvas_with([("line", [(60, 60), (200, 220)])], ink=190)  # light grey pencil
    assert prepare_drawing(canvas).image.max() == 255


def test_a_digit_on_grey_uneven_noisy_paper_comes_out_as_on_white():
    """A scan or a photo: the paper's specks must not stretch the digit's box, its grey must
    not fill the digit, and faded ink is full ink."""
    clean = canvas_with([("line", [(100, 50), (180, 60), (120, 230)])], width=16)
    rng = np.random.default_rng(0)
    paper = 175 + np.linspace(-15, 15, 280)[None, :] + rng.normal(0, 4, (280, 280))
    scan = np.clip(paper - (255 - clean.astype(float)) / 255 * (paper - 120), 0, 255)  # faded
    a = prepare_drawing(clean).image.astype(float)
    b = prepare_drawing(scan.astype(np.uint8)).image.astype(float)
    assert ink_box(a) == pytest.approx(ink_box(b), abs=1)
    assert np.abs(a - b).mean() < 5  # before: 55, a grey blob
