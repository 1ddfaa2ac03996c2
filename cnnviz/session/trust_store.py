"""The model code the user has said to trust, remembered by its SHA-256.

A checkpoint whose model lives in a Python file runs that file when it is opened; the app
asks first (showing the file, its hash and its source) and remembers a "trust" here, so the
same code is not asked about again, while an edited file (another hash) is. A plain JSON file
in the user's config folder, so that it needs no Qt and can be read by any cnnviz process.
"""

from __future__ import annotations

import contextlib
import json
import time
from pathlib import Path
from typing import Any

from cnnviz.core.files import write_json_atomically
from cnnviz.core.models.model_code import ModelCode
from cnnviz.core.paths import user_config_dir

FILE_NAME = "trusted-model-code.json"


class TrustStore:
    """``store(code)`` says whether ``code`` is trusted, so a store is a TrustPolicy."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else user_config_dir() / FILE_NAME
        #: trusted in this session, also when the file could not be written
        self._trusted_now: set[str] = set()

    def _read(self) -> dict[str, Any]:
        try:
            records = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return records if isinstance(records, dict) else {}

    def is_trusted(self, code: ModelCode) -> bool:
        return code.sha256 in self._trusted_now or code.sha256 in self._read()

    __call__ = is_trusted

    def trust(self, code: ModelCode) -> None:
        """Remember ``code`` as trusted. A store that cannot be written (a read-only home)
        trusts for this session only: the caller has the user's answer either way."""
        self._trusted_now.add(code.sha256)
        records = self._read()
        records[code.sha256] = {"path": code.path, "name": code.name, "trusted": time.time()}
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_json_atomically(self.path, records)
