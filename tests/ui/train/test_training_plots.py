"""The live plots' axes: set from the data, and moved only when they must."""

from types import SimpleNamespace

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QEvent, QPointF
from PySide6.QtWidgets import QApplication

from cnnviz.core.training.events import EpochEvent, StartedEvent, StepEvent, event_to_json
from cnnviz.ui.train.curves import XAxis, round_up, spread
from cnnviz.ui.train.training_plots import TrainingPlots


@pytest.mark.parametrize(("value", "expected"), [
    (2.31, 2.5), (2.5, 2.5), (0.07, 0.08), (13.0, 15.0), (0.0, 1.0), (9.1, 10.0)])
def test_round_up(value, expected):
    assert round_up(value) == pytest.approx(expected)


@pytest.mark.parametrize(("wishes", "placed"), [
    ([0.0, 100.0], [0.0, 100.0]),  # far enough apart: where they want to be
    ([50.0, 52.0], [36.0, 66.0]),  # too close: centred on their wishes, a gap apart
    ([52.0, 50.0, 200.0], [66.0, 36.0, 200.0]),  # any order; a far one stays put
    ([0.0, 10.0, 40.0], [-40 / 3, 50 / 3, 140 / 3]),  # a group that grows into a third
])
def test_labels_spread_apart(wishes, placed):
    assert spread(wishes, 30.0) == pytest.approx(placed)


def test_labels_spread_within_the_plot():
    assert spread([5.0, 6.0], 30.0, (10.0, 100.0)) == pytest.approx([10.0, 40.0])
    assert spread([99.0, 95.0], 30.0, (10.0, 100.0)) == pytest.approx([100.0, 70.0])


def steps(first: int, losses: list[float]) -> list[StepEvent]:
    return [StepEvent(step=first + i, epoch=1, epoch_fraction=(first + i) / 600, loss=loss,
                      train_acc=0.5, images_per_second=1000.0, lr=1e-3)
            for i, loss in enumerate(losses)]  # fmt: skip


def test_the_loss_axis_stays_put_while_the_loss_falls(qtbot):
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.show()
    plots.set_epoch_span(1)
    ranges = []
    for update, first in enumerate(range(1, 600, 60)):
        plots.add_steps(steps(first, list(np.linspace(2.3, 0.1, 60) / (update + 1))))
        qtbot.wait(1)
        ranges.append(tuple(plots.loss_plot.getPlotItem().getViewBox().viewRange()[1]))
    assert len(set(ranges)) == 1  # an axis that moves is redrawn at every update
    low, high = ranges[0]
    assert low <= 0 and 2.3 <= high <= 2.6
    plots.add_steps(steps(600, [7.0]))  # a spike above the axis widens it
    assert plots.loss_plot.getPlotItem().getViewBox().viewRange()[1][1] >= 7.0
    plots.add_steps(steps(601, [float("nan")]))  # a diverged step changes nothing
    assert plots.loss_plot.getPlotItem().getViewBox().viewRange()[1][1] < 9.0


def test_the_accuracy_axis_stays_put_while_accuracy_climbs_inside_it(qtbot):
    """Each new range redraws the axis and places the legend and labels again: the range
    followed a climbing accuracy half a point at a time: here nine ranges in ten updates, now
    five (a new range gives the values its margin of half a point, and a range stays while
    it holds them and is at most twice as wide as they need)."""
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.show()
    plots.set_epoch_span(1)
    ranges = []
    for update, first in enumerate(range(1, 601, 60)):
        accuracy = 0.90 + 0.004 * update  # 90% to 93.6%, a little more each update
        plots.add_steps([StepEvent(step=first + i, epoch=1, epoch_fraction=(first + i) / 600,
                                   loss=0.3, train_acc=accuracy, images_per_second=1000.0,
                                   lr=1e-3) for i in range(60)])  # fmt: skip
        ranges.append(tuple(plots.accuracy_plot.getPlotItem().getViewBox().viewRange()[1]))
    assert len(set(ranges)) <= 5
    low, high = ranges[-1]
    assert low <= 90 and high >= 93.6  # every value on it all the same


