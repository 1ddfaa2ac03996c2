"""What each unit learned, in the window: top test images and feature visualisation in
Inspect, weight and gradient histograms over training, the embedding projector, and Captum's
attributions in Explain."""

import numpy as np
import pytest
import torch
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QWidget

from cnnviz.core.analysis.explain import CAPTUM_METHODS
from cnnviz.core.analysis.top_inputs import find_top_inputs
from cnnviz.core.analysis.unit_cache import cache_file
from cnnviz.core.training import histograms
from cnnviz.core.training.histograms import HistogramRecorder
from cnnviz.core.training.run_folder import HISTOGRAMS, RunFolder
from cnnviz.core.training.run_json import read_metrics
from cnnviz.session.session import TrainMode
from cnnviz.ui.projector import projector_tab
from tests.ui.test_main_window import wait_idle

VIEWS = ["unitsView", "featureVisView", "histogramView", "gradientNormView", "projectorView"]


@pytest.fixture
def inspect(qtbot, window):
    tab = window.inspect_tab
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.test is not None, timeout=30_000)
    tab.select_layer("layer2.0")
    return tab


def click(qtbot, widget, scene_pos: QPointF) -> None:
    """A left click where a scene position shows in a pyqtgraph view."""
    qtbot.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton,
                     pos=widget.mapFromScene(scene_pos))  # fmt: skip


def test_every_view_has_its_name(window):
    for name in VIEWS:
        assert window.findChild(QWidget, name) is not None, name


def test_top_images_of_the_channel_shown_beside_the_maps(qtbot, window, inspect):
    qtbot.keyClick(inspect, Qt.Key.Key_Right)  # channel 1 of layer2.0
    panel = inspect.top_inputs
    assert panel.layer == "layer2.0" and panel.channel == 1 and panel.image_item.image is None
    panel.task_bar.start_button.click()
    qtbot.waitUntil(lambda: "layer2.0" in panel.results, timeout=30_000)
    shipped = window.session.current.predictor
    expected = find_top_inputs(shipped.model, inspect.test.images, shipped.normalizer,
                               "layer2.0")  # fmt: skip
    assert panel.shown_indices() == expected.indices[1].tolist()
    assert panel.image_item.image.shape == (3 * 56 + 4, 3 * 56 + 4)  # 14x14 crops, 4 times
    assert "cropped to the 14x14 pixels" in panel.caption.text()
    assert cache_file(window.session.current.path, "layer2.0").is_file()
    qtbot.keyClick(inspect, Qt.Key.Key_Right)  # the next channel comes from the same scan
    assert panel.shown_indices() == expected.indices[2].tolist()
    third = panel.image_item.mapToScene(QPointF(2 * 58 + 20, 20))  # the third crop
    click(qtbot, panel.view, third)
    assert inspect.index_spin.value() == expected.indices[2][2]


def test_what_excites_the_channel(qtbot, inspect):
    panel = inspect.feature_vis
    panel.task_bar.start_button.click()
    qtbot.waitUntil(lambda: bool(panel.results), timeout=30_000)
    result, (best, _), _ = panel.results[panel.objective()]
    assert result.activation > best
    assert panel.image_item.image.shape == (28, 28)
    assert "the best test image" in panel.caption.text()
    panel.objective_combo.setCurrentIndex(1)  # the centre unit: not computed yet
    assert panel.image_item.image is None


def test_histograms_follow_the_run_live_and_reopen_with_it(qtbot, window, monkeypatch):
    monkeypatch.setattr(histograms, "COST_SHARE", 1.0)  # every scheduled snapshot
    tab = window.histograms_tab
    window.show()
    window.tabs.setCurrentWidget(tab)
    window.start_training(TrainMode.FRESH)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: tab.series is not None and len(tab.series.steps) == 15,
                    timeout=10_000)  # fmt: skip
    run = window.session.run_dir
    assert [r["step"] for r in read_metrics(run / HISTOGRAMS)] == list(range(1, 16))
    assert tab.histogram_item.image.shape == (64, 15)
    assert tab.norm_item.image.shape == (3, 15)
    assert [tab.layer_combo.itemText(i) for i in range(3)] == ["layer1.0", "layer2.0", "fc"]
    tab.values_combo.setCurrentIndex(1)  # gradients
    assert tab.histogram_item.image.shape == (64, 15)
    tab.follow(run.parent)  # another folder (no histograms) empties the view...
    assert tab.histogram_item.image is None and tab.norm_item.image is None
    window.files.open_run(run)  # ...and the run comes back whole when it is opened again
    window.tabs.setCurrentWidget(tab)
    assert len(tab.series.steps) == 15 and tab.histogram_item.image.shape == (64, 15)


