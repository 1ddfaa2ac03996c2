"""The command line: no arguments opens the desktop app; subcommands do headless work.

Every error the user can fix prints one line, ``cnnviz: error: ...``, and exits non-zero;
no traceback.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

EXIT_FAILURE = 1
EXIT_USAGE = 2


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1 (got {value})")
    return value


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive number (got {text})")
    return value


def _add_data_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir", type=Path, default=None,
        help="where data sets are kept (default: $CNNVIZ_DATA or ~/.cache/cnnviz/data)",
    )  # fmt: skip
    parser.add_argument(
        "--offline", action="store_true", help="never try to download a missing data set"
    )


def build_parser() -> argparse.ArgumentParser:
    from cnnviz.core.data.batches import AUGMENTATIONS
    from cnnviz.core.training.config import OPTIMIZERS, PRECISIONS, SCHEDULES

    parser = argparse.ArgumentParser(
        prog="cnnviz",
        description="See how convolutional neural networks learn. Without a command, opens "
        "the desktop app.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    train = sub.add_parser("train", help="train a model headless and save checkpoints")
    train.add_argument("--model", default="simple-cnn",
                       help="registry name (see 'cnnviz models') or path/to/file.py:Name")
    train.add_argument("--dataset", default="mnist",
                       help="registry name (see 'cnnviz datasets') or folder:PATH")
    train.add_argument("--epochs", type=_positive_int, default=1)
    train.add_argument("--batch-size", type=_positive_int, default=100)
    train.add_argument("--lr", type=_positive_float, default=1e-3, help="learning rate")
    train.add_argument("--optimizer", choices=list(OPTIMIZERS), default="adam")
    train.add_argument("--schedule", choices=list(SCHEDULES), default="none")
    train.add_argument("--augment", choices=["auto", *AUGMENTATIONS], default="auto")
    train.add_argument("--weight-decay", type=float, default=0.0)
    train.add_argument("--seed", type=int, default=0)
    train.add_argument("--device", default="auto", help="auto, cpu, cuda, cuda:N or mps")
    train.add_argument("--precision", choices=list(PRECISIONS), default="auto",
                       help="auto: bf16 mixed precision where the hardware has it natively")
    train.add_argument("--eval-every", type=int, default=0,
                       help="also evaluate on 1000 test images every N steps")
    train.add_argument("--out", type=Path, required=True, help="run directory")
    train.add_argument("--resume", type=Path, default=None, help="checkpoint to continue from")
    train.add_argument("--json", action="store_true", help="end with one JSON summary line")
    _add_data_options(train)  # fmt: skip

    evaluate = sub.add_parser("evaluate", help="test accuracy and confusion matrix")
    evaluate.add_argument("--checkpoint", type=Path, required=True)
    evaluate.add_argument("--device", default="auto")
    evaluate.add_argument("--json", action="store_true")
    _add_data_options(evaluate)

    predict = sub.add_parser("predict", help="classify image files")
    predict.add_argument("images", nargs="+", type=Path, metavar="IMAGE")
    predict.add_argument("--checkpoint", type=Path, default=None,
                         help="default: the shipped MNIST weights")
    predict.add_argument("--drawn", action="store_true",
                         help="a drawn digit on a plain background: crop, scale and centre it "
                              "as MNIST's digits were")
    predict.add_argument("--json", action="store_true",
                         help="one JSON object per image: file, predicted class, probabilities")

    explain = sub.add_parser("explain", help="where the network looked: Grad-CAM or saliency")
    explain.add_argument("image", type=Path, metavar="IMAGE")
    explain.add_argument("--checkpoint", type=Path, default=None,
                         help="default: the shipped MNIST weights")
    explain.add_argument("--layer", default=None, help="conv layer for Grad-CAM (default: last)")
    explain.add_argument("--class", dest="class_index", type=int, default=None,
                         help="class to explain (default: the predicted one)")
    explain.add_argument("--method", choices=["gradcam", "saliency"], default="gradcam")
    explain.add_argument("--out", type=Path, required=True, help="the overlay, as PNG")
    explain.add_argument("--json", action="store_true",
                         help="print the class, its probability and the heatmap rows")

    sub.add_parser("models", help="list the models")
    sub.add_parser("datasets", help="list the data sets")
    return parser


class _TerminalProgress:
    """A one-line progress bar on a terminal; plain epoch lines when output is not a terminal."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.total = 0

    def __call__(self, event: Any) -> None:
        from cnnviz.core.training import events as ev

        if isinstance(event, ev.StartedEvent):
            self.total = event.total_steps
            print(f"training {event.model} on {event.dataset} ({event.train_size} images) "
                  f"on {event.device}, {event.parameters:,} parameters", file=self.stream)
        elif isinstance(event, ev.StepEvent) and self.tty and event.step % 5 == 0:
            done = event.step / max(1, self.total)
            bar = "#" * int(30 * done)
            print(f"\r[{bar:<30}] {done:6.1%} step {event.step}/{self.total} "
                  f"loss {event.loss:.4f} {event.images_per_second:,.0f} img/s",
                  end="", file=self.stream, flush=True)
        elif isinstance(event, ev.EpochEvent):
            print(("\r" if self.tty else "") + f"epoch {event.epoch}: test accuracy "
                  f"{event.test_acc:.2%}, test loss {event.test_loss:.4f}, "
                  f"{event.seconds:.1f} s" + " " * 20, file=self.stream)

    def status(self, message: str, fraction: float | None) -> None:
        print(message, file=self.stream)


