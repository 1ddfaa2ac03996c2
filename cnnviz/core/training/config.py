"""What a training run is asked to do: the one object that goes into the core."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from cnnviz.core.data.batches import AUGMENTATIONS
from cnnviz.core.errors import CnnvizError, error_message
from cnnviz.core.translatable import QT_TRANSLATE_NOOP, Message, untranslated

#: the texts the run panel shows are marked for translation under "Setting" (the command line
#: shows them as they are)
OPTIMIZERS = {
    "adam": QT_TRANSLATE_NOOP("Setting", "Adam (the tutorial's choice, lr 1e-3)"),
    "adamw": QT_TRANSLATE_NOOP("Setting", "AdamW (Adam with decoupled weight decay)"),
    "sgd": QT_TRANSLATE_NOOP("Setting", "SGD with momentum 0.9 and Nesterov"),
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
    "none": QT_TRANSLATE_NOOP("Setting", "constant learning rate"),
    "step": QT_TRANSLATE_NOOP("Setting", "the tutorial's step decay: lr / 3 every 20 epochs"),
    "cosine": QT_TRANSLATE_NOOP("Setting", "cosine decay to zero over the run"),
    "onecycle": QT_TRANSLATE_NOOP("Setting", "one-cycle: warm up to lr, then anneal"),
}


#: the augmentations a run may ask for: one by name, or the data set's own default
AUGMENT_CHOICES = {
    "auto": QT_TRANSLATE_NOOP("Setting", "crop-flip for colour photos, none for digits"),
    **AUGMENTATIONS,
}


@dataclass(frozen=True)
class Setting:
    """What a TrainConfig field means beyond its type and default. This is the one place the
    command line's options, the run panel's form, the run-defining set and a job's command
    line read a setting from, so that adding one is one edit (plus its use)."""

    #: what it does, for ``--help`` and the form's tooltip
    help: str = ""
    #: the option of ``cnnviz train`` that sets it: "" derives ``--name-with-dashes`` from the
    #: field's name; None: none (the setting is the app's or the trainer's own)
    flag: str | None = ""
    #: the option is one that other commands share (cli/common.py defines it, with its help)
    shared: bool = False
    #: a yes/no option that turns the setting off (``--offline`` for ``download``)
    negated: bool = False
    #: how ``--help`` names the default, where the value alone would not say it
    default_help: str | None = None
    #: the smallest value a run accepts (the command line's check); None: any
    least: float | None = None
    #: a number that must be more than ``least`` (a learning rate), not merely as much
    above_least: bool = False
    #: the values the app's form offers, low to high
    span: tuple[float, float] | None = None
    #: the values it may take, each with one line that says what it does
    choices: Mapping[str, str] | None = None
    #: what makes a run the run it is: continuing it exactly needs it unchanged
    run_defining: bool = False
    #: a continued run takes it from its checkpoint unless it is given again (as it does
    #: every run-defining setting)
    inherited: bool = False
    #: the command line insists on it
    required: bool = False
    metavar: str | None = None
    #: options of one group exclude each other
    group: str | None = None

    def described(self, default: Any,
                  translate: Callable[[str, str], str] = untranslated) -> str:  # fmt: skip
        """The help with the default said, as ``--help`` and the form's tooltips show it; the
        form passes ``QCoreApplication.translate`` (the texts are marked under "Setting")."""
        text = translate("Setting", self.help)
        if self.default_help is not None:
            return translate("Setting", QT_TRANSLATE_NOOP("Setting", "{help} ({default})")).format(
                help=text, default=translate("Setting", self.default_help))
        if default is None or isinstance(default, bool):
            return text
        shown = f"{default:g}" if isinstance(default, float) else default
        return translate("Setting", QT_TRANSLATE_NOOP("Setting", "{help} (default {default})")
                         ).format(help=text, default=shown)  # fmt: skip


def setting(default: Any, **about: Any) -> Any:
    """A TrainConfig field with its default and its Setting (see there for ``about``)."""
    return field(default=default, metadata={"setting": Setting(**about)})


@dataclass
class TrainConfig:
    """A training run. Every field has the tutorial's default where it has one; the run still
    differs from the tutorial's as BEYOND_THE_TUTORIAL says (normalised inputs, and bf16
    autocast where the hardware has it). Each field's Setting says what it means."""

    model: str = setting(
        "simple-cnn", run_defining=True,
        help=QT_TRANSLATE_NOOP("Setting", "registry name (see 'cnnviz models'), "
                               "pattern:n=N,m=M,k=K or path/to/file.py:Name"))
    dataset: str = setting(
        "mnist", run_defining=True,
        help=QT_TRANSLATE_NOOP("Setting", "registry name (see 'cnnviz datasets') or folder:PATH"))
    data_dir: Path | None = setting(None, shared=True)
    epochs: int = setting(1, least=1, span=(1, 1000), inherited=True,
                          help="epochs in the whole run")
    batch_size: int = setting(100, least=1, span=(2, 8192), run_defining=True,
                              help=QT_TRANSLATE_NOOP("Setting", "images per step"))
    lr: float = setting(1e-3, least=0, above_least=True, span=(1e-6, 10.0), run_defining=True,
                        help=QT_TRANSLATE_NOOP("Setting", "learning rate"))
    optimizer: str = setting("adam", choices=OPTIMIZERS, run_defining=True,
                             help=QT_TRANSLATE_NOOP("Setting", "the optimiser"))
    schedule: str = setting("none", choices=SCHEDULES, run_defining=True,
                            help=QT_TRANSLATE_NOOP("Setting", "the learning rate's schedule"))
    augment: str = setting("auto", choices=AUGMENT_CHOICES, run_defining=True,
                           help=QT_TRANSLATE_NOOP("Setting", "how the training images are "
                                                  "varied; auto: the data set's default"))
    weight_decay: float = setting(0.0, least=0, run_defining=True, help="weight decay")
    seed: int = setting(0, span=(0, 2**31 - 1), run_defining=True,
                        help=QT_TRANSLATE_NOOP("Setting", "the seed of the initial weights and "
                                               "the order of the data"))
    device: str = setting("auto", help="auto, cpu, cuda, cuda:N or mps")
    #: "auto" uses bf16 autocast on CUDA with bf16 support and on CPUs with native bf16
    #: (AVX512-BF16 / AMX); it roughly halves the time of a step there
    precision: str = setting(
        "auto", choices=PRECISIONS, run_defining=True,
        help="auto: bf16 mixed precision where the hardware has it natively")
    #: see thread_tuner for the adapting count
    threads: int = setting(
        0, least=0,
        help="torch's CPU threads: 0 adapts the count to the machine's load while it trains "
             "(fastest when other work shares the cores, not bit-for-bit repeatable); N fixes "
             "it",
        default_help="default 0; with --seed, the cores available, so that a seeded run "
                     "repeats exactly")
    eval_every: int = setting(
        0, help="also evaluate on a fixed subset of 1000 test images every N steps; 0: only "
                "at each epoch end")
    eval_subset: int = setting(1000, flag=None, help="the test images of that subset")
    download: bool = setting(True, flag="--offline", shared=True, negated=True)
    #: the form's lowest value, 0, stands for None (auto)
    image_size: int | None = setting(
        None, least=1, span=(0, 1024), run_defining=True,
        help=QT_TRANSLATE_NOOP("Setting", "image folders: the input's longer side in pixels"),
        default_help=QT_TRANSLATE_NOOP("Setting", "default: the most common size, its longer "
                                                  "side at most 64"))
    #: None keeps the run in memory
    out_dir: Path | None = setting(
        None, flag="--out", required=True,
        help="the run folder (config.json, metrics.jsonl, checkpoint.pt, best.pt): new or "
             "empty, or the folder of the run --resume continues")
    #: every setting but ``epochs`` must match the run's (see resume_conflicts)
    resume: Path | None = setting(
        None, metavar="CHECKPOINT", group="start",
        help="continue this checkpoint's run exactly: weights, optimiser, schedule and "
             "position in the data; only --epochs may change")
    #: recorded in config.json as the parent
    init_from: Path | None = setting(
        None, metavar="CHECKPOINT", group="start",
        help="a new run that starts from this checkpoint's weights, with a fresh optimiser "
             "and schedule from the given settings (fine-tuning)")
    trusted_code_sha256: str | None = setting(
        None, metavar="SHA256",
        help="run a model file's code only if its SHA-256 is this one (the app passes the "
             "hash of the code you trusted to the jobs it starts; a file or checkpoint "
             "replaced since is refused)")
    #: a checkpoint (resume, init_from) whose model is defined in a Python file may run it
    trust_model_code: bool = setting(False, shared=True)
    tensorboard: bool = setting(
        False, help="also write TensorBoard event files into RUN_DIR/tensorboard (needs pip "
                    'install "cnnviz[tensorboard]")')
    sync_bn: bool = setting(
        False, help="under torchrun on GPUs (NCCL): BatchNorm statistics over all processes")

    def validate(self) -> None:
        """Refuse values no run can use, with a message that names the setting."""
        checks = [
            (self.epochs >= 1, error_message(QT_TRANSLATE_NOOP(
                "Error", "epochs must be at least 1 (got {epochs})"), epochs=self.epochs)),
            (self.batch_size >= 1, error_message(QT_TRANSLATE_NOOP(
                "Error", "batch size must be at least 1 (got {batch_size})"),
                batch_size=self.batch_size)),
            (math.isfinite(self.lr) and self.lr > 0, error_message(QT_TRANSLATE_NOOP(
                "Error", "learning rate must be a positive number (got {lr})"), lr=self.lr)),
            (self.weight_decay >= 0, error_message(QT_TRANSLATE_NOOP(
                "Error", "weight decay must not be negative ({weight_decay})"),
                weight_decay=self.weight_decay)),
            (self.eval_every >= 0, error_message(QT_TRANSLATE_NOOP(
                "Error", "eval-every must not be negative (got {eval_every})"),
                eval_every=self.eval_every)),
            (self.eval_subset >= 1, error_message(QT_TRANSLATE_NOOP(
                "Error", "eval subset must be at least 1 (got {eval_subset})"),
                eval_subset=self.eval_subset)),
            (self.image_size is None or self.image_size >= 4, error_message(QT_TRANSLATE_NOOP(
                "Error", "image size must be at least 4 pixels (got {image_size})"),
                image_size=self.image_size)),
            (self.threads >= 0, error_message(QT_TRANSLATE_NOOP(
                "Error", "threads must be 0 (adapt to the machine's load) or more (got "
                         "{threads})"), threads=self.threads)),
            (self.resume is None or self.init_from is None, error_message(QT_TRANSLATE_NOOP(
                "Error", "give either --resume (continue a run exactly) or --init-from (a new "
                         "run from its weights), not both"))),
            (self.optimizer in OPTIMIZERS, error_message(QT_TRANSLATE_NOOP(
                "Error", "unknown optimiser {optimizer!r}: choose one of {choices}"),
                optimizer=self.optimizer, choices=", ".join(OPTIMIZERS))),
            (self.precision in PRECISIONS, error_message(QT_TRANSLATE_NOOP(
                "Error", "unknown precision {precision!r}: choose one of {choices}"),
                precision=self.precision, choices=", ".join(PRECISIONS))),
            (self.schedule in SCHEDULES, error_message(QT_TRANSLATE_NOOP(
                "Error", "unknown schedule {schedule!r}: choose one of {choices}"),
                schedule=self.schedule, choices=", ".join(SCHEDULES))),
            (self.augment in AUGMENT_CHOICES, error_message(QT_TRANSLATE_NOOP(
                "Error", "unknown augmentation {augment!r}: choose auto or one of {choices}"),
                augment=self.augment, choices=", ".join(AUGMENTATIONS))),
        ]  # fmt: skip
        for ok, message in checks:
            if not ok:
                raise CnnvizError(message)

    def to_dict(self) -> dict[str, Any]:
        """Plain values only, so that a checkpoint can carry it under weights_only loading."""
        return {k: str(v) if isinstance(v, Path) else v for k, v in asdict(self).items()}


