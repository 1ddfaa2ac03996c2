"""What the subcommands share: argument types, the data options, and the one-line failure."""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

EXIT_FAILURE = 1
EXIT_USAGE = 2


def _whole_number(text: str, least: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < least:
        raise argparse.ArgumentTypeError(f"must be at least {least} (got {value})")
    return value


def positive_int(text: str) -> int:
    return _whole_number(text, 1)


def non_negative_int(text: str) -> int:
    return _whole_number(text, 0)


def _finite_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"must be a finite number (got {text})")
    return value


def positive_float(text: str) -> float:
    value = _finite_float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive number (got {text})")
    return value


def non_negative_float(text: str) -> float:
    value = _finite_float(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must not be negative (got {text})")
    return value


def add_data_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir", type=Path, default=None,
        help="where data sets are kept (default: $CNNVIZ_DATA or ~/.cache/cnnviz/data)",
    )  # fmt: skip
    parser.add_argument(
        "--offline", action="store_true", help="never try to download a missing data set"
    )


def add_checkpoint_options(parser: argparse.ArgumentParser, json_help: str) -> None:
    """The options of the commands that use a trained model: which one, and JSON output."""
    parser.add_argument("--checkpoint", type=Path, default=None,
                        help="default: the shipped MNIST weights")
    parser.add_argument("--json", action="store_true", help=json_help)
    add_trust_option(parser)


def model_and_test_split(args: argparse.Namespace,
                         check: Callable[[Any], None] | None = None) -> tuple[Any, Any]:
    """(Predictor, LoadedDataset): the checkpoint's model (the shipped weights by default) and
    the test split of its data set, from the data options; ``check(predictor)`` runs before
    the data loads, so that a wrong argument fails before a download."""
    from cnnviz.core.analysis.prediction import Predictor
    from cnnviz.core.training.evaluation import load_test_split

    predictor = Predictor.from_checkpoint(args.checkpoint, trust=args.trust_model_code)
    if check is not None:
        check(predictor)
    return predictor, load_test_split(predictor.meta, args.data_dir, download=not args.offline)


def add_trust_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--trust-model-code", action="store_true",
        help="allow a checkpoint whose model is defined in a Python file to run that file "
             "(its source is stored in the checkpoint; read it first)",
    )  # fmt: skip


def fail(message: str) -> int:
    print(f"cnnviz: error: {message}", file=sys.stderr)
    return EXIT_FAILURE
