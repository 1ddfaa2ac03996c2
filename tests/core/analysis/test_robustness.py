import numpy as np

from cnnviz.core.analysis.drawing import prepare_drawing
from cnnviz.core.analysis.prediction import Predictor
from cnnviz.core.analysis.robustness import (
    CANVAS,
    DIGIT_STROKES,
    SOURCES,
    digit_fonts,
    robustness_set,
    scanned,
    stroke_digit,
)


def test_a_tiny_set_has_every_digit_from_every_source_and_repeats_from_its_seed():
    fonts = digit_fonts()[:2]
    digits = robustness_set(2, seed=3, fonts=fonts)
    sources = SOURCES if fonts else ("strokes", "scans")
    assert digits.canvases.shape == (10 * 2 * len(sources), CANVAS, CANVAS)
    assert digits.canvases.dtype == np.uint8
    for source in sources:
        assert np.array_equal(np.bincount(digits.labels[digits.sources == source]), [2] * 10)
    again = robustness_set(2, seed=3, fonts=fonts)
    other = robustness_set(2, seed=4, fonts=fonts)
    assert np.array_equal(digits.canvases, again.canvases)
    assert not np.array_equal(digits.canvases, other.canvases)


def test_files_that_are_no_fonts_are_left_out(tmp_path):
    (tmp_path / "broken.ttf").write_bytes(b"not a font")
    assert digit_fonts([tmp_path]) == []


def test_without_fonts_there_are_strokes_and_scans_only():
    digits = robustness_set(1, seed=0, fonts=[])
    assert set(digits.sources) == {"strokes", "scans"}


def test_every_way_of_writing_a_digit_draws_a_whole_digit_on_the_canvas():
    rng = np.random.default_rng(0)
    for digit, ways in DIGIT_STROKES.items():
        for _ in range(3 * len(ways)):
            canvas = stroke_digit(digit, rng)
            ink = canvas < 128
            assert ink.any() and not ink[[0, -1]].any() and not ink[:, [0, -1]].any()
            assert prepare_drawing(canvas).image is not None


def test_a_scan_is_low_resolution_grey_paper_and_still_a_digit():
    rng = np.random.default_rng(1)
    canvas = stroke_digit(8, rng)
    scan = scanned(canvas, rng)
    corners = scan[[0, 0, -1, -1], [0, -1, 0, -1]].astype(int)
    assert corners.max() < 250  # paper, not the canvas's white
    # sampled down to 8-16 px high: neighbouring rows hardly differ
    def sharpest_step(image):
        return np.abs(np.diff(image.astype(int), axis=0)).max()

    assert sharpest_step(scan) < sharpest_step(canvas)
    assert prepare_drawing(scan).image is not None


def test_the_shipped_weights_read_a_tiny_set():
    """A check on the set as much as on the weights: digits that a trained model cannot read
    would measure nothing."""
    digits = robustness_set(3, seed=0, fonts=digit_fonts()[:3])
    predictor = Predictor.from_checkpoint()
    inputs = np.stack([predictor.prepare_canvas(canvas) for canvas in digits.canvases])
    accuracy = (predictor.probabilities(inputs).argmax(1) == digits.labels).mean()
    assert accuracy >= 0.9
