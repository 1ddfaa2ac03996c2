"""Where a training step's time goes: torch.profiler over cnnviz's trainer.

    python benchmarks/step_profile.py --model simple-cnn [--steps 100] [--precision auto]

Trains the given number of steps of batch 100 on the real data (../shared/data, laid out by
its prepare.sh) once untimed, to warm up, then once under the profiler, and prints the
operators by their own CPU time. The profile covers the whole run: the steps, a test pass
over 100 images (under 1% of it) and the histogram snapshots (held to 2% by the trainer).
The convolutions, BatchNorm and pooling are the work the tutorial's loop does too; what is
left is the loop's own cost.
"""

from __future__ import annotations

import argparse
import dataclasses

import torch
from bench_data import add_data_dir_argument, prepare
from torch.profiler import ProfilerActivity, profile

from cnnviz.core.data.datasets import load_dataset
from cnnviz.core.training.config import PRECISIONS, TrainConfig
from cnnviz.core.training.trainer import Trainer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", choices=["simple-cnn", "resnet"], default="simple-cnn")
    parser.add_argument("--steps", type=int, default=100)
    parser.add_argument("--precision", choices=list(PRECISIONS), default="auto")
    add_data_dir_argument(parser)
    args = parser.parse_args()
    prepare(args.data_dir)
    name = "mnist" if args.model == "simple-cnn" else f"folder:{args.data_dir / 'cifar10-jpg'}"
    data = load_dataset(name, args.data_dir, download=False)
    images = args.steps * 100
    data = dataclasses.replace(
        data, train=dataclasses.replace(data.train, images=data.train.images[:images],
                                        labels=data.train.labels[:images]),
        test=dataclasses.replace(data.test, images=data.test.images[:100],
                                 labels=data.test.labels[:100]))  # fmt: skip
    config = TrainConfig(model=args.model, dataset=name, epochs=1, precision=args.precision)
    Trainer(config, data).run(lambda event: None)
    with profile(activities=[ProfilerActivity.CPU]) as profiler:
        final = Trainer(config, data).run(lambda event: None)
    print(f"{args.model}, {args.steps} steps: {1000 * final.train_seconds / args.steps:.1f} ms "
          f"a step, {torch.get_num_threads()} threads")
    print(profiler.key_averages().table(sort_by="self_cpu_time_total", row_limit=25))


if __name__ == "__main__":
    main()
