"""Where cnnviz keeps things on this machine, in each platform's usual places (platformdirs).

On Linux: the cache (decoded image folders, downloaded data) in ~/.cache/cnnviz, runs in
~/.local/share/cnnviz/runs, and what is remembered outside Qt's settings (trusted model code)
in ~/.config/cnnviz. macOS and Windows get their own conventional folders.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "cnnviz"


def user_cache_dir() -> Path:
    """cnnviz's folder in the user's cache directory (e.g. ~/.cache/cnnviz)."""
    return Path(platformdirs.user_cache_dir(APP, appauthor=False))


def default_data_dir() -> Path:
    """``$CNNVIZ_DATA`` if set, else the user's cache directory (e.g. ~/.cache/cnnviz/data)."""
    env = os.environ.get("CNNVIZ_DATA")
    return Path(env).expanduser() if env else user_cache_dir() / "data"


def runs_home() -> Path:
    """Where the app (and ``cnnviz runs``) keeps run folders: ``$CNNVIZ_RUNS`` if set, else
    the user's data directory (e.g. ~/.local/share/cnnviz/runs)."""
    env = os.environ.get("CNNVIZ_RUNS")
    return Path(env).expanduser() if env else Path(
        platformdirs.user_data_dir(APP, appauthor=False)) / "runs"


def user_config_dir() -> Path:
    """cnnviz's folder for what it remembers outside Qt's settings (trusted model code)."""
    return Path(platformdirs.user_config_dir(APP, appauthor=False))
