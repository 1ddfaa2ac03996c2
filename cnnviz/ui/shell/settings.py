"""Remembered settings: last choices and weights, data folder, window geometry, recent
checkpoints (with their names), the interface language.

``CNNVIZ_SETTINGS`` names an .ini file to use instead of the user's real settings; the tests
set it so that they never read or write what a user has saved.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from cnnviz.core.paths import default_data_dir

MAX_RECENT = 8


def open_settings() -> QSettings:
    path = os.environ.get("CNNVIZ_SETTINGS")
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "cnnviz", "cnnviz")


class AppSettings:
    """Typed access to the few values the app remembers."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.qsettings = settings or open_settings()

    def value(self, key: str, default: Any, kind: type = str) -> Any:
        raw = self.qsettings.value(key, default)
        try:
            return kind(raw)
        except (TypeError, ValueError):
            return default

    def set(self, key: str, value: Any) -> None:
        self.qsettings.setValue(key, value)

    def data_dir(self) -> Path:
        """``CNNVIZ_DATA`` wins, then the folder the user chose, then the cache default."""
        if os.environ.get("CNNVIZ_DATA"):
            return default_data_dir()
        chosen = self.value("data/dir", "")
        return Path(chosen) if chosen else default_data_dir()

    def set_data_dir(self, path: Path) -> None:
        self.set("data/dir", str(path))

    def recent_checkpoints(self) -> list[str]:
        raw = self.qsettings.value("recent/checkpoints", [])
        items = [raw] if isinstance(raw, str) else list(raw or [])
        return [item for item in items if item]

    def recent_names(self) -> dict[str, str]:
        """What Open recent calls each entry, by path (entries remembered before names were
        kept have none)."""
        names: object = None
        with contextlib.suppress(TypeError, ValueError):
            names = json.loads(self.value("recent/names", "{}"))
        if not isinstance(names, dict):
            return {}
        return {str(path): str(name) for path, name in names.items()}

    def add_recent_checkpoint(self, path: Path, name: str = "") -> None:
        items = [str(path), *[p for p in self.recent_checkpoints() if p != str(path)]]
        self.set("recent/checkpoints", items[:MAX_RECENT])
        names = {p: n for p, n in self.recent_names().items() if p in items[:MAX_RECENT]}
        self.set("recent/names", json.dumps({**names, str(path): name}))

    def last_weights(self) -> Path | None:
        """The checkpoint shown when cnnviz last closed (None: the shipped weights, or a
        model not trained yet)."""
        path = self.value("weights/last", "")
        return Path(path) if path else None

    def set_last_weights(self, path: Path | None) -> None:
        self.set("weights/last", str(path) if path is not None else "")

    def extra_run_folders(self) -> list[Path]:
        """Run folders the user opened from outside the runs home, still there."""
        raw = self.qsettings.value("runs/extra", [])
        items = [raw] if isinstance(raw, str) else list(raw or [])
        return [Path(item) for item in items if item and Path(item).is_dir()]

    def set_extra_run_folders(self, folders: list[Path]) -> None:
        self.set("runs/extra", [str(folder) for folder in folders])

    def language(self) -> str:
        """The interface language chosen in View > Language ("en", "zh_CN"), or "" when the
        user never chose (the system's is used then)."""
        return self.value("ui/language", "")

    def set_language(self, language: str) -> None:
        self.set("ui/language", language)

    def sync(self) -> None:
        self.qsettings.sync()
