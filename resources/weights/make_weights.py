"""Rebuild the shipped digit weights, resources/weights/simple-cnn-mnist.pt, from scratch.

    python resources/weights/make_weights.py --data-dir DIR [--out runs/shipped] [--device cpu]

DIR holds (or, without --offline, gets) the real MNIST, as ``cnnviz train --data-dir`` takes it.
This trains the tutorial's simple-cnn with ``cnnviz train`` and the settings in TRAIN below
(seed included), then writes the final epoch's model, without the optimiser's and the
schedule's state that only a resumed run needs, to the shipped file: a quarter of the size,
loaded as any checkpoint is. The final epoch, not the best one, so that the test set chooses
nothing. On a CPU the run takes some minutes; on a GPU, seconds an epoch.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from cnnviz.core.training.checkpoint import Checkpoint, load_checkpoint, save_checkpoint

SHIPPED = Path(__file__).resolve().parent / "simple-cnn-mnist.pt"
#: the run that made the shipped weights: ``cnnviz train`` options
TRAIN = ["--model", "simple-cnn", "--dataset", "mnist", "--epochs", "60", "--augment",
         "handwriting", "--schedule", "onecycle", "--lr", "0.003", "--seed", "0"]  # fmt: skip


def slim(run_checkpoint: Path, shipped: Path) -> Path:
    """The run's model and metadata alone, saved as a checkpoint at ``shipped``."""
    checkpoint = load_checkpoint(run_checkpoint)
    return save_checkpoint(Checkpoint(checkpoint.meta, checkpoint.model_state), shipped)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True, help="where MNIST is kept")
    parser.add_argument("--out", type=Path, default=Path("runs/shipped"), help="the run folder")
    parser.add_argument("--device", default="auto")
    parser.add_argument("--offline", action="store_true", help="never download MNIST")
    parser.add_argument("--shipped", type=Path, default=SHIPPED, help="where to write the weights")
    args = parser.parse_args()
    command = [sys.executable, "-m", "cnnviz", "train", *TRAIN, "--data-dir", str(args.data_dir),
               "--device", args.device, "--out", str(args.out)]  # fmt: skip
    if args.offline:
        command.append("--offline")
    subprocess.run(command, check=True)
    print(f"wrote {slim(args.out / 'checkpoint.pt', args.shipped)}")


if __name__ == "__main__":
    main()
