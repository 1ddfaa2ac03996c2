"""One process against two: the same epoch of simple-cnn on MNIST, in one run of this script.

    python benchmarks/ddp_speed.py [--data-dir D] [--epochs 1]

1 process x 2 torch threads (``cnnviz train``) against 2 processes x 1 thread each (torchrun,
gloo, DistributedDataParallel), the same seed, global batch 100, Adam 1e-3, on the real MNIST
from ../shared/data. Prints images per second and test accuracy of each, and the ratio.
Target on this project's 2-core CPU: images/s ratio (2 processes / 1) >= 0.8 and test
accuracy within 0.3 points. On a machine with a GPU, ``--device cuda`` runs the CUDA/NCCL
path instead: the single-process trainer against a one-GPU torchrun job.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_data import add_data_dir_argument, prepare


def run(command: list[str], threads: int) -> dict:
    env = {**os.environ, "OMP_NUM_THREADS": str(threads)}
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_data_dir_argument(parser)
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--device", default="cpu", help="cpu (gloo, 2 processes) or cuda")
    args = parser.parse_args()
    prepare(args.data_dir)
    scratch = Path(tempfile.mkdtemp(prefix="cnnviz-ddp-bench-"))
    train = ["-m", "cnnviz", "train", "--epochs", str(args.epochs), "--data-dir",
             str(args.data_dir), "--offline", "--device", args.device, "--json"]
    processes = 2 if args.device == "cpu" else 1
    one = run([sys.executable, *train, "--out", str(scratch / "one")],
              threads=os.cpu_count() or 1)
    many = run([sys.executable, "-m", "torch.distributed.run", "--standalone",
                f"--nproc-per-node={processes}", *train, "--out", str(scratch / "many")],
               threads=max(1, (os.cpu_count() or 1) // processes))
    for name, result in ((f"1 process ({args.device})", one),
                         (f"{processes} process(es), torchrun", many)):
        print(f"{name:<28} {result['images_per_second']:9,.0f} images/s  "
              f"test accuracy {result['test_acc']:.2%}  ({result['steps']} steps)")
    print(f"ratio images/s: {many['images_per_second'] / one['images_per_second']:.2f}; "
          f"accuracy difference {100 * (many['test_acc'] - one['test_acc']):+.2f} points")


if __name__ == "__main__":
    main()
