"""How long a pass over the test set will take, said before it starts: an empty Evaluate or
Projector tab says what its button gives, and when (issue 24).

An estimate is a count (images, points) times a rate: the rate measured in this window for
the same work when there is one, else a conservative constant, and the words say which. The
speed of a forward pass depends on the architecture and the input size, not on the weights,
so a rate is kept per model name and input shape; a t-SNE's per number of points.
"""

from __future__ import annotations

import math
from collections.abc import Hashable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from cnnviz.core.data.types import LoadedDataset
from cnnviz.core.training.evaluation import TrainedOn

#: seconds a forward pass on the CPU takes per test image, when none was measured: high on
#: purpose (measured on a busy 2-core machine: the resnet 2.6 ms, simple-cnn 1 ms, lenet5
#: 0.5 ms; simple-cnn 0.09 ms on an idle one), so that the estimate is an upper bound
SECONDS_PER_IMAGE = 0.003
#: seconds per point of a t-SNE, when none was measured: 10,000 points took about 100 s on a
#: busy machine (52 s on 2 cores otherwise, core/analysis/embedding.py)
TSNE_SECONDS_PER_POINT = 0.01


@dataclass(frozen=True)
class Estimate:
    seconds: float
    measured: bool  # from a rate measured in this window, else from a conservative constant


class Rates:
    """Seconds per item, as measured in this window, by what decides the speed."""

    def __init__(self) -> None:
        self._per_item: dict[Hashable, float] = {}

    def record(self, key: Hashable, seconds: float, count: int) -> None:
        if count > 0:
            self._per_item[key] = seconds / count

    def estimate(self, key: Hashable, count: int, conservative: float) -> Estimate:
        """``count`` items at the rate measured for ``key``, else ``conservative`` each."""
        rate = self._per_item.get(key)
        return Estimate(count * (conservative if rate is None else rate), rate is not None)


def architecture(meta: TrainedOn) -> tuple:
    """What decides a forward pass's speed: the model and its input's shape."""
    return meta.model, tuple(meta.input_shape)


def test_images_text(meta: TrainedOn, data: LoadedDataset | None) -> str:
    """What a pass runs over: "the 10,000 test images of mnist", or without the count while
    the split loads (a test set is never one image: no plural form is needed)."""
    if data is None:
        return QCoreApplication.translate("Estimate", "the test images of {dataset}").format(
            dataset=meta.dataset)
    return QCoreApplication.translate("Estimate", "the {count} test images of {dataset}").format(
        count=f"{len(data.test):,}", dataset=data.info.name)


def duration_text(seconds: float) -> str:
    """A duration in round words, rounded up as an estimate should be: under a second, about
    whole seconds, or about whole minutes (from 90 s)."""
    if seconds < 1:
        return QCoreApplication.translate("Estimate", "under a second")
    if seconds < 90:
        return QCoreApplication.translate("Estimate", "about {seconds} s").format(
            seconds=math.ceil(seconds))
    return QCoreApplication.translate("Estimate", "about {minutes} min").format(
        minutes=math.ceil(seconds / 60))


#: the words for an estimate from a conservative constant, by what is counted, with the constant
_CONSERVATIVE = {
    "image": (QT_TRANSLATE_NOOP("Estimate", "up to {duration} (at a conservative {ms} ms an "
                                "image; the next estimate uses the speed measured)"),
              SECONDS_PER_IMAGE),
    "point": (QT_TRANSLATE_NOOP("Estimate", "up to {duration} (at a conservative {ms} ms a "
                                "point; the next estimate uses the speed measured)"),
              TSNE_SECONDS_PER_POINT),
}  # fmt: skip


def estimate_text(estimate: Estimate, counted: str) -> str:
    """"about 2 s (at the speed measured...)" or "up to about 30 s (at a conservative 3 ms
    an image...)": an estimate and where its rate comes from. ``counted``: "image" or
    "point", what the conservative constant is per."""
    if estimate.measured:
        return QCoreApplication.translate(
            "Estimate", "{duration} (at the speed measured on its last run here)").format(
            duration=duration_text(estimate.seconds))  # fmt: skip
    words, constant = _CONSERVATIVE[counted]
    return QCoreApplication.translate("Estimate", words).format(
        duration=duration_text(max(1.0, estimate.seconds)), ms=f"{1000 * constant:g}")
