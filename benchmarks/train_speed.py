"""Training speed: the tutorial's loop as written, PyTorch Lightning and cnnviz, in one process.

    python benchmarks/train_speed.py --model simple-cnn            # MNIST, one epoch
    python benchmarks/train_speed.py --model resnet                # CIFAR-10 JPEGs, one epoch

All train the same model from the same seed for the same number of steps (batch 100, Adam
1e-3) on the real data from ../shared/data, laid out by its prepare.sh into --data-dir. The
tutorial's loop is its code as written (torchvision data set + per-image transforms +
DataLoader, fp32), changed only where today's PyTorch requires it:

- ``Variable(images)`` is gone: tensors carry gradients themselves (since PyTorch 0.4);
- ``loss.data[0]`` in the every-100-steps print is ``loss.item()`` (indexing a 0-d tensor is
  an error today);
- CIFAR's ``transforms.Scale(40)`` is ``transforms.Resize(40)`` (Scale was removed), so the
  augmentation is Resize(40), RandomHorizontalFlip, RandomCrop(32), ToTensor, as the tutorial's;
- the images come from the JPEG folders (ImageFolder) instead of ``datasets.CIFAR10``, whose
  archive is not here (see ../shared/data/README.md), and run on the CPU (no ``.cuda()``).
  ImageFolder lists the test images class by class, where CIFAR-10's own test file mixes the
  classes; the test set is read in a fixed shuffled order, as the tutorial's ResNet test pass
  (BatchNorm in training mode, so each batch normalises by its own statistics) needs batches
  of mixed classes to mean what it meant with ``datasets.CIFAR10``.

Its test pass is the tutorial's too: the MNIST CNN's calls ``cnn.eval()``, the ResNet's does
not (its BatchNorm stays in training mode), and neither turns gradients off. The ResNet's
learning-rate decay (lr / 3 every 20 epochs) never comes into a run this short.
Lightning's Trainer (``pip install lightning``; skipped when it is missing) trains on the
tutorial's DataLoader, in fp32 as well. cnnviz keeps the decoded set in memory and does
batch-wise tensor ops; it runs once per ``--precision`` (by default ``auto``, which is bf16 on
CPUs that compute it natively, and ``fp32``, the tutorial's), and each row says which
precision it ran. Each ratio is a side's training time over the tutorial loop's, measured in
this run; cnnviz's one-time decode is reported beside it.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

import torch
import torch.nn.functional as F
from bench_data import add_data_dir_argument, prepare
from torch import nn
from torch.utils.data import DataLoader, Subset
from torchvision import datasets, transforms

from cnnviz.core.data.datasets import load_dataset
from cnnviz.core.models.registry import build_model
from cnnviz.core.models.shape import InputShape
from cnnviz.core.training.config import PRECISIONS, TrainConfig
from cnnviz.core.training.devices import resolve_precision
from cnnviz.core.training.events import FinishedEvent
from cnnviz.core.training.trainer import Trainer

BATCH = 100
LR = 1e-3
WARM_UP_STEPS = 20


def tutorial_sets(model: str, data_dir: Path):
    if model == "simple-cnn":
        train = datasets.MNIST(str(data_dir), train=True, transform=transforms.ToTensor())
        test = datasets.MNIST(str(data_dir), train=False, transform=transforms.ToTensor())
        return train, test, InputShape(1, 28, 28, 10)
    # the tutorial's Scale(40), RandomHorizontalFlip, RandomCrop(32), ToTensor; Resize for Scale
    augment = transforms.Compose([
        transforms.Resize(40), transforms.RandomHorizontalFlip(), transforms.RandomCrop(32),
        transforms.ToTensor(),
    ])  # fmt: skip
    train = datasets.ImageFolder(str(data_dir / "cifar10-jpg" / "train"), transform=augment)
    folder = datasets.ImageFolder(str(data_dir / "cifar10-jpg" / "test"),
                                  transform=transforms.ToTensor())
    # CIFAR-10's test file mixes the classes; ImageFolder sorts them (see the module's notes)
    mixed = torch.randperm(len(folder), generator=torch.Generator().manual_seed(0)).tolist()
    return train, Subset(folder, mixed), InputShape(3, 32, 32, 10)


def test_accuracy(model: torch.nn.Module, test_set, eval_mode: bool) -> float:
    """The tutorial's test pass, batches of 100 with gradients on, as its code has it: the MNIST
    CNN's calls ``eval()`` first (``eval_mode``), the ResNet's does not."""
    if eval_mode:
        model.eval()
    correct = total = 0
    for images, labels in DataLoader(test_set, batch_size=BATCH, shuffle=False):
        outputs = model(images)
        _, predicted = torch.max(outputs.data, 1)
        total += labels.size(0)
        correct += (predicted == labels).sum().item()
    return correct / total


def tutorial_test(model_name: str, model: torch.nn.Module, test_set) -> float:
    """The test pass of the tutorial's code for this model."""
    return test_accuracy(model, test_set, eval_mode=model_name == "simple-cnn")


