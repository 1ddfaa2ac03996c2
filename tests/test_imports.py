"""Every module of the package imports, so a module that nothing else imports cannot hide an
undeclared dependency (CI runs this in a fresh virtual environment)."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import cnnviz

MODULES = sorted(
    info.name for info in pkgutil.walk_packages(cnnviz.__path__, "cnnviz.")
    if not info.name.endswith("__main__")  # runs the command line when imported
)


def test_the_walk_finds_every_layer_of_the_package():
    for package in ("cnnviz.core.data", "cnnviz.session", "cnnviz.ui", "cnnviz.cli"):
        assert any(name.startswith(package + ".") for name in MODULES), package


@pytest.mark.parametrize("name", MODULES)
def test_module_imports(name):
    importlib.import_module(name)
