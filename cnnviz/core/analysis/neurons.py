"""The tutorial's foundations before convolutions: one neuron, and its small fully connected
nets, as numbers for the Learn tab's demos to draw.

A neuron takes the inner product of its inputs and weights, adds its bias, and passes the sum
through an activation: the sigmoid in the tutorial, with ReLU and tanh beside it. The
tutorial's nets are 3-4-2 and 3-4-4-1: layers of units, every unit connected to every unit of
the next layer and to none in its own. An N-layer net counts the hidden and output layers,
not the input. Its forward pass applies the sigmoid in the hidden layers and none on the
output, whose values are scores, as the tutorial's own forward-pass code does.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

#: the activations a neuron can use, by the name the demo shows
ACTIVATIONS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "sigmoid": lambda z: 1.0 / (1.0 + np.exp(-z)),
    "ReLU": lambda z: np.maximum(z, 0.0),
    "tanh": np.tanh,
}

#: the tutorial's two nets, by the number of units in each layer, the input layer first
FC_NETS: dict[str, tuple[int, ...]] = {"3-4-2": (3, 4, 2), "3-4-4-1": (3, 4, 4, 1)}


def activate(name: str, z: np.ndarray | float) -> np.ndarray:
    """The activation ``name`` (a key of ACTIVATIONS) applied element by element."""
    return ACTIVATIONS[name](np.asarray(z, dtype=np.float64))


@dataclass(frozen=True)
class Neuron:
    """One neuron: its inputs, a weight per input, a bias and an activation."""

    inputs: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    activation: str = "sigmoid"

    @property
    def pre_activation(self) -> float:
        """z = w·x + b, the inner product plus the bias."""
        return float(np.dot(self.inputs, self.weights)) + self.bias

    @property
    def output(self) -> float:
        """f(z): what the neuron passes on."""
        return float(activate(self.activation, self.pre_activation))

    def sum_text(self) -> str:
        """The inner product written out: "w·x + b = 0.8·1 + (-0.4)·0.5 + 0.1 = 0.7"."""
        terms = " + ".join(f"{_signed(w)}·{_signed(x)}"
                           for w, x in zip(self.weights, self.inputs, strict=True))  # fmt: skip
        return f"w·x + b = {terms} + {_signed(self.bias)} = {self.pre_activation:.4g}"


def _signed(value: float) -> str:
    text = f"{value:.4g}"
    return f"({text})" if value < 0 else text


@dataclass(frozen=True)
class FcNet:
    """A fully connected net: weights[l] is [units of layer l+1, units of layer l] and
    biases[l] has one entry per unit of layer l+1."""

    sizes: tuple[int, ...]
    weights: tuple[np.ndarray, ...]
    biases: tuple[np.ndarray, ...]

    @staticmethod
    def random(sizes: Sequence[int], seed: int = 0) -> FcNet:
        """Weights and biases from -1 to 1 with one decimal, so a person can follow a sum."""
        rng = np.random.default_rng(seed)
        weights = tuple(np.round(rng.uniform(-1, 1, (after, before)), 1)
                        for before, after in itertools.pairwise(sizes))  # fmt: skip
        biases = tuple(np.round(rng.uniform(-1, 1, after), 1) for after in sizes[1:])
        return FcNet(tuple(sizes), weights, biases)

    @property
    def layers(self) -> int:
        """The N of an N-layer net: the hidden layers and the output layer, not the input."""
        return len(self.sizes) - 1

    @property
    def neurons(self) -> int:
        return sum(self.sizes[1:])

    @property
    def weight_count(self) -> int:
        return sum(w.size for w in self.weights)

    @property
    def parameters(self) -> int:
        """The learnable parameters: every weight and every bias."""
        return self.weight_count + self.neurons

    def connections(self) -> list[tuple[tuple[int, int], tuple[int, int], float]]:
        """Every connection as ((layer, unit), (layer + 1, unit), weight): each unit to each
        unit of the next layer, never two units of the same layer."""
        return [((layer, i), (layer + 1, j), float(w[j, i]))
                for layer, w in enumerate(self.weights)
                for j in range(w.shape[0]) for i in range(w.shape[1])]  # fmt: skip

    def forward(self, inputs: Sequence[float]) -> list[np.ndarray]:
        """The values of every layer, the input first: sigmoid(W·h + b) in the hidden layers,
        W·h + b (scores, no activation) in the output layer."""
        values = [np.asarray(inputs, dtype=np.float64)]
        for layer, (w, b) in enumerate(zip(self.weights, self.biases, strict=True)):
            z = w @ values[-1] + b
            values.append(z if layer == self.layers - 1 else activate("sigmoid", z))
        return values
