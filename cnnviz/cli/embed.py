"""``cnnviz embed``: the test set as the classifier sees it, projected to two dimensions."""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

from cnnviz.cli.common import (
    add_checkpoint_options,
    add_data_options,
    fail,
    model_and_test_split,
)


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "embed", help="the test set's penultimate features projected to 2-D (PCA or t-SNE)",
        description="Take the features the classifier gets (the input of the model's last "
                    "Linear layer) for every test image, project them to two dimensions and "
                    "write one CSV row per image: index, x, y, label, predicted.",
    )  # fmt: skip
    add_checkpoint_options(parser, "print the layer, the number of points and knn_accuracy "
                                   "(how often the 5 nearest points in the plane share an "
                                   "image's true label)")
    parser.add_argument("--method", choices=["pca", "tsne"], default="pca")
    parser.add_argument("--out", type=Path, required=True, help="the points, as CSV")
    parser.add_argument("--seed", type=int, default=0)
    add_data_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from cnnviz.core.analysis.embedding import knn_accuracy, penultimate_features, project

    predictor, data = model_and_test_split(args)
    features = penultimate_features(predictor.model, data.test.images, predictor.normalizer)
    assert features is not None
    points = project(features.values, args.method, args.seed)
    assert points is not None
    labels = data.test.labels.numpy()
    accuracy = knn_accuracy(points, labels)
    try:
        with args.out.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["index", "x", "y", "label", "predicted"])
            for index, ((x, y), label, predicted) in enumerate(
                    zip(points, labels, features.predictions, strict=True)):  # fmt: skip
                writer.writerow([index, f"{x:.6g}", f"{y:.6g}", int(label), int(predicted)])
    except OSError as exc:
        return fail(f"cannot write {args.out}: {exc}")
    if args.json:
        print(json.dumps({"method": args.method, "layer": features.layer,
                          "points": len(points), "features": int(features.values.shape[1]),
                          "knn_accuracy": round(accuracy, 6), "out": str(args.out)}))
    else:
        print(f"{len(points):,} test images, the input of {features.layer} "
              f"({features.values.shape[1]} features), by {args.method}: 5-nearest-neighbour "
              f"accuracy in the plane {accuracy:.2%}; written to {args.out}")
    return 0
