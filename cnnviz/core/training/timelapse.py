"""The training timelapse: what the first layer's kernels and one test image's feature maps
looked like at about 100 steps of a run, kept in the run folder, so that the run can be
turned into an animation after it ended, also on another machine.

The trainer takes these frames on the histograms' schedule (histograms.SnapshotSchedule):
the same steps, within the same share of the training time. A frame runs the run's first test
image through the model in eval mode without gradients, so it changes nothing (BatchNorm's
statistics included) and draws no random numbers: a seeded run computes the same weights with
or without it.

On disk, each frame is ``RUN/timelapse/step-NNNNNNNN.npz`` (NumPy's zip of .npy arrays, no
pickles):

- ``version`` int64 (1), ``step`` int64 (the step, counting from 1, before its update) and
  ``epoch`` float64 (how far through the run, in epochs);
- ``image`` uint8 [C, H, W]: the test image whose maps these are (the test split's first);
- ``filters_layer`` str and ``filters`` float32 [out, in, kh, kw]: the first conv layer's
  kernels;
- ``maps_layers`` str [L] and ``maps_ranges`` float32 [L, 2]: each conv layer's name and the
  (low, high) of its outputs; ``maps_0`` ... ``maps_{L-1}`` uint8 [c, h, w]: the outputs
  (at most MAX_MAP_CHANNELS channels), quantised: value = low + q / 255 * (high - low).

A frame's maps are held to MAX_MAP_BYTES (the layers after the budget are left out), so a
frame of a large network stays a few hundred kilobytes. Reading treats the files as
untrusted: no links, no pickles, every array's dtype and shape checked before it is read.

The same folder holds the test-set projections taken at each evaluation,
``embedding-NNNNNNNN.npz``, with the same header and checks (timelapse_embedding.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

import numpy as np
import torch
from torch import nn

from cnnviz.core.errors import CnnvizError
from cnnviz.core.files import read_npz
from cnnviz.core.threads import one_thread

FOLDER = "timelapse"
VERSION = 1
MAX_MAP_CHANNELS = 64
MAX_MAP_BYTES = 1 << 20
#: what a reader accepts: frames, one frame's bytes (on disk and unpacked: its maps are held
#: to MAX_MAP_BYTES, the rest is one image and one layer's kernels), and all frames' bytes
MAX_FRAMES = 2000
MAX_FRAME_BYTES = 8 << 20
MAX_TOTAL_BYTES = 512 << 20
_FILE_NAME = re.compile(r"step-(\d{8})\.npz")


def frame_name(step: int) -> str:
    return f"step-{step:08d}.npz"


@dataclass
class TimelapseEvent:
    """One frame of the timelapse (see the module's docstring for the arrays)."""

    step: int
    epoch: float
    image: np.ndarray  # uint8 [C, H, W]
    filters_layer: str
    filters: np.ndarray  # float32 [out, in, kh, kw]
    maps_layers: list[str]
    maps_ranges: np.ndarray  # float32 [L, 2]
    maps: list[np.ndarray]  # uint8 [c, h, w] each

    @property
    def file_name(self) -> str:
        return frame_name(self.step)

    def arrays(self) -> dict[str, np.ndarray]:
        """The frame as the arrays of its .npz file."""
        return {"version": np.int64(VERSION), "step": np.int64(self.step),
                "epoch": np.float64(self.epoch), "image": self.image,
                "filters_layer": np.str_(self.filters_layer), "filters": self.filters,
                "maps_layers": np.array(self.maps_layers, dtype=np.str_).reshape(-1),
                "maps_ranges": self.maps_ranges,
                **{f"maps_{i}": m for i, m in enumerate(self.maps)}}  # fmt: skip

    def layer_maps(self, layer: str) -> np.ndarray:
        """A layer's maps, dequantised: float32 [c, h, w]."""
        index = self.maps_layers.index(layer)
        low, high = (float(v) for v in self.maps_ranges[index])
        return low + self.maps[index].astype(np.float32) * np.float32((high - low) / 255)


class TimelapseRecorder:
    """Takes a run's timelapse frames; nothing for a model without a Conv2d."""

    def __init__(self, model: nn.Module, image: torch.Tensor,
                 normalise: Any, steps_per_epoch: int) -> None:  # fmt: skip
        """``image``: uint8 [C, H, W] on the model's device; ``normalise`` makes a batch of
        such images the model's input."""
        self.model = model
        self.image = image
        self.normalise = normalise
        self.steps_per_epoch = max(1, steps_per_epoch)
        self.convs = [(name, m) for name, m in model.named_modules()
                      if isinstance(m, nn.Conv2d)]  # fmt: skip

    def snapshot(self, step: int) -> TimelapseEvent | None:
        if not self.convs:
            return None
        outputs: dict[str, torch.Tensor] = {}
        hooks = [module.register_forward_hook(
                     lambda _m, _i, out, name=name: outputs.setdefault(name, out.detach()))
                 for name, module in self.convs]  # fmt: skip
        was_training = self.model.training
        try:
            self.model.eval()
            # one image: waking torch's thread team would cost more than the work (50 ms
            # instead of 1 ms for simple-cnn on a busy 2-core machine)
            with torch.no_grad(), one_thread():
                self.model(self.normalise(self.image[None]))
        finally:
            self.model.train(was_training)
            for hook in hooks:
                hook.remove()
        first, conv = self.convs[0]
        layers, ranges, maps, budget = [], [], [], MAX_MAP_BYTES
        for name, _ in self.convs:
            if name not in outputs:
                continue
            values = outputs[name][0, :MAX_MAP_CHANNELS].float().cpu().numpy()
            if values.size > budget:
                break
            budget -= values.size
            values = np.nan_to_num(values, nan=0.0, posinf=0.0, neginf=0.0)
            low, high = float(values.min()), float(values.max())
            span = high - low if high > low else 1.0
            layers.append(name)
            ranges.append((low, high))
            maps.append(np.rint((values - low) / span * 255).astype(np.uint8))
        return TimelapseEvent(
            step=step, epoch=step / self.steps_per_epoch,
            image=self.image.cpu().numpy().astype(np.uint8),
            filters_layer=first,
            filters=conv.weight.detach().float().cpu().numpy().astype(np.float32),
            maps_layers=layers, maps_ranges=np.array(ranges, dtype=np.float32).reshape(-1, 2),
            maps=maps,
        )  # fmt: skip


# -- reading ------------------------------------------------------------------------------------
#: every frame file's numbers: its format's version, its step and epoch
_HEADER = {"version": "i8", "step": "i8", "epoch": "f8"}
_DTYPES = {"image": "u1", "filters": "f4", "maps_ranges": "f4"}


def read_frame_arrays(path: Path, dtypes: dict[str, str], max_arrays: int) -> dict[str, np.ndarray]:
    """A frame file's arrays, of which the header's and ``dtypes``' names are there with
    those dtypes (``"f4"``...) and the header's are single numbers of a version this cnnviz
    reads. ValueError (or OSError, CnnvizError) when the file is bad."""
    arrays = read_npz(path, MAX_FRAME_BYTES)
    if len(arrays) > max_arrays:
        raise ValueError("it holds too many arrays")
    for name, kind in {**_HEADER, **dtypes}.items():
        if name not in arrays or arrays[name].dtype.str[1:] != kind:
            raise ValueError(f"{name} is missing or not {kind}")
    if any(arrays[name].ndim for name in _HEADER):
        raise ValueError("version, step or epoch is not one number")
    if int(arrays["version"]) > VERSION:
        raise ValueError("it was written by a newer cnnviz")
    return arrays


def _read_frame(path: Path) -> TimelapseEvent:
    """A frame file, checked; ValueError (or OSError, CnnvizError) when it is bad."""
    arrays = read_frame_arrays(path, _DTYPES, 8 + MAX_MAP_CHANNELS * 4)
    image, filters, ranges = arrays["image"], arrays["filters"], arrays["maps_ranges"]
    layers = [str(v) for v in np.asarray(arrays.get("maps_layers", [])).reshape(-1)]
    if image.ndim != 3 or filters.ndim != 4 or ranges.shape != (len(layers), 2):
        raise ValueError("image, filters or maps_ranges has the wrong shape")
    maps = [arrays.get(f"maps_{i}") for i in range(len(layers))]
    if any(m is None or m.dtype != np.uint8 or m.ndim != 3 for m in maps):
        raise ValueError("a layer's maps are missing or not uint8 [c, h, w]")
    return TimelapseEvent(
        step=int(arrays["step"]), epoch=float(arrays["epoch"]), image=image,
        filters_layer=str(arrays.get("filters_layer", "")), filters=filters,
        maps_layers=layers, maps_ranges=ranges, maps=maps,  # type: ignore[arg-type]
    )  # fmt: skip


def read_timelapse(run_dir: Path) -> list[TimelapseEvent]:
    """A run folder's frames in step order (of the last model seen, if an earlier one left
    frames of other shapes). CnnvizError when the run recorded none or a file is bad."""
    frames = read_frames(run_dir, _FILE_NAME, _read_frame,
                         "kernels or feature maps (a run records them if its model has a "
                         "Conv2d layer)")  # fmt: skip
    last = frames[-1]
    return [f for f in frames if f.filters.shape == last.filters.shape
            and f.maps_layers == last.maps_layers]  # fmt: skip


class Frame(Protocol):
    """What every kind of frame file gives: the arrays it holds."""

    def arrays(self) -> dict[str, np.ndarray]: ...


F = TypeVar("F", bound=Frame)


def read_frames(run_dir: Path, pattern: re.Pattern[str], read_one: Callable[[Path], F],
                kind: str) -> list[F]:  # fmt: skip
    """The run's timelapse files that ``pattern`` matches, read by ``read_one`` in step
    order, within the reader's limits (MAX_FRAMES files, MAX_TOTAL_BYTES in all).
    CnnvizError, in one line, when there are none (``kind`` says what was looked for) or
    one is bad."""
    folder = Path(run_dir) / FOLDER
    if folder.is_symlink() or not folder.is_dir():
        raise CnnvizError(f"{run_dir}: holds no timelapse (a run records one from its first "
                          f"step on; older versions of cnnviz did not)")
    names = sorted(p.name for p in folder.iterdir() if pattern.fullmatch(p.name))
    if not names:
        raise CnnvizError(f"{folder}: holds no timelapse of {kind}")
    if len(names) > MAX_FRAMES:
        raise CnnvizError(f"{folder}: holds {len(names)} frames, more than the "
                          f"{MAX_FRAMES} a run records")
    frames, total = [], 0
    for name in names:
        try:
            frame = read_one(folder / name)
        except (OSError, ValueError, KeyError, TypeError, CnnvizError) as exc:
            raise CnnvizError(f"{folder / name}: is not a timelapse frame ({exc})") from None
        total += sum(array.nbytes for array in frame.arrays().values())
        if total > MAX_TOTAL_BYTES:
            raise CnnvizError(f"{folder}: its frames hold more than {MAX_TOTAL_BYTES >> 20} MiB, "
                              f"far more than a run records")
        frames.append(frame)
    return frames
