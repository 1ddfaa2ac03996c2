import math

import numpy as np
import pytest
import torch
from torch import nn

from cnnviz.core.analysis.inspection import ModelInspector
from cnnviz.core.analysis.receptive_field import Field
from cnnviz.core.models.registry import MODELS, build_model
from cnnviz.core.models.shape import InputShape


def inspector(name, shape=(1, 28, 28), classes=10):
    model = build_model(name, InputShape(*shape, classes))
    return ModelInspector(model, shape, [0.5] * shape[0], [0.5] * shape[0])


def test_simple_cnn_numbers_match_the_tutorial():
    layers = {layer.name: layer for layer in inspector("simple-cnn").layers}
    conv1, pool1 = layers["layer1.0"], layers["layer1.3"]
    conv2, pool2 = layers["layer2.0"], layers["layer2.3"]
    assert conv1.output_shape == (16, 28, 28) and conv1.field == Field((5, 5), (1, 1))
    assert conv1.formula == "(28 - 5 + 2*2) / 1 + 1 = 28"
    assert pool1.output_shape == (16, 14, 14) and pool1.field == Field((6, 6), (2, 2))
    assert pool1.formula == "(28 - 2 + 2*0) / 2 + 1 = 14"
    assert conv2.output_shape == (32, 14, 14) and conv2.field == Field((14, 14), (2, 2))
    assert conv2.formula == "(14 - 5 + 2*2) / 1 + 1 = 14"
    assert pool2.output_shape == (32, 7, 7) and pool2.field == Field((16, 16), (4, 4))
    assert pool2.formula == "(14 - 2 + 2*0) / 2 + 1 = 7"
    assert conv1.parameters == 16 * 25 + 16 and conv2.parameters == 32 * 16 * 25 + 32
    assert layers["fc"].field == Field((28, 28), None)  # a Linear layer sees the whole image
    assert layers["layer1"].formula == ""  # a block ending in a pool is not that pool
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
    assert layers["layer2.0.downsample"].field.size[0] < layers["layer2.0.bn2"].field.size[0]
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


def true_sides(formula):
    """(height, width) that an output-size formula comes to, each side's arithmetic checked."""
    sides = []
    for part in formula.split("; "):
        left, _, right = part.rpartition(": ")[2].partition(" = ")
        assert eval(left, {"floor": math.floor, "ceil": math.ceil}) == int(right), part
        sides.append(int(right))
    return tuple(sides * 2 if len(sides) == 1 else sides)


class NonSquare(nn.Module):
    def __init__(self):
        super().__init__()
        self.wide = nn.Conv2d(1, 4, (3, 5), stride=(1, 2), padding=(1, 2))
        self.next = nn.Conv2d(4, 4, 3)
        self.head = nn.Linear(4, 10)

    def forward(self, x):
        return self.head(self.next(self.wide(x)).mean(dim=(2, 3)))


def test_non_square_kernels_strides_and_padding_per_dimension():
    layers = {i.name: i for i in ModelInspector(NonSquare(), (1, 28, 28), [0.5], [0.5]).layers}
    wide, after = layers["wide"], layers["next"]
    assert wide.output_shape == (4, 28, 14)
    assert wide.field == Field((3, 5), (1, 2))
    assert wide.formula == "H: (28 - 3 + 2*1) / 1 + 1 = 28; W: floor((28 - 5 + 2*2) / 2) + 1 = 14"
    assert true_sides(wide.formula) == (28, 14)
    assert after.field == Field((3 + 2 * 1, 5 + 2 * 2), (1, 2))
    assert true_sides(after.formula) == (26, 12) and after.output_shape == (4, 26, 12)


@pytest.mark.parametrize(
    ("layer", "size", "shown"),
    [
        (nn.Conv2d(1, 2, 3, dilation=2, padding=1), 28, True),
        (nn.Conv2d(1, 2, (2, 4), stride=(3, 1), dilation=(1, 2), padding=(0, 3)), 28, True),
        (nn.MaxPool2d(2, ceil_mode=True), 7, True),
        (nn.AvgPool2d((3, 2), stride=(2, 1), padding=1), 9, True),
        # torch drops a last window that would start in the padding: ceil(...) + 1 is 3, not 2
        (nn.MaxPool2d(3, stride=3, padding=1, ceil_mode=True), 5, False),
        (nn.Conv2d(1, 2, 3, padding="same"), 28, False),
    ],
)
def test_every_formula_is_true_or_absent(layer, size, shown):
    model = nn.Sequential(layer, nn.Flatten(), nn.LazyLinear(10))
    info = ModelInspector(model, (1, size, size), [0.5], [0.5]).layer("0")
    if shown:
        assert true_sides(info.formula) == info.output_shape[1:]
    else:
        assert info.formula == "" and info.field.jump is not None


