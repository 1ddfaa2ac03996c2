"""The run's scalars as TensorBoard event files too, so the same run opens in TensorBoard.

Optional: ``pip install "cnnviz[tensorboard]"`` brings the package that torch's SummaryWriter
needs. Without it, asking for TensorBoard says how to install it before anything trains.
"""

from __future__ import annotations

from pathlib import Path

from cnnviz.core.errors import CnnvizError
from cnnviz.core.training.events import EpochEvent, EvaluationEvent, JsonEvent, StepEvent

FOLDER = "tensorboard"


def summary_writer_class() -> type:
    """torch's SummaryWriter, or a CnnvizError that says how to get it (asked before a run
    loads its data, so a missing package costs no time)."""
    try:
        from torch.utils.tensorboard import SummaryWriter
    except ImportError:
        raise CnnvizError(
            'TensorBoard files need the tensorboard package: pip install "cnnviz[tensorboard]" '
            "(or leave out --tensorboard)"
        ) from None
    return SummaryWriter


class TensorBoardLog:
    """Step loss, running accuracy, learning rate and speed, and each test evaluation."""

    def __init__(self, run_dir: Path) -> None:
        self.writer = summary_writer_class()(log_dir=str(Path(run_dir) / FOLDER))

    def __call__(self, event: JsonEvent) -> None:
        add = self.writer.add_scalar
        if isinstance(event, StepEvent):
            add("loss/train", event.loss, event.step)
            add("accuracy/train_running", event.train_acc, event.step)
            add("learning_rate", event.lr, event.step)
            add("speed/images_per_second", event.images_per_second, event.step)
        elif isinstance(event, EpochEvent):
            add("loss/test", event.test_loss, event.step)
            add("accuracy/test", event.test_acc, event.step)
        elif isinstance(event, EvaluationEvent):
            add("accuracy/test_subset", event.test_acc, event.step)

    def close(self) -> None:
        self.writer.close()
