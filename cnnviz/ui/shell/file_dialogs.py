"""Asking the user for a file, unless the caller (a test, a script) already named one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


def choose_path(saving: bool, parent: QWidget, path: Path | str | None, title: str,
                default: str, file_filter: str) -> Path | None:  # fmt: skip
    """``path`` when given; else the file the user picks (to save to, or to open), or None
    when they cancel."""
    if path is not None:
        return Path(path)
    dialog = QFileDialog.getSaveFileName if saving else QFileDialog.getOpenFileName
    chosen, _ = dialog(parent, title, default, file_filter)
    return Path(chosen) if chosen else None
