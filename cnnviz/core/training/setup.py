"""Setting a training run up: the run folder's claim, the data, the CPU threads, the model
on its device, the optimiser and schedule, and what stays fixed while it trains.

Every step here happens before the first training step, in the order the trainer calls
them; the order matters where it is noted (a folder is claimed before the data loads, so a
taken folder is refused at once; the seed is set just before the model is built, so every
rank starts from the same weights).
"""

from __future__ import annotations

import contextlib
import math
import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
from torch import nn

from cnnviz.core.data.batches import Normalizer
from cnnviz.core.data.datasets import load_dataset
from cnnviz.core.data.types import ImageSplit, LoadedDataset, ProgressFn
from cnnviz.core.errors import CnnvizError
from cnnviz.core.models.model_code import ModelCode
from cnnviz.core.models.registry import build_model
from cnnviz.core.models.shape import InputShape
from cnnviz.core.thread_tuner import ThreadTuner, starting_threads
from cnnviz.core.threads import available_cores
from cnnviz.core.training.checkpoint import Checkpoint, apply_weights
from cnnviz.core.training.config import TrainConfig
from cnnviz.core.training.devices import resolve_precision
from cnnviz.core.training.distributed import ProcessGroup
from cnnviz.core.training.run_folder import RunFolder

STEP_DECAY_EPOCHS = 20
STEP_DECAY_FACTOR = 1 / 3
#: steps between host syncs for the metrics on an accelerator; the CPU syncs every step
ACCELERATOR_SYNC_STEPS = 10


def most_threads(group: ProcessGroup) -> int:
    """The CPU threads one process of the run may use: the cores available to it, shared
    among the processes of a torchrun job on this machine."""
    return max(1, available_cores() // group.local_world_size)


def claim_folder(config: TrainConfig, group: ProcessGroup) -> RunFolder | None:
    """Rank 0's run folder, claimed (an operating-system lock) before the data loads, so
    that a folder another run holds is refused at once; None for a run kept in memory."""
    if config.out_dir is None or not group.is_main:
        return None
    folder = RunFolder(Path(config.out_dir), tensorboard=config.tensorboard)
    folder.claim()
    return folder


def load_data(config: TrainConfig, progress: ProgressFn | None) -> LoadedDataset:
    return load_dataset(
        config.dataset, config.data_dir, download=config.download, progress=progress,
        image_size=config.image_size,
    )  # fmt: skip


def set_threads(config: TrainConfig, device: torch.device,
                group: ProcessGroup) -> ThreadTuner | None:  # fmt: skip
    """On the CPU, the thread count is fixed (``threads``) or follows the machine's load:
    then the returned tuner adapts it."""
    if device.type != "cpu":
        return None
    if config.threads:
        torch.set_num_threads(config.threads)
        return None
    most = most_threads(group)
    return ThreadTuner(most, starting_threads(most))


def build_network(config: TrainConfig, shape: InputShape, code: ModelCode | None,
                  parent: Checkpoint | None, device: torch.device,
                  group: ProcessGroup) -> tuple[nn.Module, nn.Module]:  # fmt: skip
    """What trains (DDP around the model in a run of several processes, else the model
    itself) and the model, on ``device``, with an init_from parent's weights."""
    torch.manual_seed(config.seed)  # the same initial weights on every rank
    model = build_model(config.model, shape, code).to(device)
    if config.init_from is not None and parent is not None:
        apply_weights(parent, model, str(config.init_from))
    if uses_channels_last(device):
        model = model.to(memory_format=torch.channels_last)
    net = group.wrap(model, config.sync_bn)
    return net, getattr(net, "module", net)


def uses_channels_last(device: torch.device) -> bool:
    """channels_last lets oneDNN and cuDNN pick their fastest convolution kernels (about
    twice as fast for simple-cnn on an AVX-512 CPU); MPS gains nothing from it."""
    return device.type in ("cpu", "cuda")


def make_optimizer(config: TrainConfig, params: Any, device: torch.device) -> torch.optim.Optimizer:
    """The fused implementations update every parameter in one kernel, where available."""
    params = list(params)
    fused = {"fused": True} if device.type in ("cpu", "cuda") else {}
    choices: dict[str, tuple[Callable[..., torch.optim.Optimizer], dict[str, Any]]] = {
        "adam": (torch.optim.Adam, {}),
        "adamw": (torch.optim.AdamW, {}),
        "sgd": (torch.optim.SGD, {"momentum": 0.9, "nesterov": True}),
    }
    cls, kwargs = choices[config.optimizer]
    try:
        return cls(params, lr=config.lr, weight_decay=config.weight_decay, **kwargs, **fused)
    except (RuntimeError, TypeError, ValueError):  # an older torch without a fused kernel here
        return cls(params, lr=config.lr, weight_decay=config.weight_decay, **kwargs)


def make_schedule(
    config: TrainConfig, optimizer: torch.optim.Optimizer, steps_per_epoch: int
) -> torch.optim.lr_scheduler.LRScheduler | None:
    """A schedule that is stepped once per batch."""
    total = steps_per_epoch * config.epochs
    if config.schedule == "step":
        return torch.optim.lr_scheduler.StepLR(
            optimizer, STEP_DECAY_EPOCHS * steps_per_epoch, gamma=STEP_DECAY_FACTOR
        )
    if config.schedule == "cosine":
        return torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=total)
    if config.schedule == "onecycle":
        return torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=config.lr, total_steps=total)
    return None


