"""A run driven through the RunController without a display: a fake run handle stands for the
training thread or the torchrun job, and the test plays its worker's events."""

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from cnnviz.core.training.config import TrainConfig
from cnnviz.core.training.events import (
    EpochEvent,
    FinishedEvent,
    StartedEvent,
    StepEvent,
    StoppedEvent,
    WeightsEvent,
)
from cnnviz.core.training.trainer import Trainer
from cnnviz.session.run_controller import (
    CloseAnswer,
    Progress,
    RunController,
    RunFactory,
    eta_seconds,
)
from cnnviz.session.run_lifecycle import Phase
from cnnviz.session.runs import RunsState
from cnnviz.session.session import Session, TrainMode
from cnnviz.session.trust_store import TrustStore


class FakeRun:
    """What the controller may ask of a run, recorded; ``stops_in_time`` says whether a
    stop-and-wait ends the run within the wait."""

    def __init__(self, config, events, processes=1, log=None, can_pause=True, detached=False):
        self.config, self.events, self.processes, self.log = config, events, processes, log
        self.can_pause, self.detached = can_pause, detached
        self.sends_weights = not detached
        self.snapshot_interval = None
        self.calls: list[str] = []
        self.running = False
        self.stops_in_time = True

    def start(self):
        self.calls.append("start")
        self.running = True

    def pause(self):
        self.calls.append("pause")

    def resume(self):
        self.calls.append("resume")

    def request_stop(self):
        self.calls.append("request_stop")

    def stop_and_wait(self, timeout_ms):
        self.calls.append("stop_and_wait")
        self.running = not self.stops_in_time
        return self.stops_in_time

    def wait_ended(self, timeout_ms):
        self.running = False
        return True

    def snapshot_taken(self):
        self.calls.append("snapshot_taken")

    @property
    def is_running(self):
        return self.running


def fake_job(config, processes, log, events):
    return FakeRun(config, events, processes, log, can_pause=False, detached=True)


@pytest.fixture
def session(tmp_path):
    return Session(TrustStore(tmp_path / "trust.json"), tmp_path / "runs")


@pytest.fixture
def controller(session):
    controller = RunController(session, RunsState(session.home), RunFactory(FakeRun, fake_job))
    controller.seen = {name: [] for name in ("loading", "progressed", "reported", "ended",
                                             "state_changed", "status", "remembered",
                                             "close_ready")}
    for name, seen in controller.seen.items():
        getattr(controller, name).connect(lambda *args, seen=seen: seen.append(args))
    return controller


def planned(session, **settings) -> TrainConfig:
    return session.plan(TrainConfig(batch_size=10, **settings), TrainMode.FRESH)


def started(total_steps=100, start_step=0) -> StartedEvent:
    return StartedEvent("simple-cnn", "mnist", "cpu", 1000, 300, 100, 2, total_steps,
                        start_step, [str(i) for i in range(10)], [1, 28, 28], [0.1], [0.3])


def step(n: int, images_per_second: float = 100.0) -> StepEvent:
    return StepEvent(n, 1, n / 50, 2.0, 0.5, images_per_second, 1e-3)


def test_start_builds_a_run_in_this_process_and_reports_progress_rate_and_eta(controller):
    session = controller.session
    config = planned(session)
    controller.snapshot_interval = 0.5
    assert controller.start(config)
    run = controller.handle
    assert isinstance(run, FakeRun) and run.processes == 1 and run.calls == ["start"]
    assert run.config is config and run.events is controller and run.snapshot_interval == 0.5
    assert controller.phase is Phase.LOADING and not controller.start(config)  # one at a time
    assert controller.seen["loading"] == [("loading data...", None)]
    controller.on_loading(("reading mnist", 0.5))
    assert controller.seen["loading"][-1] == ("reading mnist", 0.5)
    controller.on_event(started(total_steps=100))
    assert controller.phase is Phase.TRAINING and controller.total_steps == 100
    controller.on_steps([step(1), step(20, images_per_second=200.0)])
    # 80 steps left at 200 images/s of 10 a batch: 20 steps a second, 4 seconds
    assert controller.seen["progressed"][-1] == (Progress(20, 100, 200.0, 4),)
    assert controller.last_step == 20
    assert eta_seconds(80, 0.0, 10) is None  # no rate, no ETA


def test_pause_and_resume_and_a_paused_run_has_no_rate(controller):
    controller.start(planned(controller.session))
    controller.on_event(started())
    controller.toggle_pause()
    assert controller.phase is Phase.PAUSED and controller.handle.calls[-1] == "pause"
    controller.on_steps([step(7)])  # the step in flight lands
    assert controller.seen["progressed"][-1] == (Progress(7, 100),)
    controller.on_held()
    assert controller.seen["status"][-1] == ("paused after step 7", 0)
    controller.toggle_pause()  # continue
    assert controller.phase is Phase.TRAINING and controller.handle.calls[-1] == "resume"
    assert controller.seen["state_changed"][-2:] == [(Phase.PAUSED, True), (Phase.TRAINING, True)]


