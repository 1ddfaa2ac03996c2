"""The real data sets for benchmarks: ../shared/data laid out by its prepare.sh."""

from __future__ import annotations

import argparse
import subprocess
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
DEFAULT_DIR = Path("/tmp/cnnviz-bench-data")


def add_data_dir_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DIR,
                        help=f"where to lay out the real data sets (default {DEFAULT_DIR})")


def prepare(data_dir: Path) -> Path:
    """MNIST's IDX files and CIFAR-10's JPEG folders under data_dir, unpacked once."""
    if not (data_dir / "MNIST" / "raw").is_dir() or not (data_dir / "cifar10-jpg").is_dir():
        subprocess.run(["bash", str(SHARED / "prepare.sh"), str(data_dir)], check=True)
    return data_dir
