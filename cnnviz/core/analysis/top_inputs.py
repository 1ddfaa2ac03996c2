"""The test images that excite each channel of a layer most, as the Deep Visualization Toolbox
shows them: for every channel, the k images whose strongest response in that channel's map is
highest, and where in the map that response was.

One pass over the split, a batch at a time, keeps a running top k per channel (a ``topk`` over
the k kept and the batch's), so memory stays at k per channel whatever the split's size. The
forward stops at the layer. Each image is shown as the crop its unit actually sees: the
receptive field, placed by the unit's position times the layer's jump. Where the field's
first centre lies is taken from the map's size, assuming the padding is split evenly between
the two sides (as "same" and "valid" padding are), so a crop is off by at most half a jump
for odd sizes that a stride truncates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch
from torch import nn

from cnnviz.core.analysis.inspection import ModelInspector
from cnnviz.core.analysis.layer_capture import as_maps, forward_to
from cnnviz.core.analysis.mosaic import cell_at, grid_columns, tile
from cnnviz.core.analysis.receptive_field import Field
from cnnviz.core.data.batches import BatchPass, Normalizer
from cnnviz.core.errors import CnnvizError

DEFAULT_TOP = 9
SCAN_BATCH = 500


@dataclass
class TopInputs:
    """Per channel, the k test images with the highest maximum response, highest first."""

    layer: str
    indices: np.ndarray  # int64 [C, k], indices into the split
    activations: np.ndarray  # float32 [C, k], each image's maximum over the channel's map
    positions: np.ndarray  # int64 [C, k, 2], (row, column) of that maximum in the map
    map_size: tuple[int, int]  # the layer's map (height, width); (1, 1) for a Linear layer

    @property
    def channels(self) -> int:
        return int(self.indices.shape[0])

    @property
    def k(self) -> int:
        return int(self.indices.shape[1])

    def first(self, k: int) -> TopInputs:
        """The same result cut to the first k images of each channel."""
        return TopInputs(self.layer, self.indices[:, :k], self.activations[:, :k],
                         self.positions[:, :k], self.map_size)  # fmt: skip

    def to_json(self) -> dict[str, Any]:
        return {"layer": self.layer, "channels": [
            {"channel": c, "indices": [int(i) for i in self.indices[c]],
             "activations": [round(float(a), 6) for a in self.activations[c]]}
            for c in range(self.channels)]}  # fmt: skip


def find_top_inputs(
    model: nn.Module,
    images: torch.Tensor,
    normalizer: Normalizer,
    layer: str,
    k: int = DEFAULT_TOP,
    batch_size: int = SCAN_BATCH,
    should_stop: Callable[[], bool] | None = None,
    on_progress: Callable[[float], None] | None = None,
) -> TopInputs | None:
    """Scan uint8 images [N, C, H, W] (on the model's device) in eval mode; None when
    ``should_stop`` said so between two batches."""
    if k < 1:
        raise CnnvizError(f"the number of top images must be at least 1 (got {k})")
    total = len(images)
    if total == 0:
        raise CnnvizError("there are no test images to scan")
    model.eval()
    # the best k so far: values, indices and positions, each [k, C]
    best: tuple[torch.Tensor, torch.Tensor, torch.Tensor] | None = None
    map_size = (1, 1)
    batches = BatchPass(total, batch_size, should_stop, on_progress)
    with torch.inference_mode():
        for start in batches:
            maps = as_maps(forward_to(model, normalizer(images[start : start + batch_size]),
                                      layer)).float()  # fmt: skip
            map_size = (int(maps.shape[2]), int(maps.shape[3]))
            batch_values, batch_positions = maps.flatten(2).max(dim=2)  # [B, C]
            batch_indices = torch.arange(start, start + len(maps)).view(-1, 1).expand_as(
                batch_values)  # fmt: skip
            if best is not None:
                batch_values = torch.cat([best[0], batch_values])
                batch_indices = torch.cat([best[1], batch_indices])
                batch_positions = torch.cat([best[2], batch_positions])
            values, order = batch_values.topk(min(k, len(batch_values)), dim=0)
            best = values, batch_indices.gather(0, order), batch_positions.gather(0, order)
    if batches.stopped:
        return None
    assert best is not None
    values, indices, positions = best
    rows, columns = positions.T // map_size[1], positions.T % map_size[1]
    return TopInputs(layer, indices.T.numpy().astype(np.int64),
                     values.T.numpy().astype(np.float32),
                     torch.stack([rows, columns], dim=2).numpy().astype(np.int64),
                     map_size)  # fmt: skip


@dataclass(frozen=True)
class CropGeometry:
    """Where each unit of a layer looks in the input, per dimension (height, width)."""

    size: tuple[int, int]  # the receptive field, at most the image
    jump: tuple[int, int]  # input pixels between neighbouring units
    first_centre: tuple[float, float]  # the centre of unit (0, 0)
    image_size: tuple[int, int]

    @classmethod
    def of(cls, field: Field | None, image_size: tuple[int, int],
           map_size: tuple[int, int]) -> CropGeometry:  # fmt: skip
        """From a layer's receptive field (Inspect's); a layer that sees the whole input (no
        jump, or a 1x1 map) is cropped to the whole image."""
        if field is None or field.jump is None or map_size == (1, 1):
            return cls(image_size, (0, 0), ((image_size[0] - 1) / 2, (image_size[1] - 1) / 2),
                       image_size)  # fmt: skip
        (height, width), (map_height, map_width), (jump_y, jump_x) = (
            image_size, map_size, field.jump)  # fmt: skip
        size = (min(field.size[0], height), min(field.size[1], width))
        centre = ((height - 1 - (map_height - 1) * jump_y) / 2,
                  (width - 1 - (map_width - 1) * jump_x) / 2)  # fmt: skip
        return cls(size, field.jump, centre, image_size)

    def box(self, position: tuple[int, int]) -> tuple[int, int, int, int]:
        """(top, left, height, width) of the unit at (row, column), inside the image."""
        corner = []
        for p, j, c, s, n in zip(position, self.jump, self.first_centre, self.size,
                                 self.image_size, strict=True):  # fmt: skip
            start = int(np.floor(c + p * j - (s - 1) / 2 + 0.5))
            corner.append(min(max(0, start), n - s))
        return corner[0], corner[1], self.size[0], self.size[1]

    def crop(self, image: np.ndarray, position: tuple[int, int]) -> np.ndarray:
        """The part of an image [C, H, W] that the unit at ``position`` sees."""
        top, left, height, width = self.box(position)
        return image[:, top : top + height, left : left + width]


def layer_maps_shape(model: nn.Module, input_shape: tuple[int, int, int],
                     layer: str) -> tuple[int, int, int]:  # fmt: skip
    """(channels, height, width) of a layer's maps for one input: what a kept scan of the
    layer must match."""
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            maps = as_maps(forward_to(model, torch.zeros(1, *input_shape), layer))
    finally:
        model.train(was_training)
    channels, height, width = maps.shape[1:]
    return int(channels), int(height), int(width)


def layer_geometry(model: nn.Module, input_shape: tuple[int, int, int], layer: str,
                   map_size: tuple[int, int]) -> CropGeometry:  # fmt: skip
    """The crop geometry of a layer (its first call), from Inspect's receptive fields."""
    inspector = ModelInspector(model, input_shape, [0.0] * input_shape[0],
                               [1.0] * input_shape[0])  # fmt: skip
    try:
        field = inspector.layer(layer).field
    except KeyError:  # never called on its own: show the whole image
        field = None
    return CropGeometry.of(field, input_shape[1:], map_size)


