"""Files that ship with cnnviz: icons and pretrained weights.

In a source checkout (and an editable install) they are in the top-level resources/ folder;
in a wheel they are packaged as cnnviz/resources/.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resource_path(relative: str) -> Path:
    """The path of a shipped file, e.g. ``resource_path("weights/simple-cnn-mnist.pt")``."""
    for base in (_PACKAGE / "resources", _PACKAGE.parent / "resources"):
        candidate = base / relative
        if candidate.exists():
            return candidate
    return _PACKAGE.parent / "resources" / relative
