"""What a training run is asked to do: the one object that goes into the core."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from cnnviz.core.data.batches import AUGMENTATIONS
from cnnviz.core.errors import CnnvizError

OPTIMIZERS = {
    "adam": "Adam (the tutorial's choice, lr 1e-3)",
    "adamw": "AdamW (Adam with decoupled weight decay)",
    "sgd": "SGD with momentum 0.9 and Nesterov",
}
PRECISIONS = {
    "auto": "bf16 mixed precision where the hardware computes it natively, else fp32",
    "fp32": "full 32-bit floats everywhere",
    "bf16": "bfloat16 mixed precision for convolutions and matrix products",
}
#: where the default run is not the tutorial's, in a sentence: the CLI's help and the README
#: say it, so that "the tutorial's run" is never read as more than it is
BEYOND_THE_TUTORIAL = (
    "Unlike the tutorial, cnnviz normalises the inputs with the data set's mean and standard "
    "deviation (MNIST: 0.1307 and 0.3081) and, with precision auto, trains in bf16 autocast "
    "where the hardware computes it natively (--precision fp32 turns that off).")  # fmt: skip
SCHEDULES = {
    "none": "constant learning rate",
    "step": "the tutorial's step decay: lr / 3 every 20 epochs",
    "cosine": "cosine decay to zero over the run",
    "onecycle": "one-cycle: warm up to lr, then anneal",
}


@dataclass
class TrainConfig:
    """A training run. Every field has the tutorial's default where it has one; the run still
    differs from the tutorial's as BEYOND_THE_TUTORIAL says (normalised inputs, and bf16
    autocast where the hardware has it)."""

    model: str = "simple-cnn"
    dataset: str = "mnist"
    data_dir: Path | None = None
    epochs: int = 1
    batch_size: int = 100
    lr: float = 1e-3
    optimizer: str = "adam"
    schedule: str = "none"
    #: "auto" takes the data set's default: crop-flip for colour photos, none for digits
    augment: str = "auto"
    weight_decay: float = 0.0
    seed: int = 0
    device: str = "auto"
    #: "auto" uses bf16 autocast on CUDA with bf16 support and on CPUs with native bf16
    #: (AVX512-BF16 / AMX); it roughly halves the time of a step there
    precision: str = "auto"
    #: torch's CPU threads: 0 adapts the count to the machine's load while it trains (see
    #: thread_tuner; fast on a busy machine, but not bit-for-bit repeatable), N fixes it
    threads: int = 0
    #: also evaluate on a fixed test subset every N steps (0: only at each epoch end)
    eval_every: int = 0
    eval_subset: int = 1000
    download: bool = True
    #: image folders: the longer side of the input in pixels (None: the most common size,
    #: scaled so that its longer side is at most 64)
    image_size: int | None = None
    #: the run folder (config.json, metrics.jsonl, checkpoint.pt, best.pt); None keeps the
    #: run in memory
    out_dir: Path | None = None
    #: continue this checkpoint's run exactly: weights, optimiser, schedule and position in
    #: the data; every setting but ``epochs`` must match the run's (see resume_conflicts)
    resume: Path | None = None
    #: start a new run from this checkpoint's weights, with a fresh optimiser and schedule
    #: from these settings (fine-tuning); recorded in config.json as the parent
    init_from: Path | None = None
    #: the model's code runs only if its SHA-256 is this one (the app trusted that text when
    #: it showed the model; a file or checkpoint replaced since is refused)
    trusted_code_sha256: str | None = None
    #: a checkpoint (resume, init_from) whose model is defined in a Python file may run it
    trust_model_code: bool = False
    #: also write the scalars as TensorBoard event files in RUN_DIR/tensorboard
    tensorboard: bool = False
    #: several processes (torchrun): BatchNorm statistics synchronised across them (NCCL)
    sync_bn: bool = False

    def validate(self) -> None:
        """Refuse values no run can use, with a message that names the setting."""
        checks = [
            (self.epochs >= 1, f"epochs must be at least 1 (got {self.epochs})"),
            (self.batch_size >= 1, f"batch size must be at least 1 (got {self.batch_size})"),
            (
                math.isfinite(self.lr) and self.lr > 0,
                f"learning rate must be a positive number (got {self.lr})",
            ),
            (self.weight_decay >= 0, f"weight decay must not be negative ({self.weight_decay})"),
            (self.eval_every >= 0, f"eval-every must not be negative (got {self.eval_every})"),
            (self.eval_subset >= 1, f"eval subset must be at least 1 (got {self.eval_subset})"),
            (
                self.image_size is None or self.image_size >= 4,
                f"image size must be at least 4 pixels (got {self.image_size})",
            ),
            (
                self.threads >= 0,
                f"threads must be 0 (adapt to the machine's load) or more (got {self.threads})",
            ),
            (
                self.resume is None or self.init_from is None,
                "give either --resume (continue a run exactly) or --init-from (a new run from "
                "its weights), not both",
            ),
            (
                self.optimizer in OPTIMIZERS,
                f"unknown optimiser {self.optimizer!r}: choose one of {', '.join(OPTIMIZERS)}",
            ),
            (
                self.precision in PRECISIONS,
                f"unknown precision {self.precision!r}: choose one of {', '.join(PRECISIONS)}",
            ),
            (
                self.schedule in SCHEDULES,
                f"unknown schedule {self.schedule!r}: choose one of {', '.join(SCHEDULES)}",
            ),
            (
                self.augment == "auto" or self.augment in AUGMENTATIONS,
                f"unknown augmentation {self.augment!r}: choose auto or one of "
                f"{', '.join(AUGMENTATIONS)}",
            ),
        ]
        for ok, message in checks:
            if not ok:
                raise CnnvizError(message)

    def to_dict(self) -> dict[str, Any]:
        """Plain values only, so that a checkpoint can carry it under weights_only loading."""
        return {k: str(v) if isinstance(v, Path) else v for k, v in asdict(self).items()}


#: what makes a run the run it is: continuing it exactly needs every one of them unchanged
RUN_DEFINING = ("model", "dataset", "optimizer", "schedule", "lr", "batch_size", "augment",
                "precision", "weight_decay", "seed", "image_size")  # fmt: skip
#: schedules whose shape depends on the run's total length
LENGTH_SHAPED_SCHEDULES = ("onecycle", "cosine")


def same_setting(key: str, ours: Any, theirs: Any) -> bool:
    """Settings compare as values; data set names compare as paths with either slash."""
    if key == "dataset" and isinstance(ours, str) and isinstance(theirs, str):
        return same_dataset(ours, theirs)
    if isinstance(ours, float) or isinstance(theirs, float):
        try:
            return math.isclose(float(ours), float(theirs), rel_tol=1e-9)
        except (TypeError, ValueError):
            return False
    return ours == theirs


def same_dataset(a: str, b: str) -> bool:
    """``folder:C:\\data\\x`` and ``folder:C:/data/x/`` name the same data set."""
    def canonical(name: str) -> str:
        return name.replace("\\", "/").rstrip("/")

    return canonical(a) == canonical(b)


def resume_conflicts(recorded: dict[str, Any], config: TrainConfig) -> list[str]:
    """Why ``config`` cannot continue the run whose settings are ``recorded`` exactly: one
    entry per differing setting (epochs aside), and one for a length-shaped schedule that
    would have to stretch. Empty when the run can continue. Settings the checkpoint does not
    record (an older cnnviz) are not compared."""
    ours = config.to_dict()
    problems = [
        f"{key} {ours[key]!r} (the run used {recorded[key]!r})"
        for key in RUN_DEFINING
        if key in recorded and not same_setting(key, ours[key], recorded[key])
    ]
    epochs = recorded.get("epochs")
    if (config.schedule in LENGTH_SHAPED_SCHEDULES and epochs is not None
            and int(epochs) != config.epochs):  # fmt: skip
        problems.append(
            f"epochs {config.epochs}: the {config.schedule} schedule was shaped for {epochs} "
            f"epoch(s) and cannot be stretched"
        )
    return problems