#: each field's Setting, by name, in the fields' order
SETTINGS: dict[str, Setting] = {f.name: f.metadata["setting"] for f in fields(TrainConfig)}
#: what makes a run the run it is: continuing it exactly needs every one of them unchanged
RUN_DEFINING = tuple(name for name, s in SETTINGS.items() if s.run_defining)
#: what a continued run takes from its checkpoint unless it is given again
INHERITED = tuple(name for name, s in SETTINGS.items() if s.run_defining or s.inherited)


def option(name: str) -> str | None:
    """The ``cnnviz train`` option that sets a TrainConfig field, or None."""
    flag = SETTINGS[name].flag
    return f"--{name.replace('_', '-')}" if flag == "" else flag


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


def changed_settings(recorded: dict[str, Any], config: TrainConfig) -> list[str]:
    """The run-defining settings of ``config`` that differ from the run's ``recorded`` ones
    (those it does not record, from an older cnnviz, are not compared)."""
    ours = config.to_dict()
    return [key for key in RUN_DEFINING
            if key in recorded and not same_setting(key, ours[key], recorded[key])]


#: each run-defining setting as a difference names it: its field name, as config.json and the
#: command line say it, marked so that the interface names it in words ("SettingKey")
SETTING_KEYS = {
    "model": QT_TRANSLATE_NOOP("SettingKey", "model"),
    "dataset": QT_TRANSLATE_NOOP("SettingKey", "dataset"),
    "batch_size": QT_TRANSLATE_NOOP("SettingKey", "batch_size"),
    "lr": QT_TRANSLATE_NOOP("SettingKey", "lr"),
    "optimizer": QT_TRANSLATE_NOOP("SettingKey", "optimizer"),
    "schedule": QT_TRANSLATE_NOOP("SettingKey", "schedule"),
    "augment": QT_TRANSLATE_NOOP("SettingKey", "augment"),
    "weight_decay": QT_TRANSLATE_NOOP("SettingKey", "weight_decay"),
    "seed": QT_TRANSLATE_NOOP("SettingKey", "seed"),
    "precision": QT_TRANSLATE_NOOP("SettingKey", "precision"),
    "image_size": QT_TRANSLATE_NOOP("SettingKey", "image_size"),
}


