"""Run folders: listing, status from the folder alone, and following a metrics.jsonl that
another process writes."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from cnnviz.cli import main
from cnnviz.core.files import write_json_atomically
from cnnviz.core.training import runs as runs_module
from cnnviz.core.training.metrics_follower import MetricsFollower
from cnnviz.core.training.run_folder import HEARTBEAT
from cnnviz.core.training.runs import list_runs, live_status, read_run


@pytest.fixture
def two_runs(mnist_dir, tmp_path, capsys):
    home = tmp_path / "home"
    for name, model, epochs in (("first", "simple-cnn", 1), ("second", "lenet5", 2)):
        assert main(["train", "--model", model, "--epochs", str(epochs), "--batch-size", "50",
                     "--out", str(home / name), "--data-dir", str(mnist_dir),
                     "--offline"]) == 0
        time.sleep(0.01)
    capsys.readouterr()
    return home


def test_listing_newest_first_with_progress_and_speed(two_runs, capsys):
    runs = list_runs([two_runs])
    assert [r.name for r in runs] == ["second", "first"]
    second = runs[0]
    assert (second.model, second.dataset, second.status) == ("lenet5", "mnist", "finished")
    assert (second.epochs_done, second.epochs) == (2, 2)
    assert 0 < second.best_test_acc <= 1 and second.train_seconds > 0
    assert second.images_per_second > 0 and second.parameters > 0
    assert main(["runs", str(two_runs), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [r["path"] for r in listed] == [str(two_runs / "second"), str(two_runs / "first")]
    assert set(listed[0]) >= {"path", "model", "dataset", "status", "epochs", "epochs_done",
                              "best_test_acc", "train_seconds", "started"}
    assert main(["runs", str(two_runs / "first")]) == 0  # a folder that is one run
    text = capsys.readouterr().out.splitlines()
    assert len(text) == 2 and "simple-cnn" in text[1] and "finished" in text[1]


def test_a_run_whose_process_was_killed_reads_as_stopped(mnist_dir, tmp_path):
    run_dir = tmp_path / "killed"
    process = subprocess.Popen(
        [sys.executable, "-m", "cnnviz", "train", "--epochs", "500", "--batch-size", "20",
         "--out", str(run_dir), "--data-dir", str(mnist_dir), "--offline"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 120
        while read_run(run_dir) is None or read_run(run_dir).status != "running":
            assert time.time() < deadline and process.poll() is None
            time.sleep(0.2)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert read_run(run_dir).status == "stopped"  # the heartbeat still says running


def test_a_heartbeat_that_went_quiet_on_another_machine_is_stopped():
    beat = {"status": "running", "host": "elsewhere", "pid": 1, "beat": 1000.0}
    assert live_status(beat, now=1000.0 + 1) == "running"
    assert live_status(beat, now=1000.0 + runs_module.STALE_SECONDS + 1) == "stopped"
    assert live_status({**beat, "status": "failed"}, now=5000.0) == "failed"


def test_runs_written_before_the_heartbeat_are_read_from_their_metrics(two_runs):
    (two_runs / "first" / HEARTBEAT).unlink()
    old = read_run(two_runs / "first")
    assert old.status == "finished" and old.epochs_done == 1 and old.best_test_acc > 0


def test_folders_that_hold_no_run_are_not_listed(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "notes.txt").write_text("x")
    assert list_runs([tmp_path, tmp_path / "missing"]) == []


def append(path, *records, newline=True):
    with path.open("a") as handle:
        handle.write("\n".join(json.dumps(r) for r in records) + ("\n" if newline else ""))


def test_following_reads_only_what_is_new_and_waits_for_whole_lines(tmp_path):
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    follower = MetricsFollower(run_dir)
    assert follower.poll().records == []  # nothing written yet
    metrics = run_dir / "metrics.jsonl"
    append(metrics, {"type": "step", "step": 1}, {"type": "step", "step": 2})
    assert [r["step"] for r in follower.poll().records] == [1, 2]
    with metrics.open("a") as handle:
        handle.write('{"type": "step", "st')  # a line half written
    assert follower.poll().records == []
    with metrics.open("a") as handle:
        handle.write('ep": 3}\n')
    assert [r["step"] for r in follower.poll().records] == [3]
    assert follower.poll().records == []


def test_a_truncated_or_replaced_file_starts_over(tmp_path):
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    metrics = run_dir / "metrics.jsonl"
    append(metrics, *({"type": "step", "step": i} for i in range(1, 6)))
    follower = MetricsFollower(run_dir)
    assert len(follower.poll().records) == 5
    metrics.write_text(json.dumps({"type": "step", "step": 1}) + "\n")  # truncated
    update = follower.poll()
    assert update.restarted and [r["step"] for r in update.records] == [1]
    replacement = run_dir / "new.jsonl"
    append(replacement, *({"type": "step", "step": i} for i in range(1, 4)))
    os.replace(replacement, metrics)  # replaced: another inode, even a longer file
    update = follower.poll()
    assert update.restarted and [r["step"] for r in update.records] == [1, 2, 3]


def test_a_folder_that_disappears_is_reported(tmp_path):
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    append(run_dir / "metrics.jsonl", {"type": "step", "step": 1})
    follower = MetricsFollower(run_dir)
    assert len(follower.poll().records) == 1
    (run_dir / "metrics.jsonl").unlink()
    run_dir.rmdir()
    assert follower.poll().gone


def test_following_a_command_line_run_as_it_trains(mnist_dir, tmp_path):
    run_dir = tmp_path / "live"
    process = subprocess.Popen(
        [sys.executable, "-m", "cnnviz", "train", "--epochs", "3", "--batch-size", "20",
         "--out", str(run_dir), "--data-dir", str(mnist_dir), "--offline"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    follower, records, polls_with_news = MetricsFollower(run_dir), [], 0
    deadline = time.time() + 180
    while process.poll() is None and time.time() < deadline:
        news = follower.poll().records
        polls_with_news += bool(news)
        records += news
        time.sleep(0.05)
    process.wait()
    records += follower.poll().records
    types = [r["type"] for r in records]
    assert types[0] == "started" and types[-1] == "finished"
    assert [r["step"] for r in records if r["type"] == "step"] == list(range(1, 46))
    assert polls_with_news >= 2  # it arrived in parts, while the run trained


def test_a_heartbeat_file_half_written_does_not_break_the_listing(two_runs):
    (two_runs / "first" / HEARTBEAT).write_text('{"status": "runn')
    assert read_run(two_runs / "first").status in ("finished", "stopped")
    write_json_atomically(two_runs / "first" / HEARTBEAT, {"status": "weird"})
    assert read_run(two_runs / "first").status == "stopped"


def test_a_killed_save_leaves_a_temp_file_that_the_next_run_removes(mnist_dir, tmp_path):
    """Only cnnviz's own temporary files: a user's old .tmp and .part files in the folder
    they chose are theirs."""
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    leftover = run_dir / ".cnnviz-checkpoint.pt.abc123.tmp"
    theirs = [run_dir / "thesis.tmp", run_dir / "ubuntu.iso.part",
              run_dir / ".checkpoint.pt.abc123.tmp"]  # fmt: skip
    hours_ago = time.time() - 2 * 3600
    for path in (leftover, *theirs):
        path.write_bytes(b"half a checkpoint")
        os.utime(path, (hours_ago, hours_ago))
    assert main(["train", "--batch-size", "50", "--out", str(run_dir), "--data-dir",
                 str(mnist_dir), "--offline"]) == 0
    assert not leftover.exists() and (run_dir / "checkpoint.pt").is_file()
    assert all(path.read_bytes() == b"half a checkpoint" for path in theirs)


def test_tensorboard_files_beside_the_run(mnist_dir, tmp_path, capsys):
    from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

    run_dir = tmp_path / "tb"
    assert main(["train", "--batch-size", "50", "--epochs", "2", "--tensorboard", "--out",
                 str(run_dir), "--data-dir", str(mnist_dir), "--offline"]) == 0
    events = EventAccumulator(str(run_dir / "tensorboard"))
    events.Reload()
    assert {"loss/train", "accuracy/test", "learning_rate"} <= set(events.Tags()["scalars"])
    assert [e.step for e in events.Scalars("accuracy/test")] == [6, 12]
    assert len(events.Scalars("loss/train")) == 12


def test_without_the_package_tensorboard_says_how_to_install(mnist_dir, tmp_path, capsys,
                                                             monkeypatch):
    monkeypatch.setitem(sys.modules, "torch.utils.tensorboard", None)  # import fails
    code = main(["train", "--tensorboard", "--out", str(tmp_path / "x"), "--data-dir",
                 str(mnist_dir), "--offline"])
    assert code == 1 and 'pip install "cnnviz[tensorboard]"' in capsys.readouterr().err
    assert not (tmp_path / "x").exists()
