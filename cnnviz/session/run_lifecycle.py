"""The lifecycle of a training run as a small state machine, without Qt.

idle -> loading -> training <-> paused; any active phase -> stopping; a run ends finished,
stopped or failed, or back at idle when it was cancelled before its first step. The buttons,
menus and status bar render the phase; nothing else decides what may happen next.
"""

from __future__ import annotations

from enum import Enum

from psygnal import Signal

from cnnviz.core.training.events import FailedEvent, FinishedEvent, StoppedEvent, TerminalEvent


class Phase(str, Enum):
    IDLE = "idle"
    LOADING = "loading"
    TRAINING = "training"
    PAUSED = "paused"
    STOPPING = "stopping"
    FINISHED = "finished"
    STOPPED = "stopped"
    FAILED = "failed"

    @property
    def active(self) -> bool:
        """A run is under way: its worker is alive."""
        return self in ACTIVE

    @property
    def at_rest(self) -> bool:
        return not self.active


ACTIVE = frozenset({Phase.LOADING, Phase.TRAINING, Phase.PAUSED, Phase.STOPPING})

#: every move the user may ask for; anything else is refused (returns False) and changes
#: nothing. How a run ends is the worker's to say (``ended``).
TRANSITIONS: dict[Phase, frozenset[Phase]] = {
    Phase.IDLE: frozenset({Phase.LOADING}),
    Phase.LOADING: frozenset({Phase.TRAINING, Phase.STOPPING}),
    Phase.TRAINING: frozenset({Phase.PAUSED, Phase.STOPPING}),
    Phase.PAUSED: frozenset({Phase.TRAINING, Phase.STOPPING}),
    Phase.STOPPING: frozenset(),
    Phase.FINISHED: frozenset({Phase.LOADING}),
    Phase.STOPPED: frozenset({Phase.LOADING}),
    Phase.FAILED: frozenset({Phase.LOADING}),
}


def ending_phase(event: TerminalEvent) -> Phase:
    """Where a run's terminal event leaves it: a stop before the first step (nothing saved,
    nothing trained) is a cancel, and leaves the app idle."""
    if isinstance(event, FinishedEvent):
        return Phase.FINISHED
    if isinstance(event, FailedEvent):
        return Phase.FAILED
    if isinstance(event, StoppedEvent) and event.checkpoint is None and event.step == 0:
        return Phase.IDLE
    return Phase.STOPPED


class RunLifecycle:
    """The phase of the current run; ``changed`` is emitted with each new phase."""

    changed = Signal(object)

    def __init__(self) -> None:
        self._phase = Phase.IDLE

    @property
    def phase(self) -> Phase:
        return self._phase

    def move(self, phase: Phase) -> bool:
        """Go to ``phase`` if that move is allowed; say whether it happened."""
        if phase not in TRANSITIONS[self._phase]:
            return False
        self._phase = phase
        self.changed.emit(phase)
        return True

    # the moves, named for what the user or the worker did
    def begin(self) -> bool:
        return self.move(Phase.LOADING)

    def training_started(self) -> bool:
        return self.move(Phase.TRAINING)

    def pause(self) -> bool:
        return self.move(Phase.PAUSED)

    def resume(self) -> bool:
        return self.move(Phase.TRAINING)

    def request_stop(self) -> bool:
        return self.move(Phase.STOPPING)

    def ended(self, event: TerminalEvent) -> bool:
        """The worker's terminal event is a fact, not a request: from any active phase the
        run ends where the event says (see ending_phase)."""
        if not self._phase.active:
            return False
        self._phase = ending_phase(event)
        self.changed.emit(self._phase)
        return True
