"""The Overview tab: every layer of the registry's models and a pattern model, with the
architecture table's shapes; a training run's weights; clicks that open Inspect and Explain;
hover, pages, exports and presentation mode."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QGraphicsSimpleTextItem

from cnnviz.core.analysis.summary import inspect_model, table_cells
from cnnviz.core.data.datasets import DATASETS
from cnnviz.core.training.events import WeightsEvent
from cnnviz.session.session import Session
from cnnviz.session.test_split import CurrentSplit, run_at_once
from cnnviz.ui.overview.overview_tab import OverviewTab
from cnnviz.ui.shell.presentation import SCALE
from cnnviz.ui.widgets.style import CAPTION_PT

MODELS = [("simple-cnn", "mnist"), ("lenet5", "mnist"), ("tinyvgg", "cifar10"),
          ("resnet", "cifar10"), ("pattern:n=2,m=2,k=1", "mnist")]  # fmt: skip


@pytest.fixture
def tab(qtbot, tmp_path):
    widget = OverviewTab(CurrentSplit(run_at_once, lambda: tmp_path / "no-data"))
    qtbot.addWidget(widget)
    widget.resize(980, 600)
    widget.show()
    yield widget
    widget.stop_background()


@pytest.mark.parametrize(("model", "dataset"), MODELS)
def test_every_layer_is_drawn_with_the_architecture_tables_shape(tab, tmp_path, model, dataset):
    info = DATASETS[dataset].info
    session = Session(home=tmp_path / "runs")
    tab.show_model(session.select(model, info))
    rng = np.random.default_rng(0)
    tab.show_input(rng.integers(0, 256, tab.predictor.input_shape, dtype=np.uint8))
    table = {row[0]: row for row in
             (table_cells(i) for i in inspect_model(model, info).layers if i.is_leaf)}
    columns = tab.overview.columns
    assert [c.name for c in columns] == list(table)  # every layer, in order
    scores = tab.overview.scores_column
    for column in columns:
        assert column.shape == table[column.name][2], column.name
        if column is scores:
            continue  # drawn as the class bars
        item = tab.view.placed[column.name].item
        assert np.isfinite(item.image).any(), column.name  # its maps are drawn
    assert scores is not None and "predicted" in tab.view._predicted.text()
    assert "predicted" in tab.input_label.text()


def test_the_shipped_model_reads_the_bundled_digit(tab, tmp_path):
    tab.show_model(Session(home=tmp_path / "runs").current)
    assert tab.image is not None and tab.true_label == 7
    assert tab.input_label.text().startswith("label 7, predicted 7")


def test_it_follows_a_runs_weights_throttled(qtbot, tab, tmp_path):
    tab.show_model(Session(home=tmp_path / "runs").current)
    before = tab.reading.probabilities.copy()
    state = {k: v.detach().numpy().copy()
             for k, v in tab.overview.inspector.model.state_dict().items()}  # fmt: skip
    state["fc.weight"] = np.zeros_like(state["fc.weight"])
    state["fc.bias"] = np.arange(10, dtype=np.float32)  # now class 9 wins, whatever the input
    tab.show_weights(state, 12)
    assert tab.reading.top == 9 and not np.allclose(before, tab.reading.probabilities)
    assert "step 12 (live)" in tab.source_label.text()
    state = dict(state, **{"fc.bias": np.arange(10, dtype=np.float32)[::-1].copy()})
    tab.show_weights(state, 13)  # within the refresh interval: waits for it
    assert tab.reading.top == 9
    qtbot.waitUntil(lambda: tab.reading.top == 0, timeout=5000)
    tab.show_weights({"something": np.zeros(1)}, 14)  # another model's: ignored
    assert tab.reading.top == 0


def test_hover_pages_and_exports(qtbot, tab, tmp_path):
    tab.show_model(Session(home=tmp_path / "runs").current)
    view = tab.view
    spot = view.placed["layer2.0"]
    text = view.hovering.at(spot.cell_rect(2).center())
    assert "conv 5x5 (layer2.0), map 2" in text and "fed most by:\n  layer1.3 map" in text
    assert sum(mark.isVisible() for mark in view.hovering.marks) == 5  # it and four feeders
    assert view.hovering.at(spot.rect.topLeft() - spot.rect.center()) == ""
    view.next_page("layer2.0")
    assert spot.page == 1 and "9-16 of 32" in view._pagers["layer2.0"].text()
    assert "map 10" in view.hovering.at(spot.cell_rect(2).center())
    assert tab.export("png", tmp_path / "o.png").stat().st_size > 1000
    assert "<svg" in (tab.export("svg", tmp_path / "o.svg")).read_text()[:2000]


def test_a_click_opens_inspect_on_the_layer_and_channel_and_a_bar_explain(qtbot, window):
    window.show()
    overview, inspect = window.overview_tab, window.inspect_tab
    assert window.tabs.widget(0) is overview
    view = overview.view
    view.click(view.placed["layer2.0"].cell_rect(5).center())
    assert window.tabs.currentWidget() is inspect
    assert inspect.layer_name == "layer2.0" and inspect.maps.channel == 5
    assert np.array_equal(inspect.image, overview.image)
    view.click(view.bar_rect(3).center())
    assert inspect.pages.currentWidget() is inspect.explain_panel
    assert inspect.explain_panel.class_combo.currentText() == "3"
    inspect.explain_panel.stop_background()


def test_the_window_sends_a_runs_weights_to_the_overview(qtbot, window):
    overview = window.overview_tab
    state = {k: v.detach().numpy().copy()
             for k, v in overview.overview.inspector.model.state_dict().items()}  # fmt: skip
    state["fc.weight"] = np.zeros_like(state["fc.weight"])
    state["fc.bias"] = np.eye(10, dtype=np.float32)[4]
    window.controller.on_event(WeightsEvent(step=30, epoch=1, state=state))
    assert overview.reading.top == 4 and "step 30" in overview.source_label.text()
    assert window.session.current.predictor.predict(overview.image).top == 7  # untouched


def test_presentation_mode_grows_the_thumbnails(qtbot, window):
    window.resize(1280, 720)
    window.show()
    qtbot.wait(50)
    before = window.overview_tab.view.thumbnail_pixels()
    window.toggle_presentation()
    window.showNormal()  # the same 1280x720, not the offscreen screen's square
    window.setGeometry(0, 0, 1280, 720)
    qtbot.wait(100)
    try:
        assert window.overview_tab.view.thumbnail_pixels() > before
    finally:
        window.toggle_presentation()


def _captions(view) -> list:
    """The page's text items: column captions, page counts, block names, class names."""
    return [item for item in view.box.addedItems
            if isinstance(item, QGraphicsSimpleTextItem) and item.text()]  # fmt: skip


