"""How cnnviz writes and reads its own files, one way each: an atomic write, an append that
never follows a link, a bounded read, and the names of its temporary files.

A run folder, a checkpoint or a cache may come from someone else (a colleague's run, a folder
from the internet), so every file in it is hostile until checked:
- writing never follows a symbolic link and never opens a FIFO or a device: a
  ``metrics.jsonl`` that links to ``~/.bashrc`` must not receive a line of JSON;
- reading opens only regular files (a FIFO would hang the reader, ``/dev/zero`` would fill
  its memory) and refuses one larger than the caller's cap;
- a temporary file carries a prefix and a suffix that only cnnviz uses, so that cleaning up
  after a killed process deletes cnnviz's own leftovers and never a user's ``thesis.tmp``.

Every file is written 0644 (readable by the group, as on a shared disk), whatever mkstemp's
private default.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from cnnviz.core.errors import CnnvizError

#: every temporary file cnnviz writes is named ``.cnnviz-NAME...`` and ends in one of these
TEMP_PREFIX = ".cnnviz-"
TEMP_SUFFIX = ".tmp"
PARTIAL_SUFFIX = ".part"  # a download under way
FILE_MODE = 0o644
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # opening a FIFO must not wait for a writer
_BINARY = getattr(os, "O_BINARY", 0)


class UnsafeFileError(CnnvizError):
    """A file that cnnviz will not open: a link, a FIFO, a device, or one too large."""


def is_own_leftover(name: str) -> bool:
    """Whether a file name can only be one of cnnviz's temporary files."""
    return name.startswith(TEMP_PREFIX) and name.endswith((TEMP_SUFFIX, PARTIAL_SUFFIX))


def partial_path(target: Path) -> Path:
    """Where a download writes before the file is checked and renamed to ``target``."""
    return target.with_name(f"{TEMP_PREFIX}{target.name}{PARTIAL_SUFFIX}")


def write_atomically(path: Path, write: Callable[[IO[bytes]], None], sync: bool = True) -> None:
    """Write ``path`` through ``write(handle)`` into a temporary file beside it, then rename it
    into place: a reader sees the old file or the new one, never half of one, and a crash or a
    full disk leaves the old one whole. A link at ``path`` is replaced, never followed.
    ``handle.name`` is the temporary file's path, for a writer that only takes a path
    (ffmpeg). Raises OSError, with the temporary file removed."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{path.name}.", suffix=TEMP_SUFFIX,
                               dir=path.parent)  # fmt: skip
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, FILE_MODE)
        os.close(fd)
        with open(tmp, "wb") as handle:
            write(handle)
            handle.flush()
            if sync:
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def write_json_atomically(path: Path, record: Any) -> None:
    text = json.dumps(record, indent=2, allow_nan=True) + "\n"
    write_atomically(path, lambda handle: handle.write(text.encode("utf-8")), sync=False)


def _refuse(path: Path, what: str) -> UnsafeFileError:
    return UnsafeFileError(f"{path}: {what}; cnnviz reads and writes only regular files in a "
                           f"run folder (remove it, or use another folder)")


def _open_regular(path: Path, flags: int) -> int:
    """A descriptor of the regular file at ``path``, never through a link (UnsafeFileError);
    a missing file raises FileNotFoundError."""
    if Path(path).is_symlink():  # O_NOFOLLOW's ELOOP, where the system has no O_NOFOLLOW
        raise _refuse(path, "is a symbolic link")
    try:
        fd = os.open(path, flags | _NOFOLLOW | _NONBLOCK | _BINARY, FILE_MODE)
    except OSError as exc:
        if Path(path).is_symlink():
            raise _refuse(path, "is a symbolic link") from None
        if not isinstance(exc, FileNotFoundError) and Path(path).exists() \
                and not Path(path).is_file():  # fmt: skip
            raise _refuse(path, "is not a regular file") from None
        raise
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise _refuse(path, "is not a regular file (a FIFO, a device or a folder)")
    return fd


def open_for_append(path: Path) -> IO[str]:
    """A text handle appending to ``path`` (made 0644 if missing). When the file does not end
    with a newline (its writer was killed mid-line), one is written first, so that the torn
    line stays alone and the next record is read whole."""
    fd = _open_regular(path, os.O_RDWR | os.O_APPEND | os.O_CREAT)
    try:
        info = os.fstat(fd)
        if info.st_nlink > 1:  # cnnviz makes no hard links: this one leads out of the folder
            raise _refuse(path, "is a hard link to another file")
        size = info.st_size
        if size and os.pread(fd, 1, size - 1) != b"\n":
            os.write(fd, b"\n")
        return os.fdopen(fd, "a", encoding="utf-8")
    except BaseException:
        os.close(fd)
        raise


def read_capped(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at ``path``, refusing one over ``limit`` bytes
    (UnsafeFileError). OSError (a missing file, say) passes through."""
    fd = _open_regular(path, os.O_RDONLY)
    with os.fdopen(fd, "rb") as handle:
        if os.fstat(fd).st_size > limit:
            raise _refuse(path, f"is larger than {limit:,} bytes")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise _refuse(path, f"is larger than {limit:,} bytes")
    return data


def open_regular_for_reading(path: Path) -> IO[bytes]:
    """A binary handle on the regular file at ``path`` (for reading a large file in pieces);
    UnsafeFileError for a link, a FIFO or a device."""
    return os.fdopen(_open_regular(path, os.O_RDONLY), "rb")
