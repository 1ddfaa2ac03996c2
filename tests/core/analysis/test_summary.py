"""The layers' names in the tutorial's words, which the Inspect tab's tree and table and the
Overview share."""

from torch import nn

from cnnviz.core.analysis.inspection import ModelInspector
from cnnviz.core.analysis.summary import kind_word, layer_label, table_cells, tutorial_names
from cnnviz.core.models.registry import build_model
from cnnviz.core.models.shape import InputShape


def test_convolutions_pools_and_fully_connected_layers_are_counted_in_order():
    model = build_model("simple-cnn", InputShape(1, 28, 28, 10))
    layers = ModelInspector(model, (1, 28, 28), [0.5], [0.5]).layers
    names = tutorial_names(layers)
    assert names == {"layer1.0": "conv1", "layer1.3": "pool1", "layer2.0": "conv2",
                     "layer2.3": "pool2", "fc": "fc1"}
    assert layer_label("layer1.0", names) == "conv1 (layer1.0)"
    assert layer_label("layer1.1", names) == "layer1.1"  # a batch norm: its path says enough
    info = next(i for i in layers if i.name == "layer2.3")
    assert table_cells(info, names=names)[0] == "pool2 (layer2.3)"
    assert table_cells(info, indent=True)[0] == "  layer2.3"  # the CLI's table is unchanged


class Twice(nn.Module):
    """One convolution called twice, and a pool between: a module keeps its number."""

    def __init__(self) -> None:
        super().__init__()
        self.conv = nn.Conv2d(1, 1, 3, padding=1)
        self.pool = nn.MaxPool2d(2)

    def forward(self, x):
        return self.conv(self.pool(self.conv(x)))


def test_a_module_called_again_keeps_its_number():
    layers = ModelInspector(Twice(), (1, 8, 8), [0.5], [0.5]).layers
    assert tutorial_names(layers) == {"conv": "conv1", "pool": "pool1", "conv#2": "conv1#2"}


def test_the_tutorials_words_for_each_kind():
    assert [kind_word(k) for k in ("Conv2d", "max_pool2d", "Linear", "ReLU")] == [
        "conv", "max pool", "fully connected", "ReLU"]
