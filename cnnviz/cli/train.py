"""``cnnviz train``: train headless into a run folder, with a progress bar on a terminal."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args, get_type_hints

if TYPE_CHECKING:
    from cnnviz.core.training.distributed import ProcessGroup

from cnnviz.cli.common import (
    add_data_options,
    add_trust_option,
    fail,
    non_negative_float,
    non_negative_int,
    positive_float,
    positive_int,
)


def register(sub: argparse._SubParsersAction) -> None:
    from cnnviz.core.training.config import BEYOND_THE_TUTORIAL

    train = sub.add_parser(
        "train", help="train a model headless into a run folder",
        description="Train a model into a run folder (config.json, metrics.jsonl, "
                    "checkpoint.pt, best.pt). Unset options take the defaults shown, or with "
                    "--resume the settings of the run being continued. The defaults are the "
                    "tutorial's run. " + BEYOND_THE_TUTORIAL,
    )  # fmt: skip
    add_setting_options(train)
    train.add_argument("--json", action="store_true", help="end with one JSON summary line")
    add_data_options(train)
    add_trust_option(train)
    train.set_defaults(handler=run)


def add_setting_options(parser: argparse.ArgumentParser) -> None:
    """An option for each TrainConfig setting that has one, as its Setting describes it (the
    options other commands share come from add_data_options and add_trust_option). An
    inherited setting (a continued run takes the run's own) and one whose default the command
    line works out have no default here, so that one given is told from one left unset."""
    from cnnviz.core.training.config import INHERITED, SETTINGS, TrainConfig, option

    defaults, kinds = TrainConfig(), get_type_hints(TrainConfig)
    groups: dict[str, Any] = {}
    for name, setting in SETTINGS.items():
        flag = option(name)
        if flag is None or setting.shared:
            continue
        if setting.group is not None and setting.group not in groups:
            groups[setting.group] = parser.add_mutually_exclusive_group()
        target = parser if setting.group is None else groups[setting.group]
        default = getattr(defaults, name)
        help_text = setting.described(default)
        kind = next(k for k in get_args(kinds[name]) or (kinds[name],) if k is not type(None))
        if kind is bool:
            target.add_argument(flag, action="store_true", help=help_text)
            continue
        unset = name in INHERITED or setting.default_help is not None
        target.add_argument(flag, type=_option_type(kind, setting.least, setting.above_least),
                            default=None if unset else default, help=help_text,
                            choices=list(setting.choices) if setting.choices else None,
                            required=setting.required, metavar=setting.metavar)  # fmt: skip


def _option_type(kind: type, least: float | None, above_least: bool) -> Any:
    """The argparse type that checks a value as a setting's ``least`` asks."""
    checks: dict[tuple[type, float | None, bool], Any] = {
        (int, None, False): int, (int, 0, False): non_negative_int, (int, 1, False): positive_int,
        (float, 0, False): non_negative_float, (float, 0, True): positive_float,
    }  # fmt: skip
    if kind in (str, Path):
        return None if kind is str else Path
    return checks[(kind, least, above_least)]


def given_settings(args: argparse.Namespace) -> dict[str, Any]:
    """The settings the command line gives, by TrainConfig field (None: not given)."""
    from cnnviz.core.training.config import SETTINGS, option

    given = {}
    for name, setting in SETTINGS.items():
        flag = option(name)
        if flag is not None:
            value = getattr(args, flag.removeprefix("--").replace("-", "_"))
            given[name] = (not value) if setting.negated else value
    return given


class TerminalProgress:
    """tqdm's bar on a terminal; plain epoch lines when the output is not a terminal."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.bar: Any = None

    def __call__(self, event: Any) -> None:
        from tqdm import tqdm

        from cnnviz.core.training import events as ev

        if isinstance(event, ev.StartedEvent):
            self.write(f"training {event.model} on {event.dataset} ({event.train_size} images) "
                       f"on {event.device}, {event.parameters:,} parameters")
            self.bar = tqdm(total=event.total_steps, initial=event.start_step, unit="step",
                            file=self.stream, disable=not self.stream.isatty(), leave=False,
                            dynamic_ncols=True)  # fmt: skip
        elif isinstance(event, ev.StepEvent) and self.bar is not None:
            self.bar.update(event.step - self.bar.n)
            if event.step % 5 == 0:
                self.bar.set_postfix(loss=f"{event.loss:.4f}",
                                     img_s=f"{event.images_per_second:,.0f}", refresh=False)
        elif isinstance(event, ev.EpochEvent):
            self.write(f"epoch {event.epoch}: test accuracy {event.test_acc:.2%}, test loss "
                       f"{event.test_loss:.4f}, {event.seconds:.1f} s")
        elif isinstance(event, ev.TERMINAL_EVENTS) and self.bar is not None:
            self.bar.close()
            self.bar = None

    def write(self, message: str) -> None:
        if self.bar is not None:
            self.bar.write(message, file=self.stream)
        else:
            print(message, file=self.stream)

    def status(self, message: str, fraction: float | None) -> None:
        self.write(message)


def check_out_folder(args: argparse.Namespace) -> None:
    """A new run needs a new (or empty) folder; resuming may write into its own run's folder."""
    from cnnviz.core.training.run_folder import check_new_run_folder

    resuming_here = (args.resume is not None and args.out.is_dir()
                     and args.resume.resolve().parent == args.out.resolve())  # fmt: skip
    if not resuming_here:
        check_new_run_folder(args.out)


class StopOnSignal:
    """SIGTERM or a first Ctrl+C asks the run to stop at the next step and save a checkpoint
    (under torchrun every rank gets the signal, and the ranks agree on the step); a second
    Ctrl+C interrupts at once."""

    def __init__(self) -> None:
        self.requested = threading.Event()

    def __enter__(self) -> StopOnSignal:
        self._previous = {sig: signal.signal(sig, self._on_signal)
                          for sig in (signal.SIGINT, signal.SIGTERM)}  # fmt: skip
        return self

    def _on_signal(self, signum: int, frame: Any) -> None:
        if self.requested.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        self.requested.set()

    def __exit__(self, *exc: object) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)


