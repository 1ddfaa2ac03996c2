"""A run's timelapse as an animation: the first layer's kernels, or one layer's feature maps of
one test image, a frame per recorded step, or the test-set projection (timelapse_projection.
py), a frame per recorded evaluation; each frame has a caption (step, epoch, test accuracy).
It is written as a GIF (Pillow) or an MP4 (H.264, by the ffmpeg that imageio-ffmpeg ships,
from ``cnnviz[export]``).

The colour scale (the projection's window) is fixed across frames by default, so that a
kernel that grows looks stronger instead of being re-normalised to the same picture every
frame; ``scale="frame"`` stretches each frame to its own range instead (shape over strength).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, TypeGuard, TypeVar

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from cnnviz.core.analysis.mosaic import grid_columns, tile
from cnnviz.core.analysis.timelapse_projection import aligned_planes, scatter, window
from cnnviz.core.errors import CancelledError, CnnvizError, error_message
from cnnviz.core.files import write_atomically
from cnnviz.core.training.run_folder import METRICS
from cnnviz.core.training.run_json import read_metrics
from cnnviz.core.training.timelapse import TimelapseEvent, read_timelapse
from cnnviz.core.training.timelapse_embedding import EmbeddingEvent, read_embedding_timelapse
from cnnviz.core.translatable import QT_TRANSLATE_NOOP

WHATS = ("filters", "maps", "embedding")
SCALES = ("fixed", "frame")
FORMATS = (".gif", ".mp4")
#: the pictures are scaled up (nearest neighbour) to about this many pixels across
TARGET_WIDTH = 256
#: three lines of text above the picture: what it shows, where in the run, the accuracy
CAPTION_HEIGHT = 50
MP4_INSTALL = error_message(QT_TRANSLATE_NOOP(
    "Error", 'an MP4 needs imageio-ffmpeg: pip install "cnnviz[export]" (a .gif needs no more)'))
#: anchors of the colour maps: blue-white-red for weights (zero is white), and a dark-to-
#: bright ramp for activations
_DIVERGING = np.array([[33, 102, 172], [146, 197, 222], [247, 247, 247], [244, 165, 130],
                       [178, 24, 43]], dtype=np.float32)  # fmt: skip
_SEQUENTIAL = np.array([[0, 0, 4], [87, 16, 110], [188, 55, 84], [249, 142, 9],
                        [252, 255, 164]], dtype=np.float32)  # fmt: skip

FrameT = TypeVar("FrameT", TimelapseEvent, EmbeddingEvent)


@dataclass
class Timelapse:
    """A run's frames of one kind (kernels and maps, or projections), with what each frame's
    caption needs."""

    frames: list[TimelapseEvent] | list[EmbeddingEvent]
    total_steps: int | None
    #: (step, test accuracy) of each evaluation, in step order
    accuracies: list[tuple[int, float]]
    class_names: list[str] = field(default_factory=list)

    @classmethod
    def read(cls, run_dir: Path, what: str = "filters") -> Timelapse:
        """The frames ``what`` is drawn from; CnnvizError when the run recorded none."""
        frames = (read_embedding_timelapse(run_dir) if what == "embedding"
                  else read_timelapse(run_dir))  # fmt: skip
        total, accuracies, names = None, [], []
        path = Path(run_dir) / METRICS
        for record in read_metrics(path) if path.is_file() else []:
            if not isinstance(record, dict):  # a line of JSON, but not an event
                continue
            kind, step = record.get("type"), record.get("step")
            if kind == "started" and _number(record.get("total_steps")):
                total = int(record["total_steps"])
                names = [str(n)[:100] for n in record.get("class_names") or []
                         if isinstance(n, str)]  # fmt: skip
            elif kind in ("epoch", "evaluation") and _number(step) and _number(
                    record.get("test_acc")):
                accuracies.append((int(step), float(record["test_acc"])))
        return cls(frames, total, sorted(accuracies), names)

    def caption(self, index: int) -> str:
        """Where frame ``index`` is in the run, and the last test accuracy measured before it
        (a kernels frame is taken before its step's update, a projection after it: that
        step's own evaluation is the projection's)."""
        frame = self.frames[index]
        of = f" of {self.total_steps:,}" if self.total_steps else ""
        after = int(isinstance(frame, EmbeddingEvent))
        measured = [acc for step, acc in self.accuracies if step < frame.step + after]
        accuracy = f"{measured[-1]:.1%}" if measured else "not measured yet"
        return f"step {frame.step:,}{of}, epoch {frame.epoch:.2f}\ntest accuracy {accuracy}"

    def layer(self, what: str, layer: str | None) -> str:
        """The layer an animation of ``what`` shows; CnnvizError for one it cannot."""
        last = self.frames[-1]
        if isinstance(last, EmbeddingEvent):
            if layer not in (None, last.layer):
                raise CnnvizError(error_message(QT_TRANSLATE_NOOP(
                    "Error", "the timelapse projects the input of {classifier}, the "
                             "classifier, only (not {layer})"),
                    classifier=last.layer, layer=layer))
            return last.layer
        if what == "filters":
            if layer not in (None, last.filters_layer):
                raise CnnvizError(error_message(QT_TRANSLATE_NOOP(
                    "Error", "the timelapse keeps the kernels of the first conv layer, "
                             "{first}, only (not {layer})"),
                    first=last.filters_layer, layer=layer))
            return last.filters_layer
        if not last.maps_layers:
            raise CnnvizError(error_message(QT_TRANSLATE_NOOP(
                "Error", "the timelapse holds no feature maps")))
        if layer is None:
            return last.maps_layers[0]
        if layer not in last.maps_layers:
            raise CnnvizError(error_message(QT_TRANSLATE_NOOP(
                "Error", "the timelapse holds no maps of {layer!r}; it has {layers}"),
                layer=layer, layers=", ".join(last.maps_layers)))
        return layer

    def frames_of(self, kind: type[FrameT]) -> list[FrameT]:
        """The frames, each of ``kind``; ValueError when they are of the other kind (the
        timelapse was read for another ``what`` than the one drawn)."""
        frames = [frame for frame in self.frames if isinstance(frame, kind)]
        if len(frames) != len(self.frames):
            raise ValueError(f"the timelapse holds no {kind.__name__} frames")
        return frames


def _number(value: Any) -> TypeGuard[int | float]:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _colour(values: np.ndarray, anchors: np.ndarray) -> np.ndarray:
    """0..1 values through a colour map: uint8 [..., 3]."""
    positions = np.clip(values, 0, 1) * (len(anchors) - 1)
    low = np.minimum(positions.astype(np.int64), len(anchors) - 2)
    part = (positions - low)[..., None]
    return np.rint(anchors[low] * (1 - part) + anchors[low + 1] * part).astype(np.uint8)


def _cells(frame: TimelapseEvent, what: str, layer: str) -> np.ndarray:
    """The frame's pictures, before colour: kernels [out, kh, kw] (averaged over a layer's
    inputs unless they are an RGB image's three) or maps [c, h, w]."""
    if what == "maps":
        return frame.layer_maps(layer)
    kernels = frame.filters
    return kernels.transpose(0, 2, 3, 1) if kernels.shape[1] == 3 else kernels.mean(axis=1)


