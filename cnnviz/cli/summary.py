"""``cnnviz summary``: a model's layers for a data set's input, as Inspect's layer tree and
architecture table show them: output shape, parameters, receptive field, jump and the
output-size formula, as a text table or JSON."""

from __future__ import annotations

import argparse
import json

from cnnviz.cli.common import add_data_options


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "summary", help="a model's layers: shapes, parameters, receptive fields",
        description="Print a model's layers for a data set's input: type, output shape, "
                    "parameters, receptive field and jump in input pixels ('all': the layer "
                    "sees the whole input), and the output-size formula. The data set gives "
                    "the input shape and the number of classes; only image folders (and "
                    "CIFAR-100, for its class count) are read from disk.",
    )  # fmt: skip
    parser.add_argument("--model", required=True,
                        help="registry name (see 'cnnviz models'), pattern:n=N,m=M,k=K or "
                             "path/to/file.py:Name")
    parser.add_argument("--dataset", required=True,
                        help="registry name (see 'cnnviz datasets') or folder:PATH")
    parser.add_argument("--json", action="store_true",
                        help='one JSON object, {"layers": [...]}; receptive_field and jump are '
                             "[height, width], and for a layer that sees the whole input "
                             "receptive_field is the input's size and jump is null")
    add_data_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from cnnviz.core.analysis.summary import COLUMNS, inspect_model, layer_record, table_cells
    from cnnviz.core.data.datasets import dataset_info

    info = dataset_info(args.dataset, args.data_dir, download=not args.offline)
    inspector = inspect_model(args.model, info)
    shape = "x".join(str(s) for s in inspector.input_shape)
    if args.json:
        print(json.dumps({
            "model": args.model,
            "dataset": info.name,
            "input_shape": list(inspector.input_shape),
            "params": inspector.total_parameters,
            "layers": [layer_record(layer) for layer in inspector.layers],
        }))  # fmt: skip
        return 0
    rows = [list(COLUMNS), *(table_cells(layer, indent=True) for layer in inspector.layers)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    print(f"{args.model} for {info.name}: input {shape} (CxHxW), {info.num_classes} classes\n")
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
              .rstrip())
    print(f"\n{inspector.total_parameters:,} trainable parameters.\nRF: receptive field, Jump: "
          f"input pixels between neighbouring positions; height x width when they differ; "
          f"all: the layer sees the whole input. Shapes are channels x height x width.")
    return 0
