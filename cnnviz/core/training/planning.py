"""Planning a run: the one path from the settings given and what the run starts from to the
TrainConfig it trains with, for ``cnnviz train`` and the app alike.

A run starts fresh, from a checkpoint's weights (a new run, fine-tuning) or by continuing a
checkpoint's run exactly. What it does not say it takes from that checkpoint (continuing: the
run's own settings; from weights: its model and data set), then from TrainConfig's defaults.
Where the run's folder is and which code it may run are the caller's (the command line's
options, the session's run home and trust store), given as settings like any other.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from pathlib import Path
from typing import Any

from cnnviz.core.errors import CnnvizError
from cnnviz.core.training.checkpoint import CheckpointMeta, load_checkpoint
from cnnviz.core.training.config import INHERITED, TrainConfig


class TrainMode(str, Enum):
    """What a run does with the weights it could start from."""

    CONTINUE = "continue"  # the same run, exactly where it stopped (resume)
    FROM_WEIGHTS = "from-weights"  # a new run from these weights, fresh optimiser (init_from)
    FRESH = "fresh"  # a new run from new random weights


def inherited_settings(mode: TrainMode, meta: CheckpointMeta) -> dict[str, Any]:
    """What a run in ``mode`` takes from the checkpoint it starts from, unless given."""
    if mode is TrainMode.CONTINUE:
        return {key: value for key, value in meta.config.items() if key in INHERITED}
    if mode is TrainMode.FROM_WEIGHTS:
        return {"model": meta.model, "dataset": meta.config.get("dataset", meta.dataset)}
    return {}


def plan_run(given: Mapping[str, Any], mode: TrainMode = TrainMode.FRESH,
             checkpoint: Path | None = None, meta: CheckpointMeta | None = None
             ) -> TrainConfig:  # fmt: skip
    """The config a run in ``mode`` trains with: the settings ``given`` (a None is not given),
    then what it inherits from ``checkpoint`` (whose ``meta`` the caller may have read
    already), then the defaults; ``resume`` or ``init_from`` says where it starts."""
    start: dict[str, Any] = {"resume": None, "init_from": None}
    inherited: dict[str, Any] = {}
    if mode is not TrainMode.FRESH:
        if checkpoint is None:
            raise CnnvizError(f"cannot {mode.value}: no checkpoint to start from")
        inherited = inherited_settings(mode, meta or load_checkpoint(checkpoint).meta)
        start["resume" if mode is TrainMode.CONTINUE else "init_from"] = checkpoint
    chosen = {key: value for key, value in given.items() if value is not None}
    return TrainConfig(**{**inherited, **chosen, **start})
