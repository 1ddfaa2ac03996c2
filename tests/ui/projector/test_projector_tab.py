"""The Projector before its first projection, while one runs, and on a projector."""

import threading

import pytest
from openTSNE import TSNE

from cnnviz.core.analysis.embedding import TSNE_PHASES
from cnnviz.ui.projector.projector_tab import PHASES, POINT_SIZE
from cnnviz.ui.widgets.style import DISPLAY, LEGEND_PT, css_size


def test_before_its_first_projection_the_projector_says_what_it_gives_and_how_long(
        qtbot, window):  # fmt: skip
    """Issue 24: not a blank box, but what the button gives and about how long each
    method takes, and whether that comes from a measured rate or a conservative one."""
    tab = window.projector_tab
    window.tabs.setCurrentWidget(tab)
    window.show()
    qtbot.waitUntil(lambda: window.test_split.data is not None, timeout=30_000)
    assert tab.intro.isVisible() and not tab.plot.isVisible()
    text = tab.intro.text()
    assert "the 80 test images of mnist" in text and "simple-cnn" in text
    assert "PCA</b>, the two directions" in text and "t-SNE</b>" in text
    assert "up to about 2 s (at a conservative 10 ms a point" in text  # 80 x 10 ms + 80 x 3 ms
    tab.task_bar.start_button.click()
    qtbot.waitUntil(lambda: tab.projection is not None, timeout=30_000)
    assert tab.plot.isVisible() and not tab.intro.isVisible()


def test_every_phase_of_a_projection_has_its_words():
    assert set(PHASES) == {"features", *TSNE_PHASES}


def test_a_t_sne_shows_what_it_does_before_it_has_progress_to_show(qtbot, window, monkeypatch):
    """Issue 24: a t-SNE of 10,000 points left the bar at 0% for 5 s and more. Each phase
    is named as it begins, and the bar is busy until the phase reports progress: here the
    features pass and t-SNE's neighbour search are held until the test has seen them."""
    tab = window.projector_tab
    window.tabs.setCurrentWidget(tab)
    go_on = {"features": threading.Event(), "neighbours": threading.Event()}
    from cnnviz.ui.projector import projector_tab

    features = projector_tab.penultimate_features
    prepare = TSNE.prepare_initial

    def held_features(*args, **kwargs):
        assert go_on["features"].wait(30)
        return features(*args, **kwargs)

    def held_neighbours(self, *args, **kwargs):
        assert go_on["neighbours"].wait(30)
        return prepare(self, *args, **kwargs)

    monkeypatch.setattr(projector_tab, "penultimate_features", held_features)
    monkeypatch.setattr(TSNE, "prepare_initial", held_neighbours)
    tab.method_combo.setCurrentIndex(tab.method_combo.findData("tsne"))
    tab.task_bar.start_button.click()
    bar = tab.task_bar
    try:
        for phase in ("features", "neighbours"):
            qtbot.waitUntil(lambda p=phase: bar.status.text() == PHASES[p], timeout=30_000)
            assert bar.progress.maximum() == 0  # busy: it moves although nothing is measured
            if phase == "neighbours":
                qtbot.waitUntil(lambda: bar.elapsed.text().endswith(" s"), timeout=5_000)
            go_on[phase].set()
    finally:
        for event in go_on.values():
            event.set()
    qtbot.waitUntil(lambda: tab.projection is not None, timeout=30_000)
    assert bar.progress.maximum() == 100 and bar.progress.value() == 100
    assert bar.elapsed.text() == ""
    assert "5-nearest-neighbour accuracy" in bar.status.text()


def test_the_plot_follows_the_type_scale_in_presentation_mode(qtbot, window):
    tab = window.projector_tab
    tab.task_bar.start_button.click()
    qtbot.waitUntil(lambda: tab.projection is not None, timeout=30_000)
    DISPLAY.set_scale(1.5)
    try:
        assert tab.legend.items and all(f"font-size:{css_size(LEGEND_PT)}" in label.item.toHtml()
                                        for _, label in tab.legend.items)  # fmt: skip
        assert tab.scatter.opts["size"] == pytest.approx(1.5 * POINT_SIZE)
    finally:
        DISPLAY.set_scale(1.0)


def test_the_legends_markers_grow_on_a_projector(qtbot, window):
    from PySide6.QtGui import QAction

    tab = window.projector_tab
    window.tabs.setCurrentWidget(tab)
    window.show()
    tab.task_bar.start_button.click()
    qtbot.waitUntil(lambda: tab.projection is not None, timeout=30_000)
    before = [sample.item.opts["size"] for sample, _ in tab.legend.items]  # in pixels
    window.findChild(QAction, "presentAction").trigger()  # projected first, then presented
    window.setGeometry(0, 0, 1280, 720)
    qtbot.wait(50)
    try:
        assert len(before) == 11  # ten digits and the misclassified mark
        assert [sample.item.opts["size"] for sample, _ in tab.legend.items] == \
            pytest.approx([1.5 * size for size in before])
    finally:
        window.presentation.leave()
