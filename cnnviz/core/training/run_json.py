"""Reading a run folder's JSON files as they may be found, not as cnnviz writes them: cut
short by a killed writer, oversized, not JSON, or not a regular file. The run folder's writer
(run_folder.py), the run list (runs.py) and the live follower (metrics_follower.py) all read
through these, so each reader turns a hostile file into one RunFileError or a skipped line.
Split out of run_folder.py, which keeps the writing and the run's file names and fields.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from cnnviz.core.errors import CnnvizError
from cnnviz.core.files import UnsafeFileError, open_regular_for_reading, read_capped
from cnnviz.core.training.events import check_json_value


class RunFileError(CnnvizError):
    """A file of a run folder that cannot be read as cnnviz writes it."""


class NotJsonError(RunFileError):
    """A run file that does not parse (cut short, or not JSON at all)."""


#: the largest config.json or heartbeat.json read (a run's own are a few kilobytes)
SMALL_FILE_LIMIT = 1 << 20


def read_json(path: Path) -> dict[str, Any] | None:
    """A run folder's small JSON file (config.json, heartbeat.json) as an object, or None when
    it is missing. RunFileError, with the reason, for anything else that is not a JSON object
    of at most SMALL_FILE_LIMIT bytes in a regular file."""
    path = Path(path)
    try:
        record = json.loads(read_capped(path, SMALL_FILE_LIMIT).decode("utf-8"))
    except FileNotFoundError:
        return None
    except UnsafeFileError as exc:
        raise RunFileError(str(exc)) from None
    except OSError as exc:
        raise RunFileError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    except (ValueError, RecursionError):
        raise NotJsonError(f"{path}: is not valid JSON") from None
    if not isinstance(record, dict):
        raise RunFileError(f"{path}: holds {type(record).__name__}, not a JSON object")
    return record


def _validated(path: Path, record: dict[str, Any], kinds: dict[str, str]) -> dict[str, Any]:
    checked = {}
    for key, kind in kinds.items():
        if key not in record:
            continue
        try:
            if kind == "dict":
                if not isinstance(record[key], dict):
                    raise ValueError(f"{record[key]!r:.40} is not an object")
                checked[key] = record[key]
            elif kind == "list | None":
                if record[key] is not None and not isinstance(record[key], list):
                    raise ValueError(f"{record[key]!r:.40} is not a list")
                checked[key] = record[key]
            else:
                checked[key] = check_json_value(kind if kind.endswith(" | None")
                                                else f"{kind} | None", record[key])  # fmt: skip
        except ValueError as exc:
            raise RunFileError(f"{path}: {key!r}: {exc}") from None
    return checked


def read_metrics(path: Path) -> list[dict[str, Any]]:
    """Every complete line of a metrics.jsonl that is a JSON object (a line still being
    written, or one that is not an object, is skipped); RunFileError for a file that is not a
    regular file."""
    try:
        with open_regular_for_reading(Path(path)) as handle:
            return [record for line in _lines(handle) if (record := json_object(line)) is not None]
    except UnsafeFileError as exc:
        raise RunFileError(str(exc)) from None


#: the longest line of a run's JSON-lines files that is read (cnnviz's own are a few KB; a
#: file without newlines must not be read into memory as one line)
MAX_LINE_BYTES = 1 << 20


def _lines(handle: IO[bytes]) -> Iterator[bytes]:
    """The lines of a file, passing over any longer than MAX_LINE_BYTES without holding it."""
    while line := handle.readline(MAX_LINE_BYTES + 1):
        if len(line) > MAX_LINE_BYTES:
            while (rest := handle.readline(MAX_LINE_BYTES + 1)) and not rest.endswith(b"\n"):
                pass
            continue
        yield line


def json_object(line: bytes | str) -> dict[str, Any] | None:
    """A JSON-lines file's line as an object, or None for a line that is cut short, not
    JSON, or not an object."""
    try:
        record = json.loads(line)
    except (ValueError, RecursionError):
        return None
    return record if isinstance(record, dict) else None
