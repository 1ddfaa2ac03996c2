"""Inspect's "Next misclassified": the search through the test split runs in the background,
on a copy of the model (a run's weights may arrive meanwhile), and a newer search or a new
model drops the one under way (its token is stale)."""

from __future__ import annotations

import copy
from collections.abc import Callable

from cnnviz.core.analysis.inspection import ModelInspector
from cnnviz.core.analysis.prediction import first_mistake
from cnnviz.core.data.types import ImageSplit
from cnnviz.session.generation import Generation
from cnnviz.ui.workers.background import BackgroundCall, stop_call


class MistakeSearch:
    """``on_found(index)`` with the first mistake after ``start``, None when there is none;
    ``on_error(exception)`` if the search failed."""

    def __init__(self, on_found: Callable[[int | None], None],
                 on_error: Callable[[Exception], None]) -> None:  # fmt: skip
        self.on_found, self.on_error = on_found, on_error
        self.call: BackgroundCall | None = None
        self.generation = Generation()
        self._running: int | None = None

    @property
    def running(self) -> bool:
        return self._running is not None

    def start(self, inspector: ModelInspector, test: ImageSplit, start: int) -> None:
        model, normalizer = copy.deepcopy(inspector.model), inspector.normalizer
        self.drop()
        token = self._running = self.generation.next()
        self.call = BackgroundCall(
            lambda state: first_mistake(model, normalizer, test, start,
                                        state.is_interruption_requested),
            lambda found: self._ended(token, self.on_found, found),
            lambda error: self._ended(token, self.on_error, error))  # fmt: skip

    def drop(self) -> None:
        """Forget the search under way (a new model), and ask it to stop."""
        self.generation.next()
        self._running = None
        if self.call is not None:
            self.call.cancel()

    def stop(self) -> None:
        """Drop it and wait for it, briefly (the window closes)."""
        self.drop()
        stop_call(self.call)

    def _ended(self, token: int, handler: Callable, outcome: object) -> None:
        if self.generation.is_current(token):
            self._running = None
            handler(outcome)