def resume_conflicts(recorded: dict[str, Any], config: TrainConfig) -> list[str]:
    """Why ``config`` cannot continue the run whose settings are ``recorded`` exactly: one
    entry per differing setting (epochs aside), and one for a length-shaped schedule that
    would have to stretch, each a Message. Empty when the run can continue. Settings the
    checkpoint does not record (an older cnnviz) are not compared."""
    ours = config.to_dict()
    problems: list[str] = [
        Message("Setting", QT_TRANSLATE_NOOP("Setting", "{setting} {value} (the run used "
                                                        "{recorded})"),
                setting=Message("SettingKey", SETTING_KEYS[key]), value=repr(ours[key]),
                recorded=repr(recorded[key]))
        for key in changed_settings(recorded, config)]  # fmt: skip
    epochs = recorded.get("epochs")
    if (config.schedule in LENGTH_SHAPED_SCHEDULES and epochs is not None
            and int(epochs) != config.epochs):  # fmt: skip
        problems.append(Message(
            "Setting", QT_TRANSLATE_NOOP("Setting", "epochs {epochs}: the {schedule} schedule "
                                                    "was shaped for {recorded} epoch(s) and "
                                                    "cannot be stretched"),
            epochs=config.epochs, schedule=config.schedule, recorded=epochs))
    return problems