def render(timelapse: Timelapse, what: str, layer: str,
           scale: str = "fixed") -> list[np.ndarray]:  # fmt: skip
    """Every frame as uint8 RGB [H, W, 3], captioned."""
    if what not in WHATS or scale not in SCALES:
        raise CnnvizError(f"choose what from {', '.join(WHATS)}, scale from {', '.join(SCALES)}")
    if what == "embedding":
        return _projection(timelapse, layer, scale)
    frames = timelapse.frames_of(TimelapseEvent)
    fixed = None
    if scale == "fixed":
        every = [_cells(frame, what, layer) for frame in frames]
        fixed = (max(float(np.abs(c).max()) for c in every) if what == "filters"
                 else (min(float(c.min()) for c in every), max(float(c.max()) for c in every)))
    return [_picture(frame, timelapse.caption(i), what, layer, fixed)
            for i, frame in enumerate(frames)]  # fmt: skip


def _picture(frame: TimelapseEvent, caption: str, what: str, layer: str,
             fixed: float | tuple[float, float] | None) -> np.ndarray:  # fmt: skip
    """``fixed``: the peak of a filters scale, the (low, high) of a maps scale, or None for
    the frame's own."""
    cells = _cells(frame, what, layer)
    if what == "filters":  # symmetric: zero is white, whatever the frame
        peak = fixed if isinstance(fixed, float) else float(np.abs(cells).max())
        values = 0.5 + 0.5 * cells / (peak or 1.0)
        coloured = (np.rint(np.clip(values, 0, 1) * 255).astype(np.uint8) if cells.ndim == 4
                    else _colour(values, _DIVERGING))  # an RGB kernel is its own colour
    else:
        low, high = fixed if isinstance(fixed, tuple) else (float(cells.min()),
                                                            float(cells.max()))
        coloured = _colour((cells - low) / (high - low if high > low else 1.0), _SEQUENTIAL)
    mosaic = tile(coloured.astype(np.float32), grid_columns(len(cells)), pad=1, fill=255.0)
    zoom = max(1, TARGET_WIDTH // mosaic.shape[1])
    mosaic = mosaic.repeat(zoom, axis=0).repeat(zoom, axis=1).astype(np.uint8)
    title = f"{layer}: {'kernels' if what == 'filters' else 'feature maps'}"
    return _captioned(mosaic, title, caption)


def _projection(timelapse: Timelapse, layer: str, scale: str) -> list[np.ndarray]:
    frames = timelapse.frames_of(EmbeddingEvent)
    planes = aligned_planes(frames)
    fixed = window(planes) if scale == "fixed" else None
    title = f"{layer} input: {len(frames[-1].labels)} test images by PCA"
    return [_captioned(scatter(points, frame, fixed or window([points]), timelapse.class_names),
                       title, timelapse.caption(i))
            for i, (points, frame) in enumerate(zip(planes, frames, strict=True))]  # fmt: skip


def _captioned(picture: np.ndarray, title: str, caption: str) -> np.ndarray:
    """The picture centred under the title and caption, on white; even sides, as video
    wants."""
    font = ImageFont.load_default(size=12)
    width = max(picture.shape[1] + 8, TARGET_WIDTH)
    width += width % 2
    height = picture.shape[0] + CAPTION_HEIGHT + 4
    height += height % 2
    canvas = Image.new("RGB", (width, height), "white")
    canvas.paste(Image.fromarray(picture), ((width - picture.shape[1]) // 2, CAPTION_HEIGHT))
    draw = ImageDraw.Draw(canvas)
    draw.multiline_text((4, 2), f"{title}\n{caption}", fill="black", font=font, spacing=3)
    return np.asarray(canvas)


def write_animation(pictures: list[np.ndarray], out: Path, fps: float,
                    progress: Callable[[float], None] | None = None,
                    should_stop: Callable[[], bool] | None = None) -> None:  # fmt: skip
    """Write the pictures as ``out`` (.gif or .mp4) at ``fps`` frames a second, atomically.
    ``progress`` hears the fraction done after each frame; ``should_stop`` is asked before
    each, and a stop raises CancelledError and leaves no file."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise CnnvizError(error_message(QT_TRANSLATE_NOOP(
            "Error", "{out}: write a .gif or an .mp4"), out=out))

    def frames():
        for i, picture in enumerate(pictures):
            if should_stop is not None and should_stop():
                raise CancelledError("the export was cancelled")
            yield picture
            if progress is not None:
                progress((i + 1) / len(pictures))

    if suffix == ".gif":
        def write(handle: IO[bytes]) -> None:
            # one adaptive palette a frame, without dithering: flat colours compress well
            images = [Image.fromarray(p).quantize(colors=64, dither=Image.Dither.NONE)
                      for p in frames()]  # fmt: skip
            images[0].save(handle, format="GIF", save_all=True, append_images=images[1:],
                           duration=1000 / fps, loop=0)  # fmt: skip
    else:
        try:
            import imageio_ffmpeg
        except ImportError:
            raise CnnvizError(MP4_INSTALL) from None

        def write(handle: IO[bytes]) -> None:
            height, width = pictures[0].shape[:2]
            # ffmpeg writes the file itself, by name; H.264 in MP4, as every player takes it
            writer = imageio_ffmpeg.write_frames(
                handle.name, (width, height), fps=fps, codec="libx264", macro_block_size=2,
                output_params=["-f", "mp4", "-movflags", "+faststart"], ffmpeg_log_level="error")
            writer.send(None)
            try:
                for picture in frames():
                    writer.send(np.ascontiguousarray(picture))
            finally:
                writer.close()
    try:
        write_atomically(out, write)
    except OSError as exc:
        raise CnnvizError(error_message(QT_TRANSLATE_NOOP("Error", "cannot write {out}: {error}"),
                                        out=out, error=exc.strerror or str(exc))) from None
