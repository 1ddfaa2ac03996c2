"""The test split of the current model's data set: loaded once, in the background, for every
view that needs it.

Inspect browses it, Evaluate and the Projector run the model over all of it, and the unit
views scan it; each used to load a copy of its own, one of them without checking that the
split's classes are the model's. Here it is loaded once per model description (data set,
classes, input size), refused when its classes are not the model's, and held until another
model needs another split.

The session is Qt-free, so how the loading runs off the GUI thread is given to it: a runner
(the app's runs a BackgroundCall, and reports back in the GUI thread; a test's may run at
once). A Generation drops a split that arrives after another was asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from psygnal import Signal

from cnnviz.core.data.types import LoadedDataset
from cnnviz.core.errors import CnnvizError
from cnnviz.core.training.evaluation import TrainedOn, load_test_split
from cnnviz.session.generation import Generation


class Task(Protocol):
    """Slow work under way, as a runner hands it back."""

    def cancel(self) -> None: ...

    def wait(self, timeout_ms: int = ...) -> bool: ...


#: runs ``function()`` off the GUI thread, then ``on_done(result)`` or ``on_error(exception)``
#: in it; returns the task (None when it has already run)
Runner = Callable[[Callable[[], Any], Callable[[Any], None], Callable[[Exception], None]],
                  Task | None]  # fmt: skip
#: loads a split: (the model it is for, the data folder) -> the split
Loader = Callable[[TrainedOn, Path], LoadedDataset]


def run_at_once(function: Callable[[], Any], on_done: Callable[[Any], None],
                on_error: Callable[[Exception], None]) -> None:  # fmt: skip
    """A runner that runs in the calling thread (a benchmark, a test)."""
    try:
        result = function()
    except Exception as exc:  # handed on, as a worker does
        on_error(exc)
        return
    on_done(result)


@dataclass(frozen=True)
class SplitKey:
    """What a split must match: the model's data set, its classes and its input shape."""

    dataset: str
    class_names: tuple[str, ...]
    input_shape: tuple[int, ...]

    @classmethod
    def of(cls, model: TrainedOn) -> SplitKey:
        return cls(model.dataset, tuple(model.class_names), tuple(model.input_shape))


class FollowedSession(Protocol):
    """What the split follows: the session's current model."""

    current_changed: Any
    current: Any


class CurrentSplit:
    """The test split of the model the views show. Events: ``loading(SplitKey)`` when a
    split starts to load, ``ready(LoadedDataset)`` when it is here, ``failed(Exception)``
    when it cannot be had (no files, other classes)."""

    loading = Signal(object)
    ready = Signal(object)
    failed = Signal(object)

    def __init__(self, runner: Runner, data_dir: Callable[[], Path],
                 load: Loader = load_test_split) -> None:  # fmt: skip
        self._runner, self._data_dir, self._load = runner, data_dir, load
        self._generation = Generation()
        self._task: Task | None = None
        self._waiting: list[tuple[Callable[[LoadedDataset], None],
                                  Callable[[Exception], None]]] = []  # fmt: skip
        self.key: SplitKey | None = None
        self.data: LoadedDataset | None = None
        self.error: Exception | None = None

    def follow(self, session: FollowedSession) -> None:
        """Load the split of the session's current model, now and whenever it changes."""
        session.current_changed.connect(self._on_current)
        self.request(session.current.meta)

    def _on_current(self, current: Any) -> None:
        self.request(current.meta)

    @property
    def is_loading(self) -> bool:
        return self.key is not None and self.data is None and self.error is None

    def request(self, model: TrainedOn) -> None:
        """Load the split of this model (a checkpoint's meta, a run's StartedEvent), unless
        it is here or on its way; a split that failed is tried again (the files may be
        there now)."""
        key = SplitKey.of(model)
        if key == self.key and self.error is None:
            return
        if self._task is not None:
            self._task.cancel()
        superseded, self._waiting = self._waiting, []
        token = self._generation.next()
        self.key, self.data, self.error = key, None, None
        for _, on_failed in superseded:
            on_failed(CnnvizError("another model's test split was asked for first"))
        self.loading.emit(key)
        data_dir = self._data_dir()
        self._task = self._runner(lambda: self._load(key, data_dir),
                                  lambda data: self._done(token, data),
                                  lambda error: self._failed(token, error))  # fmt: skip

    def split_for(self, model: TrainedOn) -> LoadedDataset | None:
        """The split, if it is here and is this model's."""
        return self.data if self.key == SplitKey.of(model) else None

    def when_ready(self, model: TrainedOn, on_ready: Callable[[LoadedDataset], None],
                   on_failed: Callable[[Exception], None]) -> None:  # fmt: skip
        """``on_ready(split)`` with this model's split, now if it is here, else once it has
        loaded; ``on_failed(error)`` if it cannot be had, or another split is asked for
        before it arrives."""
        self.request(model)
        if self.data is not None:
            on_ready(self.data)
        elif self.error is not None:
            on_failed(self.error)
        else:
            self._waiting.append((on_ready, on_failed))

    def stop(self, timeout_ms: int = 5000) -> None:
        """Cancel a split still loading and wait for it, briefly (the window closes)."""
        self._generation.next()
        if self._task is not None:
            self._task.cancel()
            self._task.wait(timeout_ms)

    def _done(self, token: int, data: LoadedDataset) -> None:
        if not self._generation.is_current(token):
            return
        self.data, self._task = data, None
        waiting, self._waiting = self._waiting, []
        self.ready.emit(data)
        for on_ready, _ in waiting:
            on_ready(data)

    def _failed(self, token: int, error: Exception) -> None:
        if not self._generation.is_current(token):
            return
        self.error, self._task = error, None
        waiting, self._waiting = self._waiting, []
        self.failed.emit(error)
        for _, on_failed in waiting:
            on_failed(error)
