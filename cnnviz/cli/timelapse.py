"""``cnnviz timelapse``: a run's recorded timelapse (the first layer's kernels, a layer's
feature maps of one test image, or the test-set projection, over training) as a GIF or
MP4."""

from __future__ import annotations

import argparse
from pathlib import Path

from cnnviz.cli.common import positive_float


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "timelapse", help="a run's kernels, feature maps or test-set projection over training, "
                          "as a GIF or MP4",
        description="Animate the timelapse a run recorded in its folder: the first conv "
                    "layer's kernels, or one conv layer's feature maps of the test split's "
                    "first image (about 100 steps over the run's whole length); or the "
                    "Projector's view (PCA) of the test split's first 500 images, one frame "
                    "an evaluation (each epoch's end, and every --eval-every steps of "
                    "cnnviz train) and one before the first step. Each frame is captioned "
                    "with the step, epoch and last test accuracy.",
    )  # fmt: skip
    parser.add_argument("run_dir", type=Path, metavar="RUN_DIR", help="the run's folder")
    parser.add_argument("--what", choices=("filters", "maps", "embedding"), default="filters",
                        help="embedding: the test-set projection, coloured by class")
    parser.add_argument("--layer", help="maps: a conv layer's name (default: the first)")
    parser.add_argument("--out", type=Path, required=True,
                        help='FILE.gif, or FILE.mp4 (needs pip install "cnnviz[export]")')
    parser.add_argument("--fps", type=positive_float, default=10.0, help="default 10")
    parser.add_argument("--scale", choices=("fixed", "frame"), default="fixed",
                        help="fixed (default): one colour scale (embedding: one window) for "
                             "every frame, so growth shows; frame: each frame stretched to its "
                             "own range")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from cnnviz.core.analysis.timelapse_video import Timelapse, render, write_animation

    timelapse = Timelapse.read(args.run_dir, args.what)
    layer = timelapse.layer(args.what, args.layer)
    write_animation(render(timelapse, args.what, layer, args.scale), args.out, args.fps)
    frames = timelapse.frames
    print(f"{layer}: {len(frames)} frames (steps {frames[0].step:,} to {frames[-1].step:,}) "
          f"written to {args.out} ({args.out.stat().st_size / 1024:,.0f} KiB)")
    return 0
