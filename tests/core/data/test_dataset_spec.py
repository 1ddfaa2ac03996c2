"""Data-set specs are parsed once, and named one way everywhere."""

import pytest

from cnnviz.core.data.types import DatasetSpec


@pytest.mark.parametrize(("text", "folder", "shown"), [
    ("mnist", None, "mnist"),
    ("folder:/home/me/cats/", "/home/me/cats/", "folder cats"),
    ("folder:C:\\photos\\cats", "C:\\photos\\cats", "folder cats"),
])  # fmt: skip
def test_parsing(text, folder, shown):
    spec = DatasetSpec.parse(text)
    assert (spec.folder, spec.is_folder, spec.display_name) == (folder, folder is not None, shown)


def test_a_folder_spec_from_a_path():
    assert DatasetSpec.of_folder("/home/me/cats").text == "folder:/home/me/cats"
