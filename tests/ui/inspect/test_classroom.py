"""Inspect in a classroom (issue 24): at 1280x720 every column, button and caption shows whole,
the first layer's kernels are big enough to watch, nothing moves under the mouse, and the
layers are named as the tutorial names them."""

import pytest
from PySide6.QtCore import QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QSplitter,
    QStyleOptionViewItem,
    QTableWidget,
    QWidget,
)

from cnnviz.core.analysis.mosaic import cell_origin
from cnnviz.core.analysis.summary import COLUMNS
from cnnviz.ui.inspect.filters_panel import kernel_pad
from cnnviz.ui.inspect.layer_tree import ARCHITECTURE_WRAPPING, TREE_COLUMNS
from cnnviz.ui.widgets.style import TICK_PT, TITLE_PT, css_size, font


@pytest.fixture
def small(qtbot, window):
    """Inspect in a 1280x720 window, the first layer selected."""
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    return _first_layer(qtbot, window)


@pytest.fixture
def presented(qtbot, projected):
    """Inspect in presentation mode on a projector at 1280x720, the first layer selected."""
    return _first_layer(qtbot, projected)


def _first_layer(qtbot, window):
    tab = window.inspect_tab
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.result is not None, timeout=30_000)
    tab.select_layer("layer1.0")
    settle()
    return tab


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def ancestors(widget: QWidget):
    parent = widget.parentWidget()
    while parent is not None:
        yield parent
        parent = parent.parentWidget()


def on_screen(widget: QWidget) -> QRect:
    """The part of a widget that its ancestors leave visible, in its own coordinates."""
    shown = widget.rect()
    parent, offset = widget.parentWidget(), widget.pos()
    while parent is not None:
        shown &= parent.rect().translated(-offset)
        offset += parent.pos()
        parent = parent.parentWidget()
    return shown


def shows_whole(widget: QWidget) -> bool:
    """Visible, at least as large as its smallest size hint, and nothing of it clipped."""
    hint = widget.minimumSizeHint()
    return (widget.isVisible() and widget.width() >= hint.width()
            and widget.height() >= hint.height() and on_screen(widget) == widget.rect())


def cell_shows_whole(table: QTableWidget, row: int, column: int) -> bool:
    """The cell's text, wrapped as the table wraps it at its column's width (one line where
    it does not wrap), fits inside the cell: no line cut off or elided, no line below it."""
    option = QStyleOptionViewItem()
    table.initViewItemOption(option)
    if table.wordWrap():
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
    grid = 1 if table.showGrid() else 0
    option.rect = QRect(0, 0, table.columnWidth(column) - grid, table.rowHeight(row) - grid)
    hint = table.itemDelegate().sizeHint(option, table.model().index(row, column))
    return hint.width() <= option.rect.width() and hint.height() <= option.rect.height()


def table_shows_whole(table: QTableWidget) -> None:
    """Every header and every cell of the table shows its text whole."""
    header = table.horizontalHeader()
    for column in range(table.columnCount()):
        assert header.sectionSize(column) >= header.sectionSizeHint(column), column
        for row in range(table.rowCount()):
            assert cell_shows_whole(table, row, column), (row, column)


def bring_up(tab, widget: QWidget) -> None:
    """Show the page of Inspect that holds ``widget``, if it is on one."""
    for index in range(tab.pages.count()):
        if tab.pages.widget(index).isAncestorOf(widget):
            tab.pages.setCurrentIndex(index)
    settle()


def test_the_tree_shows_every_column_whole(small):
    tree = small.layer_tree
    header = tree.header()
    last = TREE_COLUMNS - 1
    assert header.sectionViewportPosition(last) + header.sectionSize(last) \
        <= tree.viewport().width()
    for column in range(TREE_COLUMNS):
        assert header.sectionSize(column) >= tree.sizeHintForColumn(column), column


def test_the_channels_views_have_room_of_their_own(small):
    for view in small.unit_views:
        bring_up(small, view)
        for button in (view.task_bar.start_button, view.task_bar.cancel_button):
            assert shows_whole(button), button.objectName()
        assert view.view.width() >= 150 and view.view.height() >= 150  # not a 50 px strip
        picture = QRect(view.view.mapTo(small, QPoint(0, 0)), view.view.size())
        caption = QRect(view.caption.mapTo(small, QPoint(0, 0)), view.caption.size())
        assert not picture.intersects(caption)
        assert view.caption.height() >= view.caption.heightForWidth(view.caption.width())


def test_widening_the_tree_never_hides_the_maps(small):
    splitter = next(w for w in ancestors(small.layer_tree) if isinstance(w, QSplitter)
                    and w.orientation() == Qt.Orientation.Horizontal)  # fmt: skip
    splitter.setSizes([5000, *[1] * (splitter.count() - 1)])
    settle()
    maps = small.maps.map_widget
    assert maps.isVisible() and maps.width() >= 200 and maps.height() >= 100