class Inception(nn.Module):
    """Four branches of different receptive fields, concatenated along the channels."""

    def __init__(self):
        super().__init__()
        self.one = nn.Conv2d(4, 2, 1)
        self.three = nn.Conv2d(4, 2, 3, padding=1)
        self.five = nn.Sequential(nn.Conv2d(4, 2, 3, padding=1), nn.Conv2d(2, 2, 3, padding=1))
        self.pool = nn.MaxPool2d(3, stride=1, padding=1)

    def forward(self, x):
        return torch.cat([self.one(x), self.three(x), self.five(x), self.pool(x)], dim=1)


def test_a_concatenation_of_branches_takes_the_widest():
    model = nn.Sequential(nn.Conv2d(1, 4, 3, stride=2, padding=1), Inception(),
                          nn.Conv2d(10, 4, 3, padding=1), nn.Flatten(), nn.LazyLinear(10))
    layers = {i.name: i for i in ModelInspector(model, (1, 28, 28), [0.5], [0.5]).layers}
    assert layers["0"].field == Field((3, 3), (2, 2))
    assert layers["1.one"].field == Field((3, 3), (2, 2))
    assert layers["1.five"].field == Field((11, 11), (2, 2))
    assert layers["1"].output_shape == (10, 14, 14) and layers["1"].field == Field((11, 11), (2, 2))
    assert layers["2"].field == Field((15, 15), (2, 2))


class Reflected(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 4, 3)
        self.pad = nn.ReflectionPad2d(1)
        self.padded_conv = nn.Conv2d(4, 4, 3, padding=1, padding_mode="reflect")
        self.head = nn.Linear(4, 10)

    def forward(self, x):
        x = torch.nn.functional.pad(x, (2, 2, 1, 1), mode="reflect")
        x = self.padded_conv(self.pad(self.conv(x)))
        return self.head(x.mean(dim=(2, 3)))


def test_padding_carries_the_receptive_field_through():
    layers = {i.name: i for i in ModelInspector(Reflected(), (1, 28, 28), [0.5], [0.5]).layers}
    assert layers["conv"].input_shape == (1, 30, 32) and layers["conv"].output_shape == (4, 28, 30)
    assert layers["conv"].field == Field((3, 3), (1, 1))
    assert layers["pad"].output_shape == (4, 30, 32)
    assert layers["pad"].field == Field((3, 3), (1, 1))
    assert layers["padded_conv"].field == Field((5, 5), (1, 1))
    # the module pads, then convolves with P = 0: the formula is of that convolution
    assert true_sides(layers["padded_conv"].formula) == (30, 32)


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.randn(4, 4, 3, 3))

    def forward(self, x):
        return torch.nn.functional.conv2d(x, self.w, padding=1).relu()


class Functional(nn.Module):
    """A hand-written model: direct F.conv2d and F.max_pool2d calls, one block called twice,
    and a convolution whose weight is a buffer, not a parameter."""

    def __init__(self):
        super().__init__()
        self.w1 = nn.Parameter(torch.randn(4, 1, 3, 3))
        self.block = Block()
        self.register_buffer("blur", torch.full((4, 1, 3, 3), 1 / 9))
        self.head = nn.Linear(4, 10)

    def forward(self, x):
        x = torch.nn.functional.conv2d(x, self.w1, stride=2, padding=1)
        x = torch.nn.functional.relu(x, inplace=True)
        x = torch.nn.functional.max_pool2d(x, 2)
        x = self.block(self.block(x))
        x = torch.nn.functional.conv2d(x, self.blur, padding=1, groups=4)
        return self.head(x.mean(dim=(2, 3)))


def test_direct_convolutions_and_pools_are_layers():
    model = Functional()
    inspect = ModelInspector(model, (1, 28, 28), [0.5], [0.5])
    layers = {i.name: i for i in inspect.layers}
    assert list(layers) == ["conv2d", "max_pool2d", "block", "block.conv2d", "block#2",
                            "block.conv2d#2", "conv2d#2", "head"]
    conv, pool = layers["conv2d"], layers["max_pool2d"]
    assert (conv.kind, conv.parent, conv.output_shape) == ("conv2d", "", (4, 14, 14))
    assert conv.field == Field((3, 3), (2, 2)) and conv.parameters == 36
    assert conv.formula == "floor((28 - 3 + 2*1) / 2) + 1 = 14"
    assert (pool.kind, pool.output_shape, pool.field) == ("max_pool2d", (4, 7, 7),
                                                          Field((5, 5), (4, 4)))
    assert pool.formula == "(14 - 2 + 2*0) / 2 + 1 = 7"
    assert layers["block.conv2d#2"].parent == "block#2"
    assert layers["block"].children == ["block.conv2d"]
    assert layers["block.conv2d#2"].field == Field((21, 21), (4, 4))
    assert layers["conv2d#2"].field == Field((29, 29), (4, 4))
    assert layers["conv2d#2"].parameters == 0 and layers["head"].field.jump is None

    assert inspect.conv_layer_names() == ["conv2d", "block.conv2d"]  # one per weight
    assert np.array_equal(inspect.conv_weights("conv2d"), model.w1.detach().numpy())
    assert np.array_equal(inspect.conv_weights("block.conv2d#2"), model.block.w.detach().numpy())
    with pytest.raises(KeyError):
        inspect.conv_weights("conv2d#2")  # a buffer: no filters to learn

    image = np.random.default_rng(0).integers(0, 255, (1, 28, 28), dtype=np.uint8)
    result = inspect.run(image)
    assert set(result.activations) == set(layers)
    expected = torch.nn.functional.conv2d(torch.from_numpy(inspect.model_input(image))[None],
                                          model.w1, stride=2, padding=1)[0]
    # kept before the in-place ReLU that follows
    assert np.allclose(result.activations["conv2d"], expected.detach().numpy(), atol=1e-5)
    for name, info in layers.items():
        assert result.activations[name].shape == info.output_shape, name


