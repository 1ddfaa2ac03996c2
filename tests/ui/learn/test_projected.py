"""The Learn tab seen from the back of a lecture hall (issue 24): in presentation mode at
1280x720 the grids and every plot's text are large, the grids keep their size while the
settings change, and nothing is cut off."""

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QGraphicsTextItem, QSpinBox

from cnnviz.core.analysis.inspection import LayerInfo
from cnnviz.ui.learn.conv_canvas import DIGITS
from cnnviz.ui.learn.pool_demo import TUTORIAL_ITEM, PoolDemo

#: a projector at 1280x720 seen from the back row: cells of a grid at least this many pixels
#: a side, numbers in them at least this many high, and lines of text on plots at least
#: this many pixels high
PROJECTED_CELL = 22
PROJECTED_DIGITS = 12
PROJECTED_LINE = 20


@pytest.fixture
def presented(qtbot, projected):
    """The window in presentation mode at 1280x720, on the Learn tab."""
    projected.tabs.setCurrentWidget(projected.learn_tab)
    qtbot.wait(100)
    assert (projected.width(), projected.height()) == (1280, 720)
    return projected.learn_tab


def show_page(qtbot, learn, page):
    learn.pages.setCurrentWidget(page)
    qtbot.wait(50)  # the layout settles


def line_height(item: QGraphicsTextItem) -> float:
    """The height of a text item's first line, in pixels, as its HTML styles it."""
    return item.document().firstBlock().layout().lineAt(0).height()


def test_presentation_makes_the_convolution_grids_large(qtbot, presented):
    demo = presented.conv_demo
    show_page(qtbot, presented, demo)
    layout = demo.canvas.fitted_layout()
    assert layout.cell >= PROJECTED_CELL and layout.cell * DIGITS >= PROJECTED_DIGITS
    right = max(rect.right() for rect in (*layout.input_slices, *layout.output_slices))
    assert right >= demo.canvas.width() * 0.6  # the grids use the width, not half of it


def test_presentation_makes_every_plots_text_large(qtbot, presented):
    neuron = presented.neuron_demo
    show_page(qtbot, presented, neuron)
    for name in ("left", "bottom"):
        axis = neuron.plot.getAxis(name)
        assert QFontMetricsF(axis.style["tickFont"]).height() >= PROJECTED_LINE, name
        assert line_height(axis.label) >= PROJECTED_LINE, name
    pool = presented.pool_demo
    show_page(qtbot, presented, pool)
    qtbot.waitUntil(lambda: pool.layer_combo.count() > 1, timeout=30_000)  # Inspect's maps
    pool.layer_combo.setCurrentText(TUTORIAL_ITEM)  # small enough to show its numbers
    titles = [item for item in pool.plots.ci.items if isinstance(item, pg.LabelItem)]
    assert len(titles) == 3
    for title in titles:
        assert line_height(title.item) >= PROJECTED_LINE, title.text
    numbers = [text for texts in pool.texts for text in texts]
    assert numbers and all(line_height(text.textItem) >= PROJECTED_LINE * 0.8 for text in numbers)


def test_the_convolution_grid_keeps_its_cell_size_when_the_filter_stops_tiling(qtbot, learn):
    demo = learn.conv_demo
    demo.resize(1200, 600)
    demo.show()
    qtbot.waitExposed(demo)
    before = demo.canvas.fitted_layout().cell
    demo.findChild(QSpinBox, "convStrideSpin").setValue(3)  # (5 - 3 + 2) / 3: floored
    assert "Floored" in demo.formula_label.text()
    qtbot.wait(20)
    assert demo.canvas.fitted_layout().cell == before


def flat_map_with_peaks() -> np.ndarray:
    """A ReLU's map: zero but for three peaks."""
    image = np.zeros((1, 8, 8), dtype=np.float32)
    image[0, 1, 2], image[0, 4, 5], image[0, 7, 7] = 3.0, 2.0, 1.0
    return image


def pool_of_a_flat_map(qtbot) -> PoolDemo:
    pool = PoolDemo()
    qtbot.addWidget(pool)
    info = LayerInfo("relu", "ReLU", "", True, (1, 8, 8), (1, 8, 8), 0, None)
    pool.show_activations([info], {"relu": flat_map_with_peaks()})
    assert pool.layer_combo.currentText() == "relu"
    return pool


def test_pooling_marks_only_the_winners_of_windows_that_have_one(qtbot):
    pool = pool_of_a_flat_map(qtbot)
    marked = pool.winners_item.image[..., 3] > 0
    assert sorted(zip(*np.nonzero(marked), strict=True)) == [(1, 2), (4, 5), (7, 7)]


@pytest.mark.parametrize("size", [(700, 420), (1100, 420), (500, 600)])
def test_max_and_average_pooling_are_drawn_at_one_size(qtbot, size):
    pool = pool_of_a_flat_map(qtbot)
    pool.resize(*size)
    pool.show()
    qtbot.waitExposed(pool)
    qtbot.wait(50)
    drawn = [item.mapRectToScene(item.boundingRect()) for item in pool.items[1:]]
    assert drawn[0].width() == pytest.approx(drawn[1].width(), abs=1)
    assert drawn[0].height() == pytest.approx(drawn[1].height(), abs=1)


def test_build_a_model_shows_its_spec_and_layer_names_whole(qtbot, presented):
    builder = presented.pattern_builder
    show_page(qtbot, presented, builder)
    label = builder.spec_label
    assert label.text() == "Model spec: pattern:n=2,m=2,k=1"
    assert label.sizeHint().width() <= label.width()
    table = builder.table
    for column in range(table.columnCount()):
        assert table.columnWidth(column) >= table.sizeHintForColumn(column), column
    assert table.columnWidth(0) >= max(
        table.fontMetrics().horizontalAdvance(table.item(row, 0).text())
        for row in range(table.rowCount()))  # fmt: skip


def test_at_1280x720_the_convolution_grids_fill_their_pane(qtbot, learn):
    """Issue 24: at a desk at 1280x720 the volumes, top to bottom, left the pane's right
    third empty; the input over the filters and the output, side by side, fills it. (On a
    projector the pane is wide and short: one row of volumes is the largest there is.)"""
    window = learn.window()
    window.resize(1280, 720)
    demo = learn.conv_demo
    show_page(qtbot, learn, demo)
    canvas = demo.canvas
    layout = canvas.fitted_layout()
    room = canvas.room  # the pane, less the lines a longer formula would take
    assert room.width() == canvas.width() and room.height() >= 0.8 * canvas.height()
    used = layout.extent.width() * layout.extent.height()
    assert used >= 0.8 * room.width() * room.height()  # was 0.59, top to bottom
    assert layout.cell >= 20  # was 17 px
