"""The test-set projection over training, for the timelapse: each recorded evaluation's points
in a plane, the planes turned to follow one another, and each drawn as a scatter coloured by
class, as the Projector draws it.

A frame's plane is the Projector's PCA of that frame's features (embedding.principal_
components). A PCA's axes have no fixed sign, and two of near-equal variance no fixed order,
so from frame to frame the picture would flip and spin for no reason in the data. Each frame
is therefore turned onto the one after it (rotated or mirrored, never stretched: an
orthogonal Procrustes fit of the same images' points), back from the last, so that the last
frame is the Projector's own view and what moves between two frames is the points. With the
``fixed`` scale one window holds every frame, so that classes that spread out are seen to;
``frame`` fits each frame to its own points.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from cnnviz.core.analysis.class_colours import MISTAKE, class_colour
from cnnviz.core.analysis.embedding import principal_components
from cnnviz.core.training.timelapse_embedding import EmbeddingEvent

#: the plot's side in pixels, and the points' radius and crosses' half-width in it
PLOT_SIZE = 256
RADIUS = 2
CROSS = 3
#: the legend names classes up to this many
LEGEND_CLASSES = 20
LEGEND_WIDTH = 96
#: (x low, x high, y low, y high) of the data shown
Window = tuple[float, float, float, float]


def aligned_planes(frames: list[EmbeddingEvent]) -> list[np.ndarray]:
    """Each frame's points in its PCA plane, float32 [N, 2], turned onto the next frame's."""
    planes = [principal_components(frame.features.astype(np.float32), 2) for frame in frames]
    for k in range(len(planes) - 2, -1, -1):
        u, _, vt = np.linalg.svd(planes[k].T @ planes[k + 1])
        planes[k] = (planes[k] @ (u @ vt)).astype(np.float32)
    return planes


def window(points: list[np.ndarray]) -> Window:
    """A square window round all the points (so that distances read the same both ways)."""
    every = np.concatenate([p.reshape(-1, 2) for p in points])
    low, high = every.min(axis=0), every.max(axis=0)
    centre, half = (low + high) / 2, max(float((high - low).max()) / 2, 1e-6) * 1.05
    return (float(centre[0] - half), float(centre[0] + half),
            float(centre[1] - half), float(centre[1] + half))  # fmt: skip


def scatter(points: np.ndarray, frame: EmbeddingEvent, shown: Window,
            class_names: list[str]) -> np.ndarray:  # fmt: skip
    """The points coloured by true class, misclassified ones crossed, with a legend when
    there are few classes: uint8 RGB [H, W, 3]."""
    classes = max(len(class_names), int(max(frame.labels.max(), frame.predictions.max())) + 1)
    legend = LEGEND_WIDTH if classes <= LEGEND_CLASSES else 0
    canvas = Image.new("RGB", (PLOT_SIZE + legend, PLOT_SIZE), "white")
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((0, 0, PLOT_SIZE - 1, PLOT_SIZE - 1), outline=(200, 200, 200))
    x_low, x_high, y_low, y_high = shown
    inner = PLOT_SIZE - 2 * (RADIUS + 2)
    xs = RADIUS + 2 + (points[:, 0] - x_low) / (x_high - x_low) * inner
    ys = RADIUS + 2 + (y_high - points[:, 1]) / (y_high - y_low) * inner  # y grows upwards
    for x, y, label in zip(xs, ys, frame.labels, strict=True):
        draw.ellipse((x - RADIUS, y - RADIUS, x + RADIUS, y + RADIUS),
                     fill=class_colour(int(label), classes))  # fmt: skip
    for x, y in zip(xs[frame.labels != frame.predictions],
                    ys[frame.labels != frame.predictions], strict=True):  # fmt: skip
        draw.line((x - CROSS, y - CROSS, x + CROSS, y + CROSS), fill=MISTAKE)
        draw.line((x - CROSS, y + CROSS, x + CROSS, y - CROSS), fill=MISTAKE)
    if legend:
        font = ImageFont.load_default(size=10)
        names = class_names if len(class_names) == classes else [str(i) for i in range(classes)]
        for i, name in enumerate(names):
            top = 4 + i * 12
            draw.rectangle((PLOT_SIZE + 6, top + 2, PLOT_SIZE + 12, top + 8),
                           fill=class_colour(i, classes))  # fmt: skip
            draw.text((PLOT_SIZE + 16, top), name[:12], fill="black", font=font)
        top = 4 + classes * 12
        draw.line((PLOT_SIZE + 6, top + 2, PLOT_SIZE + 12, top + 8), fill=MISTAKE)
        draw.line((PLOT_SIZE + 6, top + 8, PLOT_SIZE + 12, top + 2), fill=MISTAKE)
        draw.text((PLOT_SIZE + 16, top), "misclassified", fill="black", font=font)
    return np.asarray(canvas)