def shown_texts(plot) -> list[str]:
    """The texts written on a plot and visible (the hover readout, the labels)."""
    return [item.toPlainText() for item in plot.getPlotItem().items
            if isinstance(item, pg.TextItem) and item.isVisible()]  # fmt: skip


def shown_plots(qtbot) -> TrainingPlots:
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.resize(900, 700)
    plots.show()
    qtbot.waitExposed(plots)
    return plots


def started(epochs: int = 1, steps_per_epoch: int = 600, batch: int = 100) -> StartedEvent:
    return StartedEvent(model="simple-cnn", dataset="mnist", device="cpu", parameters=1,
                        train_size=batch * steps_per_epoch, test_size=100, epochs=epochs,
                        total_steps=epochs * steps_per_epoch, start_step=0,
                        class_names=list("0123456789"), input_shape=[1, 28, 28], mean=[0.1],
                        std=[0.3])  # fmt: skip


def test_the_hover_readout_goes_when_the_mouse_leaves_and_when_the_plots_clear(qtbot):
    plots = shown_plots(qtbot)
    plots.set_epoch_span(1)
    plots.add_steps(steps(1, list(np.linspace(2.3, 0.3, 60))))
    plot = plots.loss_plot
    view = plot.getPlotItem().vb

    def hover() -> None:
        plot.scene().sigMouseMoved.emit(view.mapViewToScene(QPointF(0.05, 1.0)))

    hover()
    assert any("smoothed" in text for text in shown_texts(plot))
    QApplication.sendEvent(plot.viewport(), QEvent(QEvent.Type.Leave))
    assert not any("smoothed" in text for text in shown_texts(plot))
    hover()
    plots.clear()  # a new run: nothing read from the last one stays on screen
    assert not any("smoothed" in text for text in shown_texts(plot))


def test_a_spike_at_the_start_does_not_flatten_the_rest(qtbot):
    """lr 0.01's first steps reach 9; the loss axis is for the curve after them (log scale
    shows both)."""
    plots = shown_plots(qtbot)
    plots.set_epoch_span(1)
    losses = [2.3, 9.0, 7.0, 4.0, *np.linspace(1.0, 0.2, 596)]
    for first in range(1, 600, 60):
        plots.add_steps(steps(first, losses[first - 1:first + 59]))
    low, high = plots.loss_plot.getPlotItem().getViewBox().viewRange()[1]
    assert low <= 0 and 2.3 <= high < 3.0  # the start (chance) shows, and the rest fills it
    plots.log_check.setChecked(True)
    low, high = plots.loss_plot.getPlotItem().getViewBox().viewRange()[1]
    assert 10**high >= 9.0 and 10**low <= 0.2


def test_the_smoothing_slider_smooths_the_loss_again(qtbot):
    plots = shown_plots(qtbot)
    rng = np.random.default_rng(0)
    plots.add_steps(steps(1, list(1 + rng.random(100))))
    plots.smoothing_slider.setValue(0)
    assert np.allclose(plots.smooth_loss.y, plots.raw_loss.y)
    assert np.allclose(plots.smooth_curve.getData()[1], plots.raw_loss.y)
    plots.smoothing_slider.setValue(90)
    assert plots.smoothing == pytest.approx(0.9)
    assert np.std(plots.smooth_loss.y[20:]) < 0.5 * np.std(plots.raw_loss.y[20:])


