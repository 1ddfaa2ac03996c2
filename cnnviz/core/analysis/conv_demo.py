"""The tutorial's animated convolution as numbers: an input volume, K filters and their output,
each output element worked out step by step.

The tutorial's example is an input of W1=5, H1=5, D1=3 with zero padding P=1, K=2 filters of
F=3 and stride S=2: (5 - 3 + 2*1) / 2 + 1 = 3, a 3x3x2 output. Settings for which
(W - F + 2P) / S + 1 is not a whole number are the ones the tutorial calls impossible: the
filter would not tile the padded input evenly. The numbers are small integers, as in the
tutorial's demo, so a person can check every sum by hand; the Learn tab draws them and
``cnnviz conv`` prints them.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np


@dataclass(frozen=True)
class ConvSettings:
    """An input volume (width, height, depth) and a layer of ``filters`` square filters."""

    width: int = 5
    height: int = 5
    depth: int = 3
    filters: int = 2
    kernel: int = 3
    stride: int = 2
    padding: int = 1

    @property
    def parameters(self) -> int:
        """K * (F*F*D1 + 1): every filter's weights and its bias."""
        return self.filters * (self.kernel * self.kernel * self.depth + 1)

    def side(self, size: int) -> Fraction:
        """(W - F + 2P) / S + 1 for one side, exactly (a fraction when it is not whole)."""
        return Fraction(size - self.kernel + 2 * self.padding, self.stride) + 1

    @property
    def output_height(self) -> Fraction:
        return self.side(self.height)

    @property
    def output_width(self) -> Fraction:
        return self.side(self.width)

    def problem(self) -> str:
        """Why these settings are impossible, or "" when they are valid."""
        if min(self.width, self.height, self.depth, self.filters, self.kernel, self.stride) < 1:
            return "every size, the filter count and the stride must be at least 1"
        if self.padding < 0:
            return "the padding cannot be negative"
        for axis, size in (("width", self.width), ("height", self.height)):
            padded = size + 2 * self.padding
            if self.kernel > padded:
                return (f"the {self.kernel}x{self.kernel} filter is larger than the padded "
                        f"{axis}, {size} + 2*{self.padding} = {padded}")
            value = self.side(size)
            if value.denominator != 1:
                return (f"the {axis} gives {side_text(size, self)} = {number_text(value)}, "
                        f"not a whole number: the filter does not fit the input evenly")
        return ""

    @property
    def valid(self) -> bool:
        return not self.problem()

    def formula(self) -> str:
        """The output-size formula with the numbers in: one text when width and height give
        the same, else "W: ...; H: ..."."""
        texts = [f"{side_text(size, self)} = {number_text(self.side(size))}"
                 for size in (self.width, self.height)]  # fmt: skip
        if texts[0] == texts[1]:
            return texts[0]
        return f"W: {texts[0]}; H: {texts[1]}"


def side_text(size: int, settings: ConvSettings) -> str:
    return f"({size} - {settings.kernel} + 2*{settings.padding}) / {settings.stride} + 1"


def number_text(value: Fraction) -> str:
    """3 for a whole number, 2.5 (or 2.333) for one that is not."""
    if value.denominator == 1:
        return str(value.numerator)
    return f"{float(value):.4g}"


@dataclass(frozen=True)
class Step:
    """One output element, worked out: which filter and output position, the input window
    (in padded coordinates: rows and columns of the padded input), and the sums."""

    filter: int
    row: int
    column: int
    top: int  # the window's first row in the padded input
    left: int  # its first column
    window: np.ndarray  # int64 [D, F, F]: the padded input under the filter
    weights: np.ndarray  # int64 [D, F, F]: the filter
    bias: int

    @property
    def products(self) -> np.ndarray:
        """int64 [D, F, F]: the window times the filter, element by element."""
        return self.window * self.weights

    @property
    def result(self) -> int:
        return int(self.products.sum()) + self.bias

    @property
    def slice_sums(self) -> list[int]:
        """Each depth slice's sum of products."""
        return [int(s) for s in self.products.sum(axis=(1, 2))]


@dataclass
class ConvExample:
    """The numbers of one demo: int64 arrays, input [D, H, W] (unpadded), weights
    [K, D, F, F], bias [K], output [K, H_out, W_out] (None when the settings are invalid)."""

    settings: ConvSettings
    input: np.ndarray
    weights: np.ndarray
    bias: np.ndarray
    output: np.ndarray | None

    @staticmethod
    def random(settings: ConvSettings, seed: int = 0) -> ConvExample:
        """Inputs 0..2, weights -1..1 and biases 0..1, the tutorial demo's small integers."""
        rng = np.random.default_rng(seed)
        s = settings
        volume = rng.integers(0, 3, size=(s.depth, s.height, s.width), dtype=np.int64)
        weights = rng.integers(-1, 2, size=(s.filters, s.depth, s.kernel, s.kernel),
                               dtype=np.int64)  # fmt: skip
        bias = rng.integers(0, 2, size=s.filters, dtype=np.int64)
        return ConvExample(settings, volume, weights, bias, None).computed()

    def computed(self) -> ConvExample:
        """This example with its output filled in (None when the settings are invalid)."""
        s = self.settings
        if not s.valid:
            return ConvExample(s, self.input, self.weights, self.bias, None)
        rows, columns = int(s.output_height), int(s.output_width)
        windows = np.lib.stride_tricks.sliding_window_view(self.padded, (s.kernel, s.kernel),
                                                           axis=(1, 2))  # fmt: skip
        windows = windows[:, :: s.stride, :: s.stride][:, :rows, :columns]  # [D, Ho, Wo, F, F]
        output = np.einsum("dhwij,kdij->khw", windows, self.weights) + self.bias[:, None, None]
        return ConvExample(s, self.input, self.weights, self.bias, output)

    @property
    def padded(self) -> np.ndarray:
        """The input with its zero border, int64 [D, H + 2P, W + 2P]."""
        p = self.settings.padding
        return np.pad(self.input, ((0, 0), (p, p), (p, p)))

    def steps(self) -> list[tuple[int, int, int]]:
        """Every output element (filter, row, column), in the order the demo visits them:
        filter by filter, row by row."""
        if self.output is None:
            return []
        return [tuple(int(i) for i in index) for index in np.ndindex(self.output.shape)]

    def step(self, k: int, row: int, column: int) -> Step:
        """How output element (k, row, column) comes about; the settings must be valid."""
        s = self.settings
        top, left = row * s.stride, column * s.stride
        window = self.padded[:, top : top + s.kernel, left : left + s.kernel]
        return Step(k, row, column, top, left, window, self.weights[k], int(self.bias[k]))
