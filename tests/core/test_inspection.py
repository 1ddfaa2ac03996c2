import numpy as np
import pytest
import torch
from torch import nn

from cnnviz.core.analysis.inspection import Field, ModelInspector
from cnnviz.core.models.registry import MODELS, build_model
from cnnviz.core.models.shape import InputShape


def inspector(name, shape=(1, 28, 28), classes=10):
    model = build_model(name, InputShape(*shape, classes))
    return ModelInspector(model, shape, [0.5] * shape[0], [0.5] * shape[0])


def test_simple_cnn_numbers_match_the_tutorial():
    layers = {layer.name: layer for layer in inspector("simple-cnn").layers}
    conv1, pool1 = layers["layer1.0"], layers["layer1.3"]
    conv2, pool2 = layers["layer2.0"], layers["layer2.3"]
    assert conv1.output_shape == (16, 28, 28) and conv1.field == Field(5, 1)
    assert conv1.formula == "(28 - 5 + 2*2) / 1 + 1 = 28"
    assert pool1.output_shape == (16, 14, 14) and pool1.field == Field(6, 2)
    assert pool1.formula == "(28 - 2 + 2*0) / 2 + 1 = 14"
    assert conv2.output_shape == (32, 14, 14) and conv2.field == Field(14, 2)
    assert pool2.output_shape == (32, 7, 7) and pool2.field == Field(16, 4)
    assert conv1.parameters == 16 * 25 + 16 and conv2.parameters == 32 * 16 * 25 + 32
    assert layers["fc"].field.jump is None  # a Linear layer sees the whole image
    assert layers["layer1.0"].parent == "layer1" and "layer1.0" in layers["layer1"].children


def test_weight_sharing_in_numbers():
    inspect = inspector("simple-cnn")
    conv_params, fc_params = inspect.weight_sharing()
    assert conv_params == 416 + 12832
    # conv1: 784 inputs to 12,544 outputs; conv2: 3,136 to 6,272 (plus biases)
    assert fc_params == 784 * 12544 + 12544 + 3136 * 6272 + 6272


def test_resnet_is_a_tree_with_shortcuts_and_reused_relus():
    inspect = inspector("resnet", (3, 32, 32))
    layers = {layer.name: layer for layer in inspect.layers}
    assert layers["layer1.0.relu#2"].parent == "layer1.0"
    assert layers["layer2.0.downsample.0"].formula == "floor((32 - 3 + 2*1) / 2) + 1 = 16"
    # the shortcut's conv sees less of the image than the main path it is added to
    assert layers["layer2.0.downsample"].field.size < layers["layer2.0.bn2"].field.size
    assert layers["layer2.0.relu#2"].field == layers["layer2.0.bn2"].field
    widest = [n for n, layer in layers.items() if layer.output_shape[:1] == (64,)]
    assert widest and inspect.total_parameters == 195_738


@pytest.mark.parametrize("name", list(MODELS))
def test_every_registry_model_can_be_inspected(name):
    inspect = inspector(name)
    result = inspect.run(np.zeros((1, 28, 28), dtype=np.uint8))
    assert set(result.activations) == {layer.name for layer in inspect.layers}
    assert result.probabilities.shape == (10,)
    assert inspect.conv_layer_names()
    weights = inspect.conv_weights(inspect.conv_layer_names()[0])
    assert weights.ndim == 4 and weights.shape[1] == 1
    assert all(not m._forward_hooks and not m._forward_pre_hooks
               for m in inspect.model.modules())  # hooks are gone after each use


class Functional(nn.Module):
    """A custom model using functional ops and a stride-2 conv, no Sequential."""

    def __init__(self):
        super().__init__()
        self.w1 = nn.Parameter(torch.randn(4, 1, 3, 3))
        self.head = nn.Linear(4, 10)

    def forward(self, x):
        x = torch.nn.functional.conv2d(x, self.w1, stride=2, padding=1)
        x = torch.relu(x)
        x = torch.nn.functional.max_pool2d(x, 2)
        return self.head(x.mean(dim=(2, 3)))


def test_a_custom_model_with_functional_ops():
    inspect = ModelInspector(Functional(), (1, 28, 28), [0.5], [0.5])
    assert [layer.name for layer in inspect.layers] == ["head"]
    assert inspect.layers[0].field.jump is None
    result = inspect.run(np.full((1, 28, 28), 128, dtype=np.uint8))
    assert set(result.activations) == {"head"}


def test_activations_are_copied_before_an_inplace_relu():
    inspect = inspector("resnet", (3, 32, 32))
    image = np.random.default_rng(0).integers(0, 255, (3, 32, 32), dtype=np.uint8)
    result = inspect.run(image)
    assert (result.activations["bn"] < 0).any()  # bn's output, before the ReLU changed it
    assert (result.activations["relu"] >= 0).all()


def test_load_weights_takes_a_snapshot():
    inspect = inspector("simple-cnn")
    other = build_model("simple-cnn", InputShape(1, 28, 28, 10))
    inspect.load_weights({k: v.numpy() for k, v in other.state_dict().items()})
    assert torch.equal(inspect.model.layer1[0].weight, other.layer1[0].weight)
