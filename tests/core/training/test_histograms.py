import math

import numpy as np
import pytest
import torch
from torch import nn

from cnnviz.core.models.registry import build_model
from cnnviz.core.models.shape import InputShape
from cnnviz.core.training import histograms
from cnnviz.core.training.config import TrainConfig
from cnnviz.core.training.events import HistogramEvent, event_from_json, event_to_json
from cnnviz.core.training.histograms import (
    HistogramRecorder,
    HistogramSeries,
    SnapshotSchedule,
    layer_name,
)
from cnnviz.core.training.metrics_follower import MetricsFollower
from cnnviz.core.training.run_folder import HISTOGRAMS, METRICS
from cnnviz.core.training.trainer import Trainer


def small_model() -> nn.Module:
    torch.manual_seed(0)
    return nn.Sequential(nn.Conv2d(1, 2, 3), nn.Flatten(), nn.Linear(8, 3))


def recorded_steps(schedule: SnapshotSchedule, total: int, first: int = 1) -> list[int]:
    recorders = [HistogramRecorder(small_model())]
    return [step for step in range(first, total + 1)
            if schedule.due(step) and schedule.take(step, recorders)]  # fmt: skip


@pytest.mark.parametrize("total", [1, 30, 100, 101, 250, 12_345])
def test_a_run_of_any_length_gets_100_snapshots_spread_from_its_first_step(total):
    steps = recorded_steps(SnapshotSchedule(total, clock=lambda: 0.0), total)
    assert len(steps) == min(total, 100) and steps[0] == 1
    gaps = np.diff(steps)
    assert len(gaps) == 0 or gaps.max() - gaps.min() <= 1  # evenly spread
    assert steps[-1] > total - math.ceil(total / 100) - 1


def test_a_resumed_run_keeps_the_schedule():
    whole = recorded_steps(SnapshotSchedule(1000, clock=lambda: 0.0), 1000)
    resumed = SnapshotSchedule(1000, start_step=437, clock=lambda: 0.0)
    assert recorded_steps(resumed, 1000, first=438) == [s for s in whole if s > 437]


def test_snapshots_are_throttled_to_their_share_of_the_time(monkeypatch):
    """Each snapshot costs 1 s and each step 10 ms: at 2% of the time, the recorder takes a
    snapshot only when the time spent on them stays within 2% of the time so far."""
    now = [0.0]
    counted = histograms._histogram

    def slow_histogram(values, bins):
        now[0] += 0.5  # two weights a snapshot
        return counted(values, bins)

    monkeypatch.setattr(histograms, "_histogram", slow_histogram)
    schedule = SnapshotSchedule(10_000, cost_share=0.02, clock=lambda: now[0])
    recorders = [HistogramRecorder(small_model())]
    steps = []
    for step in range(1, 10_001):
        now[0] += 0.01
        if schedule.due(step):
            steps.append(schedule.take(step, recorders)[0].step)
    assert steps[0] == 1 and 2 <= len(steps) <= 4
    assert schedule.spent <= 0.02 * now[0] + 1.0


def test_a_snapshot_holds_each_weight_and_its_gradient():
    model = small_model()
    model(torch.randn(4, 1, 4, 4)).sum().backward()
    model[2].weight.grad = None  # a layer without a gradient this step
    event = HistogramRecorder(model, bins=8).snapshot(3)
    assert event.step == 3 and event.layers == ["0", "2"]
    assert event.weight_counts.shape == (2, 8) and event.weight_counts.sum(axis=1).tolist() == [
        18, 24]  # fmt: skip
    weight = model[0].weight.detach()
    assert event.weight_ranges[0].tolist() == pytest.approx([float(weight.min()),
                                                             float(weight.max())])
    assert event.grad_norms[0] == pytest.approx(float(model[0].weight.grad.norm()))
    assert event.grad_norms[1] == 0 and event.grad_counts[1].sum() == 0
    again = event_from_json(event_to_json(event))
    assert np.array_equal(again.weight_counts, event.weight_counts)
    assert again.grad_norms.dtype == np.float32
    assert layer_name("layer1.0.weight") == "layer1.0" and layer_name("scale") == "scale"


def fake_event(step, low, high, counts, norm=1.0):
    counts = np.array([counts], dtype=np.int64)
    ranges = np.array([[low, high]], dtype=np.float32)
    return HistogramEvent(step, ["conv"], ranges, counts, ranges, counts,
                          np.array([norm], dtype=np.float32))  # fmt: skip


def test_the_heatmap_puts_every_snapshot_on_one_value_axis():
    series = HistogramSeries.of([fake_event(1, 0, 1, [4, 0]), fake_event(5, 0, 2, [0, 1]),
                                 fake_event(9, -1, 1, [1, 1], norm=0.0)])
    matrix, (low, high) = series.heatmap(0, rows=4)
    assert (low, high) == (-1.0, 2.0) and matrix.shape == (4, 3)
    # rows of 0.75 from -1; each bin goes to the row of its centre: step 1's at 0.25 and
    # 0.75, step 5's at 0.5 and 1.5, step 9's at -0.5 and 0.5
    assert matrix[:, 0].tolist() == [0, 1, 0, 0]
    assert matrix[:, 1].tolist() == [0, 0, 0, 1]
    assert matrix[:, 2].tolist() == [1, 0, 1, 0]
    logs = series.log_norms()
    assert logs.shape == (1, 3) and logs[0, 0] == 0 and np.isnan(logs[0, 2])
    assert series.steps.tolist() == [1, 5, 9]


def test_the_series_keeps_the_last_model_and_one_snapshot_a_step():
    other = fake_event(1, 0, 1, [1, 1])
    other.layers = ["fc"]
    series = HistogramSeries.of([other, fake_event(3, 0, 1, [1, 0]), fake_event(2, 0, 1, [2, 0]),
                                 fake_event(3, 0, 1, [0, 5])])  # a resumed run wrote 3 again
    assert series.steps.tolist() == [2, 3] and series.weight_counts[1, 0].tolist() == [0, 5]
    assert HistogramSeries.of([]) is None


def test_every_run_writes_its_histograms_into_its_folder(mnist_dir, tmp_path, monkeypatch):
    monkeypatch.setattr(histograms, "COST_SHARE", 1.0)  # every scheduled snapshot, for sure
    run = tmp_path / "run"
    events = []
    config = TrainConfig(data_dir=mnist_dir, epochs=1, batch_size=20, download=False,
                         out_dir=run, seed=3)  # fmt: skip
    Trainer(config).run(events.append)
    sent = [e for e in events if isinstance(e, HistogramEvent)]
    assert [e.step for e in sent] == list(range(1, 16))  # 15 steps: every one
    written = MetricsFollower(run, HISTOGRAMS).poll().records
    assert [r["step"] for r in written] == list(range(1, 16))
    assert all(r["type"] != "histograms" for r in MetricsFollower(run, METRICS).poll().records)
    torch.manual_seed(3)
    initial = build_model("simple-cnn", InputShape(1, 28, 28, 10)).layer1[0].weight.detach()
    first = event_from_json(written[0])
    assert first.layers == ["layer1.0", "layer2.0", "fc"]
    assert first.weight_ranges[0].tolist() == pytest.approx(  # before the first update
        [float(initial.min()), float(initial.max())])
    assert (first.grad_norms > 0).all()
