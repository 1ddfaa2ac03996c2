"""``cnnviz units``: the test images that excite each channel of a layer most, cropped to what
the channel's unit sees, one PNG grid per channel."""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

from cnnviz.cli.common import (
    add_checkpoint_options,
    add_data_options,
    fail,
    model_and_test_split,
    positive_int,
)

#: each crop is drawn at least this many pixels wide
CROP_PIXELS = 64


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "units", help="the test images that excite each channel of a layer most",
        description="Scan the test set of the model's data set for the images whose strongest "
                    "response in each channel of a layer is highest, and write one PNG grid "
                    "per channel, each image cropped to the receptive field around its peak. "
                    "The scan is kept next to the weights (in the run folder) for next time.",
    )  # fmt: skip
    add_checkpoint_options(parser, 'print {"layer": ..., "channels": [{"channel", "indices", '
                             '"activations"}, ...]}, activations highest first')
    parser.add_argument("--layer", required=True, help="a layer's name, as 'cnnviz summary' "
                                                       "and the Inspect tab show it")
    parser.add_argument("--top", type=positive_int, default=9, help="images per channel")
    parser.add_argument("--out", type=Path, required=True, help="the folder for the PNGs")
    add_data_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from PIL import Image

    from cnnviz.core.analysis.layer_capture import check_layer
    from cnnviz.core.analysis.prediction import shipped_weights_path
    from cnnviz.core.analysis.top_inputs import (
        channel_crops,
        crops_grid,
        find_top_inputs,
        layer_geometry,
        layer_maps_shape,
    )
    from cnnviz.core.analysis.unit_cache import load_top_inputs, save_top_inputs, weights_stamp

    stamps = []

    def check(predictor) -> None:
        check_layer(predictor.model, args.layer)
        stamps.append(weights_stamp(args.checkpoint or shipped_weights_path()))  # as just read

    predictor, data = model_and_test_split(args, check)
    images, name, weights = data.test.images, data.info.name, stamps[0]
    top = (load_top_inputs(weights, args.layer, args.top, name, len(images),
                           layer_maps_shape(predictor.model, predictor.input_shape, args.layer))
           if weights else None)  # fmt: skip
    if top is None:
        top = find_top_inputs(predictor.model, images, predictor.normalizer, args.layer,
                              args.top)  # fmt: skip
        assert top is not None
        if weights is not None:
            save_top_inputs(weights, top, name, len(images))
    geometry = layer_geometry(predictor.model, predictor.input_shape, args.layer, top.map_size)
    scale = max(1, math.ceil(CROP_PIXELS / max(geometry.size)))
    try:
        args.out.mkdir(parents=True, exist_ok=True)
        for channel in range(top.channels):
            grid = crops_grid(channel_crops(images, top, channel, geometry), scale)
            Image.fromarray(grid).save(args.out / f"{args.layer}-channel{channel:03d}.png")
    except OSError as exc:
        return fail(f"cannot write to {args.out}: {exc}")
    if args.json:
        print(json.dumps(top.to_json()))
    else:
        print(f"{args.layer}: the top {top.k} of {len(images):,} test images for each of "
              f"{top.channels} channels, cropped to {geometry.size[0]}x{geometry.size[1]} "
              f"pixels, written to {args.out}")
    return 0
