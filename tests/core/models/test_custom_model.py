from pathlib import Path

import pytest

from cnnviz.core.errors import ModelLoadError
from cnnviz.core.models.registry import build_model
from cnnviz.core.models.shape import InputShape

SHAPE = InputShape(1, 28, 28, 10)

GOOD = """
import torch.nn as nn

class Tiny(nn.Module):
    def __init__(self, in_channels=1, num_classes=10):
        super().__init__()
        self.conv = nn.Conv2d(in_channels, 4, 3, padding=1)
        self.fc = nn.Linear(4, num_classes)

    def forward(self, x):
        return self.fc(self.conv(x).mean(dim=(2, 3)))

def make(num_classes):
    return Tiny(num_classes=num_classes)

NOT_A_MODEL = 3

def returns_a_list():
    return [1, 2]

class WrongShape(nn.Module):
    def forward(self, x):
        return x

class Raises(nn.Module):
    def forward(self, x):
        raise ValueError("boom in forward")
"""


def write(tmp_path: Path, text: str, name: str = "net.py") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def test_class_and_factory_adapt_to_the_shape(tmp_path):
    path = write(tmp_path, GOOD)
    for attr in ("Tiny", "make"):
        model = build_model(f"{path}:{attr}", InputShape(1, 28, 28, 7))
        assert model.fc.out_features == 7


@pytest.mark.parametrize(
    ("attr", "text", "message"),
    [
        ("Tiny", None, "no such file"),
        ("Tiny", "class Tiny(:\n", "syntax error on line 1"),
        ("Tiny", "import no_such_module_xyz\n", "importing it raised ModuleNotFoundError"),
        ("Missing", GOOD, "defines no name 'Missing'"),
        ("NOT_A_MODEL", GOOD, "is not an nn.Module class or a function"),
        ("returns_a_list", GOOD, "gave a list, not an nn.Module"),
        ("WrongShape", GOOD, r"output .* is \[2, 1, 28, 28\], expected \[2, 10\]"),
        ("Raises", GOOD, "raised ValueError: boom in forward"),
    ],
)
def test_each_failure_names_the_file_and_the_problem(tmp_path, attr, text, message):
    path = tmp_path / "net.py" if text is None else write(tmp_path, text)
    with pytest.raises(ModelLoadError, match=message) as info:
        build_model(f"{path}:{attr}", SHAPE)
    assert str(path) in str(info.value)


SQUEEZED = """
import torch.nn as nn

class Squeezed(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(784, 10)

    def forward(self, x):
        return self.fc(x.flatten(1)).squeeze()
"""


def test_the_squeeze_bug_is_caught_at_load_with_a_hint(tmp_path):
    path = write(tmp_path, SQUEEZED)
    with pytest.raises(ModelLoadError, match=r"batch of shape \[1, 1, 28, 28\] is \[10\]") as info:
        build_model(f"{path}:Squeezed", SHAPE)
    assert ".squeeze()" in str(info.value)