def test_the_x_axis_counts_epochs_steps_or_training_time(qtbot):
    plots = shown_plots(qtbot)
    plots.started(started())  # batches of 100 images at 1000 images/s: 0.1 s a step
    plots.add_steps(steps(1, list(np.linspace(2.3, 0.3, 600))))
    assert plots.raw_curve.getData()[0][-1] == pytest.approx(1.0)
    plots.axis_combo.setCurrentIndex(plots.axis_combo.findData(XAxis.STEPS))
    assert plots.raw_curve.getData()[0][-1] == pytest.approx(600)
    assert plots.loss_plot.getAxis("bottom").labelText == "step"
    assert plots.loss_plot.getPlotItem().getViewBox().viewRange()[0][1] >= 600
    plots.axis_combo.setCurrentIndex(plots.axis_combo.findData(XAxis.TIME))
    assert plots.raw_curve.getData()[0][-1] == pytest.approx(60.0)
    assert plots.loss_plot.getPlotItem().getViewBox().viewRange()[0][1] >= 60


def run_records(lr: float, accuracy: float) -> list[dict]:
    events = [started(steps_per_epoch=6),
              *steps(1, [2.3, 1.5, 1.0, 0.8, 0.6, 0.5]),
              EpochEvent(epoch=1, step=6, train_loss=0.9, train_acc=0.8, test_loss=0.1,
                         test_acc=accuracy, per_class_acc=np.zeros(10, dtype=np.float32),
                         seconds=1.0, checkpoint=None)]  # fmt: skip
    for event in events[1:-1]:
        event.epoch_fraction = event.step / 6
    return [event_to_json(event) for event in events]


def test_evaluation_points_are_labelled_where_they_can_be_read(qtbot):
    """98.42% and 98.38% at the same epoch: both labels are read, neither covers the other."""
    plots = shown_plots(qtbot)
    plots.set_overlay("a", "lr 0.01", run_records(0.01, 0.9842))
    plots.set_overlay("b", "lr 0.001", run_records(0.001, 0.9838))
    qtbot.wait(10)
    labels = [item for item, _, _ in plots.point_labels.labels.values()]
    assert sorted(label.toPlainText() for label in labels) == [
        "98.38% lr 0.001", "98.42% lr 0.01"]
    first, second = (label.sceneBoundingRect() for label in labels)
    assert not first.intersects(second)
    area = plots.accuracy_plot.getPlotItem().vb.sceneBoundingRect()
    assert area.contains(first) and area.contains(second)  # neither cut off at the top
    legend = plots.accuracy_plot.getPlotItem().legend.sceneBoundingRect()
    assert not first.intersects(legend) and not second.intersects(legend)
    plots.remove_overlay("a")
    assert [text for text in shown_texts(plots.accuracy_plot) if "%" in text] == [
        "98.38% lr 0.001"]


def test_legends_grow_in_presentation_mode(qtbot):
    from cnnviz.ui.widgets.style import DISPLAY, LEGEND_PT, css_size

    plots = shown_plots(qtbot)
    plots.set_overlay("a", "lr 0.01", run_records(0.01, 0.9842))
    labels = [label for plot in (plots.loss_plot, plots.accuracy_plot)
              for _, label in plot.getPlotItem().legend.items]  # fmt: skip
    try:
        DISPLAY.set_scale(1.5)
        assert all(f"font-size:{css_size(LEGEND_PT)}" in label.item.toHtml() for label in labels)
    finally:
        DISPLAY.set_scale(1.0)


def test_a_colour_bars_label_is_in_the_palette_and_grows_in_presentation_mode(qtbot):
    from cnnviz.ui.train.histograms_tab import HistogramsTab
    from cnnviz.ui.widgets.style import DISPLAY, LABEL_PT, TEXT, css_size

    histograms = HistogramsTab()
    qtbot.addWidget(histograms)
    bar = histograms.norm_bar
    labelled = [bar.getAxis(side) for side in ("left", "right") if bar.getAxis(side).labelText]
    assert len(labelled) == 1  # "log10 norm", beside the numbers
    try:
        DISPLAY.set_scale(1.5)
        style = labelled[0].labelStyle
        assert style["color"] == TEXT.name() and style["font-size"] == css_size(LABEL_PT)
    finally:
        DISPLAY.set_scale(1.0)


