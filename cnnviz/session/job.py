"""A training run on several processes, as a command: the torchrun line for the settings
chosen, which the app launches (and follows through the run folder) and which "Copy command"
gives the user to run on other machines."""

from __future__ import annotations

import shlex
import sys

from cnnviz.core.training.config import SETTINGS, TrainConfig, option


def train_arguments(config: TrainConfig) -> list[str]:
    """``cnnviz train`` options that reproduce ``config`` (defaults left out)."""
    defaults = TrainConfig()
    args = ["train"]
    for name, setting in SETTINGS.items():
        flag, value = option(name), getattr(config, name)
        if flag is None:
            continue
        if isinstance(value, bool):
            if value != setting.negated:  # on, or off for an option that turns it off
                args.append(flag)
        elif value is not None and value != getattr(defaults, name):
            args += [flag, str(value)]
    return args


def torchrun_command(config: TrainConfig, processes: int, python: str = sys.executable
                     ) -> list[str]:  # fmt: skip
    """One machine, ``processes`` processes. For several machines replace ``--standalone``
    with ``--nnodes=M --rdzv-backend=c10d --rdzv-endpoint=HOST:PORT``."""
    return [python, "-m", "torch.distributed.run", "--standalone",
            f"--nproc-per-node={processes}", "-m", "cnnviz", *train_arguments(config)]


def shell_line(command: list[str]) -> str:
    return shlex.join(command)
