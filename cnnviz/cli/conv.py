"""``cnnviz conv``: the tutorial's convolution demo as numbers: the output size and its
formula (floored as PyTorch computes it, with what is dropped when the filter does not tile
the input evenly), the parameter count, and a small example volume, filters, biases and the
output they give. The settings are bounded by the demo's LIMITS, refused in one line past
them."""

from __future__ import annotations

import argparse
import json

from cnnviz.cli.common import non_negative_int, positive_int


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "conv", help="the tutorial's convolution demo: output size, parameters, an example",
        description="Work out a convolution layer on a square input volume: the output size "
                    "(W - F + 2P) / S + 1, floored as PyTorch computes it (when the division "
                    "is not whole the filter does not tile the input evenly, and the last "
                    "rows and columns are dropped), the parameters K * (F*F*D + 1), and an "
                    "example with small integers: the input, the filters, the biases and the "
                    "output. The defaults are the tutorial's demo; the numbers are kept small "
                    "(width and depth 1-16, filters 1-8, kernel 1-7, stride 1-4, padding 0-3).",
    )  # fmt: skip
    parser.add_argument("--width", type=positive_int, default=5,
                        help="the input's width and height W (default 5)")
    parser.add_argument("--depth", type=positive_int, default=3,
                        help="the input's depth D (default 3)")
    parser.add_argument("--filters", type=positive_int, default=2,
                        help="the number of filters K (default 2)")
    parser.add_argument("--kernel", type=positive_int, default=3,
                        help="the filters' size F (default 3)")
    parser.add_argument("--stride", type=positive_int, default=2, help="the stride S (default 2)")
    parser.add_argument("--padding", type=non_negative_int, default=1,
                        help="the zero padding P (default 1)")
    parser.add_argument("--seed", type=non_negative_int, default=0,
                        help="for the example's numbers (default 0)")
    parser.add_argument("--json", action="store_true",
                        help="one JSON object: output_size (floored, as PyTorch computes it), "
                             "tiles_evenly, dropped (rows and columns no window reaches), "
                             "valid, problem, tiling, formula, parameters, and input [D][H][W], "
                             "weights [K][D][F][F], bias [K] and output [K][H_out][W_out] "
                             "(output_size and output null when the filter is larger than the "
                             "padded input)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from cnnviz.core.analysis.conv_demo import ConvExample, ConvSettings

    settings = ConvSettings(args.width, args.width, args.depth, args.filters, args.kernel,
                            args.stride, args.padding)  # fmt: skip
    example = ConvExample.random(settings, args.seed)
    size = settings.output_width if settings.valid else None
    if args.json:
        print(json.dumps({
            "output_size": size,
            "tiles_evenly": settings.tiles_evenly,
            "dropped": settings.dropped(settings.width),
            "valid": settings.valid,
            "problem": settings.problem(),
            "tiling": settings.tiling(),
            "formula": settings.formula(),
            "parameters": settings.parameters,
            "input": example.input.tolist(),
            "weights": example.weights.tolist(),
            "bias": example.bias.tolist(),
            "output": None if example.output is None else example.output.tolist(),
        }))  # fmt: skip
        return 0
    print(f"output size: {settings.formula()}")
    if settings.valid:
        print(f"output volume: {size}x{size}x{settings.filters} (width x height x depth)")
        if settings.tiling():
            print(settings.tiling())
    else:
        print(f"no output: {settings.problem()}")
    print(f"parameters: K * (F*F*D + 1) = {settings.filters} * ({settings.kernel}*"
          f"{settings.kernel}*{settings.depth} + 1) = {settings.parameters}")
    _print_volume("input", "x", example.input)
    for k in range(settings.filters):
        _print_volume(f"filter w{k}", "w", example.weights[k])
        print(f"bias b{k} = {example.bias[k]}")
    if example.output is not None:
        _print_volume("output", "o", example.output)
    return 0


def _print_volume(title: str, symbol: str, volume) -> None:
    """A [D][H][W] volume one depth slice at a time, as the tutorial's demo shows it."""
    print(f"\n{title}:")
    for d, plane in enumerate(volume):
        print(f"  {symbol}[:,:,{d}]")
        for row in plane:
            print("    " + " ".join(f"{int(v):>2}" for v in row))