def plot_texts(plot: pg.PlotWidget) -> list[str]:
    """What a plot writes itself: its title, its axes' titles and its legend."""
    item = plot.getPlotItem()
    texts = [item.titleLabel.text, *(item.getAxis(side).labelText for side in ("left", "bottom"))]
    if item.legend is not None:
        texts += [label.text for _, label in item.legend.items]
    return [text for text in texts if text]


def test_the_plots_own_texts_are_translated(qtbot, tmp_path):
    """The pseudo-locale walk reads widgets; the plots' titles, axes and legends are drawn
    by pyqtgraph, so they are read here."""
    from PySide6.QtCore import QCoreApplication

    from cnnviz.ui.train.histograms_tab import HistogramsTab
    from tests.ui.shell.pseudo_locale import install_pseudo_locale, is_unmarked

    translator = install_pseudo_locale(tmp_path)
    try:
        plots, histograms = TrainingPlots(), HistogramsTab()
        for widget in (plots, histograms):
            qtbot.addWidget(widget)
        plots.axis_combo.setCurrentIndex(plots.axis_combo.findData(XAxis.TIME))
        texts = [text for plot in (plots.loss_plot, plots.accuracy_plot,
                                   histograms.histogram_plot, histograms.norm_plot)
                 for text in plot_texts(plot)] + [histograms.norm_bar.axis.labelText]
    finally:
        QCoreApplication.removeTranslator(translator)
    assert len(texts) >= 12
    assert [text for text in texts if is_unmarked(text)] == []


@pytest.mark.parametrize("presenting", [False, True])
@pytest.mark.parametrize("tab_name", ["trainingTab", "histogramsTab", "runsTab"])
def test_the_tabs_fit_1280x720(qtbot, window, tab_name, presenting):
    """At 1280x720, at a desk and in presentation mode, a tab needs no more width than it
    has: nothing is pushed past the screen's edge."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    window.show()
    if presenting:
        window.presentation.enter()
        window.setWindowState(Qt.WindowState.WindowNoState)  # the projector's 1280x720
    window.resize(1280, 720)
    tab = window.findChild(QWidget, tab_name)
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.width() > 800, timeout=2_000)
    try:
        assert tab.minimumSizeHint().width() <= tab.width()
    finally:
        if presenting:
            window.presentation.leave()


class _Stream:
    """A run controller's ``stepped`` signal, as the plots subscribe to it."""

    def __init__(self) -> None:
        self.handlers = []

    def connect(self, handler) -> None:
        self.handlers.append(handler)

    def emit(self, batch) -> None:
        for handler in self.handlers:
            handler(batch)


def test_a_training_run_redraws_its_curves_at_most_every_live_redraw_ms(qtbot, monkeypatch):
    """Steps reach the window ten times a second; the curves are redrawn at most five times:
    a redraw costs the trainer about twice its GUI time on 2 cores (benchmarks/ui_latency.py)."""
    import cnnviz.ui.train.training_plots as module

    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.show()
    plots.set_epoch_span(1)
    stream = _Stream()
    monkeypatch.setattr(plots, "_draw_steps", _counting(plots._draw_steps, draws := []))
    plots.subscribe(SimpleNamespace(stepped=stream, reported=_Stream(),
                                    session=SimpleNamespace(run_started=_Stream())))
    for first in range(1, 101, 10):  # ten batches at once: one drawn now, the rest later
        stream.emit(steps(first, [1.0] * 10))
    assert len(draws) == 1
    assert len(plots.raw_curve.getData()[0]) == 10
    qtbot.waitUntil(lambda: len(plots.raw_curve.getData()[0]) == 100,
                    timeout=10 * module.LIVE_REDRAW_MS)
    assert len(draws) == 2  # the other nine batches in one redraw
    plots.add_steps(steps(101, [1.0]))  # a run read back from its folder: drawn at once
    assert len(plots.raw_curve.getData()[0]) == 101


def _counting(function, calls: list):
    def counted(*args):
        calls.append(args)
        return function(*args)
    return counted


