"""``cnnviz explain``: where the network looked, as a heatmap over the image."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from cnnviz.cli.common import add_checkpoint_options, fail

#: cnnviz.core.analysis.explain.METHODS, named here so that --help needs no torch
METHODS = ["gradcam", "saliency", "integrated-gradients", "occlusion", "guided-gradcam",
           "smoothgrad"]  # fmt: skip


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("explain", help="where the network looked: Grad-CAM, saliency "
                                            "and Captum's attributions")
    parser.add_argument("image", type=Path, metavar="IMAGE")
    parser.add_argument("--layer", default=None,
                        help="conv layer for Grad-CAM and guided Grad-CAM (default: the last)")
    parser.add_argument("--class", dest="class_index", type=int, default=None,
                        help="class to explain (default: the predicted one)")
    parser.add_argument("--method", choices=METHODS, default="gradcam",
                        help="Grad-CAM and saliency are cnnviz's own; integrated gradients, "
                             "occlusion, guided Grad-CAM and SmoothGrad are Captum's")
    parser.add_argument("--out", type=Path, required=True, help="the overlay, as PNG")
    add_checkpoint_options(parser, "print the class, its probability and the heatmap rows")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    import numpy as np
    from PIL import Image

    from cnnviz.core.analysis.explain import explain, overlay
    from cnnviz.core.analysis.prediction import Predictor
    from cnnviz.core.data.images import read_image, to_array

    predictor = Predictor.from_checkpoint(args.checkpoint, trust=args.trust_model_code)
    model_input = predictor.prepare_file(args.image)
    inputs = predictor.normalized(model_input[None])
    try:
        result = explain(predictor.model, inputs, args.method, args.layer, args.class_index)
    except RuntimeError as exc:
        return fail(f"{args.method} failed on this model: {exc}")
    picture = read_image(args.image)
    heatmap = np.asarray(Image.fromarray((result.heatmap * 255).astype(np.uint8)).resize(
        picture.size, Image.Resampling.BILINEAR), dtype=np.float32) / 255  # fmt: skip
    try:
        Image.fromarray(overlay(to_array(picture, 3), heatmap)).save(args.out)
    except (OSError, ValueError) as exc:
        return fail(f"cannot write {args.out}: {exc}")
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
