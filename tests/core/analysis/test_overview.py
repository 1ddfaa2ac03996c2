"""The Overview's columns: every leaf layer of the architecture table, what each reads, the
skip paths of a residual network, and which maps feed a map."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from cnnviz.core.analysis.inspection import ModelInspector
from cnnviz.core.analysis.overview import INPUT, SAMPLE_LABEL, Overview, sample_path
from cnnviz.core.analysis.summary import table_cells
from cnnviz.core.data.images import read_image
from cnnviz.core.models.registry import build_model
from cnnviz.core.models.shape import InputShape

CLASSES = [str(i) for i in range(10)]


def overview_of(model: str, shape=(1, 28, 28)) -> Overview:
    network = build_model(model, InputShape(*shape, 10))
    return Overview(ModelInspector(network, shape, [0.5] * shape[0], [0.25] * shape[0]), CLASSES)


def test_a_column_per_leaf_layer_with_the_architecture_tables_cells():
    overview = overview_of("simple-cnn")
    leaves = [info for info in overview.inspector.layers if info.is_leaf]
    assert [c.name for c in overview.columns] == [info.name for info in leaves]
    for column, info in zip(overview.columns, leaves, strict=True):
        assert [column.shape, column.parameters, column.field] == table_cells(info)[2:5]
    assert [c.title for c in overview.columns] == [
        "conv 5x5", "batch norm", "ReLU", "max pool 2x2", "conv 5x5", "batch norm", "ReLU",
        "max pool 2x2", "fully connected"]  # fmt: skip
    assert overview.columns[0].feeds == (INPUT,)
    assert overview.columns[-1].feeds == ("layer2.3",)  # through the forward's reshape
    assert overview.scores_column is overview.columns[-1]
    assert overview.skips == []


def test_a_residual_networks_sums_read_two_columns_and_the_shorter_is_the_skip():
    overview = overview_of("resnet", (3, 32, 32))
    skips = {skip.merge: skip for skip in overview.skips}
    assert len(skips) == 6  # two blocks a stage, three stages
    identity = skips["layer1.1.relu#2"]
    assert (identity.source, identity.through) == ("layer1.0.relu#2", ())
    projected = skips["layer2.0.relu#2"]
    assert projected.source == "layer1.1.relu#2"
    assert projected.through == ("layer2.0.downsample.0", "layer2.0.downsample.1")
    assert overview.column("layer2.0.relu#2").feeds == ("layer2.0.bn2", "layer2.0.downsample.1")
    assert overview.column("layer2.0.downsample.0").skip
    assert not overview.column("layer2.0.conv1").skip
    assert overview.column("layer2.0.conv1").title == "conv 3x3 /2"


def test_a_conv_map_is_fed_most_by_its_largest_kernels():
    overview = overview_of("simple-cnn")
    conv = overview.inspector.model.get_submodule("layer2.0")
    with torch.no_grad():
        conv.weight.zero_()
        conv.weight[3, 9] = 2.0
        conv.weight[3, 4] = -1.0  # the magnitude counts, not the sign
        conv.weight[3, 11, 0, 0] = 0.5
    feeds = overview.feeders("layer2.0", 3, limit=3)
    assert [(f.column, f.channel) for f in feeds] == [("layer1.3", 9), ("layer1.3", 4),
                                                      ("layer1.3", 11)]  # fmt: skip
    assert feeds[0].weight == pytest.approx(50.0)  # 25 weights of 2
    assert overview.feeders("layer1.2", 5) == [overview.feeders("layer1.2", 5)[0]]
    assert overview.feeders("layer1.2", 5)[0].column == "layer1.1"
    assert overview.feeders("layer1.2", 5)[0].channel == 5  # ReLU reads its own channel


def test_a_sum_reads_the_same_channel_of_both_branches_and_a_flatten_its_map():
    resnet = overview_of("resnet", (3, 32, 32))
    feeds = resnet.feeders("layer1.1.relu#2", 7)
    assert {(f.column, f.channel) for f in feeds} == {("layer1.0.relu#2", 7),
                                                      ("layer1.1.bn2", 7)}  # fmt: skip
    pattern = overview_of("pattern:n=1,m=2,k=1")
    flatten = pattern.column("flatten")
    assert not flatten.has_maps
    unit = 5 * 7 * 7 + 3  # the fourth unit of the sixth map of 7x7
    assert [(f.column, f.channel) for f in pattern.feeders("flatten", unit)] == [
        ("block2.pool", 5)]
    linear = pattern.feeders("classifier.out", 0, limit=2)
    assert len(linear) == 2 and linear[0].column == "classifier.relu1"


def test_reading_an_input_gives_every_columns_maps():
    overview = overview_of("lenet5")
    image = read_image(sample_path())
    digit = np.asarray(image, dtype=np.uint8)[None]
    assert digit.shape == (1, 28, 28) and SAMPLE_LABEL == 7
    reading = overview.read(digit)
    for column in overview.columns:
        assert reading.maps[column.name].shape == column.output_shape, column.name
    assert reading.probabilities.sum() == pytest.approx(1.0, abs=1e-5)
