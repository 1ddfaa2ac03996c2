"""The CPU thread count follows the machine's load: a fake machine whose step time depends on
the thread count and on whether other work shares the cores."""

from __future__ import annotations

import itertools
import json
import random

import torch

from cnnviz.cli import main
from cnnviz.core import thread_tuner
from cnnviz.core.thread_tuner import ThreadTuner
from cnnviz.core.training.config import TrainConfig
from cnnviz.core.training.events import StepEvent
from cnnviz.core.training.trainer import Trainer

#: seconds a step at 1 and 2 threads: idle, two threads win; beside a busy process, the
#: team's barrier waits for a descheduled thread and one thread wins by far
IDLE = {1: 1.0, 2: 0.6}
BUSY = {1: 1.1, 2: 6.0}


def drive(tuner: ThreadTuner, machine: dict[int, float], steps: int) -> list[int]:
    counts = []
    for _ in range(steps):
        tuner.observe(machine[tuner.threads])
        counts.append(tuner.threads)
    return counts


def test_the_count_steps_down_when_the_machine_gets_busy_and_back_up_when_it_is_idle():
    used: list[int] = []
    tuner = ThreadTuner(2, set_threads=used.append)
    assert used == [2]
    idle = drive(tuner, IDLE, 400)
    assert idle[-1] == 2 and idle.count(1) < 0.1 * len(idle)
    settled = drive(tuner, IDLE, 4000)
    assert settled.count(1) < 0.02 * len(settled)  # once settled, probes cost little
    busy = drive(tuner, BUSY, 200)
    assert busy[-1] == 1 and busy.index(1) < 60  # a few windows after the load came
    assert busy[100:].count(2) < 0.1 * 100
    idle_again = drive(tuner, IDLE, 600)
    assert idle_again[-1] == 2
    assert used[-1] == 2 and set(used) == {1, 2}


def test_probes_that_lose_come_less_and_less_often():
    tuner = ThreadTuner(2, set_threads=lambda n: None)
    counts = drive(tuner, IDLE, 3000)
    probes = [i for i in range(1, len(counts)) if counts[i] == 1 and counts[i - 1] == 2]
    gaps = [later - earlier for earlier, later in itertools.pairwise(probes)]
    assert gaps[-1] >= 4 * gaps[0]
    assert gaps[-1] <= thread_tuner.MOST_INTERVAL * thread_tuner.WINDOW_STEPS * 2


def test_a_probe_that_is_clearly_slower_ends_after_a_few_steps():
    tuner = ThreadTuner(2, start=1, set_threads=lambda n: None)
    counts = drive(tuner, BUSY, 2000)
    runs_at_two = [len(list(group)) for n, group in itertools.groupby(counts) if n == 2]
    assert runs_at_two and max(runs_at_two) <= thread_tuner.EARLY_STEPS + 1


def test_the_start_leaves_out_the_cores_the_load_average_says_are_busy(monkeypatch):
    monkeypatch.setattr(thread_tuner, "available_cores", lambda: 4)
    for load, start in ((0.2, 4), (1.1, 3), (3.9, 1), (9.0, 1)):
        monkeypatch.setattr(thread_tuner.os, "getloadavg", lambda load=load: (load, 0, 0))
        assert thread_tuner.starting_threads(4) == start
    assert thread_tuner.starting_threads(2) == 1  # load 9: never below one thread


def test_noise_on_a_busy_machine_does_not_keep_the_probes_coming():
    """Step times that jump by +-40% from window to window are noise, not a new load."""
    rng = random.Random(0)
    tuner = ThreadTuner(2, start=1, set_threads=lambda n: None)
    counts = []
    for _ in range(6000):
        tuner.observe(BUSY[tuner.threads] * rng.choice([0.6, 1.0, 1.4]))
        counts.append(tuner.threads)
    steady = counts[3000:]
    probing = steady.count(2) * BUSY[2]
    assert probing < 0.02 * (steady.count(1) * BUSY[1] + probing)  # of the time


def test_one_core_never_probes():
    tuner = ThreadTuner(1, set_threads=lambda n: None)
    assert set(drive(tuner, IDLE, 200)) == {1}


def test_a_run_adapts_unless_the_count_is_fixed(mnist_dir, monkeypatch):
    monkeypatch.setattr(thread_tuner, "WINDOW_SECONDS", 0.0)  # windows of a few tiny steps
    before = torch.get_num_threads()
    try:
        adaptive = Trainer(TrainConfig(batch_size=20, data_dir=mnist_dir, download=False))
        adaptive.run(lambda event: None)
        assert adaptive.tuner is not None and adaptive.tuner.history
        fixed = Trainer(TrainConfig(batch_size=20, data_dir=mnist_dir, download=False,
                                    threads=1))  # fmt: skip
        during: set[int] = set()
        fixed.run(lambda event: isinstance(event, StepEvent)
                  and during.add(torch.get_num_threads()))  # fmt: skip
        assert fixed.tuner is None and during == {1}
        assert torch.get_num_threads() == before  # the run leaves its thread as it found it
    finally:
        torch.set_num_threads(before)


def test_a_seeded_command_line_run_fixes_the_count(mnist_dir, tmp_path):
    before = torch.get_num_threads()
    try:
        for name, extra in (("seeded", ["--seed", "3"]), ("unseeded", [])):
            assert main(["train", "--batch-size", "100", "--out", str(tmp_path / name),
                         "--data-dir", str(mnist_dir), "--offline", *extra]) == 0  # fmt: skip
        resolved = {name: json.loads((tmp_path / name / "config.json").read_text())["resolved"]
                    for name in ("seeded", "unseeded")}  # fmt: skip
        assert isinstance(resolved["seeded"]["threads"], int)
        assert resolved["unseeded"]["threads"].startswith("adaptive")
    finally:
        torch.set_num_threads(before)
