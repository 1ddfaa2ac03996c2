"""Inspect's timelapse slider: it scrubs through the kernels and maps the run recorded, read
in the background with the checks for untrusted files, and its end is the weights shown."""

import numpy as np
from PySide6.QtWidgets import QLabel, QSlider

from cnnviz.core.training.timelapse import FOLDER, frame_name, read_timelapse
from tests.ui.test_main_window import current_path


def test_the_slider_replays_the_recorded_kernels_and_maps(qtbot, trained):
    inspect = trained.inspect_tab
    slider = trained.findChild(QSlider, "timelapseSlider")
    label = trained.findChild(QLabel, "timelapseStep")
    frames = read_timelapse(current_path(trained).parent)
    qtbot.waitUntil(lambda: slider.isEnabled(), timeout=30_000)
    assert slider.maximum() == slider.value() == len(frames)  # at the end: the weights shown
    inspect.select_layer("layer1.0")
    weights = inspect.inspector.conv_weights("layer1.0")
    maps = inspect.result.activations["layer1.0"]
    assert not np.array_equal(weights, frames[0].filters)
    slider.setValue(0)
    assert label.text().startswith("step 1 of 15, epoch 0.07, test accuracy")
    assert np.array_equal(inspect.filters._filter_weights, frames[0].filters)
    assert "recorded at step 1" in inspect.filters.filter_label.text()
    assert np.array_equal(inspect.maps._activation(), frames[0].layer_maps("layer1.0"))
    assert "(test image 0, step 1)" in inspect.maps.hover_label.text()
    inspect.select_layer("layer1.1")  # a BatchNorm: no maps recorded
    assert "recorded no maps of it" in inspect.maps.hover_label.text()
    inspect.select_layer("layer1.0")
    slider.setValue(slider.maximum())
    assert np.array_equal(inspect.filters._filter_weights, weights)
    assert np.array_equal(inspect.maps._activation(), maps)
    assert "recorded" not in inspect.filters.filter_label.text()
    inspect.pages.setCurrentWidget(inspect.architecture_page)  # nothing there to replay
    assert inspect.replay.isHidden()
    inspect.pages.setCurrentWidget(inspect.filters)
    assert not inspect.replay.isHidden()


def test_a_bad_frame_is_refused_and_nothing_replays(qtbot, trained):
    inspect = trained.inspect_tab
    run = current_path(trained).parent
    qtbot.waitUntil(lambda: inspect.replay.slider.isEnabled(), timeout=30_000)
    (run / FOLDER / frame_name(1)).write_bytes(b"PK\x03\x04 not really a zip")
    inspect.replay.set_run(run)
    qtbot.waitUntil(lambda: "is not a timelapse frame" in inspect.replay.label.text(),
                    timeout=30_000)  # fmt: skip
    assert not inspect.replay.slider.isEnabled() and inspect.replay.frame is None


def test_weights_from_no_run_have_nothing_to_replay(window):
    replay = window.inspect_tab.replay  # the shipped weights
    assert not replay.slider.isEnabled() and replay.frame is None
    assert "no recorded timelapse" in replay.label.text()
