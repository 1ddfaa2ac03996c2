"""Image folder load speed: a first (uncached) load, against the Pillow-per-file decoder.

    python benchmarks/folder_load.py                  # CIFAR-10's 60,000 JPEGs, 32x32
    python benchmarks/folder_load.py --photos 24      # and 24 made-up 4000x3000 photos

Both loads run load_image_folder from an empty decoded cache (a fresh XDG_CACHE_HOME), so
each lists, probes, decodes, computes the statistics and writes the cache; the baseline only
swaps in the decoder cnnviz used before: every file opened, converted and resized by Pillow,
in a thread pool. Every file is read once beforehand, so both find the files in the
operating system's page cache. A second (cached) load is timed too. The printed ratio is the
new load's time over the baseline's, both measured in this run.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import torch
from bench_data import add_data_dir_argument, prepare
from PIL import Image

from cnnviz.core.data import image_folder


def pillow_per_file(paths: list[Path], channels: int, size: tuple[int, int],
                    *unused) -> tuple[torch.Tensor, list[int]]:  # fmt: skip
    """The decoder before torchvision: Pillow per file at full size, then resized."""
    mode = "L" if channels == 1 else "RGB"

    def decode(path: Path) -> np.ndarray | None:
        try:
            with Image.open(path) as image:
                image = image.convert(mode)
                if image.size != (size[1], size[0]):
                    image = image.resize((size[1], size[0]), Image.Resampling.BILINEAR)
                return np.asarray(image, dtype=np.uint8)
        except (OSError, ValueError):
            return None

    with ThreadPoolExecutor(max(1, min(8, os.cpu_count() or 1))) as pool:
        arrays = list(pool.map(decode, paths, chunksize=64))
    failed = [i for i, array in enumerate(arrays) if array is None]
    images = torch.from_numpy(np.stack([array for array in arrays if array is not None]))
    images = images.unsqueeze(1) if images.ndim == 3 else images.permute(0, 3, 1, 2)
    return images.contiguous(), failed


def timed_load(root: Path, cache_home: Path) -> float:
    os.environ["XDG_CACHE_HOME"] = str(cache_home)
    start = time.perf_counter()
    data = image_folder.load_image_folder(root)
    seconds = time.perf_counter() - start
    print(f"    {len(data.train)} + {len(data.test)} images at "
          f"{data.info.channels}x{data.info.height}x{data.info.width}", flush=True)
    return seconds


def compare(name: str, root: Path) -> dict:
    """A cold load with the baseline decoder, then cold and cached loads with the new one."""
    for path in root.rglob("*"):  # into the page cache, for both alike
        if path.is_file():
            path.read_bytes()
    with tempfile.TemporaryDirectory() as scratch:
        new_decoder = image_folder.decode_files
        image_folder.decode_files = pillow_per_file
        try:
            baseline = timed_load(root, Path(scratch) / "baseline")
        finally:
            image_folder.decode_files = new_decoder
        first = timed_load(root, Path(scratch) / "new")
        cached = timed_load(root, Path(scratch) / "new")
    print(f"{name}: Pillow per file {baseline:6.2f} s   first load {first:6.2f} s   "
          f"cached {cached:5.2f} s   ratio first / Pillow {first / baseline:.2f}", flush=True)
    return {"baseline_s": baseline, "first_s": first, "cached_s": cached,
            "ratio": first / baseline}


def write_photos(root: Path, count: int) -> Path:
    """Smooth random 4000x3000 pictures (JPEG compresses them about as it does photos)."""
    rng = np.random.default_rng(0)
    for i in range(count):
        folder = root / ("test" if i % 4 == 0 else "train") / f"class_{i % 2}"
        folder.mkdir(parents=True, exist_ok=True)
        coarse = rng.integers(0, 256, size=(62, 82, 3), dtype=np.uint8)
        picture = Image.fromarray(coarse).resize((4000, 3000), Image.Resampling.BICUBIC)
        picture.save(folder / f"{i}.jpg", quality=90)
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_data_dir_argument(parser)
    parser.add_argument("--photos", type=int, default=0,
                        help="also time this many made-up 4000x3000 JPEGs (at least 8)")
    args = parser.parse_args()
    prepare(args.data_dir)
    print(f"{os.cpu_count()} CPUs, {torch.get_num_threads()} torch threads", flush=True)
    results = {"cifar10-jpg": compare("CIFAR-10 JPEGs", args.data_dir / "cifar10-jpg")}
    if args.photos:
        with tempfile.TemporaryDirectory() as scratch:
            root = write_photos(Path(scratch) / "photos", max(8, args.photos))
            results["photos-4000x3000"] = compare("4000x3000 photos", root)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
