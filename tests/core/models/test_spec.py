"""Model specs are parsed once, and named one way everywhere."""

import pytest

from cnnviz.core.models.spec import ModelKind, ModelSpec


@pytest.mark.parametrize(("text", "kind", "path", "name", "shown"), [
    ("simple-cnn", ModelKind.REGISTRY, "", "", "simple-cnn"),
    ("pattern:n=2,m=2,k=1", ModelKind.PATTERN, "", "", "pattern:n=2,m=2,k=1"),
    ("/home/me/net.py:Net", ModelKind.FILE, "/home/me/net.py", "Net", "net.Net"),
    ("C:\\models\\net.py:make", ModelKind.FILE, "C:\\models\\net.py", "make", "net.make"),
    ("net.py:", ModelKind.REGISTRY, "", "", "net.py:"),  # no name in the file: not a file spec
    ("weights.pt:Net", ModelKind.REGISTRY, "", "", "weights.pt:Net"),
])  # fmt: skip
def test_parsing(text, kind, path, name, shown):
    spec = ModelSpec.parse(text)
    assert (spec.kind, spec.path, spec.name, spec.display_name) == (kind, path, name, shown)
    assert spec.is_file == (kind is ModelKind.FILE)
    assert spec.is_pattern == (kind is ModelKind.PATTERN)
