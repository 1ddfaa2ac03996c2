"""Downloading a registry data set, with progress, cancellation and nothing half-done left.

torchvision knows where each set lives (its mirrors, file names and MD5 sums); cnnviz
fetches the files itself so that it can report progress as the bytes arrive, stop when the
user cancels, and never leave a partial file where a complete one is expected: each archive is
written to a ``.part`` file, checked against its MD5 sum, renamed into place, extracted into a
scratch folder and only then moved to where torchvision reads it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from cnnviz.core.data.types import ProgressFn, loading_message
from cnnviz.core.errors import CancelledError, CnnvizError, DownloadError
from cnnviz.core.files import partial_path
from cnnviz.core.translatable import QT_TRANSLATE_NOOP

CHUNK = 1 << 16
TIMEOUT_SECONDS = 30


@dataclass(frozen=True)
class Archive:
    urls: tuple[str, ...]  # mirrors, tried in turn
    filename: str
    md5: str
    folder: str  # where it is extracted, under the data directory


class MirroredFiles(Protocol):
    """The class attributes of a torchvision set of the MNIST family: one .gz per file,
    each on every mirror."""

    mirrors: Sequence[str]
    resources: Sequence[tuple[str, str]]  # (file name, MD5 sum)


class OneArchive(Protocol):
    """The class attributes of a torchvision set of the CIFAR family: one archive."""

    url: str
    filename: str
    tgz_md5: str


def archives_for(dataset_class: type) -> list[Archive]:
    """The files a torchvision data set class downloads; the class (torchvision ships no
    types) is read as the protocol of its family."""
    if hasattr(dataset_class, "resources"):
        return _mirrored_archives(dataset_class)
    return _one_archive(dataset_class)


def _mirrored_archives(dataset_class: type[MirroredFiles]) -> list[Archive]:
    folder = f"{dataset_class.__name__}/raw"
    return [Archive(tuple(mirror + name for mirror in dataset_class.mirrors), name, md5, folder)
            for name, md5 in dataset_class.resources]  # fmt: skip


def _one_archive(dataset_class: type[OneArchive]) -> list[Archive]:
    return [Archive((dataset_class.url,), dataset_class.filename, dataset_class.tgz_md5, "")]


def _fetch(url: str, target: Path, expected_md5: str,
           report: Callable[[float | None], None]) -> None:  # fmt: skip
    partial = partial_path(target)
    try:
        request = urllib.request.Request(url, headers={"User-Agent": "cnnviz"})
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response, \
                partial.open("wb") as out:  # fmt: skip
            total = int(response.headers.get("content-length") or 0)
            digest, done = hashlib.md5(), 0
            while chunk := response.read(CHUNK):
                out.write(chunk)
                digest.update(chunk)
                done += len(chunk)
                report(done / total if total else None)
        if digest.hexdigest() != expected_md5:
            raise CnnvizError("the MD5 sum of what it sent does not match")
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def _extract(archive_path: Path, destination: Path) -> None:
    """Extract into a scratch folder beside the destination, then move the results in."""
    destination.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".extract-", dir=destination))
    try:
        from torchvision.datasets.utils import extract_archive  # 1 s: only when extracting

        extract_archive(str(archive_path), str(scratch))
        for item in scratch.iterdir():
            target = destination / item.name
            if target.is_dir():
                shutil.rmtree(target)
            os.replace(item, target)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def fetch_archives(archives: list[Archive], data_dir: Path,
                   progress: ProgressFn | None = None) -> None:  # fmt: skip
    """Fetch, check and extract every archive. ``progress(message, fraction)`` is called as
    bytes arrive; raising CancelledError from it stops the download cleanly."""
    for index, archive in enumerate(archives):
        destination = data_dir / archive.folder
        destination.mkdir(parents=True, exist_ok=True)
        target = destination / archive.filename

        def report(fraction: float | None, index: int = index,
                   name: str = archive.filename) -> None:  # fmt: skip
            if progress is not None:
                overall = None if fraction is None else (index + fraction) / len(archives)
                progress(loading_message(QT_TRANSLATE_NOOP("Loading", "downloading {name}"),
                                         name=name), overall)  # fmt: skip

        errors, unreachable = [], 0
        for url in archive.urls:
            try:
                _fetch(url, target, archive.md5, report)
                break
            except CancelledError:
                raise
            except Exception as exc:  # every mirror may fail its own way
                errors.append(f"{url}: {exc}")
                unreachable += isinstance(exc, OSError) and not \
                    isinstance(exc, urllib.error.HTTPError)  # fmt: skip
        else:
            raise DownloadError("; ".join(errors), offline=unreachable == len(archive.urls))
        try:
            _extract(target, destination)
        finally:
            target.unlink(missing_ok=True)
