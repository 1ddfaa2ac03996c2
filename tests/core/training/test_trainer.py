import math

import numpy as np
import pytest
import torch

from cnnviz.core.data.datasets import load_dataset
from cnnviz.core.errors import CnnvizError
from cnnviz.core.training.checkpoint import load_checkpoint
from cnnviz.core.training.config import TrainConfig, resume_conflicts
from cnnviz.core.training.events import (
    EpochEvent,
    EvaluationEvent,
    FailedEvent,
    FinishedEvent,
    StartedEvent,
    StepEvent,
    StoppedEvent,
    WeightsEvent,
)
from cnnviz.core.training.trainer import Trainer


@pytest.fixture
def mnist(mnist_dir):
    return load_dataset("mnist", mnist_dir, download=False)


def run(config, data, should_stop=lambda: False):
    events = []
    final = Trainer(config, data).run(events.append, should_stop)
    return events, final


def test_learns_a_small_synthetic_task(mnist, tmp_path):
    config = TrainConfig(epochs=3, batch_size=20, lr=3e-3, out_dir=tmp_path / "run")
    events, final = run(config, mnist)
    assert isinstance(events[0], StartedEvent) and events[0].total_steps == 45
    steps = [e for e in events if isinstance(e, StepEvent)]
    epochs = [e for e in events if isinstance(e, EpochEvent)]
    assert [s.step for s in steps] == list(range(1, 46))
    assert len(epochs) == 3 and epochs[-1].test_acc >= 0.9
    assert steps[-1].loss < steps[0].loss
    assert isinstance(final, FinishedEvent) and final.test_acc == epochs[-1].test_acc
    assert (tmp_path / "run" / "checkpoint.pt").is_file()
    assert (tmp_path / "run" / "best.pt").is_file()
    assert epochs[-1].per_class_acc.shape == (10,)


def test_events_hold_no_tensors(mnist):
    events, _ = run(TrainConfig(epochs=1, batch_size=50, eval_every=2), mnist)
    assert any(isinstance(e, EvaluationEvent) for e in events)
    for event in events:
        for value in vars(event).values():
            assert not isinstance(value, torch.Tensor)


def test_stops_within_one_batch(mnist, tmp_path):
    events = []

    def stop_after_three():
        return sum(isinstance(e, StepEvent) for e in events) >= 3

    final = Trainer(TrainConfig(epochs=5, batch_size=10, out_dir=tmp_path / "r"), mnist).run(
        events.append, stop_after_three)
    steps = [e for e in events if isinstance(e, StepEvent)]
    assert len(steps) == 3
    assert isinstance(final, StoppedEvent) and final.step == 3
    assert load_checkpoint(tmp_path / "r" / "checkpoint.pt").meta.step == 3


def test_seeded_runs_are_reproducible_on_cpu(mnist):
    # a fixed thread count: an adapting one changes the order of some sums
    config = TrainConfig(epochs=1, batch_size=30, augment="affine", seed=7, threads=1)
    first, second = Trainer(config, mnist), Trainer(config, mnist)
    first.run(lambda e: None)
    second.run(lambda e: None)
    for a, b in zip(first.model.state_dict().values(), second.model.state_dict().values(),
                    strict=True):
        assert torch.equal(a, b)


@pytest.mark.parametrize("schedule", ["none", "onecycle"])
def test_resume_continues_exactly_where_it_stopped(mnist, tmp_path, schedule):
    config = dict(epochs=2, batch_size=20, schedule=schedule, augment="affine", seed=3,
                  threads=1)  # a fixed count, as exact repeats need
    straight = Trainer(TrainConfig(**config), mnist)
    straight.run(lambda e: None)

    seen = []
    stopped = Trainer(TrainConfig(**config, out_dir=tmp_path / "a"), mnist)
    final = stopped.run(seen.append, lambda: sum(isinstance(e, StepEvent) for e in seen) >= 20)
    assert isinstance(final, StoppedEvent) and final.step == 20  # mid-way through epoch 2

    resumed = Trainer(TrainConfig(**config, resume=tmp_path / "a" / "checkpoint.pt"), mnist)
    events = []
    final = resumed.run(events.append)
    assert isinstance(final, FinishedEvent) and final.step == 30
    assert [e.step for e in events if isinstance(e, StepEvent)] == list(range(21, 31))
    for a, b in zip(straight.model.state_dict().values(), resumed.model.state_dict().values(),
                    strict=True):
        assert torch.allclose(a.float(), b.float(), atol=1e-6)