class ModeProbe(nn.Module):
    """Remembers whether a TorchFunctionMode was active while it ran."""

    def forward(self, x):
        self.modes = list(torch.overrides._get_current_function_mode_stack())
        return x


class DirectPool(nn.Module):
    def forward(self, x):
        return torch.nn.functional.max_pool2d(x, 2)


@pytest.mark.parametrize("pool", [nn.MaxPool2d(2), DirectPool()])
def test_a_function_mode_only_for_models_with_direct_calls(pool):
    probe = ModeProbe()
    model = nn.Sequential(nn.Conv2d(1, 2, 3), pool, probe, nn.Flatten(), nn.LazyLinear(10))
    inspect = ModelInspector(model, (1, 28, 28), [0.5], [0.5])
    result = inspect.run(np.zeros((1, 28, 28), dtype=np.uint8))
    assert bool(probe.modes) == isinstance(pool, DirectPool)
    assert ("1.max_pool2d" in result.activations) == isinstance(pool, DirectPool)


@pytest.mark.parametrize(("layer", "side", "first"), [
    ("layer1.0", 5, -2.0), ("layer1.3", 6, -2.0), ("layer2.0", 14, -6.0), ("layer2.3", 16, -6.0),
])  # fmt: skip
def test_simple_cnn_receptive_field_outlines(layer, side, first):
    """The outline of a unit's field: 5, 6, 14 and 16 pixels, centred where the unit looks;
    the first unit's reaches into the padding, and each next unit moves one jump on."""
    field = inspector("simple-cnn").layer(layer).field
    top, left, height, width = field.rect(0, 0)
    assert (height, width) == (side, side) and top == left == first
    jump = field.jump[0]
    assert field.rect(2, 3) == (first + 2 * jump, first + 3 * jump, side, side)
    assert inspector("simple-cnn").layer("fc").field.rect(0, 0) == (0, 0, 28, 28)


def test_outlines_follow_unpadded_convs_strides_and_pads():
    tinyvgg = inspector("tinyvgg")
    assert tinyvgg.layer("block1.0").field.rect(0, 0) == (0, 0, 3, 3)  # no padding: inside
    assert tinyvgg.layer("block1.4").field.rect(1, 0) == (2, 0, 6, 6)
    model = nn.Sequential(nn.Conv2d(1, 2, (3, 5), stride=(1, 2), padding=(1, 2)),
                          nn.ZeroPad2d((3, 0, 1, 0)), nn.Conv2d(2, 2, 3, padding="same"))
    layers = {i.name: i for i in ModelInspector(model, (1, 9, 9), [0.5], [0.5]).layers}
    assert layers["0"].field.rect(0, 1) == (-1, 0, 3, 5)
    # the pad adds a row above and three columns to the left: the first unit moves out
    assert layers["1"].field.rect(0, 0) == (-2, -8, 3, 5)
    assert layers["2"].field.rect(1, 3) == (-2, -4, 5, 9)


@pytest.mark.parametrize(("name", "shape"), [("simple-cnn", (1, 28, 28)), ("resnet", (3, 32, 32))])
def test_the_effective_field_is_the_gradient_and_stays_inside_the_outline(name, shape):
    inspect = inspector(name, shape)
    image = np.random.default_rng(0).integers(0, 256, shape, dtype=np.uint8)
    layer = "layer2.0" if name == "simple-cnn" else "layer1.0.conv2"
    info = inspect.layer(layer)
    gradient = inspect.unit_gradient(image, layer, (3, 5, 6))
    assert gradient.shape == shape[1:] and gradient.max() > 0
    top, left, height, width = info.field.rect(5, 6)
    rows, columns = np.nonzero(gradient)
    assert rows.min() >= top and rows.max() < top + height
    assert columns.min() >= left and columns.max() < left + width
    # the same number by hand: autograd on the layer's output
    inputs = inspect.normalizer.from_numpy(image).requires_grad_(True)
    captured = {}
    module = inspect.model.get_submodule(layer)
    handle = module.register_forward_hook(lambda m, i, o: captured.setdefault("out", o))
    inspect.model(inputs)
    handle.remove()
    captured["out"][0, 3, 5, 6].backward()
    expected = inputs.grad[0].abs().sum(dim=0).numpy()
    assert np.allclose(gradient, expected, atol=1e-6)
