"""The command line: no arguments opens the desktop app; subcommands do headless work.

Each subcommand lives in a module of its own with ``register(subparsers)``, which adds its
parser and sets ``handler``; the handlers import torch and the core only when they run, so
``cnnviz --help`` stays quick. Every error the user can fix prints one line,
``cnnviz: error: ...``, and exits non-zero; no traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from cnnviz.cli import (
    conv,
    embed,
    evaluate,
    explain,
    export,
    listing,
    predict,
    runs,
    show_code,
    summary,
    timelapse,
    train,
    units,
    visualize,
)
from cnnviz.cli.common import EXIT_USAGE, fail

COMMAND_MODULES = (train, runs, evaluate, predict, explain, units, visualize, embed, summary,
                   conv, timelapse, export, listing, show_code)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cnnviz",
        description="See how convolutional neural networks learn. Without a command, opens "
        "the desktop app.",
    )
    parser.add_argument(
        "--smoke", action="store_true",
        help="open the window, close it after its first paint and exit 0: checks that an "
        "install can start the app (CI runs it offscreen)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:
        from cnnviz.ui.app import run_app

        return run_app()
    args = build_parser().parse_args(argv)
    if args.command is None and args.smoke:
        from cnnviz.ui.app import run_app

        return run_app(smoke=True)
    if args.command is None:
        build_parser().print_help()
        return EXIT_USAGE
    from cnnviz.core.errors import CnnvizError

    try:
        return args.handler(args)
    except CnnvizError as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        return fail("interrupted")
    except BrokenPipeError:  # e.g. `cnnviz evaluate ... | head`
        sys.stderr.close()
        return 0