def tutorial_loop(model_name: str, data_dir: Path, steps: int, seed: int,
                  test: bool = True) -> dict:
    """The tutorial's training loop, as written (see the module for the few changes today's
    PyTorch requires); prints the loss every 100 steps, as the tutorial does."""
    train_set, test_set, shape = tutorial_sets(model_name, data_dir)
    torch.manual_seed(seed)
    model = build_model(model_name, shape)
    train_loader = DataLoader(train_set, batch_size=BATCH, shuffle=True)
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=LR)
    start = time.perf_counter()
    done = 0
    while done < steps:
        for i, (images, labels) in enumerate(train_loader):
            optimizer.zero_grad()
            outputs = model(images)
            loss = criterion(outputs, labels)
            loss.backward()
            optimizer.step()
            if (i + 1) % 100 == 0:
                print(f"Iter [{i + 1}/{len(train_loader)}] Loss: {loss.item():.4f}", flush=True)
            done += 1
            if done == steps:
                break
    seconds = time.perf_counter() - start
    accuracy = tutorial_test(model_name, model, test_set) if test else None
    return {"seconds": seconds, "test_acc": accuracy, "precision": "fp32"}


def lightning_run(model_name: str, data_dir: Path, steps: int, seed: int) -> dict | None:
    """PyTorch Lightning's Trainer on the tutorial's DataLoader, fp32 ("32-true"), with its
    logging, checkpoints, progress bar and summary off; None when Lightning is missing. Its
    time is the whole ``fit`` call, as a user waits for it."""
    try:
        import lightning
    except ImportError:
        return None

    class Module(lightning.LightningModule):
        def __init__(self, net: torch.nn.Module) -> None:
            super().__init__()
            self.net = net

        def training_step(self, batch, batch_index):
            images, labels = batch
            return F.cross_entropy(self.net(images), labels)

        def configure_optimizers(self):
            return torch.optim.Adam(self.parameters(), lr=LR)

    train_set, test_set, shape = tutorial_sets(model_name, data_dir)
    torch.manual_seed(seed)
    module = Module(build_model(model_name, shape))
    trainer = lightning.Trainer(
        accelerator="cpu", devices=1, precision="32-true", max_steps=steps, logger=False,
        enable_checkpointing=False, enable_progress_bar=False, enable_model_summary=False,
        num_sanity_val_steps=0,
    )  # fmt: skip
    train_loader = DataLoader(train_set, batch_size=BATCH, shuffle=True)
    start = time.perf_counter()
    trainer.fit(module, train_loader)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "test_acc": tutorial_test(model_name, module.net, test_set),
            "precision": "fp32"}


def cnnviz_run(model_name: str, data_dir: Path, epochs: int, seed: int, precision: str) -> dict:
    start = time.perf_counter()
    name = "mnist" if model_name == "simple-cnn" else f"folder:{data_dir / 'cifar10-jpg'}"
    data = load_dataset(name, data_dir, download=False)
    load_seconds = time.perf_counter() - start
    config = TrainConfig(model=model_name, dataset=name, epochs=epochs, seed=seed,
                         precision=precision)  # fmt: skip
    final = Trainer(config, data).run(lambda event: None)
    if not isinstance(final, FinishedEvent) or final.step != epochs * len(data.train) // BATCH:
        raise SystemExit(f"cnnviz run ended with {final}")
    ran = "bf16" if resolve_precision(precision, torch.device("cpu")) else "fp32"
    return {"seconds": final.train_seconds, "test_acc": final.test_acc, "precision": ran,
            "load_seconds": load_seconds}


def report(side: str, result: dict, base_seconds: float) -> None:
    extra = (f"  (+{result['load_seconds']:.1f} s one-time decode)"
             if "load_seconds" in result else "")  # fmt: skip
    print(f"{side:10s} {result['precision']:5s} {result['seconds']:7.1f} s  "
          f"ratio {result['seconds'] / base_seconds:.2f}  test acc {result['test_acc']:.2%}"
          f"{extra}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", choices=["simple-cnn", "resnet"], default="simple-cnn")
    add_data_dir_argument(parser)
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--precision", nargs="+", choices=list(PRECISIONS),
                        default=["auto", "fp32"], help="cnnviz's precisions, one run each")
    args = parser.parse_args()
    prepare(args.data_dir)
    steps = args.epochs * (600 if args.model == "simple-cnn" else 500)
    print(f"{args.model}: {steps} steps of batch {BATCH}, {torch.get_num_threads()} threads, "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)
    # untimed: the process's first steps pay one-time costs (thread pools, oneDNN's kernels)
    # that would otherwise count against whichever side runs first
    tutorial_loop(args.model, args.data_dir, WARM_UP_STEPS, args.seed, test=False)
    base = tutorial_loop(args.model, args.data_dir, steps, args.seed)
    report("tutorial", base, base["seconds"])
    results = {"tutorial": base}
    peer = lightning_run(args.model, args.data_dir, steps, args.seed)
    if peer is None:
        print("lightning  skipped: not installed (pip install lightning to time it)")
    else:
        report("lightning", peer, base["seconds"])
        results["lightning"] = peer
    for precision in args.precision:
        ours = cnnviz_run(args.model, args.data_dir, args.epochs, args.seed, precision)
        report("cnnviz", ours, base["seconds"])
        results[f"cnnviz --precision {precision}"] = ours
    print(f"load average at the end {os.getloadavg()[0]:.1f}")
    print(json.dumps({"model": args.model, "steps": steps, "load_average": os.getloadavg()[0],
                      **results}))


if __name__ == "__main__":
    main()
