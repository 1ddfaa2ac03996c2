"""The output-size formula (W - F + 2P) / S + 1 for one side, written out with its numbers.

One definition for every place that explains a layer's size: Inspect and ``cnnviz summary``
(any convolution or pooling) and the Learn tab's convolution demo. When the division is not
whole, PyTorch floors it (or, for a pooling layer with ``ceil_mode``, rounds it up) and the
text says so, as ``floor(...)``: the last rows or columns no window reaches are dropped.
Pure Python, so that the demo's ``cnnviz conv`` need not import torch.
"""

from __future__ import annotations


def side_formula(size_in: int, kernel: int, stride: int, padding: int, dilation: int = 1,
                 ceil_mode: bool = False) -> tuple[str, int]:  # fmt: skip
    """(W - F + 2P) / S for one side as text (in floor() or ceil() when not whole), and the
    output size it comes to, that quotient + 1."""
    span = f"{kernel}" if dilation == 1 else f"({dilation}*({kernel} - 1) + 1)"
    numerator = size_in - (dilation * (kernel - 1) + 1) + 2 * padding
    text = f"({size_in} - {span} + 2*{padding}) / {stride}"
    if numerator % stride:
        text = f"{'ceil' if ceil_mode else 'floor'}({text})"
    quotient = -(-numerator // stride) if ceil_mode else numerator // stride
    return text, quotient + 1