def rising_records(accuracy: float) -> list[dict]:
    """A finished one-epoch run as its folder holds it: the epoch's training accuracy rises
    from 80% to a plateau near 96%, then the test accuracy."""
    fractions = np.arange(1, 601) / 600
    train = 0.96 - 0.16 * np.exp(-8 * fractions)
    events = [started(), *[StepEvent(step=i + 1, epoch=1, epoch_fraction=float(f), loss=0.1,
                                     train_acc=float(a), images_per_second=1000.0, lr=1e-3)
                           for i, (f, a) in enumerate(zip(fractions, train, strict=True))],
              EpochEvent(epoch=1, step=600, train_loss=0.1, train_acc=0.96, test_loss=0.05,
                         test_acc=accuracy, per_class_acc=np.zeros(10, dtype=np.float32),
                         seconds=1.0, checkpoint=None)]  # fmt: skip
    return [event_to_json(event) for event in events]


def test_an_opened_runs_training_curve_is_not_called_running(qtbot):
    plots = shown_plots(qtbot)
    plots.add_records(rising_records(0.9837))
    names = [label.text for _, label in plots.accuracy_plot.getPlotItem().legend.items]
    assert names[0] == "train (epoch so far)"  # the epoch's mean so far, not a run that runs
    assert not any("running" in name for name in names)


def test_on_a_projector_the_accuracy_legend_covers_no_label_and_no_point(qtbot):
    """A 1280x720 projector: the accuracy plot is short and its axis follows the data, so a
    legend in a column at the bottom right covered the end of the curves and the labels."""
    from cnnviz.ui.widgets.style import DISPLAY

    plots = shown_plots(qtbot)
    try:
        DISPLAY.set_scale(1.5)
        plots.resize(1280, 560)
        plots.add_records(rising_records(0.9837))
        plots.set_overlay("b", "lr 0.01", rising_records(0.9831))
        plots.set_names("lr 0.001", {"b": "lr 0.01"})
        qtbot.wait(10)
        item = plots.accuracy_plot.getPlotItem()
        legend = item.legend.sceneBoundingRect()
        for label, x, y in plots.point_labels.labels.values():
            assert not label.sceneBoundingRect().intersects(legend), label.toPlainText()
            assert not legend.contains(item.vb.mapViewToScene(QPointF(x, y)))
        for curve in item.listDataItems():
            xs, ys = curve.getData()
            points = [item.vb.mapViewToScene(QPointF(x, y)) for x, y in zip(xs, ys, strict=True)]
            assert not any(legend.contains(point) for point in points), curve.name()
    finally:
        DISPLAY.set_scale(1.0)


def test_on_a_projector_every_label_is_inside_the_plot_and_uncovered(qtbot, window):
    """Two runs opened at a desk, named by what differs, then shown at 1280x720 on a
    projector: a one-row legend at the bottom pushed "98.31% lr 0.01" out of the plot's left
    edge, since the legend kept the width of the runs' folder names."""
    from PySide6.QtGui import QAction

    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    plots = window.plots
    window.tabs.setCurrentWidget(plots)
    plots.add_records(rising_records(0.9837))
    plots.set_overlay("b", "20261206-135424-simple-cnn-mnist", rising_records(0.9831))
    qtbot.wait(10)  # laid out with the long name
    plots.set_names("lr 0.001", {"b": "lr 0.01"})
    qtbot.wait(10)
    present = window.findChild(QAction, "presentAction")
    present.trigger()
    try:
        qtbot.wait(100)  # full screen first, as on a projector
        window.setGeometry(0, 0, 1280, 720)
        qtbot.wait(100)
        item = plots.accuracy_plot.getPlotItem()
        area, legend = item.vb.sceneBoundingRect(), item.legend.sceneBoundingRect()
        labels = {label.toPlainText(): label.sceneBoundingRect()
                  for label, _, _ in plots.point_labels.labels.values()}  # fmt: skip
        assert sorted(labels) == ["98.31% lr 0.01", "98.37% lr 0.001"]
        for text, rect in labels.items():
            assert area.contains(rect), text
            assert not rect.intersects(legend), text
    finally:
        present.trigger()
