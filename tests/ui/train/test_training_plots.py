"""The live plots' axes: set from the data, and moved only when they must."""

import numpy as np
import pytest

from cnnviz.core.training.events import StepEvent
from cnnviz.ui.train.training_plots import TrainingPlots, round_up


@pytest.mark.parametrize(("value", "expected"), [
    (2.31, 2.5), (2.5, 2.5), (0.07, 0.08), (13.0, 15.0), (0.0, 1.0), (9.1, 10.0)])
def test_round_up(value, expected):
    assert round_up(value) == pytest.approx(expected)


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
