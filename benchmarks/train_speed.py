"""Training speed: the tutorial's loop as written against cnnviz's trainer, in one process.

    python benchmarks/train_speed.py --model simple-cnn            # MNIST, one epoch
    python benchmarks/train_speed.py --model resnet                # CIFAR-10 JPEGs, one epoch

Both train the same model from the same seed for the same number of steps (batch 100, Adam
1e-3) on the real data from ../shared/data, laid out by its prepare.sh into --data-dir. The
tutorial's loop is torchvision data set + per-image transforms + DataLoader; cnnviz keeps the
decoded set in memory and does batch-wise tensor ops. The printed ratio is cnnviz's training
time over the tutorial loop's; cnnviz's one-time decode is reported beside it.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import torch
import torch.nn.functional as F
from bench_data import add_data_dir_argument, prepare
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

from cnnviz.core.data.datasets import load_dataset
from cnnviz.core.models.registry import build_model
from cnnviz.core.models.shape import InputShape
from cnnviz.core.training.config import TrainConfig
from cnnviz.core.training.events import FinishedEvent
from cnnviz.core.training.trainer import Trainer


def tutorial_sets(model: str, data_dir: Path):
    if model == "simple-cnn":
        train = datasets.MNIST(str(data_dir), train=True, transform=transforms.ToTensor())
        test = datasets.MNIST(str(data_dir), train=False, transform=transforms.ToTensor())
        return train, test, InputShape(1, 28, 28, 10)
    augment = transforms.Compose([
        transforms.Pad(4), transforms.RandomHorizontalFlip(), transforms.RandomCrop(32),
        transforms.ToTensor(),
    ])  # fmt: skip
    train = datasets.ImageFolder(str(data_dir / "cifar10-jpg" / "train"), transform=augment)
    test = datasets.ImageFolder(str(data_dir / "cifar10-jpg" / "test"),
                                transform=transforms.ToTensor())
    return train, test, InputShape(3, 32, 32, 10)


def tutorial_loop(model_name: str, data_dir: Path, steps: int, seed: int) -> dict:
    """The tutorial's training loop, as written."""
    train_set, test_set, shape = tutorial_sets(model_name, data_dir)
    torch.manual_seed(seed)
    model = build_model(model_name, shape)
    train_loader = DataLoader(train_set, batch_size=100, shuffle=True)
    test_loader = DataLoader(test_set, batch_size=100, shuffle=False)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
    start = time.perf_counter()
    done = 0
    while done < steps:
        for images, labels in train_loader:
            loss = F.cross_entropy(model(images), labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            done += 1
            if done == steps:
                break
    seconds = time.perf_counter() - start
    model.eval()
    correct = total = 0
    with torch.no_grad():
        for images, labels in test_loader:
            correct += (model(images).argmax(1) == labels).sum().item()
            total += labels.size(0)
    return {"seconds": seconds, "test_acc": correct / total}


def cnnviz_run(model_name: str, data_dir: Path, epochs: int, seed: int) -> dict:
    start = time.perf_counter()
    name = "mnist" if model_name == "simple-cnn" else f"folder:{data_dir / 'cifar10-jpg'}"
    data = load_dataset(name, data_dir, download=False)
    load_seconds = time.perf_counter() - start
    config = TrainConfig(model=model_name, dataset=name, epochs=epochs, seed=seed)
    final = Trainer(config, data).run(lambda event: None)
    if not isinstance(final, FinishedEvent) or final.step != epochs * len(data.train) // 100:
        raise SystemExit(f"cnnviz run ended with {final}")
    return {"seconds": final.train_seconds, "test_acc": final.test_acc,
            "load_seconds": load_seconds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", choices=["simple-cnn", "resnet"], default="simple-cnn")
    add_data_dir_argument(parser)
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    prepare(args.data_dir)
    steps = args.epochs * (600 if args.model == "simple-cnn" else 500)
    print(f"{args.model}: {steps} steps of batch 100, {torch.get_num_threads()} threads",
          flush=True)
    ours = cnnviz_run(args.model, args.data_dir, args.epochs, args.seed)
    print(f"cnnviz   {ours['seconds']:7.1f} s  test acc {ours['test_acc']:.2%} "
          f"(+{ours['load_seconds']:.1f} s one-time decode)", flush=True)
    base = tutorial_loop(args.model, args.data_dir, steps, args.seed)
    print(f"tutorial {base['seconds']:7.1f} s  test acc {base['test_acc']:.2%}", flush=True)
    ratio = ours["seconds"] / base["seconds"]
    print(f"ratio cnnviz / tutorial: {ratio:.2f}")
    print(json.dumps({"model": args.model, "steps": steps, "cnnviz": ours, "tutorial": base,
                      "ratio": ratio}))


if __name__ == "__main__":
    main()
