"""``cnnviz visualize``: an input optimised to excite one channel (or its centre unit, or a
class), with the robustness tricks of Lucid, compared with the best test image."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from cnnviz.cli.common import (
    add_checkpoint_options,
    add_data_options,
    fail,
    model_and_test_split,
    positive_int,
)


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "visualize", help="what a channel wants to see: an input optimised to excite it",
        description="Optimise an input to excite a channel of a layer (the mean of its map), "
                    "its centre unit (--unit) or a class's score (--class), and write it as a "
                    "PNG at the model's input size. The test set's best image is scored the "
                    "same way, for comparison.",
    )  # fmt: skip
    add_checkpoint_options(parser, "print the objective for the image (activation) and for "
                                   "the best test image (best_dataset_activation)")
    parser.add_argument("--layer", help="a layer's name, as 'cnnviz summary' shows it")
    parser.add_argument("--channel", type=int, help="the channel of that layer")
    parser.add_argument("--unit", action="store_true",
                        help="excite the channel's unit at the centre of its map, not the mean")
    parser.add_argument("--class", dest="class_index", type=int, default=None,
                        help="excite this class's score instead of a layer's channel")
    parser.add_argument("--out", type=Path, required=True, help="the image, as PNG")
    parser.add_argument("--steps", type=positive_int, default=256)
    parser.add_argument("--seed", type=int, default=0)
    add_data_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from PIL import Image

    from cnnviz.core.analysis.feature_vis import Objective, best_in_split, visualize

    if args.class_index is None and (args.layer is None or args.channel is None):
        return fail("give --layer and --channel, or --class")
    if args.class_index is not None:
        objective = Objective("", args.class_index, "class")
    else:
        objective = Objective(args.layer, args.channel, "unit" if args.unit else "channel")
    predictor, data = model_and_test_split(args)
    result = visualize(predictor.model, objective, predictor.input_shape, predictor.normalizer,
                       steps=args.steps, seed=args.seed)  # fmt: skip
    assert result is not None
    best = best_in_split(predictor.model, objective, data.test, predictor.normalizer)
    assert best is not None
    picture = result.image[0] if result.image.shape[0] == 1 else result.image.transpose(1, 2, 0)
    try:
        Image.fromarray(picture).save(args.out)
    except (OSError, ValueError) as exc:
        return fail(f"cannot write {args.out}: {exc}")
    what = (f"class {predictor.meta.class_names[objective.index]}" if objective.kind == "class"
            else f"{objective.layer} channel {objective.index}"
                 + (" (centre unit)" if objective.kind == "unit" else ""))  # fmt: skip
    if args.json:
        print(json.dumps({
            "layer": objective.layer or None, "channel": objective.index,
            "objective": objective.kind, "steps": args.steps, "out": str(args.out),
            "activation": round(result.activation, 6),
            "best_dataset_activation": round(best[0], 6), "best_dataset_index": best[1],
        }))  # fmt: skip
    else:
        print(f"{what}: {result.activation:.4g} for the optimised image, {best[0]:.4g} for the "
              f"best of {len(data.test):,} test images (#{best[1]}); written to {args.out}")
    return 0
