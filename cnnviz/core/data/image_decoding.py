"""Decoding image files straight to the size a model takes, fast and in bounded memory.

JPEG and PNG, nearly every file of a photo folder, are decoded by torchvision (libjpeg-turbo
and libpng: a 32x32 JPEG in a third of the time Pillow takes per file), JPEGs a batch per call;
their headers give the size for free, read here from the bytes already in memory. A JPEG at least
twice the target size both ways is instead decoded by Pillow at a reduced scale (``draft()``:
libjpeg's DCT scaling by 1/2, 1/4 or 1/8), which is faster still and never holds the photo at
full size. Other formats, files larger than Pillow's decompression-bomb limit, and every file
torchvision refuses go through Pillow as before, so that a damaged or odd file is judged the
same way: it is skipped, and the caller reports it.

Each image is resized as soon as it is decoded, so a worker holds full-size pixels only for
one batch of JPEGs (at most CHUNK_PIXELS of them, 50 MB in RGB) or one other image. Files
are decoded in chunks by a small thread pool; progress is reported after every chunk, at most a
few hundred images apart, and the progress function may raise CancelledError to stop. Per
image, the Python around the decoder costs about as much as decoding a 32x32 JPEG, hence
os.read, plain string paths and batches; chunks are stacked with numpy, because torch's copies
start intra-op threads that spin, on a two-core machine, against the decoding ones.
"""

from __future__ import annotations

import io
import os
import struct
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image, UnidentifiedImageError

from cnnviz.core.data.types import ProgressFn, loading_message
from cnnviz.core.translatable import QT_TRANSLATE_NOOP

#: what the decoding's progress names its files when no caller says
IMAGES = loading_message(QT_TRANSLATE_NOOP("Loading", "images"))

#: images per chunk: about this many source pixels, so a chunk of photos takes about as long
#: as one of thumbnails, within [MIN_CHUNK, MAX_CHUNK] images
CHUNK_PIXELS = 1 << 24
MIN_CHUNK, MAX_CHUNK = 8, 256
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# JPEG start-of-frame markers (C0-CF, less DHT C4, JPG C8 and DAC CC) hold the image size
_SOF_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


def _header_size(data: bytes | bytearray) -> tuple[str, int, int] | None:
    """("jpeg" or "png", height, width) from a file's header, None for any other file."""
    if data.startswith(_PNG_SIGNATURE) and data[12:16] == b"IHDR" and len(data) >= 24:
        width, height = struct.unpack_from(">II", data, 16)
        return "png", height, width
    if not data.startswith(b"\xff\xd8"):
        return None
    at = 2
    while at + 9 <= len(data) and data[at] == 0xFF:
        marker = data[at + 1]
        if marker == 0xFF:  # a fill byte before a marker
            at += 1
        elif marker in _SOF_MARKERS:
            height, width = struct.unpack_from(">HH", data, at + 5)
            return "jpeg", height, width
        else:
            at += 2 + struct.unpack_from(">H", data, at + 2)[0]
    return None


def _resized(image: torch.Tensor, size: tuple[int, int]) -> torch.Tensor:
    """uint8 [C, h, w] to [C, *size], bilinear with antialiasing (as Pillow's resize)."""
    if tuple(image.shape[1:]) == size:
        return image
    return F.interpolate(image[None], size=size, mode="bilinear", antialias=True)[0]


def _with_pillow(data: bytes | bytearray, channels: int, size: tuple[int, int]
                 ) -> torch.Tensor | None:  # fmt: skip
    mode = "L" if channels == 1 else "RGB"
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.draft(mode, (size[1], size[0]))  # JPEG only: decode at a reduced scale
            image = image.convert(mode)
            if image.size != (size[1], size[0]):
                image = image.resize((size[1], size[0]), Image.Resampling.BILINEAR)
            array = np.array(image, dtype=np.uint8)
    except (OSError, UnidentifiedImageError, ValueError, Image.DecompressionBombError):
        return None
    return torch.from_numpy(array.reshape(size[0], size[1], channels)).permute(2, 0, 1)


def _with_torchvision(kind: str, data: bytearray, channels: int) -> torch.Tensor | None:
    from torchvision.io import ImageReadMode, decode_jpeg, decode_png  # see _decode_jpegs

    decode = decode_jpeg if kind == "jpeg" else decode_png
    mode = ImageReadMode.GRAY if channels == 1 else ImageReadMode.RGB
    try:
        image = decode(torch.frombuffer(data, dtype=torch.uint8), mode=mode)
    except RuntimeError:
        return None
    return image if image.dtype == torch.uint8 else None  # 16-bit PNGs: Pillow, as before


