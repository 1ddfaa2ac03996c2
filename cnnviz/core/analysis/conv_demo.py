"""The tutorial's animated convolution as numbers: an input volume, K filters and their output,
each output element worked out step by step.

The tutorial's example is an input of W1=5, H1=5, D1=3 with zero padding P=1, K=2 filters of
F=3 and stride S=2: (5 - 3 + 2*1) / 2 + 1 = 3, a 3x3x2 output. When (W - F + 2P) / S is not
a whole number the filter does not tile the padded input evenly; PyTorch floors the division
and the last rows or columns that no window reaches are dropped (the tutorial's own ResNet
downsamples 16 to 8 this way), so the demo shows that size and says what is dropped. Only a
filter larger than the padded input gives no output at all. The numbers are small integers,
as in the tutorial's demo, so a person can check every sum by hand; the Learn tab draws them
and ``cnnviz conv`` prints them, which is also why the settings are bounded (LIMITS).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from fractions import Fraction

import numpy as np

from cnnviz.core.analysis.output_size import side_formula
from cnnviz.core.errors import CnnvizError

#: the lowest and highest value of each setting: every cell is drawn and every element is
#: worked out by hand, so the demo keeps to numbers a person can read (the Learn tab's spin
#: boxes and ``cnnviz conv`` both take these)
LIMITS = {"width": (1, 16), "height": (1, 16), "depth": (1, 16), "filters": (1, 8),
          "kernel": (1, 7), "stride": (1, 4), "padding": (0, 3)}  # fmt: skip


@dataclass(frozen=True)
class ConvSettings:
    """An input volume (width, height, depth) and a layer of ``filters`` square filters.
    Values outside LIMITS are refused with a CnnvizError that says the range."""

    width: int = 5
    height: int = 5
    depth: int = 3
    filters: int = 2
    kernel: int = 3
    stride: int = 2
    padding: int = 1

    def __post_init__(self) -> None:
        for item in fields(self):
            low, high = LIMITS[item.name]
            value = getattr(self, item.name)
            if not low <= value <= high:
                raise CnnvizError(f"the {item.name} must be from {low} to {high} (got {value}): "
                                  f"the demo draws and works out every element, so it keeps "
                                  f"to small numbers")  # fmt: skip

    @property
    def parameters(self) -> int:
        """K * (F*F*D1 + 1): every filter's weights and its bias."""
        return self.filters * (self.kernel * self.kernel * self.depth + 1)

    def side(self, size: int) -> int:
        """The output size along a side of ``size``, floor((W - F + 2P) / S) + 1 as PyTorch
        computes it (meaningless when the filter is larger than the padded side)."""
        return side_formula(size, self.kernel, self.stride, self.padding)[1]

    def dropped(self, size: int) -> int:
        """How many of the padded side's last rows or columns no window reaches: 0 when the
        filter tiles the side evenly."""
        return (size + 2 * self.padding - self.kernel) % self.stride

    @property
    def output_height(self) -> int:
        return self.side(self.height)

    @property
    def output_width(self) -> int:
        return self.side(self.width)

    @property
    def tiles_evenly(self) -> bool:
        """Whether the last window ends on the padded input's edge, along both sides."""
        return self.dropped(self.width) == 0 and self.dropped(self.height) == 0

    def problem(self) -> str:
        """Why these settings give no output at all, or "" when they give one."""
        for axis, size in (("width", self.width), ("height", self.height)):
            padded = size + 2 * self.padding
            if self.kernel > padded:
                return (f"the {self.kernel}x{self.kernel} filter is larger than the padded "
                        f"{axis}, {size} + 2*{self.padding} = {padded}: make the filter "
                        f"smaller or the padding larger")  # fmt: skip
        return ""

    @property
    def valid(self) -> bool:
        return not self.problem()

    def formula(self) -> str:
        """The output-size formula with the numbers in: one text when width and height give
        the same, else "W: ...; H: ..."."""
        texts = [f"{text} + 1 = {value}" for text, value in
                 (side_formula(size, self.kernel, self.stride, self.padding)
                  for size in (self.width, self.height))]  # fmt: skip
        if texts[0] == texts[1]:
            return texts[0]
        return f"W: {texts[0]}; H: {texts[1]}"

    def untiled(self) -> list[Untiled]:
        """The sides along which the filter does not tile the padded input evenly, width
        first (none when it tiles evenly or gives no output)."""
        if not self.valid:
            return []
        sides = []
        for axis, size in (("width", self.width), ("height", self.height)):
            if dropped := self.dropped(size):
                padded = size + 2 * self.padding
                exact = Fraction(size - self.kernel + 2 * self.padding, self.stride)
                sides.append(Untiled(axis, size, exact, padded - dropped, padded - 1))
        return sides

    def tiling(self) -> str:
        """"" when the filter tiles the padded input evenly (or gives no output), else in
        plain words why not and which rows and columns PyTorch drops."""
        sides = self.untiled()
        if not sides:
            return ""
        s = self
        parts = []
        for side in sides:
            things = "column" if side.axis == "width" else "row"
            which = (f"the last {things} ({things} {side.last})" if side.count == 1 else
                     f"the last {side.count} {things}s ({things}s {side.first}-{side.last})")
            parts.append(f"along the {side.axis}, ({side.size} - {s.kernel} + 2*{s.padding}) / "
                         f"{s.stride} = {number_text(side.exact)} is not whole, and {which} of "
                         f"the padded input {'is' if side.count == 1 else 'are'} dropped")
        return (f"The {s.kernel}x{s.kernel} filter at stride {s.stride} does not tile the "
                f"padded input evenly, so PyTorch floors the division and drops what no window "
                f"reaches: " + "; ".join(parts) + ".")


@dataclass(frozen=True)
class Untiled:
    """One side of the input along which the filter does not tile the padded input evenly:
    (size - F + 2P) / S is ``exact``, not a whole number, and the padded side's rows or
    columns ``first`` to ``last`` are dropped."""

    axis: str  # "width" (columns are dropped) or "height" (rows are)
    size: int
    exact: Fraction
    first: int
    last: int

    @property
    def count(self) -> int:
        return self.last - self.first + 1


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
    [K, D, F, F], bias [K], output [K, H_out, W_out] (None when the filter is larger than the
    padded input)."""

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
        """This example with its output filled in, floored as PyTorch computes it (None when
        the filter is larger than the padded input)."""
        s = self.settings
        if not s.valid:
            return ConvExample(s, self.input, self.weights, self.bias, None)
        rows, columns = s.output_height, s.output_width
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
        return [(int(k), int(row), int(column))
                for k, row, column in np.ndindex(self.output.shape)]

    def step(self, k: int, row: int, column: int) -> Step:
        """How output element (k, row, column) comes about; the settings must give an output."""
        s = self.settings
        top, left = row * s.stride, column * s.stride
        window = self.padded[:, top : top + s.kernel, left : left + s.kernel]
        return Step(k, row, column, top, left, window, self.weights[k], int(self.bias[k]))