@pytest.mark.parametrize("room", ["small", "presented"])
def test_the_first_layers_kernels_are_big_with_their_numbers_outside(room, request):
    small = request.getfixturevalue(room)  # at 1280x720, at a desk and on a projector
    filters = small.filters
    bring_up(small, filters.filter_widget)
    view, item = filters.filter_view, filters.filter_item
    drawn = view.mapViewToDevice(QRectF(0, 0, 5, 5)).boundingRect()
    assert drawn.width() >= 64 and drawn.height() >= 64  # simple-cnn's 5x5 kernels
    columns = filters._filter_grid[1]
    kernels = [QRectF(*cell_origin(i, (5, 5), columns, kernel_pad(5)), 5, 5) for i in range(16)]
    assert len(filters.marks.labels) == 16
    for label in filters.marks.labels:  # 5x5 kernels are a pixel apart, 2 on a projector
        badge = label.mapRectToView(label.boundingRect())
        assert not any(badge.intersected(kernel).height() > 0.01 for kernel in kernels), \
            (badge, label.textItem.toPlainText())
    # the colour bar as tall as the grid (its numbers overhang by half a line at each end)
    grid = item.mapRectToScene(item.boundingRect()).height()
    bar = filters.marks.colour_bar.sceneBoundingRect().height()
    assert bar <= grid + QFontMetrics(font(TICK_PT)).height() + 2
    # a kernel's weights: the whole table, with no scroll bar
    filters.show_kernel(small.inspector.conv_weights("layer1.0")[3, 0], "filter 3")
    settle()
    table = filters.kernel_table
    assert table.horizontalHeader().length() <= table.viewport().width()
    assert table.verticalHeader().length() <= table.viewport().height()


def test_on_a_projector_the_feature_maps_keep_their_room(presented):
    maps = presented.maps
    bring_up(presented, maps.map_widget)
    drawn = maps.map_view.mapViewToDevice(QRectF(0, 0, 28, 28)).boundingRect()
    assert drawn.width() >= 56 and drawn.height() >= 56  # conv1's 16 maps, 28x28 each
    # the grid takes the room; the enlarged map and the input under it give way
    assert maps.map_widget.height() >= maps.zoom_row.height()


def test_presentation_mode_fits_a_1280x720_projector(presented):
    window = presented.window()
    for index in range(presented.pages.count()):  # no page asks for more than the screen
        presented.pages.setCurrentIndex(index)
        settle()
        assert (window.width(), window.height()) == (1280, 720), presented.pages.tabText(index)
        assert window.minimumSizeHint().height() <= 720


def test_on_a_projector_the_architecture_fits_its_page_with_every_number_on_a_line(presented):
    table = presented.architecture_table
    bring_up(presented, table)
    assert table.horizontalHeader().length() <= table.viewport().width()  # no sideways scrolling
    assert not table.horizontalScrollBar().isVisible()
    table_shows_whole(table)
    words = set(ARCHITECTURE_WRAPPING)
    assert words == {COLUMNS.index("Layer"), COLUMNS.index("Type"), COLUMNS.index("Output size")}
    for column in set(range(table.columnCount())) - words:  # the numbers on one line each
        assert table.columnWidth(column) >= table.sizeHintForColumn(column), column
    one_line = table.fontMetrics().lineSpacing() * 1.5
    assert any(table.rowHeight(row) > one_line for row in range(table.rowCount()))  # wrapped


def test_a_caption_that_wraps_moves_nothing(small):
    picker, maps = small.picker, small.maps
    for label in (picker.input_label, picker.source_label, maps.hover_label):
        label.setText("x")
    settle()
    pages, zoom = small.pages.mapTo(small, QPoint(0, 0)), maps.zoom_row.geometry()
    for label in (picker.input_label, picker.source_label, maps.hover_label):
        line = QFontMetrics(label.font()).lineSpacing()
        words = ["simple-cnn", "on", "mnist,"]
        while label.heightForWidth(label.width()) <= line:  # until it wraps to two lines
            words.append("weights")
            label.setText(" ".join(words))
        assert label.heightForWidth(label.width()) < 3 * line
    settle()
    assert small.pages.mapTo(small, QPoint(0, 0)) == pages
    assert maps.zoom_row.geometry() == zoom


def test_layers_are_named_as_the_tutorial_counts_them(small):
    tree = small.layer_tree
    layer1 = tree.topLevelItem(0)
    assert [layer1.child(i).text(0) for i in range(4)] == [
        "conv1 (layer1.0)", "layer1.1", "layer1.2", "pool1 (layer1.3)"]
    assert tree.topLevelItem(2).text(0) == "fc1 (fc)"
    small.select_layer("layer2.0")
    assert tree.currentItem().text(0) == "conv2 (layer2.0)"
    table = small.architecture_table
    assert [table.item(0, c).text() for c in range(5)] == ["Input", "", "1x28x28", "", "1"]
    assert table.item(1, 0).text() == "layer1"


def test_the_headers_lupdate_sees_are_the_summarys():
    from cnnviz.core.analysis.summary import WHOLE
    from cnnviz.ui.inspect.layer_tree import HEADERS, WHOLE_TEXT

    assert list(HEADERS) == list(COLUMNS) and WHOLE_TEXT == WHOLE


def test_presentation_mode_keeps_every_column_whole_and_scales_the_plots(small, window):
    window.toggle_presentation()
    try:
        settle()
        table = small.architecture_table
        bring_up(small, table)
        table_shows_whole(table)  # the formulas included, wrapped or not
        tree = small.layer_tree
        for column in range(TREE_COLUMNS):
            assert tree.header().sectionSize(column) >= tree.sizeHintForColumn(column), column
        title = small.filters.histogram.getPlotItem().titleLabel
        assert title.opts.get("size") == css_size(TITLE_PT)  # at the presentation scale
    finally:
        window.toggle_presentation()


def test_on_a_projector_the_weight_histograms_numbers_stand_apart(presented):
    from tests.ui.ticks import overlapping_ticks, tick_texts

    filters = presented.filters
    bring_up(presented, filters.histogram)
    axis = filters.histogram.getAxis("left")
    assert len(tick_texts(axis)) >= 2  # counts of conv1's weights
    assert not overlapping_ticks(axis)
