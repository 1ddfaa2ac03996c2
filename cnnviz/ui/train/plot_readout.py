"""What the training plots tell about their data: the hover readouts' text and the exports.

Split from training_plots.py (issue 22: no module over 450 lines): reading values back out
of the plots' series (for the text under the mouse, a CSV file or PNG images) needs none of
the drawing. ``TrainingPlots`` mixes it in; the attributes declared below are the ones it
provides. The texts keep the translation context "TrainingPlots" they had there, so the .ts
entries still match.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication

from cnnviz.ui.train.curves import GrowableSeries, RunClock, XAxis
from cnnviz.ui.widgets.charts import export_plot_png

translate = QCoreApplication.translate


class PlotReadout:
    """The hover text at a point of the plots, and the plots' data written to files."""

    loss_plot: pg.PlotWidget
    accuracy_plot: pg.PlotWidget
    axis: XAxis
    clock: RunClock
    raw_loss: GrowableSeries
    smooth_loss: GrowableSeries
    train_acc: GrowableSeries
    test_loss: GrowableSeries
    test_acc: GrowableSeries

    # -- hover ------------------------------------------------------------------------------
    def _position_text(self, x: float) -> str:
        """Where a point is: its epoch, and its step or time on those axes."""
        epoch = translate("TrainingPlots", "epoch {epoch}").format(epoch=f"{x:.2f}")
        if self.axis is XAxis.STEPS:
            step = float(self.clock.to_axis(np.array([x]), XAxis.STEPS)[0])
            return translate("TrainingPlots", "step {step} ({epoch})").format(
                step=f"{step:.0f}", epoch=epoch)
        if self.axis is XAxis.TIME:
            seconds = float(self.clock.to_axis(np.array([x]), XAxis.TIME)[0])
            return translate("TrainingPlots", "{seconds} s ({epoch})").format(
                seconds=f"{seconds:.1f}", epoch=epoch)
        return epoch

    def _describe(self, x_view: float, series: GrowableSeries, test: GrowableSeries,
                  values: Callable[[int], list[str]]) -> str | None:  # fmt: skip
        """What the readout says at ``x_view``: the position of the nearest point of
        ``series``, its ``values``, and the test result there if there is one."""
        index = series.nearest(self.clock.from_axis(x_view, self.axis))
        if index is None:
            return None
        x = series.x[index]
        lines = [self._position_text(x), *values(index)]
        test_index = test.nearest(x)
        if test_index is not None and abs(test.x[test_index] - x) < 0.02:
            lines.append(translate("TrainingPlots", "test {value}").format(
                value=f"{test.y[test_index]:.4g}"))
        return "\n".join(lines)

    def _describe_loss(self, x_view: float) -> str | None:
        return self._describe(x_view, self.smooth_loss, self.test_loss, lambda i: [
            translate("TrainingPlots", "loss {value}").format(value=f"{self.raw_loss.y[i]:.4f}"),
            translate("TrainingPlots", "smoothed {value}").format(
                value=f"{self.smooth_loss.y[i]:.4f}")])

    def _describe_accuracy(self, x_view: float) -> str | None:
        return self._describe(x_view, self.train_acc, self.test_acc, lambda i: [
            translate("TrainingPlots", "train accuracy {value}%").format(
                value=f"{self.train_acc.y[i]:.2f}")])

    # -- export -----------------------------------------------------------------------------
    def export_csv(self, path: Path) -> None:
        """One row per step (epoch, loss, smoothed loss, running train accuracy), and one per
        test evaluation."""
        with Path(path).open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["kind", "epoch", "loss", "smoothed_loss", "accuracy_percent"])
            for x, loss, smooth, acc in zip(self.raw_loss.x, self.raw_loss.y,
                                            self.smooth_loss.y, self.train_acc.y, strict=True):
                writer.writerow(["train_step", f"{x:.5f}", f"{loss:.6f}", f"{smooth:.6f}",
                                 f"{acc:.3f}"])  # fmt: skip
            losses = dict(zip(self.test_loss.x, self.test_loss.y, strict=True))
            for x, acc in zip(self.test_acc.x, self.test_acc.y, strict=True):
                loss = losses.get(x)
                writer.writerow(["test", f"{x:.5f}", "" if loss is None else f"{loss:.6f}", "",
                                 f"{acc:.3f}"])  # fmt: skip

    def export_png(self, path: Path) -> list[Path]:
        """Both plots as PNG files: PATH for the loss and PATH-accuracy.png for accuracy."""
        path = Path(path)
        outputs = [path, path.with_name(f"{path.stem}-accuracy{path.suffix or '.png'}")]
        for plot, out in zip((self.loss_plot, self.accuracy_plot), outputs, strict=True):
            export_plot_png(plot, out, max(800, plot.width()))
        return outputs