def test_a_job_of_several_processes_cannot_pause(controller):
    config = planned(controller.session)
    controller.start(config, processes=3)
    job = controller.handle
    assert job.processes == 3 and job.detached
    assert job.log == controller.session.home / ".logs" / f"{config.out_dir.name}.log"
    controller.on_event(started())
    assert controller.seen["state_changed"][-1] == (Phase.TRAINING, False)
    controller.toggle_pause()
    assert controller.phase is Phase.TRAINING and "pause" not in job.calls


def test_cancel_before_the_first_step_leaves_everything_as_it_was(controller):
    session = controller.session
    before = session.current
    controller.start(planned(session))
    controller.stop()
    assert controller.phase is Phase.STOPPING and controller.handle.calls[-1] == "request_stop"
    controller.on_finished(StoppedEvent(epoch=0, step=0, checkpoint=None))
    assert controller.phase is Phase.IDLE and session.current is before
    assert controller.seen["status"][-1] == ("cancelled: nothing was trained or saved", 0)
    assert not controller.seen["remembered"]


def test_stop_makes_the_saved_weights_current_and_remembers_them(controller, mnist_dir):
    session = controller.session
    config = planned(session, epochs=1)
    controller.start(config)
    # the checkpoint a stopped run leaves in its folder
    final = Trainer(replace(config, data_dir=mnist_dir, download=False)).run(lambda e: None)
    controller.on_event(started(total_steps=30))
    controller.on_steps([step(12)])
    controller.stop()
    controller.on_finished(StoppedEvent(epoch=1, step=12, checkpoint=final.checkpoint))
    assert controller.phase is Phase.STOPPED
    assert session.current.path == Path(final.checkpoint)
    assert controller.seen["remembered"] == [(Path(final.checkpoint),)]
    assert controller.seen["ended"][-1][0].step == 12
    assert controller.seen["status"][-1] == ("stopped at step 12", 0)


def test_results_reach_the_views_and_weights_are_taken(controller):
    controller.start(planned(controller.session))
    controller.on_event(started())
    epoch = EpochEvent(1, 50, 0.5, 0.8, 0.4, 0.9, np.zeros(10, np.float32), 1.0, None)
    weights = WeightsEvent(step=3, epoch=1, state={})
    controller.on_event(epoch)
    controller.on_event(weights)
    assert [args[0] for args in controller.seen["reported"]][-2:] == [epoch, weights]
    assert controller.handle.calls[-1] == "snapshot_taken"
    controller.on_finished(FinishedEvent(1, 100, 0.9, 0.9, 1.0, 2.0, 500.0, None))
    assert controller.phase is Phase.FINISHED
    assert controller.seen["status"][-1] == ("finished: test accuracy 90.00% in 2 s", 0)


def test_close_while_running_stops_and_waits_but_never_without_bound(controller):
    assert controller.close(10) is CloseAnswer.NOW  # nothing runs
    controller.start(planned(controller.session))
    controller.on_event(started())
    controller.handle.stops_in_time = False  # a batch that takes longer than the wait
    assert controller.close(10) is CloseAnswer.LATER
    assert controller.phase is Phase.STOPPING and controller.close_pending
    controller.on_finished(StoppedEvent(epoch=1, step=5, checkpoint=None))
    assert controller.seen["close_ready"] == [()]  # the window may close now
    controller.start(planned(controller.session))
    assert controller.close(10) is CloseAnswer.NOW and "stop_and_wait" in controller.handle.calls


def test_closing_asks_about_a_job_and_may_leave_it_running(controller):
    controller.start(planned(controller.session), processes=2)
    assert controller.close(10) is CloseAnswer.ASK
    controller.leave_running()
    assert controller.close(10) is CloseAnswer.NOW
    controller.on_finished(StoppedEvent(epoch=0, step=0, checkpoint=None))
    controller.start(planned(controller.session), processes=2)
    controller.stop_then_close()
    assert controller.handle.calls[-1] == "request_stop"
    assert controller.close(10) is CloseAnswer.NOW  # the user chose to stop it: no question


def test_at_rest_the_plots_follow_the_current_weights_run(controller, tmp_path):
    runs, shown = controller.runs, []
    runs.shown.connect(shown.append)
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    assert controller.show_run(folder) and shown == [folder]
    controller.start(planned(controller.session))
    own = Path(controller.session.run_dir)
    assert shown[-1] == own
    other = tmp_path / "other"
    assert not controller.show_run(other)  # while training: drawn over the run instead
    assert runs.overlaid == [other]
