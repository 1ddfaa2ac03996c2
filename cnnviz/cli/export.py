"""``cnnviz export``: a checkpoint's model as ONNX, normalisation included, for other runtimes
and for Netron."""

from __future__ import annotations

import argparse
from pathlib import Path

from cnnviz.cli.common import add_data_options, add_trust_option


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "export", help="a checkpoint's model as ONNX, for other runtimes and Netron",
        description="Write the checkpoint's model as ONNX: it takes float32 pixels in [0, 1] "
                    "([N, C, H, W], any N; the data set's normalisation is inside), gives "
                    "logits and probabilities, and carries the class names as metadata. "
                    'Needs pip install "cnnviz[export]".',
    )  # fmt: skip
    parser.add_argument("checkpoint", type=Path, metavar="CHECKPOINT")
    parser.add_argument("--format", choices=("onnx",), default="onnx")
    parser.add_argument("--out", type=Path, required=True, help="the file, e.g. model.onnx")
    parser.add_argument("--check", action="store_true",
                        help="then run the file with onnxruntime on the data set's test split "
                             "and report how often it agrees with PyTorch")
    add_trust_option(parser)
    add_data_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from cnnviz.core.analysis.onnx_export import compare_with_onnx, export_onnx
    from cnnviz.core.analysis.prediction import Predictor
    from cnnviz.core.training.evaluation import load_test_split

    predictor = Predictor.from_checkpoint(args.checkpoint, trust=args.trust_model_code)
    meta = predictor.meta
    export_onnx(predictor.copy().model, meta, args.out)
    print(f"{meta.model} ({meta.dataset}, {len(meta.class_names)} classes) written to "
          f"{args.out} ({args.out.stat().st_size / 1024:,.0f} KiB)")
    if args.check:
        test = load_test_split(meta, args.data_dir, download=not args.offline).test
        agreement = compare_with_onnx(args.out, predictor.probabilities, test.images.numpy())
        print(f"onnxruntime agrees with PyTorch on {agreement.same_top1:,} of "
              f"{agreement.images:,} test images ({agreement.fraction:.2%}); the top-1 "
              f"probabilities differ by at most {agreement.max_probability_difference:.1e}")
    return 0
