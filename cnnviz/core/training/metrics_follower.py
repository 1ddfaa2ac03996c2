"""Following a metrics.jsonl that another process writes, by file size and byte offset.

File-change notifications miss changes on network file systems, so a follower is polled
(on a timer, in the app). Each poll reads only what was appended since the last one. A line
still being written is kept and read whole on the next poll; a file that shrank or was
replaced (another inode) starts over; a folder that disappears is reported, and what was read
stays with the reader.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from stat import S_ISREG
from typing import Any

from cnnviz.core.files import UnsafeFileError, open_regular_for_reading
from cnnviz.core.training.run_folder import METRICS
from cnnviz.core.training.run_json import MAX_LINE_BYTES, json_object

#: at most this much is read in one poll, so that a huge backlog never blocks the caller long
MAX_READ_BYTES = 8 << 20


@dataclass
class FollowUpdate:
    records: list[dict[str, Any]] = field(default_factory=list)
    #: the file was truncated or replaced: drop what was read before these records
    restarted: bool = False
    #: the run folder is gone
    gone: bool = False


class MetricsFollower:
    """Follows a run folder's metrics.jsonl, or another of its JSON-lines files
    (``filename``, e.g. histograms.jsonl)."""

    def __init__(self, run_dir: Path, filename: str = METRICS) -> None:
        self.run_dir = Path(run_dir)
        self.path = self.run_dir / filename
        self.offset = 0
        self._partial = b""
        self._skipping = False
        self._identity: tuple[int, int] | None = None

    def poll(self) -> FollowUpdate:
        """The complete lines appended since the last poll."""
        update = FollowUpdate()
        try:
            stat = self.path.lstat()
        except FileNotFoundError:
            update.gone = not self.run_dir.is_dir()
            return update
        except OSError:
            return update
        if not S_ISREG(stat.st_mode):  # a link, a FIFO, a device: never read (see core.files)
            return update
        identity = (stat.st_dev, stat.st_ino)
        if self._identity is not None and (identity != self._identity
                                           or stat.st_size < self.offset):  # fmt: skip
            self.offset, self._partial, update.restarted = 0, b"", True
        self._identity = identity
        if stat.st_size == self.offset:
            return update
        try:
            with open_regular_for_reading(self.path) as handle:
                handle.seek(self.offset)
                chunk = handle.read(min(stat.st_size - self.offset, MAX_READ_BYTES))
        except (OSError, UnsafeFileError):
            return update
        self.offset += len(chunk)
        *lines, rest = (self._partial + chunk).split(b"\n")
        if self._skipping and lines:  # a line too long to be cnnviz's ends here: drop it
            lines, self._skipping = lines[1:], False
        elif self._skipping:
            rest = b""
        if len(rest) > MAX_LINE_BYTES:
            rest, self._skipping = b"", True
        self._partial = rest
        update.records = [record for line in lines if len(line) <= MAX_LINE_BYTES
                          and (record := json_object(line)) is not None]  # fmt: skip
        return update