def test_resume_refuses_another_model(mnist, tmp_path):
    run(TrainConfig(epochs=1, batch_size=100, out_dir=tmp_path / "a"), mnist)
    _, final = run(TrainConfig(model="lenet5", resume=tmp_path / "a" / "checkpoint.pt"), mnist)
    assert isinstance(final, FailedEvent)
    assert "cannot continue that run exactly" in final.message
    assert "model 'lenet5' (the run used 'simple-cnn')" in final.message
    assert "--init-from" in final.message


def test_nan_loss_fails_with_advice(mnist):
    _, final = run(TrainConfig(epochs=1, batch_size=20, lr=1e30, optimizer="sgd"), mnist)
    assert isinstance(final, FailedEvent)
    assert "the loss became" in final.message and "lower learning rate" in final.message


def test_an_exception_in_a_custom_model_mid_run_is_a_failed_event(mnist, tmp_path):
    path = tmp_path / "flaky.py"
    path.write_text(
        "import torch.nn as nn\n"
        "class Flaky(nn.Module):\n"
        "    def __init__(self):\n"
        "        super().__init__(); self.fc = nn.Linear(784, 10); self.calls = 0\n"
        "    def forward(self, x):\n"
        "        self.calls += 1\n"
        "        if self.training and self.calls > 3: raise RuntimeError('custom boom')\n"
        "        return self.fc(x.flatten(1))\n"
    )
    _, final = run(TrainConfig(model=f"{path}:Flaky", epochs=1, batch_size=20), mnist)
    assert isinstance(final, FailedEvent)
    assert "RuntimeError: custom boom" in final.message and "Traceback" in final.details


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [("epochs", 0, "epochs must be at least 1"), ("batch_size", -5, "batch size"),
     ("lr", -1.0, "learning rate must be a positive"), ("lr", math.nan, "learning rate"),
     ("optimizer", "rmsprop", "unknown optimiser"), ("device", "tpu", "device 'tpu'")],
)
def test_bad_settings_fail_with_a_message_naming_them(mnist, field, value, message):
    _, final = run(TrainConfig(**{field: value}), mnist)
    assert isinstance(final, FailedEvent) and message in final.message


def test_validate_raises_cnnviz_error():
    with pytest.raises(CnnvizError):
        TrainConfig(epochs=0).validate()


@pytest.mark.parametrize("schedule", ["step", "cosine", "onecycle"])
@pytest.mark.parametrize("optimizer", ["adam", "adamw", "sgd"])
def test_every_optimiser_and_schedule_runs(mnist, optimizer, schedule):
    events, final = run(TrainConfig(epochs=1, batch_size=100, optimizer=optimizer,
                                    schedule=schedule), mnist)
    assert isinstance(final, FinishedEvent)
    lrs = [e.lr for e in events if isinstance(e, StepEvent)]
    assert all(lr > 0 for lr in lrs[:-1])


def test_weight_snapshots_leave_a_seeded_run_unchanged(mnist):
    # a fixed thread count: an adapting one follows the machine's load and changes the order
    # of some sums, so two runs differ in the last bits with or without snapshots
    config = TrainConfig(epochs=1, batch_size=20, augment="affine", seed=5, threads=1)
    plain = Trainer(config, mnist)
    plain.run(lambda e: None)
    watched = Trainer(config, mnist)
    events = []
    watched.run(events.append, wants_weights=lambda: True)
    snapshots = [e for e in events if isinstance(e, WeightsEvent)]
    assert len(snapshots) == 15
    assert all(isinstance(v, np.ndarray) for v in snapshots[-1].state.values())
    for key, value in plain.model.state_dict().items():
        assert torch.equal(value, watched.model.state_dict()[key])
        if value.is_floating_point():
            assert np.array_equal(snapshots[-1].state[key], value.numpy())


