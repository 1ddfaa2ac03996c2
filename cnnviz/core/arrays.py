"""Named array types: what the arrays that cross the core's boundary hold, in which shape.

numpy's types carry the element type but not the shape, so each alias's name and docstring
say the shape: a signature reads ``image: ImageArray`` where it read ``image: np.ndarray``
and a comment. An image is the model's input before normalisation, channels first, as the
data sets hold their images (see core/data/types.py).
"""

from __future__ import annotations

from typing import TypeAlias

import numpy as np
import numpy.typing as npt

ImageArray: TypeAlias = npt.NDArray[np.uint8]
"""One image as a model takes it, before normalisation: uint8 [C, H, W], 0 to 255."""

ImageBatchArray: TypeAlias = npt.NDArray[np.uint8]
"""Images stacked for one forward pass: uint8 [N, C, H, W]."""

CanvasArray: TypeAlias = npt.NDArray[np.uint8]
"""A drawing, or a digit cut out of one, in grey: uint8 [H, W], any polarity."""

ProbabilityArray: TypeAlias = npt.NDArray[np.float32]
"""Class probabilities: float32 [classes] for one image, [N, classes] for a batch; each row
sums to 1."""
