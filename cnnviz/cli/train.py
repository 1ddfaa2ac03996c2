"""``cnnviz train``: train headless into a run folder, with a progress bar on a terminal."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

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

#: the settings a resumed run takes from its checkpoint unless they are given again
RESUMABLE = ("model", "dataset", "epochs", "batch_size", "lr", "optimizer", "schedule",
             "augment", "weight_decay", "seed", "precision", "image_size")  # fmt: skip
DEFAULTS = {"model": "simple-cnn", "dataset": "mnist", "epochs": 1, "batch_size": 100,
            "lr": 1e-3, "optimizer": "adam", "schedule": "none", "augment": "auto",
            "weight_decay": 0.0, "seed": 0, "precision": "auto", "image_size": None}  # fmt: skip


def register(sub: argparse._SubParsersAction) -> None:
    from cnnviz.core.data.batches import AUGMENTATIONS
    from cnnviz.core.training.config import (
        BEYOND_THE_TUTORIAL,
        OPTIMIZERS,
        PRECISIONS,
        SCHEDULES,
    )

    train = sub.add_parser(
        "train", help="train a model headless into a run folder",
        description="Train a model into a run folder (config.json, metrics.jsonl, "
                    "checkpoint.pt, best.pt). Unset options take the defaults shown, or with "
                    "--resume the settings of the run being continued. The defaults are the "
                    "tutorial's run. " + BEYOND_THE_TUTORIAL,
    )  # fmt: skip
    train.add_argument("--model", help="registry name (see 'cnnviz models'), "
                       "pattern:n=N,m=M,k=K or path/to/file.py:Name (default simple-cnn)")
    train.add_argument("--dataset", help="registry name (see 'cnnviz datasets') or "
                       "folder:PATH (default mnist)")
    train.add_argument("--epochs", type=positive_int, help="epochs in the whole run (default 1)")
    train.add_argument("--batch-size", type=positive_int, help="default 100")
    train.add_argument("--lr", type=positive_float, help="learning rate (default 0.001)")
    train.add_argument("--optimizer", choices=list(OPTIMIZERS), help="default adam")
    train.add_argument("--schedule", choices=list(SCHEDULES), help="default none")
    train.add_argument("--augment", choices=["auto", *AUGMENTATIONS], help="default auto")
    train.add_argument("--weight-decay", type=non_negative_float, help="default 0")
    train.add_argument("--seed", type=int, help="default 0")
    train.add_argument("--device", default="auto", help="auto, cpu, cuda, cuda:N or mps")
    train.add_argument("--precision", choices=list(PRECISIONS),
                       help="auto (default): bf16 mixed precision where the hardware has it "
                            "natively")
    train.add_argument("--image-size", type=positive_int,
                       help="image folders: the input's longer side in pixels (default: the "
                            "most common size, its longer side at most 64)")
    train.add_argument("--threads", type=non_negative_int, default=None,
                       help="torch's CPU threads: 0 adapts the count to the machine's load "
                            "while it trains (fastest when other work shares the cores, not "
                            "bit-for-bit repeatable); N fixes it. Default: 0, or the cores "
                            "available when --seed is given (a seeded run repeats exactly)")
    train.add_argument("--eval-every", type=int, default=0,
                       help="also evaluate on 1000 test images every N steps")
    train.add_argument("--out", type=Path, required=True,
                       help="the run folder: new or empty, or the folder of the run --resume "
                            "continues")
    start = train.add_mutually_exclusive_group()
    start.add_argument("--resume", type=Path, default=None, metavar="CHECKPOINT",
                       help="continue this checkpoint's run exactly; only --epochs may change")
    start.add_argument("--init-from", type=Path, default=None, metavar="CHECKPOINT",
                       help="a new run that starts from this checkpoint's weights, with a "
                            "fresh optimiser and schedule from the given settings")
    train.add_argument("--tensorboard", action="store_true",
                       help="also write TensorBoard event files into RUN_DIR/tensorboard "
                            '(needs pip install "cnnviz[tensorboard]")')
    train.add_argument("--sync-bn", action="store_true",
                       help="under torchrun on GPUs (NCCL): BatchNorm statistics over all "
                            "processes")
    train.add_argument("--json", action="store_true", help="end with one JSON summary line")
    add_data_options(train)
    add_trust_option(train)
    train.add_argument("--trusted-code-sha256", default=None, metavar="SHA256",
                       help="run a model file's code only if its SHA-256 is this one (the app "
                            "passes the hash of the code you trusted to the jobs it starts)")
    train.set_defaults(handler=run)


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


def settings_from(args: argparse.Namespace) -> dict[str, Any]:
    """The run's settings: those given on the command line, then (resuming) the run's own,
    then (starting from a checkpoint) its model and data set, then the defaults."""
    from cnnviz.core.training.checkpoint import load_checkpoint

    given = {key: getattr(args, key) for key in RESUMABLE if getattr(args, key) is not None}
    inherited: dict[str, Any] = {}
    if args.resume is not None:
        inherited = {key: value for key, value in load_checkpoint(args.resume).meta.config.items()
                     if key in RESUMABLE}
    elif args.init_from is not None:
        meta = load_checkpoint(args.init_from).meta
        inherited = {"model": meta.model, "dataset": meta.config.get("dataset", meta.dataset)}
    return {**DEFAULTS, **inherited, **given}


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
    from cnnviz.core.training.config import TrainConfig
    from cnnviz.core.training.events import FailedEvent, FinishedEvent, StoppedEvent
    from cnnviz.core.training.run_folder import BEST, METRICS
    from cnnviz.core.training.setup import most_threads
    from cnnviz.core.training.trainer import Trainer

    def report(message: str) -> int:
        return fail(message if group.is_main else f"[rank {group.rank}] {message}")

    problem = agreed_start(args, group)
    if problem:
        return report(problem) if group.is_main else 1
    config = TrainConfig(
        **settings_from(args), data_dir=args.data_dir, device=args.device,
        eval_every=args.eval_every, download=not args.offline, out_dir=args.out,
        threads=(args.threads if args.threads is not None
                 else most_threads(group) if args.seed is not None else 0),
        resume=args.resume, init_from=args.init_from, trust_model_code=args.trust_model_code,
        trusted_code_sha256=args.trusted_code_sha256,
        tensorboard=args.tensorboard, sync_bn=args.sync_bn,
    )  # fmt: skip
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