def _cmd_train(args: argparse.Namespace) -> int:
    from cnnviz.core.training.config import TrainConfig
    from cnnviz.core.training.events import FailedEvent, FinishedEvent, StoppedEvent
    from cnnviz.core.training.run_log import MetricsLog
    from cnnviz.core.training.trainer import Trainer

    config = TrainConfig(
        model=args.model, dataset=args.dataset, data_dir=args.data_dir, epochs=args.epochs,
        batch_size=args.batch_size, lr=args.lr, optimizer=args.optimizer,
        schedule=args.schedule, augment=args.augment, weight_decay=args.weight_decay,
        seed=args.seed, device=args.device, precision=args.precision,
        eval_every=args.eval_every,
        download=not args.offline, out_dir=args.out, resume=args.resume,
    )  # fmt: skip
    if args.out.exists() and not args.out.is_dir():
        return _fail(f"run directory {args.out} is a file; give a folder")
    progress = _TerminalProgress(sys.stderr)
    with MetricsLog(args.out) as log:

        def on_event(event: Any) -> None:
            log(event)
            progress(event)

        final = Trainer(config, progress=progress.status).run(on_event)
    if isinstance(final, FailedEvent):
        return _fail(final.message)
    if isinstance(final, StoppedEvent):
        return _fail("training stopped before the end")
    assert isinstance(final, FinishedEvent)
    summary = {
        "test_acc": final.test_acc,
        "best_test_acc": final.best_test_acc,
        "train_seconds": final.train_seconds,
        "wall_seconds": final.wall_seconds,
        "images_per_second": final.images_per_second,
        "epochs": final.epochs,
        "steps": final.step,
        "checkpoint": final.checkpoint,
        "best_checkpoint": str(args.out / "best.pt"),
        "metrics": str(args.out / "metrics.jsonl"),
    }
    if args.json:
        print(json.dumps(summary))
    else:
        print(f"test accuracy {final.test_acc:.2%} after {final.epochs} epoch(s), "
              f"{final.train_seconds:.1f} s, {final.images_per_second:,.0f} images/s; "
              f"checkpoint: {final.checkpoint}")
    return 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from cnnviz.core.training.evaluation import evaluate_checkpoint

    checkpoint, data, result = evaluate_checkpoint(
        args.checkpoint, args.data_dir, download=not args.offline, device=args.device
    )
    names = list(data.info.class_names)
    if args.json:
        print(json.dumps({
            "checkpoint": str(args.checkpoint),
            "model": checkpoint.meta.model,
            "dataset": data.info.name,
            "test_acc": result.accuracy,
            "test_loss": result.loss,
            "class_names": names,
            "per_class_acc": [None if math.isnan(a) else float(a)
                              for a in result.per_class_accuracy],
            "confusion": result.confusion.tolist(),
        }))  # fmt: skip
        return 0
    print(f"{checkpoint.meta.model} on {data.info.name}: test accuracy {result.accuracy:.2%}, "
          f"loss {result.loss:.4f}")
    width = max(len(n) for n in names)
    for name, acc in zip(names, result.per_class_accuracy, strict=True):
        print(f"  {name:>{width}}  {acc:7.2%}")
    return 0