def _pixels(view, item) -> float:
    """The item's text height on screen: its font's pixel size through the view's transform."""
    on_screen = item.deviceTransform(view.viewportTransform())
    return QFontInfo(item.font()).pixelSize() * abs(on_screen.m22())


def test_presenting_at_1280x720_the_captions_read_at_the_type_scale_and_never_overlap(
        qtbot, projected):  # fmt: skip
    tab = projected.overview_tab
    projected.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.reading is not None, timeout=30_000)
    view = tab.view
    caption_px = CAPTION_PT * SCALE * view.logicalDpiY() / 72  # 16 px at 96 dpi
    captions = _captions(view)
    assert len(captions) > 40  # four lines over each of simple-cnn's columns, and more
    for item in captions:
        assert _pixels(view, item) >= caption_px - 0.5, item.text()
    rects = [item.sceneBoundingRect() for item in captions]
    for (i, a), (j, b) in itertools.combinations(enumerate(rects), 2):
        both = a.intersected(b)
        assert both.width() < 0.5 or both.height() < 0.5, (captions[i].text(),
                                                             captions[j].text())
    # the whole page on screen: the class scores and the prediction too
    (left, right), (top, bottom) = view.box.viewRange()
    page = view.size_scene
    assert left <= page.left() + 0.5 and right >= page.right() - 0.5
    assert top <= page.top() + 0.5 and bottom >= page.bottom() - 0.5
    # no skip lane under the maps, and five maps a page rather than eight: the thumbnails
    # take the room the captions leave, nearly twice a 28x28 map's size (40 px before, with
    # captions of 9 px; 56 with the class scores cut off at the right)
    assert view.thumbnail_pixels() >= 52


def test_at_a_desk_the_captions_and_thumbnails_are_no_smaller_than_before(qtbot, window):
    window.resize(1280, 720)
    window.show()
    tab = window.overview_tab
    qtbot.waitUntil(lambda: tab.reading is not None, timeout=30_000)
    view = tab.view
    assert min(_pixels(view, item) for item in _captions(view)) >= 10  # the old 10 px
    assert view.thumbnail_pixels() >= 41  # the old fit's, with a skip lane reserved