def channel_crops(images: torch.Tensor | np.ndarray, top: TopInputs, channel: int,
                  geometry: CropGeometry) -> np.ndarray:  # fmt: skip
    """A channel's top images, each cropped to what its unit saw: uint8 [k, C, h, w]."""
    return np.stack([geometry.crop(np.asarray(images[int(index)]), tuple(position))
                     for index, position in zip(top.indices[channel], top.positions[channel],
                                                strict=True)])  # fmt: skip


def crops_grid(crops: np.ndarray, scale: int = 1) -> np.ndarray:
    """Crops uint8 [k, C, h, w] tiled into one picture, uint8 [H, W] for one channel and
    [H, W, 3] for colour, each pixel ``scale`` times as wide, with white lines between."""
    cells = crops.repeat(scale, axis=2).repeat(scale, axis=3).transpose(0, 2, 3, 1)
    cells = cells[..., 0] if cells.shape[-1] == 1 else cells
    return tile(cells, grid_columns(len(cells)), pad=_grid_pad(scale), fill=255).astype(np.uint8)


def crop_at(x: float, y: float, count: int, crop_size: tuple[int, int],
            scale: int = 1) -> int | None:  # fmt: skip
    """Which of ``count`` crops of ``crop_size`` a point of their crops_grid falls on."""
    cell = (crop_size[0] * scale, crop_size[1] * scale)
    return cell_at(x, y, cell, grid_columns(count), count, _grid_pad(scale))


def _grid_pad(scale: int) -> int:
    return max(1, scale // 2)
