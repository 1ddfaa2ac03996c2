"""What a training run carries from step to step, and what its checkpoint saves.

One ``TrainState`` travels through the trainer's loop, its checkpoints and its resume, in
place of the nine loose arguments (model, optimiser, schedule, random state, data, epoch,
batch, step, best accuracy) that each of them once took: a checkpoint is the state at a
position, and a resume puts a checkpoint back into a state.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import nn

from cnnviz.core.data.types import LoadedDataset
from cnnviz.core.models.model_code import ModelCode
from cnnviz.core.training.checkpoint import Checkpoint, CheckpointMeta
from cnnviz.core.training.config import TrainConfig

#: seeds of the augmentation draws of rank r (and, resumed at step s, of that rank again)
RANK_SEED_STRIDE = 7919
RESUME_SEED_STRIDE = 104729


def augmentation_seed(seed: int, rank: int, step: int = 0) -> int:
    """The seed of rank ``rank``'s augmentation draws; rank 0 (and a single process) draws
    from the run's seed. A distributed run resumed at ``step`` reseeds every rank from the
    step, since a checkpoint holds rank 0's random state alone."""
    return seed + RANK_SEED_STRIDE * rank + RESUME_SEED_STRIDE * step


def epoch_order(seed: int, epoch: int, n: int) -> torch.Tensor:
    """The data order of one epoch depends only on the seed and the epoch, so a resumed run
    can replay the epoch it was stopped in."""
    return torch.randperm(n, generator=torch.Generator().manual_seed(seed * 1_000_003 + epoch))


@dataclass
class TrainState:
    """A run's model, optimiser, schedule and random state, where it is, and what it has
    measured so far. ``epoch`` and ``batch`` are the position a checkpoint records: the
    epochs completed and the batches done in the epoch under way."""

    #: the model itself (what DDP wraps in a run of several processes)
    model: nn.Module
    optimizer: torch.optim.Optimizer
    scheduler: torch.optim.lr_scheduler.LRScheduler | None
    #: the augmentation draws' random state
    generator: torch.Generator
    data: LoadedDataset
    epoch: int = 0
    batch: int = 0
    step: int = 0
    best_acc: float = 0.0
    #: time spent in training steps (no evaluation, no saving), and the images they saw
    train_seconds: float = 0.0
    images_seen: int = 0

    def checkpoint(self, config: TrainConfig, code: ModelCode | None,
                   metrics: dict[str, float]) -> Checkpoint:  # fmt: skip
        """The state at its position, as a checkpoint of ``config``'s run."""
        info = self.data.info
        meta = CheckpointMeta(
            model=config.model, dataset=info.name, class_names=list(info.class_names),
            input_shape=[info.channels, info.height, info.width], mean=list(info.mean),
            std=list(info.std), epoch=self.epoch, step=self.step, batch_in_epoch=self.batch,
            metrics=dict(metrics), config=config.to_dict(),
            model_code=code.to_dict() if code else None,
        )  # fmt: skip
        model_state = {k: v.detach().cpu().contiguous() for k, v in self.model.state_dict().items()}
        return Checkpoint(
            meta=meta,
            model_state=model_state,
            optimizer_state=self.optimizer.state_dict(),
            scheduler_state=self.scheduler.state_dict() if self.scheduler is not None else None,
            generator_state=self.generator.get_state(),
        )
