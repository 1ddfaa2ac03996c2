import numpy as np
import pytest
import torch
import torch.nn.functional as F

from cnnviz.core.analysis.connectivity import layer_counts, tutorial_counts
from cnnviz.core.analysis.inspection import ModelInspector
from cnnviz.core.analysis.pooling import TUTORIAL_SLICE, pool_slice
from cnnviz.core.models.registry import build_model
from cnnviz.core.models.shape import InputShape


def test_the_tutorials_pooling_figure():
    pooled = pool_slice(TUTORIAL_SLICE)
    assert pooled.maximum.tolist() == [[6, 8], [3, 4]]
    assert pooled.average.tolist() == [[3.25, 5.25], [2, 2]]
    assert pooled.dropped_fraction == 0.75
    assert np.argwhere(pooled.winners).tolist() == [[1, 1], [1, 3], [2, 0], [3, 3]]


@pytest.mark.parametrize("shape", [(28, 28), (7, 9), (2, 2)])
def test_pooling_is_what_torch_does(shape):
    slice_ = np.random.default_rng(1).integers(0, 4, shape).astype(np.float32)  # with ties
    pooled = pool_slice(slice_)
    tensor = torch.from_numpy(slice_)[None, None]
    maximum, indices = F.max_pool2d(tensor, 2, 2, return_indices=True)
    assert np.array_equal(pooled.maximum, maximum[0, 0].numpy())
    assert np.allclose(pooled.average, F.avg_pool2d(tensor, 2, 2)[0, 0].numpy())
    assert sorted(np.flatnonzero(pooled.winners)) == sorted(indices.flatten().tolist())
    assert pooled.winners.sum() == pooled.maximum.size


def test_a_slice_smaller_than_a_window():
    with pytest.raises(ValueError, match="smaller than one 2x2 window"):
        pool_slice(np.zeros((1, 5)))


def test_the_tutorials_arithmetic():
    counts = tutorial_counts(1000, 10)
    assert (counts.fully_connected, counts.locally_connected, counts.convolutional) == (
        10**12, 10**8, 100)


def test_three_counts_for_each_convolution_of_a_model():
    model = build_model("simple-cnn", InputShape(1, 28, 28, 10))
    layers = {i.name: i for i in ModelInspector(model, (1, 28, 28), [0.5], [0.5]).layers}
    conv1 = layer_counts(layers["layer1.0"])
    assert conv1.convolutional == 16 * (5 * 5 + 1)
    assert conv1.locally_connected == 28 * 28 * 16 * (5 * 5 + 1)
    assert conv1.fully_connected == 784 * (16 * 28 * 28) + 16 * 28 * 28
    assert layer_counts(layers["layer1.3"]) is None and layer_counts(layers["fc"]) is None


def test_a_border_that_fills_no_window_is_dropped_and_counted():
    pooled = pool_slice(np.arange(49, dtype=np.float32).reshape(7, 7))
    assert pooled.maximum.shape == (3, 3) and pooled.border == (1, 1)
    assert round(pooled.dropped_fraction, 3) == round(1 - 9 / 49, 3)  # 82%, not 75%
    assert not pooled.winners[6].any() and not pooled.winners[:, 6].any()
    assert pool_slice(np.zeros((4, 6), dtype=np.float32)).border == (0, 0)
