import numpy as np
import pytest
import torch
from torch import nn

from cnnviz.core.analysis.neurons import ACTIVATIONS, FC_NETS, FcNet, Neuron

TORCH_ACTIVATIONS = {"sigmoid": torch.sigmoid, "ReLU": torch.relu, "tanh": torch.tanh}


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_a_neuron_is_an_inner_product_then_its_activation(name):
    neuron = Neuron((1.5, -2.0, 0.25), (0.4, 0.3, -2.0), -0.2, name)
    z = torch.tensor([1.5, -2.0, 0.25]) @ torch.tensor([0.4, 0.3, -2.0]) - 0.2
    assert neuron.pre_activation == pytest.approx(float(z))  # -0.6 - 0.5 - 0.2 = -1.3
    assert neuron.output == pytest.approx(float(TORCH_ACTIVATIONS[name](z)), abs=1e-6)
    assert neuron.sum_text() == "w·x + b = 0.4·1.5 + 0.3·(-2) + (-2)·0.25 + (-0.2) = -0.7"


@pytest.mark.parametrize(("name", "layers", "neurons", "weights", "parameters"),
                         [("3-4-2", 2, 6, 20, 26), ("3-4-4-1", 3, 9, 32, 41)])
def test_the_tutorials_nets_are_counted_as_it_counts_them(name, layers, neurons, weights,
                                                          parameters):  # fmt: skip
    net = FcNet.random(FC_NETS[name], seed=3)
    assert (net.layers, net.neurons, net.weight_count, net.parameters) == (
        layers, neurons, weights, parameters)
    links = net.connections()
    assert len(links) == weights
    assert all(after == layer + 1 for (layer, _), (after, _), _ in links)  # none within a layer
    # the forward pass is torch's: Linear + Sigmoid for each hidden layer, a bare Linear last
    modules = []
    for index, (w, b) in enumerate(zip(net.weights, net.biases, strict=True)):
        linear = nn.Linear(w.shape[1], w.shape[0]).double()
        linear.weight.data, linear.bias.data = torch.from_numpy(w), torch.from_numpy(b)
        modules += [linear] if index == net.layers - 1 else [linear, nn.Sigmoid()]
    x = [0.3, -1.2, 2.0]
    expected = nn.Sequential(*modules)(torch.tensor(x, dtype=torch.float64))
    assert np.allclose(net.forward(x)[-1], expected.detach().numpy())
    assert [len(v) for v in net.forward(x)] == list(FC_NETS[name])
