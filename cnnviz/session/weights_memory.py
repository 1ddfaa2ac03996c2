"""The weights each model last had in this window, so that choosing a model again brings them
back: pick lenet5, then simple-cnn, and simple-cnn has its shipped weights (or its run's, or
the checkpoint's) again instead of random ones.

A model's weights belong to a data set (its classes, its input size), so they are kept by
model and data set. What is kept is the CurrentModel itself: bringing it back loads nothing
and runs no code that was not trusted when it was first made current.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cnnviz.core.training.config import same_dataset

if TYPE_CHECKING:
    from cnnviz.session.session import CurrentModel


def _dataset(current: CurrentModel) -> str:
    """The data set the weights were made for, as the run panel names it (an image folder's
    ``folder:`` path, not its short name)."""
    meta = current.meta
    return str(meta.config.get("dataset", meta.dataset))


def made_for(current: CurrentModel, model: str, dataset: str) -> bool:
    """Whether ``current`` is ``model`` with weights for ``dataset``."""
    return current.meta.model == model and same_dataset(_dataset(current), dataset)


class WeightsMemory:
    """The last trained weights of each (model, data set) shown in this window."""

    def __init__(self) -> None:
        self._kept: list[CurrentModel] = []

    def remember(self, current: CurrentModel) -> None:
        """Keep ``current`` as its model's weights for its data set; an untrained model
        leaves what was kept."""
        if not current.trained:
            return
        key = (current.meta.model, _dataset(current))
        self._kept = [kept for kept in self._kept if not made_for(kept, *key)]
        self._kept.append(current)

    def recall(self, model: str, dataset: str) -> CurrentModel | None:
        """The weights ``model`` last had for ``dataset`` in this window, or None; none whose
        file is gone since (a run moved to the trash), which could be neither saved nor
        trained on."""
        return next((kept for kept in self._kept if made_for(kept, model, dataset)
                     and kept.path is not None and kept.path.is_file()), None)  # fmt: skip