def test_histograms_of_a_run_written_elsewhere_grow_as_it_writes(qtbot, window, tmp_path):
    run = tmp_path / "elsewhere"
    folder = RunFolder(run)
    folder.open({"epochs": 1})
    model = torch.nn.Linear(3, 2)
    recorder = HistogramRecorder(model)
    folder.log(recorder.snapshot(1))
    window.show()
    window.files.open_run(run)
    tab = window.histograms_tab
    assert tab.series is None  # hidden behind the Training tab: read, not drawn yet
    window.tabs.setCurrentWidget(tab)
    assert len(tab.series.steps) == 1
    model.weight.grad = torch.full_like(model.weight, 1e6)  # exploding: a bright band
    folder.log(recorder.snapshot(2))
    qtbot.waitUntil(lambda: len(tab.series.steps) == 2, timeout=5_000)
    assert tab.norm_bar.levels()[1] > 5
    folder.close()


def test_the_projector_shows_every_test_image_and_a_click_inspects_it(qtbot, window):
    tab = window.projector_tab
    window.tabs.setCurrentWidget(tab)
    tab.task_bar.start_button.click()
    qtbot.waitUntil(lambda: tab.projection is not None, timeout=30_000)
    projection = tab.projection
    assert len(tab.scatter.data) == len(projection.points) == 80  # the tiny test set
    wrong = int((projection.labels != projection.predictions).sum())
    assert len(tab.mistakes.data) == wrong
    assert "5-nearest-neighbour accuracy" in tab.task_bar.status.text()
    inspect = window.inspect_tab
    qtbot.waitUntil(lambda: inspect.test is not None, timeout=30_000)
    index = int(np.argmax(projection.points[:, 0]))  # the rightmost point: nothing over it
    x, y = projection.points[index]
    where = tab.plot.getPlotItem().getViewBox().mapViewToScene(QPointF(float(x), float(y)))
    tab._on_hover(where)
    assert tab.hover_label.text().startswith(f"test image {index}:")
    click(qtbot, tab.plot, where)
    assert window.tabs.currentWidget() is inspect and inspect.index_spin.value() == index


def test_explain_offers_captum_methods(qtbot, inspect):
    inspect.pages.setCurrentWidget(inspect.explain_panel)
    panel = inspect.explain_panel
    for method in CAPTUM_METHODS:
        panel.method_combo.setCurrentIndex(panel.method_combo.findData(method))
        qtbot.waitUntil(lambda m=method: panel.explanation is not None
                        and panel.explanation.method == m, timeout=10_000)  # fmt: skip
        assert panel.overlay_item.image.shape == (28, 28, 3)
        assert panel.layer_combo.isEnabled() == (method == "guided-gradcam")
    assert all(p.grad is None for p in inspect.inspector.model.parameters())



def test_a_second_projection_of_the_same_model_reuses_its_features(qtbot, window, monkeypatch):
    tab = window.projector_tab
    tab.task_bar.start_button.click()
    qtbot.waitUntil(lambda: tab.projection is not None, timeout=30_000)
    first = tab.projection
    monkeypatch.setattr(projector_tab, "penultimate_features", None)  # must not run again
    tab.task_bar.start_button.click()
    qtbot.waitUntil(lambda: tab.projection is not first, timeout=30_000)
    assert len(tab.projection.points) == 80
    np.testing.assert_allclose(tab.projection.points, first.points, atol=1e-5)
