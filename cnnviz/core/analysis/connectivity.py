"""Local connectivity and weight sharing in numbers: what a layer would cost fully connected,
locally connected without shared weights, and as the convolution it is.

The tutorial's arithmetic: a 1000x1000 image feeding 1,000,000 hidden neurons needs 10^12
weights fully connected. If each neuron sees only a 10x10 patch, that is 100 weights each,
10^8 in all; if all the neurons share those 100 weights (one filter slid over the image), 100.
The same three counts hold for every convolution of a real model: a locally connected layer
is the convolution with its own copy of the filters at every output position.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from cnnviz.core.analysis.inspection import LayerInfo


@dataclass(frozen=True)
class SharingCounts:
    """Parameters of one layer, three ways."""

    fully_connected: int  # every input to every output, with a bias per output
    locally_connected: int  # the convolution's filters, a separate copy at every position
    convolutional: int  # the filters, shared by every position


def tutorial_counts(image_side: int, field_side: int) -> SharingCounts:
    """The tutorial's example: a square image of ``image_side`` pixels, one hidden neuron per
    pixel, each seeing a ``field_side`` x ``field_side`` patch (weights only, no biases)."""
    neurons = image_side * image_side
    weights = field_side * field_side
    return SharingCounts(neurons * neurons, neurons * weights, weights)


def layer_counts(info: LayerInfo) -> SharingCounts | None:
    """The three counts for a convolution layer of an inspected model, None for other layers
    (and for a direct conv call whose weights are not the model's)."""
    if info.fc_equivalent is None or info.parameters == 0:
        return None
    positions = int(np.prod(info.output_shape[1:]))
    return SharingCounts(info.fc_equivalent, info.parameters * positions, info.parameters)