@pytest.mark.parametrize("precision", ["fp32", "bf16"])
def test_both_precisions_learn(mnist, precision):
    _, final = run(TrainConfig(epochs=2, batch_size=20, lr=3e-3, precision=precision), mnist)
    assert isinstance(final, FinishedEvent) and final.test_acc >= 0.9


def test_a_cancel_before_the_first_step_writes_nothing(mnist, tmp_path):
    events = []
    final = Trainer(TrainConfig(out_dir=tmp_path / "run"), mnist).run(events.append,
                                                                      lambda: True)
    assert isinstance(final, StoppedEvent) and final.checkpoint is None and final.step == 0
    assert not (tmp_path / "run").exists()
    assert not any(isinstance(e, StartedEvent) for e in events)


def test_a_cancel_while_loading_stops_the_load(mnist_dir, tmp_path):
    from cnnviz.core.errors import CancelledError

    def cancel(message, fraction):
        raise CancelledError("cancelled")

    config = TrainConfig(data_dir=mnist_dir, download=False, out_dir=tmp_path / "run")
    final = Trainer(config, progress=cancel).run(lambda e: None)
    assert isinstance(final, StoppedEvent) and final.checkpoint is None
    assert not (tmp_path / "run").exists()


def test_a_resumed_run_that_is_stopped_at_once_keeps_its_folder(mnist, tmp_path):
    run(TrainConfig(epochs=1, batch_size=50, out_dir=tmp_path / "a"), mnist)
    before = sorted(p.name for p in (tmp_path / "a").iterdir())
    checkpoint = (tmp_path / "a" / "checkpoint.pt").read_bytes()
    config = TrainConfig(epochs=2, batch_size=50, out_dir=tmp_path / "a",
                         resume=tmp_path / "a" / "checkpoint.pt")
    _, final = run(config, mnist, should_stop=lambda: True)
    assert isinstance(final, StoppedEvent) and final.checkpoint is None
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == before
    assert (tmp_path / "a" / "checkpoint.pt").read_bytes() == checkpoint


def test_config_json_records_every_setting_and_what_auto_became(mnist, tmp_path):
    import json

    run(TrainConfig(epochs=1, batch_size=50, out_dir=tmp_path / "a", seed=5), mnist)
    record = json.loads((tmp_path / "a" / "config.json").read_text())
    assert record["settings"]["seed"] == 5 and record["settings"]["batch_size"] == 50
    assert record["resolved"]["augment"] == "none"
    assert record["resolved"]["precision"] in ("bf16", "fp32")
    assert record["resolved"]["input_shape"] == [1, 28, 28]
    assert record["versions"]["torch"] == torch.__version__


@pytest.mark.parametrize(("recorded", "config", "problem"), [
    ({"lr": 0.001}, TrainConfig(lr=0.01), "lr 0.01"),
    ({"optimizer": "adam"}, TrainConfig(optimizer="sgd"), "optimizer 'sgd'"),
    ({"schedule": "cosine", "epochs": 3}, TrainConfig(schedule="cosine", epochs=5),
     "cannot be stretched"),
    ({"dataset": "folder:C:\\data\\cats"}, TrainConfig(dataset="folder:C:/data/cats/"), None),
    ({"schedule": "step", "epochs": 3}, TrainConfig(schedule="step", epochs=5), None),
])
def test_resume_conflicts(recorded, config, problem):
    problems = resume_conflicts(recorded, config)
    if problem is None:
        assert problems == []
    else:
        assert any(problem in p for p in problems), problems
