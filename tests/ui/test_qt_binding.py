import sys

import pytest
from PySide6.QtWidgets import QApplication


@pytest.mark.skipif(sys.version_info >= (3, 12), reason=(
    "None is immortal from Python 3.12 on (PEP 683): its count never changes, so an "
    "over-release can neither be seen nor abort the interpreter"))
def test_calls_into_qt_do_not_release_none(qapp):
    """PySide6 6.12.0 drops a reference to None on each call into Qt; under Python 3.11, where
    None is not immortal, a long session then aborts with "deallocating None"."""
    before = sys.getrefcount(None)
    for _ in range(1000):
        QApplication.processEvents()
    assert sys.getrefcount(None) >= before - 10
