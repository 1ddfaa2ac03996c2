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

Every file is written as the user's umask allows (0644 with the usual 022: readable by the
group, as on a shared disk), never with mkstemp's private 0600 default.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import stat
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import numpy as np

from cnnviz.core.errors import CnnvizError

#: every temporary file cnnviz writes is named ``.cnnviz-NAME...`` and ends in one of these
TEMP_PREFIX = ".cnnviz-"
TEMP_SUFFIX = ".tmp"
PARTIAL_SUFFIX = ".part"  # a download under way
def _umask() -> int:
    """The process's umask, read without changing it (os.umask would, for every thread)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return 0o022


FILE_MODE = 0o666 & ~_umask()
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


def write_atomically(path: Path, write: Callable[[IO[bytes]], object], sync: bool = True) -> None:
    """Write ``path`` through ``write(handle)`` into a temporary file beside it, then rename it
    into place: a reader sees the old file or the new one, never half of one, and a crash or a
    full disk leaves the old one whole. A link at ``path`` is replaced, never followed.
    What ``write`` returns is ignored (``handle.write`` returns a count of bytes).
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


def open_own_file(path: Path, flags: int = os.O_RDWR) -> int:
    """A descriptor of the regular file at ``path`` (made if missing) that cnnviz may write:
    no symbolic link, FIFO or device, and no hard link (cnnviz makes none: one in a run folder
    leads out of it). UnsafeFileError otherwise."""
    fd = _open_regular(path, flags | os.O_CREAT)
    if os.fstat(fd).st_nlink > 1:
        os.close(fd)
        raise _refuse(path, "is a hard link to another file")
    return fd


def open_for_append(path: Path) -> IO[str]:
    """A text handle appending to ``path`` (made 0644 if missing). When the file does not end
    with a newline (its writer was killed mid-line), one is written first, so that the torn
    line stays alone and the next record is read whole."""
    fd = open_own_file(path, os.O_RDWR | os.O_APPEND)
    try:
        size = os.fstat(fd).st_size
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


def read_npz(path: Path, max_bytes: int) -> dict[str, np.ndarray]:
    """The arrays of a ``.npz`` file that may come from anyone: a regular file, of at most
    ``max_bytes`` on disk and ``max_bytes`` unpacked (a small compressed file can unpack to
    gigabytes), each array's header read and checked (no objects, no pickles, its declared
    size within the budget) before its data. UnsafeFileError, or ValueError for a file that
    is not such an archive."""
    with open_regular_for_reading(path) as handle:
        if os.fstat(handle.fileno()).st_size > max_bytes:
            raise _refuse(path, f"is larger than {max_bytes:,} bytes")
        try:
            with zipfile.ZipFile(handle) as archive:
                members = [m for m in archive.infolist() if m.filename.endswith(".npy")]
                if sum(m.file_size for m in archive.infolist()) > max_bytes:
                    raise ValueError(f"it unpacks to more than {max_bytes:,} bytes")
                return {m.filename[:-4]: _read_npy(archive, m, max_bytes) for m in members}
        except (zipfile.BadZipFile, EOFError, KeyError, OSError) as exc:
            raise ValueError(f"it is not a readable .npz archive ({exc})") from None


def _read_npy(archive: zipfile.ZipFile, member: zipfile.ZipInfo, max_bytes: int) -> np.ndarray:
    with archive.open(member) as handle:
        version = np.lib.format.read_magic(handle)
        if version not in ((1, 0), (2, 0)):
            raise ValueError(f"{member.filename} has .npy version {version}")
        read_header = (np.lib.format.read_array_header_1_0 if version == (1, 0)
                       else np.lib.format.read_array_header_2_0)  # fmt: skip
        shape, _, dtype = read_header(handle)
        if dtype.hasobject or math.prod(shape) * dtype.itemsize > max_bytes:
            raise ValueError(f"{member.filename} is an object array or too large ({shape})")
    with archive.open(member) as handle:  # read_array reads the header again
        return np.lib.format.read_array(handle, allow_pickle=False)
