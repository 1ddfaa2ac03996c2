"""The convolution demo's texts, as pure functions of the settings and a step (issue 22:
conv_demo.py had grown past 450 lines): the output size formula, why a filter does not tile
the input, how one output element comes about, and a volume's size. Both ConvDemo and
ConvCanvas use them; every string keeps the "ConvDemo" translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from cnnviz.core.analysis.conv_demo import ConvSettings, Step, number_text

translate = QCoreApplication.translate


def _signed(value: int) -> str:
    return f"({value})" if value < 0 else str(value)


def volume_text(width: int, height: int, depth: int) -> str:
    """A volume in the tutorial's order, with the order said: "5x5x3 (W×H×D)"."""
    return translate("ConvDemo", "{width}x{height}x{depth} (W×H×D)").format(
        width=width, height=height, depth=depth)


def step_text(step: Step, column: list[int]) -> str:
    """How one output element comes about, as rich text: a line of products per depth slice,
    then the sum, the bias and the result; last, the depth column at that position (the
    outputs of every filter there)."""
    f = len(step.window[0])
    lines = [translate("ConvDemo", "<b>o[{row},{column},{filter}]</b> (row {row}, column "
                       "{column} of output slice {filter}): filter w{filter} on rows "
                       "{top}-{bottom}, columns {left}-{right} of the padded input").format(
        row=step.row, column=step.column, filter=step.filter, top=step.top,
        bottom=step.top + f - 1, left=step.left, right=step.left + f - 1)]
    for d, (window, weights) in enumerate(zip(step.window, step.weights, strict=True)):
        products = " + ".join(f"{int(x)}·{_signed(int(w))}" for x, w in
                              zip(window.flat, weights.flat, strict=True))  # fmt: skip
        lines.append(translate("ConvDemo", "slice {index}: {products} = {sum}").format(
            index=d, products=products, sum=step.slice_sums[d]))
    lines.append(translate("ConvDemo", "{sums} + bias b{filter} {bias} = <b>{result}</b>").format(
        sums=" + ".join(_signed(v) for v in step.slice_sums), filter=step.filter,
        bias=_signed(step.bias), result=step.result))
    lines.append(translate(
        "ConvDemo", "Depth column (fibre) at row {row}, column {column}: {values}, one output "
        "per filter, all looking at the same window with different filters (outlined in every "
        "output slice).").format(row=step.row, column=step.column,
                                 values=", ".join(map(str, column))))
    return "<br>".join(lines)


def formula_text(settings: ConvSettings) -> str:
    """The output size formula, the output volume (and what is dropped when the filter does
    not tile the input evenly) or why there is none, and the parameter count, as rich text."""
    s = settings
    parameters = translate("ConvDemo", "Parameters: K·(F·F·D1 + 1) = {count}").format(
        count=f"{s.filters}·({s.kernel}·{s.kernel}·{s.depth} + 1) = {s.parameters}")
    size = translate("ConvDemo", "Output size (W − F + 2P) / S + 1: {formula}").format(
        formula=s.formula())
    if not s.valid:
        problem = translate(
            "ConvDemo", "the {kernel}x{kernel} filter is larger than the padded input "
            "({width}x{height} with zero padding {padding} is {padded_width}x{padded_height}): "
            "make the filter smaller or the padding larger").format(
            kernel=s.kernel, width=s.width, height=s.height, padding=s.padding,
            padded_width=s.width + 2 * s.padding, padded_height=s.height + 2 * s.padding)
        return translate("ConvDemo", "{size}<br><span style='color:#b00000'><b>No output:</b> "
                         "{problem}</span><br>{parameters}").format(
            size=size, problem=problem, parameters=parameters)
    volume = volume_text(s.output_width, s.output_height, s.filters)
    text = translate("ConvDemo", "{size}: an output volume of {volume}.").format(
        size=size, volume=volume)
    if sides := tiling_text(s):
        text += translate("ConvDemo", "<br><span style='color:#a04000'><b>Floored</b> (dropped "
                          "cells hatched): {sides}</span>").format(sides=sides)  # fmt: skip
    return f"{text}<br>{parameters}"


#: what is dropped along a side, for one row or column and for several
DROPPED_SIDE = {
    ("width", False): QT_TRANSLATE_NOOP(
        "ConvDemo", "along the width, {calculation} = {exact} is not whole, and the last column "
        "(column {last}) of the padded input is dropped"),
    ("width", True): QT_TRANSLATE_NOOP(
        "ConvDemo", "along the width, {calculation} = {exact} is not whole, and the last "
        "{count} columns (columns {first}-{last}) of the padded input are dropped"),
    ("height", False): QT_TRANSLATE_NOOP(
        "ConvDemo", "along the height, {calculation} = {exact} is not whole, and the last row "
        "(row {last}) of the padded input is dropped"),
    ("height", True): QT_TRANSLATE_NOOP(
        "ConvDemo", "along the height, {calculation} = {exact} is not whole, and the last "
        "{count} rows (rows {first}-{last}) of the padded input are dropped"),
}


def tiling_text(settings: ConvSettings) -> str:
    """"" when the filter tiles the padded input evenly, else why not and which rows and
    columns PyTorch drops (the core's ``tiling()``, in the interface's language)."""
    s = settings
    sides = [translate("ConvDemo", DROPPED_SIDE[side.axis, side.count > 1]).format(
        calculation=f"({side.size} - {s.kernel} + 2*{s.padding}) / {s.stride}",
        exact=number_text(side.exact), count=side.count, first=side.first, last=side.last)
        for side in s.untiled()]  # fmt: skip
    if not sides:
        return ""
    return translate("ConvDemo", "The {kernel}x{kernel} filter at stride {stride} does not tile "
                     "the padded input evenly, so PyTorch floors the division and drops what no "
                     "window reaches: {sides}.").format(
        kernel=s.kernel, stride=s.stride, sides=translate("ConvDemo", "; ").join(sides))