def _read(path: str) -> bytearray | None:
    """A file's bytes (os.read: a third of the time of open().read() for small files)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    try:
        data = bytearray()
        while chunk := os.read(fd, 1 << 24):
            data += chunk
        return data
    except OSError:
        return None
    finally:
        os.close(fd)


def _torchvision_reads(header: tuple[str, int, int], size: tuple[int, int]) -> bool:
    """Whether torchvision decodes the file (a JPEG or PNG: ``header``): one within Pillow's
    bomb limit, except a JPEG that Pillow's draft mode decodes at a reduced scale."""
    kind, height, width = header
    limit = Image.MAX_IMAGE_PIXELS  # None when the user turned Pillow's limit off
    reducible = kind == "jpeg" and height >= 2 * size[0] and width >= 2 * size[1]
    return not reducible and (limit is None or height * width <= limit)


def _decode_jpegs(batch: list[tuple[int, bytearray]], channels: int, size: tuple[int, int],
                  images: list[torch.Tensor | None]) -> None:  # fmt: skip
    """Decode JPEGs in one call into ``images`` at their positions; when one of them fails,
    each is tried on its own, and Pillow judges those that still fail.

    torchvision is imported here, not with the module: importing it takes a second (its
    operators pull in torch._dynamo), which the window would otherwise spend before its first
    paint."""
    from torchvision.io import ImageReadMode, decode_jpeg

    datas = [torch.frombuffer(data, dtype=torch.uint8) for _, data in batch]
    try:
        decoded = decode_jpeg(datas, mode=ImageReadMode.GRAY if channels == 1 else
                              ImageReadMode.RGB)  # fmt: skip
    except RuntimeError:
        decoded = [_with_torchvision("jpeg", data, channels) for _, data in batch]
    for (i, data), image in zip(batch, decoded, strict=True):
        images[i] = _with_pillow(data, channels, size) if image is None else _resized(image, size)


def _decode_chunk(paths: list[str], channels: int, size: tuple[int, int]
                  ) -> tuple[np.ndarray, list[int]]:  # fmt: skip
    """The images that could be read, stacked, and the positions of those that could not.
    JPEGs for torchvision are decoded in batches of at most CHUNK_PIXELS source pixels."""
    images: list[torch.Tensor | None] = [None] * len(paths)
    batch: list[tuple[int, bytearray]] = []
    batch_pixels = 0
    for i, path in enumerate(paths):
        data = _read(path)
        if data is None:
            continue
        header = _header_size(data)
        if header is None or not _torchvision_reads(header, size):
            images[i] = _with_pillow(data, channels, size)
        elif header[0] == "png":
            image = _with_torchvision("png", data, channels)
            images[i] = _with_pillow(data, channels, size) if image is None else \
                _resized(image, size)  # fmt: skip
        else:
            batch.append((i, data))
            batch_pixels += header[1] * header[2]
            if batch_pixels >= CHUNK_PIXELS:
                _decode_jpegs(batch, channels, size, images)
                batch, batch_pixels = [], 0
    if batch:
        _decode_jpegs(batch, channels, size, images)
    read = [image.numpy() for image in images if image is not None]
    stacked = np.stack(read) if read else np.empty((0, channels, *size), dtype=np.uint8)
    return stacked, [i for i, image in enumerate(images) if image is None]


def chunk_length(source_size: tuple[int, int]) -> int:
    """Images per chunk for sources of about this (height, width)."""
    return max(MIN_CHUNK, min(MAX_CHUNK, CHUNK_PIXELS // max(1, source_size[0] * source_size[1])))


def decode_files(
    paths: list[str],
    channels: int,
    size: tuple[int, int],
    source_size: tuple[int, int],
    progress: ProgressFn | None = None,
    what: str = IMAGES,
) -> tuple[torch.Tensor, list[int]]:
    """The files decoded and resized to ``size`` (height, width) as uint8 [N, channels, *size],
    without the ones that could not be read, whose positions in ``paths`` come second.
    ``source_size`` is the files' usual size, which sets how many are decoded per chunk."""
    images = np.empty((len(paths), channels, *size), dtype=np.uint8)
    step = chunk_length(source_size)
    starts = range(0, len(paths), step)
    failed: list[int] = []
    pool = ThreadPoolExecutor(max(1, min(8, os.cpu_count() or 1)))
    try:
        futures = [pool.submit(_decode_chunk, paths[start : start + step], channels, size)
                   for start in starts]  # fmt: skip
        for start, future in zip(starts, futures, strict=True):
            chunk, chunk_failed = future.result()
            images[start - len(failed) : start - len(failed) + len(chunk)] = chunk
            failed += [start + i for i in chunk_failed]
            done = min(start + step, len(paths))
            if progress:  # may raise CancelledError: the chunks not yet started never run
                progress(loading_message(QT_TRANSLATE_NOOP("Loading", "decoding {what} "
                                                                      "{done}/{total}"),
                                         what=what, done=done, total=len(paths)),
                         done / len(paths))  # fmt: skip
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return torch.from_numpy(images[: len(paths) - len(failed)]), failed
