"""The run that trains, driven without Qt: start, pause, resume, stop and close, the worker's
events handed to the Session, and the progress, rate and ETA the views show.

The handle of a run (a training thread, or a torchrun job) is built by a factory the UI
passes in, and the controller only sees it through ``RunHandle``; the handle hands its
worker's events back through ``RunEvents`` (in the GUI thread), which the controller
implements. Views subscribe to the controller's signals and to the Session's; none of them
decides what a run may do next, and none passes events on to another.

What it says to the user (the status line, the loading text) goes out as ``Message``s: the
English sentence, which the views translate (cnnviz/core/translatable.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Protocol

from psygnal import Signal

from cnnviz.core.training.config import TrainConfig
from cnnviz.core.training.events import (
    EpochEvent,
    FinishedEvent,
    StartedEvent,
    StepEvent,
    StoppedEvent,
    TerminalEvent,
    WeightsEvent,
)
from cnnviz.core.training.reports import TrainingEvent
from cnnviz.core.translatable import QT_TRANSLATE_NOOP, Message
from cnnviz.session.run_lifecycle import Phase
from cnnviz.session.runs import RunsState
from cnnviz.session.session import CurrentModel, Session

#: how long the end of a run waits for its worker thread, which has sent its last signal
END_WAIT_MS = 2000


class RunEvents(Protocol):
    """Where a run handle sends its worker's events, in the GUI thread."""

    def on_loading(self, status: tuple[str, float | None]) -> None: ...
    def on_steps(self, steps: list[StepEvent]) -> None: ...
    def on_event(self, event: TrainingEvent) -> None: ...
    def on_held(self) -> None: ...
    def on_finished(self, event: TerminalEvent) -> None: ...


class RunHandle(Protocol):
    """A run under way, as the controller sees it: a training thread of this app, or a job
    of several processes that it launched and follows."""

    #: a run that can pause (a torchrun job only stops)
    can_pause: bool
    #: weight snapshots for live inspection (a job's weights stay in its processes)
    sends_weights: bool
    #: the run goes on by itself when the app closes (closing asks whether to stop it)
    detached: bool
    #: seconds between weight snapshots; None: none wanted
    snapshot_interval: float | None

    def start(self) -> None: ...
    def pause(self) -> None: ...
    def resume(self) -> None: ...
    def request_stop(self) -> None: ...
    def stop_and_wait(self, timeout_ms: int) -> bool: ...
    def wait_ended(self, timeout_ms: int) -> bool: ...
    def snapshot_taken(self) -> None: ...

    @property
    def is_running(self) -> bool: ...


@dataclass(frozen=True)
class RunFactory:
    """How the UI builds a run: ``local(config, events)`` in this process, or
    ``job(config, processes, log_path, events)`` for several processes."""

    local: Callable[[TrainConfig, RunEvents], RunHandle]
    job: Callable[[TrainConfig, int, Path, RunEvents], RunHandle]


@dataclass(frozen=True)
class Progress:
    """Where a run is. The rate and the ETA are None while it is not training (paused,
    stopping): a paused run has neither."""

    step: int
    total_steps: int
    images_per_second: float | None = None
    eta_seconds: int | None = None


class CloseAnswer(Enum):
    """What closing the app does to the run under way."""

    NOW = "now"  # nothing runs (any more): close
    ASK = "ask"  # a detached job runs: ask whether to leave it running or stop it
    LATER = "later"  # stopping takes longer: close once the run has ended


def eta_seconds(remaining_steps: int, images_per_second: float, batch_size: int) -> int | None:
    """Seconds left at this rate; None when there is no rate."""
    steps_per_second = images_per_second / max(1, batch_size)
    return int(remaining_steps / steps_per_second) if steps_per_second > 0 else None


def said(text: str, **values: object) -> Message:
    """What the controller says, for the views to translate (marked under "RunController")."""
    return Message("RunController", text, **values)


def ending_message(event: TerminalEvent) -> Message:
    """The status line a run's terminal event leaves."""
    if isinstance(event, FinishedEvent):
        return said(QT_TRANSLATE_NOOP("RunController",
                                      "finished: test accuracy {accuracy} in {seconds} s"),
                    accuracy=f"{event.test_acc:.2%}", seconds=f"{event.wall_seconds:.0f}")
    if isinstance(event, StoppedEvent):
        return stopped_text(event)
    return said(QT_TRANSLATE_NOOP("RunController", "training failed"))


