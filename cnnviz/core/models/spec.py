"""A model as the user names it, parsed once: a registry name, the tutorial's pattern
(``pattern:n=N,m=M,k=K``) or a class or factory in a Python file (``path/to/file.py:Name``).

Parsing reads the text only: nothing is built and no file is read or run. Whether a file's
code may run is model_code's to decide.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import PureWindowsPath

PATTERN_PREFIX = "pattern:"


class ModelKind(str, Enum):
    REGISTRY = "registry"
    PATTERN = "pattern"  # data, never code: it needs no trust
    FILE = "file"  # a user's Python file: code


@dataclass(frozen=True)
class ModelSpec:
    """A parsed model spec; ``path`` and ``name`` are a file's (empty for the other kinds)."""

    text: str
    kind: ModelKind
    path: str = ""
    name: str = ""

    @classmethod
    def parse(cls, text: str) -> ModelSpec:
        path, sep, name = text.rpartition(":")
        if sep and path.endswith(".py") and name:
            return cls(text, ModelKind.FILE, path, name)
        if text.startswith(PATTERN_PREFIX):
            return cls(text, ModelKind.PATTERN)
        return cls(text, ModelKind.REGISTRY)

    @property
    def is_file(self) -> bool:
        return self.kind is ModelKind.FILE

    @property
    def is_pattern(self) -> bool:
        return self.kind is ModelKind.PATTERN

    @property
    def display_name(self) -> str:
        """How the app names the model: ``C:\\models\\net.py:Net`` and
        ``/home/me/net.py:Net`` both read ``net.Net`` (PureWindowsPath splits on either
        slash); a registry name or a pattern reads as given."""
        return f"{PureWindowsPath(self.path).stem}.{self.name}" if self.is_file else self.text
