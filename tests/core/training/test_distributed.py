"""Training on two processes with torchrun, gloo on the CPU: the same model on every rank,
one writer, global metrics, stop, a rank that dies, and an elastic restart."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import torch

from cnnviz.core.errors import CnnvizError
from cnnviz.core.models.registry import build_model
from cnnviz.core.models.shape import InputShape
from cnnviz.core.training.checkpoint import load_checkpoint
from cnnviz.core.training.distributed import ProcessGroup
from cnnviz.core.training.run_json import read_metrics

TORCHRUN = [sys.executable, "-m", "torch.distributed.run", "--standalone",
            "--nproc-per-node=2"]  # fmt: skip
WORKER = Path(__file__).with_name("ddp_worker.py")


def environment() -> dict[str, str]:
    root = str(Path(__file__).resolve().parents[2])
    return {**os.environ, "OMP_NUM_THREADS": "1",
            "PYTHONPATH": os.pathsep.join([root, os.environ.get("PYTHONPATH", "")])}


#: jobs a test started; whatever happens in the test, none outlives it
LAUNCHED: list[subprocess.Popen] = []


@pytest.fixture(autouse=True)
def _no_job_left_behind():
    yield
    for process in LAUNCHED:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    LAUNCHED.clear()


def launch(command: list[str]) -> subprocess.Popen:
    """torchrun in a session of its own, so that it and its workers can be ended together."""
    process = subprocess.Popen(command, env=environment(), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, start_new_session=True)
    LAUNCHED.append(process)
    return process


def train(mnist_dir: Path, out: Path, *extra: str, torchrun: tuple[str, ...] = ()):
    return launch([*TORCHRUN, *torchrun, "-m", "cnnviz", "train", "--batch-size", "20",
                   "--out", str(out), "--data-dir", str(mnist_dir), "--offline", *extra])


def wait_for_steps(out: Path, at_least: int, process: subprocess.Popen) -> None:
    deadline = time.time() + 120
    while time.time() < deadline and process.poll() is None:
        if (out / "metrics.jsonl").is_file():
            steps = [r for r in read_metrics(out / "metrics.jsonl") if r["type"] == "step"]
            if len(steps) >= at_least:
                return
        time.sleep(0.1)
    raise AssertionError(f"no {at_least} steps: {process.poll()}")


def test_both_ranks_hold_the_same_weights_and_rank_0_alone_writes(mnist_dir, tmp_path):
    out, dumps = tmp_path / "run", tmp_path / "dumps"
    dumps.mkdir()
    process = launch([*TORCHRUN, str(WORKER), str(mnist_dir), str(out), str(dumps)])
    _, err = process.communicate(timeout=300)
    assert process.returncode == 0, err[-2000:]
    first, second = (torch.load(dumps / f"rank{r}.pt", weights_only=True) for r in (0, 1))
    assert first.keys() == second.keys()
    for key in first:  # weights and BatchNorm buffers alike (DDP broadcasts rank 0's)
        assert torch.equal(first[key], second[key]), key
    # 300 images, a global batch of 20: 10 each per step, 15 steps an epoch, on both ranks
    assert [(dumps / f"rank{r}.txt").read_text() for r in (0, 1)] == ["FinishedEvent 30"] * 2
    assert sorted(p.name for p in out.iterdir()) == [
        "best.pt", "checkpoint.pt", "config.json", "heartbeat.json", "histograms.jsonl",
        "metrics.jsonl", "timelapse"]
    records = read_metrics(out / "metrics.jsonl")
    assert [r["step"] for r in records if r["type"] == "step"] == list(range(1, 31))
    config = json.loads((out / "config.json").read_text())
    assert config["resolved"]["world_size"] == 2 and config["resolved"]["backend"] == "gloo"


def test_two_processes_learn_as_one_does(mnist_dir, tmp_path):
    process = train(mnist_dir, tmp_path / "two", "--epochs", "3", "--json")
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err[-2000:]
    two = json.loads(out.strip().splitlines()[-1])
    single = subprocess.run(
        [sys.executable, "-m", "cnnviz", "train", "--batch-size", "20", "--epochs", "3",
         "--out", str(tmp_path / "one"), "--data-dir", str(mnist_dir), "--offline", "--json"],
        env=environment(), capture_output=True, text=True, timeout=300)
    one = json.loads(single.stdout.strip().splitlines()[-1])
    assert two["world_size"] == 2 and one["world_size"] == 1
    assert two["steps"] == one["steps"] == 45  # the global batch is the same
    assert two["test_acc"] >= 0.9 and abs(two["test_acc"] - one["test_acc"]) <= 0.05
    epoch = [r for r in read_metrics(tmp_path / "two" / "metrics.jsonl") if r["type"] == "epoch"]
    assert sum(epoch[-1]["per_class_acc"]) > 0  # the test pass covered every class


def test_sigterm_stops_every_rank_at_one_step_and_saves(mnist_dir, tmp_path):
    out = tmp_path / "stopped"
    process = train(mnist_dir, out, "--epochs", "500")
    wait_for_steps(out, 20, process)
    process.send_signal(signal.SIGTERM)
    process.communicate(timeout=120)
    records = read_metrics(out / "metrics.jsonl")
    stopped = [r for r in records if r["type"] == "stopped"]
    assert len(stopped) == 1 and stopped[0]["checkpoint"], records[-3:]
    checkpoint = load_checkpoint(out / "checkpoint.pt")
    assert checkpoint.meta.step == stopped[0]["step"] == records[-2]["step"]


def test_a_rank_that_dies_ends_the_job_and_the_checkpoint_stays(mnist_dir, tmp_path):
    out = tmp_path / "died"
    process = train(mnist_dir, out, "--epochs", "500")
    wait_for_steps(out, 40, process)  # past the first epoch's checkpoint
    rank_1 = worker_pids(process.pid)[1]
    os.kill(rank_1, signal.SIGKILL)
    _, err = process.communicate(timeout=120)
    assert process.returncode != 0
    assert "local_rank: 1" in err or "rank: 1" in err  # torchrun names the rank that died
    assert load_checkpoint(out / "checkpoint.pt").meta.epoch >= 1


def test_an_elastic_restart_resumes_from_the_latest_checkpoint(mnist_dir, tmp_path):
    out = tmp_path / "elastic"
    process = train(mnist_dir, out, "--epochs", "4", "--json", torchrun=("--max-restarts=1",))
    wait_for_steps(out, 20, process)  # the first epoch (15 steps) is saved
    os.kill(worker_pids(process.pid)[1], signal.SIGKILL)
    output, err = process.communicate(timeout=300)
    assert process.returncode == 0, err[-2000:]
    starts = [r for r in read_metrics(out / "metrics.jsonl") if r["type"] == "started"]
    assert len(starts) == 2 and starts[1]["start_step"] >= 15
    assert json.loads(output.strip().splitlines()[-1])["steps"] == 60


def worker_pids(torchrun_pid: int) -> list[int]:
    """The training processes torchrun started, by rank (their command lines say nothing of
    the rank; they are started in rank order)."""
    deadline = time.time() + 30
    while time.time() < deadline:
        children = sorted(pid for pid in all_pids() if parent_of(pid) == torchrun_pid)
        if len(children) == 2:
            return children
        time.sleep(0.1)
    raise AssertionError("torchrun's workers were not found")


def all_pids() -> list[int]:
    return [int(entry.name) for entry in Path("/proc").iterdir() if entry.name.isdigit()]


def parent_of(pid: int) -> int | None:
    """A process's parent, from /proc (no procps needed on a bare machine)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(stat.rpartition(")")[2].split()[1])


def test_sync_bn_needs_nccl_and_says_so():
    group = ProcessGroup(rank=0, world_size=2, backend="gloo")
    model = build_model("simple-cnn", InputShape(1, 28, 28, 10))
    with pytest.raises(CnnvizError, match="--sync-bn needs the NCCL backend"):
        group.wrap(model, sync_batchnorm=True)


def test_the_global_batch_splits_evenly_and_shards_cover_each_image_once():
    with pytest.raises(CnnvizError, match="does not split evenly over 3 processes"):
        ProcessGroup(world_size=3).local_batch(100)
    assert ProcessGroup(world_size=4).local_batch(100) == 25
    for world in (1, 2, 3, 7):
        shards = [ProcessGroup(rank=r, world_size=world).test_shard(10_000) for r in range(world)]
        covered = [i for shard in shards for i in range(10_000)[shard]]
        assert covered == list(range(10_000))
        order = torch.randperm(301)
        slices = [ProcessGroup(rank=r, world_size=world).epoch_slice(order) for r in range(world)]
        assert len({len(s) for s in slices}) == 1  # equal: no rank waits at the epoch's end
        assert len(set(torch.cat(slices).tolist())) == len(torch.cat(slices))  # disjoint
