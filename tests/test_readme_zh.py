"""README.zh-CN.md reads in Chinese from start to finish (issue 25): outside code (blocks and
inline) and link targets, its prose, headings, image alt texts and links' texts hold no English
word but what ALLOWED lists, each kind with why it stays as it is."""

from __future__ import annotations

import re
from pathlib import Path

from cnnviz.core.data.datasets import DATASETS
from cnnviz.core.models.registry import MODELS

ROOT = Path(__file__).resolve().parents[1]

#: the words a Chinese reader meets as they are, by kind
ALLOWED = {
    # the names the app and the command line show as they are
    "model and data set names": {*MODELS, *DATASETS, *(name.upper() for name in DATASETS),
                                 "resnet", "CIFAR-10", "tinyvgg"},
    "the app's own name": {"cnnviz"},
    # proper names with no Chinese name: systems, tools, libraries and file formats
    "systems and tools": {"Debian", "Ubuntu", "Windows", "Linux", "macOS", "Apple", "Homebrew",
                          "Python", "pip", "PEP", "PyTorch", "CUDA", "MPS", "CPU", "bf16",
                          "torchrun", "Captum", "ONNX", "CSV", "PNG"},
    # what the interface itself shows untranslated: an optimiser's and a method's names
    "names in the interface": {"Adam", "Grad-CAM"},
}
#: key names as printed on the keys (Ctrl+R, F11, Esc), and sizes (1280x720)
_KEYS_AND_SIZES = re.compile(r"(?<![\w+])(?:(?:Ctrl|Shift|Alt)\+)+\S|\bF\d{1,2}\b|\bEsc\b"
                             r"|\b\d+x\d+\b")
_WORD = re.compile(r"[A-Za-z][\w.+-]*[\w+]|[A-Za-z]")


def prose(markdown: str) -> str:
    """``markdown`` without its code (fenced and inline), link targets and HTML tags."""
    text = re.sub(r"```.*?```", " ", markdown, flags=re.DOTALL)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return re.sub(r"<[^>]+>", " ", text)


def english_words(markdown: str) -> list[str]:
    allowed = set().union(*ALLOWED.values())
    text = _KEYS_AND_SIZES.sub(" ", prose(markdown))
    return [word for word in _WORD.findall(text) if word not in allowed]


def test_the_chinese_readme_has_no_english_word():
    assert english_words((ROOT / "README.zh-CN.md").read_text(encoding="utf-8")) == []


def test_an_english_word_is_found_outside_code_only():
    markdown = ("# 快速开始\n\n按 **Train** 开始，见 ![the overview](a.png) 和 "
                "[English](README.md)。\n\n```\npip install cnnviz\n```\n"
                "运行 `cnnviz train`，用 simple-cnn 训练 MNIST，"
                "Ctrl+R、F11、1280x720。")
    assert english_words(markdown) == ["Train", "the", "overview", "English"]
