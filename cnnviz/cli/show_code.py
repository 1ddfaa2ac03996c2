"""``cnnviz show-code``: print the model source a checkpoint stores, the code that loading it
with --trust-model-code would run (which may differ from the file at its recorded path)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "show-code", help="print the model code a checkpoint would run, without running it",
        description="Print the Python source that a checkpoint of a model from a file stores: "
                    "the code that --trust-model-code (or Trust in the app) would run. A "
                    "header on standard error names the model, its SHA-256 and how the "
                    "source compares with the file at its recorded path. Nothing is run.",
    )  # fmt: skip
    parser.add_argument("checkpoint", type=Path, metavar="CHECKPOINT")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from cnnviz.core.models.model_code import compared_with_disk
    from cnnviz.core.text import hidden_characters, printable
    from cnnviz.core.training.checkpoint import checkpoint_model_code, load_checkpoint

    checkpoint = load_checkpoint(args.checkpoint)
    code = checkpoint_model_code(checkpoint, str(args.checkpoint))
    if code is None:
        print(f"{args.checkpoint}: its model {checkpoint.meta.model} is built into cnnviz; it "
              f"runs no code of its own", file=sys.stderr)
        return 0
    print(printable(f"# {code.name} from {code.path}, SHA-256 {code.sha256}\n"
                    f"# {compared_with_disk(code)}", "\n"), file=sys.stderr)
    if hidden_characters(code.source):
        print("# warning: the source holds control or bidirectional characters that can hide "
              "what it does; they are shown escaped (\\x1b, \\u202e)", file=sys.stderr)
    source = printable(code.source, "\n\t")
    sys.stdout.write(source if source.endswith("\n") else source + "\n")
    return 0
