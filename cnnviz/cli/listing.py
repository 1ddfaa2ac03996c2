"""``cnnviz models`` and ``cnnviz datasets``: what there is to choose from, one line each."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    sub.add_parser("models", help="list the models").set_defaults(handler=run_models)
    sub.add_parser("datasets", help="list the data sets").set_defaults(handler=run_datasets)


def run_models(args: argparse.Namespace) -> int:
    from cnnviz.core.models.registry import MODELS

    for spec in MODELS.values():
        print(f"{spec.name:<12} {spec.description}")
    print(f"{'pattern:...':<12} the tutorial's pattern, INPUT -> [[CONV -> RELU] * N -> POOL?] * M "
          f"-> [FC -> RELU] * K -> FC: pattern:n=N,m=M,k=K[,width=16][,kernel=3]"
          f"[,pool=max|avg|none][,fc=128]")
    print(f"{'FILE.py:Name':<12} your own nn.Module class or factory in a Python file")
    return 0


def run_datasets(args: argparse.Namespace) -> int:
    from cnnviz.core.data.datasets import DATASETS
    from cnnviz.core.data.types import FOLDER_PREFIX

    for entry in DATASETS.values():
        print(f"{entry.info.name:<14} {entry.info.description}")
    print(f"{FOLDER_PREFIX + 'PATH':<14} an image folder: train/<class>/ and test/<class>/, "
          f"or <class>/ split 90/10")
    return 0