def agreed_start(args: argparse.Namespace, group: ProcessGroup) -> str | None:
    """Rank 0 checks the run folder (and, after torchrun restarted the job, resumes from its
    latest checkpoint); every rank learns the verdict, so that all start or none does."""
    from cnnviz.core.errors import CnnvizError
    from cnnviz.core.training.distributed import restart_count
    from cnnviz.core.training.run_folder import CHECKPOINT

    latest = args.out / CHECKPOINT
    if restart_count() > 0 and args.resume is None and args.init_from is None \
            and latest.is_file():  # fmt: skip
        args.resume = latest  # an elastic restart picks up where the job was
    problem = None
    if group.is_main:
        try:
            check_out_folder(args)
        except CnnvizError as exc:
            problem = str(exc)
    return next((p for p in group.gather_objects(problem) if p), None)


def run(args: argparse.Namespace) -> int:
    from cnnviz.core.training.distributed import ProcessGroup, join_torchrun, launched_by_torchrun

    group = join_torchrun(args.device) if launched_by_torchrun() else ProcessGroup()
    try:
        return train_in(group, args)
    finally:
        group.close()


def train_in(group: ProcessGroup, args: argparse.Namespace) -> int:
    from cnnviz.core.training.events import FailedEvent, FinishedEvent, StoppedEvent
    from cnnviz.core.training.planning import TrainMode, plan_run
    from cnnviz.core.training.run_folder import BEST, METRICS
    from cnnviz.core.training.setup import most_threads
    from cnnviz.core.training.trainer import Trainer

    def report(message: str) -> int:
        return fail(message if group.is_main else f"[rank {group.rank}] {message}")

    problem = agreed_start(args, group)
    if problem:
        return report(problem) if group.is_main else 1
    given = given_settings(args)
    if args.threads is None:  # a seeded run repeats exactly with a fixed count
        given["threads"] = most_threads(group) if args.seed is not None else 0
    mode = (TrainMode.CONTINUE if args.resume is not None
            else TrainMode.FROM_WEIGHTS if args.init_from is not None else TrainMode.FRESH)
    config = plan_run(given, mode, args.resume or args.init_from)
    progress = TerminalProgress(sys.stderr)  # rank 0 reports; the trainer's events are its
    with StopOnSignal() as stop:
        final = Trainer(config, progress=progress.status if group.is_main else None,
                        group=group).run(progress, should_stop=stop.requested.is_set)
    if isinstance(final, FailedEvent):
        return report(final.message)
    if isinstance(final, StoppedEvent):
        where = f"; checkpoint: {final.checkpoint}" if final.checkpoint else ""
        return report(f"stopped at step {final.step} before the end{where}")
    assert isinstance(final, FinishedEvent)
    if not group.is_main:
        return 0
    summary = {
        "test_acc": final.test_acc,
        "best_test_acc": final.best_test_acc,
        "train_seconds": final.train_seconds,
        "wall_seconds": final.wall_seconds,
        "images_per_second": final.images_per_second,
        "epochs": final.epochs,
        "steps": final.step,
        "world_size": group.world_size,
        "checkpoint": final.checkpoint,
        "best_checkpoint": str(args.out / BEST),
        "metrics": str(args.out / METRICS),
    }
    if args.json:
        print(json.dumps(summary))
    else:
        print(f"test accuracy {final.test_acc:.2%} after {final.epochs} epoch(s), "
              f"{final.train_seconds:.1f} s, {final.images_per_second:,.0f} images/s; "
              f"checkpoint: {final.checkpoint}")
    return 0
