"""``cnnviz evaluate``: test accuracy, accuracy per class and the confusion matrix."""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

from cnnviz.cli.common import add_data_options, add_trust_option


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("evaluate", help="test accuracy and confusion matrix")
    parser.add_argument("--checkpoint", type=Path, required=True)
    parser.add_argument("--device", default="auto")
    parser.add_argument("--json", action="store_true")
    add_data_options(parser)
    add_trust_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from cnnviz.core.training.evaluation import evaluate_checkpoint

    checkpoint, data, result = evaluate_checkpoint(
        args.checkpoint, args.data_dir, download=not args.offline, device=args.device,
        trust_model_code=args.trust_model_code,
    )  # fmt: skip
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
