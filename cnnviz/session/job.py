"""A training run on several processes, as a command: the torchrun line for the settings
chosen, which the app launches (and follows through the run folder) and which "Copy command"
gives the user to run on other machines."""

from __future__ import annotations

import shlex
import sys

from cnnviz.core.training.config import TrainConfig


def train_arguments(config: TrainConfig) -> list[str]:
    """``cnnviz train`` options that reproduce ``config`` (defaults left out)."""
    defaults = TrainConfig()
    args = ["train"]
    for name in ("model", "dataset", "epochs", "batch_size", "lr", "optimizer", "schedule",
                 "augment", "weight_decay", "seed", "device", "precision", "image_size",
                 "eval_every", "threads", "data_dir", "resume", "init_from",
                 "trusted_code_sha256"):  # fmt: skip
        value = getattr(config, name)
        if value is not None and value != getattr(defaults, name):
            args += [f"--{name.replace('_', '-')}", str(value)]
    for flag in ("trust_model_code", "tensorboard", "sync_bn"):
        if getattr(config, flag):
            args.append(f"--{flag.replace('_', '-')}")
    if not config.download:
        args.append("--offline")
    if config.out_dir is not None:
        args += ["--out", str(config.out_dir)]
    return args


def torchrun_command(config: TrainConfig, processes: int, python: str = sys.executable
                     ) -> list[str]:  # fmt: skip
    """One machine, ``processes`` processes. For several machines replace ``--standalone``
    with ``--nnodes=M --rdzv-backend=c10d --rdzv-endpoint=HOST:PORT``."""
    return [python, "-m", "torch.distributed.run", "--standalone",
            f"--nproc-per-node={processes}", "-m", "cnnviz", *train_arguments(config)]


def shell_line(command: list[str]) -> str:
    return shlex.join(command)