def _fits_on(device: torch.device, data: LoadedDataset) -> bool:
    if device.type == "cpu":
        return True
    size = data.train.images.nbytes + data.test.images.nbytes
    if device.type == "cuda":
        free, _ = torch.cuda.mem_get_info(device)
        return size < free // 4
    return size < 1 << 30


@dataclass(frozen=True)
class RunSetup:
    """What stays fixed while a run trains: where it trains, what, and in which steps."""

    device: torch.device
    #: what trains: DDP around the model, or the model itself
    net: nn.Module
    shape: InputShape
    augment: str
    #: autocast's type, or None for fp32
    precision: torch.dtype | None
    #: this process's share of the batch
    batch_size: int
    steps_per_epoch: int
    #: where the data set lives (the model's device when it fits), and its splits there
    data_device: torch.device
    train: ImageSplit
    test: ImageSplit
    normalizer: Normalizer

    @property
    def channels_last(self) -> bool:
        return uses_channels_last(self.device)

    @property
    def sync_every(self) -> int:
        """Steps between two reads of the metrics from the device (each read waits for it)."""
        return 1 if self.device.type == "cpu" else ACCELERATOR_SYNC_STEPS

    def autocast(self) -> contextlib.AbstractContextManager[Any]:
        """The forward pass's mixed precision, or nothing in fp32."""
        if self.precision is None:
            return contextlib.nullcontext()
        return torch.autocast(self.device.type, dtype=self.precision)


def run_setup(config: TrainConfig, group: ProcessGroup, data: LoadedDataset,
              device: torch.device, shape: InputShape, augment: str,
              net: nn.Module) -> RunSetup:  # fmt: skip
    """The run's fixed setup; refused when the data set is too small for the processes or
    the batch does not split evenly over them."""
    n_train = len(data.train)
    if n_train < 2 * group.world_size:
        raise CnnvizError(f"data set {data.info.name} has {n_train} training image(s); "
                          f"it needs at least {2 * group.world_size}")
    batch_size = group.local_batch(config.batch_size)
    n_slice = n_train // group.world_size
    steps_per_epoch = max(1, n_slice // batch_size if n_slice % batch_size == 1
                          else math.ceil(n_slice / batch_size))
    data_device = device if _fits_on(device, data) else torch.device("cpu")
    return RunSetup(
        device=device, net=net, shape=shape, augment=augment,
        precision=resolve_precision(config.precision, device), batch_size=batch_size,
        steps_per_epoch=steps_per_epoch, data_device=data_device,
        train=data.train.to(data_device), test=data.test.to(data_device),
        normalizer=Normalizer(data.info.mean, data.info.std, device),
    )  # fmt: skip


def open_folder(folder: RunFolder | None, config: TrainConfig, group: ProcessGroup,
                setup: RunSetup, code: ModelCode | None) -> None:  # fmt: skip
    """Write the run folder's config.json (the settings, and what "auto" became) and start
    its heartbeat. Every rank takes part: the hosts are gathered from all of them."""
    hosts = group.gather_objects(socket.gethostname())
    if folder is None:
        return
    device, shape = setup.device, setup.shape
    details = {
        "world_size": group.world_size, "backend": group.backend or None,
        "hosts": sorted(set(hosts)),
        "device": str(device), "augment": setup.augment,
        "precision": "bf16" if setup.precision is not None else "fp32",
        "input_shape": [shape.channels, shape.height, shape.width],
        "classes": shape.num_classes,
        "parent_checkpoint": str(config.init_from) if config.init_from else None,
        "model_code_sha256": code.sha256 if code else None,
        "threads": (None if device.type != "cpu" else config.threads
                    or f"adaptive, 1 to {most_threads(group)}"),
    }  # fmt: skip
    folder.open(config.to_dict(), details,
                resumed_from=str(config.resume) if config.resume else None)  # fmt: skip