def _cmd_predict(args: argparse.Namespace) -> int:
    from cnnviz.core.analysis.prediction import Predictor
    from cnnviz.core.errors import CnnvizError

    predictor = Predictor.from_checkpoint(args.checkpoint)
    if args.drawn and predictor.input_shape[0] != 1:
        return _fail("--drawn is for digit models (one input channel); this checkpoint takes "
                     f"{predictor.input_shape[0]} channels")
    failures = 0
    for path in args.images:
        try:
            prediction = predictor.predict(predictor.prepare_file(path, drawn=args.drawn))
        except CnnvizError as exc:
            failures += 1
            if args.json:
                print(json.dumps({"file": str(path), "error": str(exc)}))
            print(f"cnnviz: error: {exc}", file=sys.stderr)
            continue
        if args.json:
            print(json.dumps({
                "file": str(path),
                "predicted": prediction.label,
                "predicted_index": prediction.top,
                "probabilities": {name: round(float(p), 6) for name, p in
                                  zip(prediction.class_names, prediction.probabilities,
                                      strict=True)},
            }))  # fmt: skip
        else:
            confidence = prediction.probabilities[prediction.top]
            print(f"{path}: {prediction.label} ({confidence:.1%})")
    return EXIT_FAILURE if failures else 0


def _cmd_explain(args: argparse.Namespace) -> int:
    import numpy as np
    from PIL import Image

    from cnnviz.core.analysis.explain import explain, overlay
    from cnnviz.core.analysis.prediction import Predictor
    from cnnviz.core.data.images import read_image, to_array

    predictor = Predictor.from_checkpoint(args.checkpoint)
    model_input = predictor.prepare_file(args.image)
    inputs = predictor.normalized(model_input[None])
    try:
        result = explain(predictor.model, inputs, args.method, args.layer, args.class_index)
    except RuntimeError as exc:
        return _fail(f"{args.method} failed on this model: {exc}")
    picture = read_image(args.image)
    heatmap = np.asarray(Image.fromarray((result.heatmap * 255).astype(np.uint8)).resize(
        picture.size, Image.Resampling.BILINEAR), dtype=np.float32) / 255  # fmt: skip
    try:
        Image.fromarray(overlay(to_array(picture, 3), heatmap)).save(args.out)
    except (OSError, ValueError) as exc:
        return _fail(f"cannot write {args.out}: {exc}")
    name = predictor.meta.class_names[result.class_index]
    if args.json:
        print(json.dumps({
            "file": str(args.image), "method": result.method, "layer": result.layer,
            "class": name, "class_index": result.class_index,
            "probability": round(result.probability, 6), "out": str(args.out),
            "heatmap": np.round(result.heatmap, 4).tolist(),
        }))  # fmt: skip
    else:
        print(f"{args.image}: {result.method} for class {name} ({result.probability:.1%}) "
              f"written to {args.out}")
    return 0


def _cmd_models(args: argparse.Namespace) -> int:
    from cnnviz.core.models.registry import MODELS

    for spec in MODELS.values():
        print(f"{spec.name:<12} {spec.description}")
    print(f"{'FILE.py:Name':<12} your own nn.Module class or factory in a Python file")
    return 0


def _cmd_datasets(args: argparse.Namespace) -> int:
    from cnnviz.core.data.datasets import DATASETS
    from cnnviz.core.data.types import FOLDER_PREFIX

    for entry in DATASETS.values():
        print(f"{entry.info.name:<14} {entry.info.description}")
    print(f"{FOLDER_PREFIX + 'PATH':<14} an image folder: train/<class>/ and test/<class>/, "
          f"or <class>/ split 90/10")
    return 0


def _fail(message: str) -> int:
    print(f"cnnviz: error: {message}", file=sys.stderr)
    return EXIT_FAILURE


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "train": _cmd_train,
    "evaluate": _cmd_evaluate,
    "predict": _cmd_predict,
    "explain": _cmd_explain,
    "models": _cmd_models,
    "datasets": _cmd_datasets,
}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:
        from cnnviz.ui.app import run_app

        return run_app()
    args = build_parser().parse_args(argv)
    if args.command is None:
        build_parser().print_help()
        return EXIT_USAGE
    from cnnviz.core.errors import CnnvizError

    try:
        return COMMANDS[args.command](args)
    except CnnvizError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return _fail("interrupted")
    except BrokenPipeError:  # e.g. `cnnviz evaluate ... | head`
        sys.stderr.close()
        return 0
