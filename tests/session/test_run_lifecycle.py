"""The run's state machine, without a display."""

import pytest

from cnnviz.core.training.events import FailedEvent, FinishedEvent, StoppedEvent
from cnnviz.session.run_lifecycle import Phase, RunLifecycle

FINISHED = FinishedEvent(1, 10, 0.9, 0.9, 1.0, 1.0, 100.0, "c.pt")
STOPPED = StoppedEvent(0, 4, "c.pt")
CANCELLED = StoppedEvent(0, 0, None)
FAILED = FailedEvent("boom", "")


def test_a_whole_run_with_a_pause():
    run = RunLifecycle()
    seen = []
    run.changed.connect(seen.append)
    assert run.begin() and run.training_started()
    assert run.pause() and run.resume() and run.ended(FINISHED)
    assert seen == [Phase.LOADING, Phase.TRAINING, Phase.PAUSED, Phase.TRAINING,
                    Phase.FINISHED]
    assert run.phase.at_rest and run.begin()  # a finished run may start again


@pytest.mark.parametrize(("event", "phase"), [(STOPPED, Phase.STOPPED), (FAILED, Phase.FAILED),
                                              (CANCELLED, Phase.IDLE)])
def test_how_a_stopped_run_ends(event, phase):
    run = RunLifecycle()
    run.begin()
    run.training_started()
    assert run.request_stop() and run.phase is Phase.STOPPING
    assert run.ended(event) and run.phase is phase


def test_cancel_while_loading_goes_back_to_idle():
    run = RunLifecycle()
    run.begin()
    assert run.request_stop()
    assert not run.training_started()  # a late start does not undo the cancel
    run.ended(CANCELLED)
    assert run.phase is Phase.IDLE


@pytest.mark.parametrize("move", ["training_started", "pause", "resume", "request_stop"])
def test_moves_that_make_no_sense_at_rest_are_refused(move):
    run = RunLifecycle()
    seen = []
    run.changed.connect(seen.append)
    assert not getattr(run, move)()
    assert run.phase is Phase.IDLE and seen == []


def test_no_second_start_while_a_run_is_active_and_no_end_at_rest():
    run = RunLifecycle()
    assert run.begin()
    assert not run.begin()
    run.training_started()
    assert not run.resume()  # not paused
    run.ended(FAILED)
    assert not run.ended(FINISHED) and run.phase is Phase.FAILED
