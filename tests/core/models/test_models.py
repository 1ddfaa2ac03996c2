import pytest
import torch

from cnnviz.core.models.registry import MODELS, build_model, count_parameters
from cnnviz.core.models.shape import InputShape

SHAPES = {
    "mnist": InputShape(1, 28, 28, 10),
    "cifar10": InputShape(3, 32, 32, 10),
    "cifar100": InputShape(3, 32, 32, 100),
    "folder16": InputShape(3, 16, 16, 3),
}


@pytest.mark.parametrize("shape_name", list(SHAPES))
@pytest.mark.parametrize("model_name", list(MODELS))
def test_forward_and_backward_on_every_dataset_shape(model_name, shape_name):
    shape = SHAPES[shape_name]
    model = build_model(model_name, shape)
    x = torch.randn(4, shape.channels, shape.height, shape.width)
    out = model(x)
    assert out.shape == (4, shape.num_classes)
    out.sum().backward()
    grads = [p.grad for p in model.parameters()]
    assert all(g is not None and torch.isfinite(g).all() for g in grads)


def test_resnet_has_the_tutorial_parameter_count():
    model = build_model("resnet", SHAPES["cifar10"])
    assert count_parameters(model) == 195_738


def test_simple_cnn_is_the_tutorial_network():
    model = build_model("simple-cnn", SHAPES["mnist"])
    conv1, bn1, _, pool1 = model.layer1
    conv2 = model.layer2[0]
    assert (conv1.in_channels, conv1.out_channels, conv1.kernel_size, conv1.padding) == (
        1, 16, (5, 5), (2, 2),
    )
    assert (conv2.out_channels, conv2.kernel_size) == (32, (5, 5))
    assert isinstance(bn1, torch.nn.BatchNorm2d) and pool1.kernel_size == 2
    assert (model.fc.in_features, model.fc.out_features) == (7 * 7 * 32, 10)


def test_tinyvgg_follows_cnn_explainer():
    model = build_model("tinyvgg", SHAPES["mnist"])
    convs = [m for m in model.modules() if isinstance(m, torch.nn.Conv2d)]
    assert [c.out_channels for c in convs] == [10, 10, 10, 10]
    assert all(c.kernel_size == (3, 3) for c in convs)
    assert model.classifier.in_features == 10 * 4 * 4


def test_unknown_model_names_the_choices():
    with pytest.raises(Exception, match="unknown model 'vgg99'.*simple-cnn"):
        build_model("vgg99", SHAPES["mnist"])
