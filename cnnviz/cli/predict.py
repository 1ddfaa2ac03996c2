"""``cnnviz predict``: classify image files with the shipped weights or a checkpoint."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from cnnviz.cli.common import EXIT_FAILURE, add_checkpoint_options, fail


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("predict", help="classify image files")
    parser.add_argument("images", nargs="+", type=Path, metavar="IMAGE")
    parser.add_argument("--drawn", action="store_true",
                        help="a drawn digit on a plain background: crop, scale and centre it "
                             "as MNIST's digits were")
    add_checkpoint_options(parser,
                           "one JSON object per image: file, predicted class, probabilities")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from cnnviz.core.analysis.prediction import Predictor
    from cnnviz.core.errors import CnnvizError

    predictor = Predictor.from_checkpoint(args.checkpoint, trust=args.trust_model_code)
    if args.drawn and predictor.input_shape[0] != 1:
        return fail("--drawn is for digit models (one input channel); this checkpoint takes "
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
