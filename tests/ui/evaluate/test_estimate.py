"""How long a pass will take, as the empty Evaluate and Projector tabs say it."""

import pytest

from cnnviz.ui.evaluate.estimate import (
    SECONDS_PER_IMAGE,
    Estimate,
    Rates,
    duration_text,
    estimate_text,
)


def test_a_measured_rate_replaces_the_conservative_one_for_its_key_only():
    rates = Rates()
    assert rates.estimate("simple-cnn", 10_000, SECONDS_PER_IMAGE) == Estimate(30.0, False)
    rates.record("simple-cnn", 2.0, 10_000)
    assert rates.estimate("simple-cnn", 5_000, SECONDS_PER_IMAGE) == Estimate(1.0, True)
    assert not rates.estimate("resnet", 5_000, SECONDS_PER_IMAGE).measured


@pytest.mark.parametrize(("seconds", "words"), [(0.4, "under a second"), (1.2, "about 2 s"),
                                                (89.0, "about 89 s"), (100.0, "about 2 min")])
def test_durations_are_rounded_up(qapp, seconds, words):
    assert duration_text(seconds) == words


def test_the_words_say_where_the_rate_comes_from(qapp):
    assert estimate_text(Estimate(0.5, True), "image") == (
        "under a second (at the speed measured on its last run here)")
    assert estimate_text(Estimate(100.0, False), "point").startswith(
        "up to about 2 min (at a conservative 10 ms a point;")
    assert "3 ms an image" in estimate_text(Estimate(0.2, False), "image")