def stopped_text(event: StoppedEvent) -> Message:
    """A stop before the first step trained and saved nothing: a cancel."""
    if event.checkpoint:
        return said(QT_TRANSLATE_NOOP("RunController", "stopped at step {step}"),
                    step=event.step)
    return said(QT_TRANSLATE_NOOP("RunController", "cancelled: nothing was trained or saved"))


class RunController:
    """The one run of the app. Events: ``loading(message, fraction)`` while data loads
    (fraction None: unknown), ``stepped(list[StepEvent])``, ``progressed(Progress)`` after
    them, ``reported(event)`` for every other event of the run, ``ended(event)`` for its
    terminal event, ``state_changed(Phase, can_pause)`` with each phase, ``status(text,
    milliseconds)`` for the status line (0: until replaced; a ``Message`` when the controller
    wrote the text), ``remembered(Path)`` for a
    checkpoint the recent list keeps, and ``close_ready()`` when a close that waited for the
    run may go on. The Session's ``run_started`` and ``run.changed`` come first."""

    loading = Signal(str, object)
    stepped = Signal(object)
    progressed = Signal(object)
    reported = Signal(object)
    ended = Signal(object)
    state_changed = Signal(object, bool)
    status = Signal(str, int)
    remembered = Signal(object)
    close_ready = Signal()

    def __init__(self, session: Session, runs: RunsState, factory: RunFactory) -> None:
        self.session = session
        self.runs = runs
        self.factory = factory
        self.handle: RunHandle | None = None
        self.total_steps = 0
        self.last_step = 0
        self.batch_size = 1
        self._snapshot_interval: float | None = None
        #: the app closes once the run under way has ended
        self.close_pending = False
        session.run.changed.connect(self._on_phase)
        session.run_started.connect(self._on_started)
        session.current_changed.connect(self.show_current_run)

    # -- state ------------------------------------------------------------------------------
    @property
    def phase(self) -> Phase:
        return self.session.run.phase

    @property
    def can_pause(self) -> bool:
        """A job of several processes stops, it never pauses."""
        return self.handle is None or self.handle.can_pause

    @property
    def sends_weights(self) -> bool:
        return self.handle is not None and self.handle.sends_weights

    @property
    def snapshot_interval(self) -> float | None:
        return self._snapshot_interval

    @snapshot_interval.setter
    def snapshot_interval(self, seconds: float | None) -> None:
        """Seconds between weight snapshots of the run (now and of runs to come); None while
        nobody watches them."""
        self._snapshot_interval = seconds
        if self.handle is not None:
            self.handle.snapshot_interval = seconds

    def shows_own_run(self, current: CurrentModel) -> bool:
        """Whether the current weights are a checkpoint of the last run of this app, so that
        how that run went is the current model's state (another model's is not)."""
        run_dir = self.session.run_dir
        return current.trained and run_dir is not None and current.path is not None \
            and current.path.parent == run_dir  # fmt: skip

    def _on_phase(self, phase: Phase) -> None:
        self.state_changed.emit(phase, self.can_pause)

    # -- which run the plots show -----------------------------------------------------------
    def show_current_run(self, current: CurrentModel | None = None) -> None:
        """At rest, the plots show the current weights' run (also for a copy saved
        elsewhere, while its run folder is there), and nothing else; while a run trains they
        are that run's."""
        current = current or self.session.current
        if self.phase.at_rest:
            self.runs.show_run(current.run_folder)

    def show_run(self, folder: Path) -> bool:
        """Show a run folder's curves; while a run trains it is drawn over that run instead
        (returns False then)."""
        if self.phase.active:
            self.runs.set_overlaid(folder, True)
            return False
        self.runs.show_run(folder)
        return True

    # -- what the user asks -----------------------------------------------------------------
    def start(self, config: TrainConfig, processes: int = 1) -> bool:
        """Start a planned run (``Session.plan``): in this process, or as a torchrun job of
        ``processes`` processes when there are several. False when one is under way."""
        assert config.out_dir is not None, "a planned run has its folder (Session.plan)"
        if not self.session.begin(config):
            return False
        folder = Path(config.out_dir)
        self.total_steps, self.last_step, self.batch_size = 0, 0, config.batch_size
        self.runs.show_own_run(folder, resumed=config.resume is not None,
                               settings=config.to_dict())
        if processes > 1:
            log = self.session.home / ".logs" / f"{folder.name}.log"
            self.handle = self.factory.job(config, processes, log, self)
        else:
            self.handle = self.factory.local(config, self)
        self.handle.snapshot_interval = self._snapshot_interval
        self.loading.emit(said(QT_TRANSLATE_NOOP("RunController", "loading data...")), None)
        self.status.emit(said(QT_TRANSLATE_NOOP("RunController", "loading {dataset}..."),
                              dataset=config.dataset), 0)
        self.handle.start()
        return True

    def toggle_pause(self) -> None:
        if self.handle is None or not self.handle.can_pause:
            return
        if self.session.run.pause():
            self.handle.pause()
            self.status.emit(said(QT_TRANSLATE_NOOP("RunController",
                                                    "pausing after the step in flight...")), 0)
        elif self.session.run.resume():
            self.handle.resume()
            self.status.emit("", 0)

    def stop(self) -> None:
        if self.handle is not None and self.session.run.request_stop():
            self.handle.request_stop()
            self.status.emit(said(QT_TRANSLATE_NOOP("RunController",
                                                    "stopping at the next batch...")), 0)

    def close(self, wait_ms: int) -> CloseAnswer:
        """The app is closing: stop a run of this process (it saves a checkpoint) and wait
        for it, but never without bound; a detached job is the user's to leave or stop."""
        handle = self.handle
        if handle is None or not handle.is_running:
            return CloseAnswer.NOW
        if handle.detached:  # once the user chose to stop it, closing waits no more
            return CloseAnswer.NOW if self.close_pending else CloseAnswer.ASK
        self.session.run.request_stop()
        self.status.emit(said(QT_TRANSLATE_NOOP(
            "RunController", "stopping training and saving a checkpoint...")), 0)
        if handle.stop_and_wait(wait_ms):
            return CloseAnswer.NOW
        self.close_pending = True
        self.status.emit(said(QT_TRANSLATE_NOOP(
            "RunController", "the window closes when the current batch ends")), 0)
        return CloseAnswer.LATER

    def leave_running(self) -> None:
        """The detached job goes on without the app; the runs list finds it again."""
        self.handle = None

    def stop_then_close(self) -> None:
        self.close_pending = True
        self.stop()

    # -- events from the run (RunEvents) ----------------------------------------------------
    def on_loading(self, status: tuple[str, float | None]) -> None:
        message, fraction = status
        self.status.emit(message, 0)
        self.loading.emit(message, fraction)

    def on_steps(self, steps: list[StepEvent]) -> None:
        self.stepped.emit(steps)
        last = steps[-1]
        self.last_step = last.step
        if self.phase is not Phase.TRAINING:  # paused or stopping: no rate, no ETA
            self.progressed.emit(Progress(last.step, self.total_steps))
            return
        remaining = max(0, self.total_steps - last.step)
        self.progressed.emit(Progress(last.step, self.total_steps, last.images_per_second,
                                      eta_seconds(remaining, last.images_per_second,
                                                  self.batch_size)))  # fmt: skip

    def on_event(self, event: TrainingEvent) -> None:
        self.session.handle(event)
        self.reported.emit(event)
        if isinstance(event, EpochEvent):
            self.status.emit(said(QT_TRANSLATE_NOOP("RunController",
                                                    "epoch {epoch}: test accuracy {accuracy}"),
                                  epoch=event.epoch, accuracy=f"{event.test_acc:.2%}"), 10000)
        elif isinstance(event, WeightsEvent) and self.handle is not None:
            self.handle.snapshot_taken()  # the views have it: the next one may be copied

    def on_held(self) -> None:
        self.status.emit(said(QT_TRANSLATE_NOOP("RunController", "paused after step {step}"),
                              step=self.last_step), 0)

    def _on_started(self, event: StartedEvent) -> None:
        self.total_steps = event.total_steps
        self.status.emit(said(QT_TRANSLATE_NOOP("RunController",
                                                "training {model}, {parameters} parameters"),
                              model=event.model, parameters=f"{event.parameters:,}"), 5000)

    def on_finished(self, event: TerminalEvent) -> None:
        if self.handle is not None:
            self.handle.wait_ended(END_WAIT_MS)  # the worker has emitted its last signal
        self.session.handle(event)
        current = self.session.current
        if self.shows_own_run(current) and current.path is not None:
            self.remembered.emit(current.path)
        self.status.emit(ending_message(event), 0)
        self.ended.emit(event)
        if self.close_pending:
            self.close_ready.emit()

