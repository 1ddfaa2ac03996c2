"""``cnnviz runs``: the runs under the runs home (or the folders given), newest first."""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "runs", help="list runs: status, progress, accuracy, speed",
        description="List the runs under the runs home, or under the folders given (a folder "
                    "may be one run or hold several), newest first.",
    )  # fmt: skip
    parser.add_argument("folders", nargs="*", type=Path, metavar="DIR")
    parser.add_argument("--json", action="store_true", help="a JSON list of runs")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from cnnviz.core.paths import runs_home
    from cnnviz.core.training.runs import format_result, list_runs

    runs = list_runs(args.folders or [runs_home()])
    if args.json:
        print(json.dumps([summary.to_json() for summary in runs]))
        return 0
    if not runs:
        print(f"no runs in {', '.join(str(f) for f in args.folders or [runs_home()])}")
        return 0
    rows = [("folder", "model", "data set", "status", "epochs", "best acc", "train s",
             "images/s", "started")]  # fmt: skip
    for r in runs:
        started = time.strftime("%Y-%m-%d %H:%M", time.localtime(r.started)) if r.started else "-"
        rows.append((str(r.path), r.model, r.dataset, r.status,
                     f"{format_result(r.epochs_done, 'd')}/{format_result(r.epochs, 'd')}",
                     format_result(r.best_test_acc, ".2%"), format_result(r.train_seconds, ".1f"),
                     format_result(r.images_per_second, ",.0f"), started))  # fmt: skip
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    for r in runs:
        if r.problem:
            print(f"{r.name} is unreadable: {r.problem}")
    return 0
