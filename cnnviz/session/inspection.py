"""What Inspect shows, without Qt: the input, the layer, and a run's weights waiting to be
shown.

The policy lives here and the tab renders it: an input stays while the model changes only
if the new model takes it (the same data set and input shape), so no picture, maps or
prediction of another data set's image stay on screen; a layer stays selected while the new
model has it; and of the weight snapshots a run sends, only the newest waits to be shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class InspectedInput:
    image: np.ndarray  # uint8 [C, H, W], what the model takes
    original: np.ndarray  # uint8 [H, W, C], as the user sees it
    true_label: int | None = None  # a test image's label; None for any other input


class InspectionState:
    """The input and layer Inspect shows, the data set of its model, and pending weights."""

    def __init__(self) -> None:
        self.input: InspectedInput | None = None
        self.layer = ""
        self.dataset = ""
        #: the newest weight snapshot of a run, until the tab applies it
        self.pending_weights: dict[str, np.ndarray] | None = None

    def show(self, image: np.ndarray, original: np.ndarray,
             true_label: int | None = None) -> InspectedInput:  # fmt: skip
        self.input = InspectedInput(np.ascontiguousarray(image, dtype=np.uint8),
                                    np.ascontiguousarray(original, dtype=np.uint8), true_label)
        return self.input

    def model_changed(self, dataset: str, input_shape: Sequence[int]) -> bool:
        """A new model to inspect: True when the input shown is of another data set or
        shape, and is dropped (nothing is shown until another input arrives)."""
        stale = dataset != self.dataset or (
            self.input is not None and self.input.image.shape != tuple(input_shape))
        self.dataset = dataset
        if stale:
            self.input = None
        return stale

    def offer_weights(self, state: dict[str, np.ndarray]) -> None:
        """A run's snapshot: it replaces any older one still waiting."""
        self.pending_weights = state
