"""The one planning path: the settings given, then what the run inherits from the checkpoint
it starts from, then the defaults."""

from pathlib import Path

import pytest

from cnnviz.core.errors import CnnvizError
from cnnviz.core.training.checkpoint import CheckpointMeta
from cnnviz.core.training.config import TrainConfig
from cnnviz.core.training.planning import TrainMode, plan_run

PARENT = Path("/runs/r/checkpoint.pt")
META = CheckpointMeta("lenet5", "fashion-mnist", list("0123456789"), [1, 28, 28], [0.5], [0.5],
                      epoch=2, config={"model": "lenet5", "dataset": "fashion-mnist",
                                       "epochs": 2, "lr": 0.01, "optimizer": "sgd",
                                       "device": "cuda", "eval_every": 7})  # fmt: skip


def test_a_fresh_run_takes_what_is_given_then_the_defaults():
    config = plan_run({"lr": 0.1, "seed": None})
    assert config == TrainConfig(lr=0.1)


def test_a_continued_run_takes_the_runs_settings_unless_given():
    config = plan_run({"epochs": 5, "device": "cpu"}, TrainMode.CONTINUE, PARENT, META)
    assert (config.model, config.dataset, config.lr, config.optimizer) == (
        "lenet5", "fashion-mnist", 0.01, "sgd")
    assert config.epochs == 5 and config.resume == PARENT and config.init_from is None
    # what does not define the run is not inherited
    assert config.device == "cpu" and config.eval_every == 0
    assert plan_run({"lr": 0.2}, TrainMode.CONTINUE, PARENT, META).lr == 0.2


def test_a_run_from_weights_takes_only_the_model_and_data_set():
    config = plan_run({"lr": 0.3}, TrainMode.FROM_WEIGHTS, PARENT, META)
    assert (config.model, config.dataset, config.lr) == ("lenet5", "fashion-mnist", 0.3)
    assert config.optimizer == "adam" and config.epochs == 1
    assert config.init_from == PARENT and config.resume is None


def test_starting_from_a_checkpoint_needs_one():
    with pytest.raises(CnnvizError, match="no checkpoint"):
        plan_run({}, TrainMode.CONTINUE)
