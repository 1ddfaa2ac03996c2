"""A run folder or checkpoint from a stranger runs no code, writes nowhere else, deletes nothing
of the user's, and breaks no listing: each class of attack that an adversarial review found,
driven through the command line."""

from __future__ import annotations

import contextlib
import json
import math
import os
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cnnviz.cli import main
from cnnviz.core.errors import CnnvizError
from cnnviz.core.training import metrics_follower
from cnnviz.core.training.checkpoint import load_checkpoint, save_checkpoint
from cnnviz.core.training.events import event_from_json
from cnnviz.core.training.run_folder import (
    CHECKPOINT,
    CONFIG,
    CONFIG_FIELDS,
    HEARTBEAT,
    HEARTBEAT_FIELDS,
    HISTOGRAMS,
    METRICS,
    SETTING_FIELDS,
    RunFolder,
    read_config,
    read_heartbeat,
)
from cnnviz.core.training.run_json import read_metrics
from cnnviz.core.training.runs import (
    UNREADABLE,
    compare_runs,
    format_result,
    list_runs,
    read_run,
)
from tests.conftest import write_model_file


@pytest.fixture(scope="module")
def trained_run(tmp_path_factory):
    """One small finished run, trained once; each test works on a copy."""
    from tests.conftest import write_mnist_family

    root = tmp_path_factory.mktemp("trained")
    data = write_mnist_family(root / "data")
    run = root / "run"
    assert main(["train", "--batch-size", "100", "--out", str(run), "--data-dir", str(data),
                 "--offline"]) == 0  # fmt: skip
    return run, data


@pytest.fixture
def run_copy(trained_run, tmp_path):
    run, data = trained_run
    copy = tmp_path / "run"
    shutil.copytree(run, copy)
    return copy, data


def resume(run: Path, data: Path, *extra: str) -> int:
    return main(["train", "--resume", str(run / CHECKPOINT), "--out", str(run), "--epochs", "2",
                 "--data-dir", str(data), "--offline", *extra])  # fmt: skip


def one_error_line(capsys) -> str:
    """The one error line (progress lines may come before it), with no traceback."""
    err = capsys.readouterr().err.strip().splitlines()
    errors = [line for line in err if line.startswith("cnnviz: error: ")]
    assert len(errors) == 1 and err[-1] == errors[0] and "Traceback" not in err, err
    return errors[0]


# -- 1. code named by a file runs only when trusted ------------------------------------------
def test_resume_never_runs_a_model_file_that_only_the_checkpoints_config_names(
        run_copy, tmp_path, capsys):  # fmt: skip
    run, data = run_copy
    model_file = write_model_file(tmp_path / "theirs")
    checkpoint = load_checkpoint(run / CHECKPOINT)
    checkpoint.meta.config["model"] = f"{model_file}:Net"  # meta.model stays simple-cnn
    save_checkpoint(checkpoint, run / CHECKPOINT)
    capsys.readouterr()
    assert resume(run, data) == 1
    assert "differ" in one_error_line(capsys)
    assert not (model_file.parent / "ran.txt").exists()


def test_the_refusal_says_when_the_stored_source_differs_and_show_code_prints_it(
        mnist_dir, tmp_path, capsys):  # fmt: skip
    model_file = write_model_file(tmp_path / "models")
    run = tmp_path / "custom"
    assert main(["train", "--model", f"{model_file}:Net", "--batch-size", "100", "--out",
                 str(run), "--data-dir", str(mnist_dir), "--offline"]) == 0  # fmt: skip
    stored = model_file.read_text()
    model_file.write_text("# an innocent-looking file on disk\n")
    (model_file.parent / "ran.txt").unlink()
    capsys.readouterr()
    assert main(["evaluate", "--checkpoint", str(run / CHECKPOINT), "--data-dir",
                 str(mnist_dir), "--offline"]) == 1  # fmt: skip
    line = one_error_line(capsys)
    assert f"differs from {model_file}" in line and "cnnviz show-code" in line
    assert main(["show-code", str(run / CHECKPOINT)]) == 0
    shown = capsys.readouterr()
    assert shown.out == stored and "differs from" in shown.err
    assert not (model_file.parent / "ran.txt").exists()


# -- 2. writes never follow a link; reads open regular files only, capped -----------------------
@pytest.mark.parametrize("name", [METRICS, HISTOGRAMS])
def test_resuming_never_writes_through_a_symlink(run_copy, tmp_path, capsys, name):
    run, data = run_copy
    victim = tmp_path / ".bashrc"
    victim.write_text("echo hello\n")
    (run / name).unlink(missing_ok=True)
    (run / name).symlink_to(victim)
    capsys.readouterr()
    code = resume(run, data)
    assert victim.read_text() == "echo hello\n"
    if name == METRICS:  # refused at once; histograms.jsonl is written only when one is due
        assert code == 1 and "symbolic link" in one_error_line(capsys)


def test_a_hard_link_out_of_the_folder_is_not_appended_to(run_copy, tmp_path, capsys):
    run, data = run_copy
    victim = tmp_path / "notes.txt"
    victim.write_text("mine\n")
    (run / METRICS).unlink()
    os.link(victim, run / METRICS)
    assert resume(run, data) == 1
    assert "hard link" in one_error_line(capsys) and victim.read_text() == "mine\n"


def test_listing_refuses_links_fifos_and_huge_files_without_hanging(run_copy, capsys):
    run, _ = run_copy
    (run / HEARTBEAT).unlink()
    (run / HEARTBEAT).symlink_to("/dev/zero")
    fifo_run = run.parent / "fifo"
    fifo_run.mkdir()
    os.mkfifo(fifo_run / CONFIG)
    huge_run = run.parent / "huge"
    huge_run.mkdir()
    with (huge_run / CONFIG).open("wb") as handle:
        handle.truncate(50 << 20)  # sparse: 50 MB of nothing
    assert main(["runs", str(run.parent), "--json"]) == 0
    listed = {Path(r["path"]).name: r for r in json.loads(capsys.readouterr().out)}
    assert listed["run"]["status"] == UNREADABLE and "symbolic link" in listed["run"]["problem"]
    assert "not a regular file" in listed["fifo"]["problem"]
    assert "larger than" in listed["huge"]["problem"]


# -- 5. a bad folder is listed as unreadable, with the reason, and the others still are ------
BROKEN = {
    "metrics-list": {METRICS: "[1, 2]\n"},
    "settings-text": {CONFIG: '{"settings": "x"}'},
    "heartbeat-text-number": {CONFIG: "{}",
                              HEARTBEAT: '{"status": "finished", "epochs_done": "three"}'},
    "started-1e300": {CONFIG: '{"settings": {"model": "m"}, "started": 1e300}'},
    "epochs-1.5": {CONFIG: "{}", HEARTBEAT: '{"status": "finished", "epochs_done": 1.5}'},
    "config-list": {CONFIG: "[]"},
    "pid-huge": {CONFIG: "{}", HEARTBEAT: '{"status": "running", "pid": 1e400, "beat": 1}'},
}


def write_broken_runs(home: Path) -> None:
    for name, files in BROKEN.items():
        folder = home / name
        folder.mkdir(parents=True)
        for file, text in files.items():
            (folder / file).write_text(text)


def test_cnnviz_runs_lists_broken_runs_as_unreadable_and_the_good_one_as_it_is(
        run_copy, capsys):  # fmt: skip
    run, _ = run_copy
    write_broken_runs(run.parent)
    assert main(["runs", str(run.parent)]) == 0
    out = capsys.readouterr().out
    assert "finished" in out.splitlines()[1] or "finished" in out
    for name in ("settings-text", "heartbeat-text-number", "started-1e300", "epochs-1.5",
                 "config-list"):  # fmt: skip
        assert f"{name} is unreadable: " in out, name
    statuses = {r.name: r.status for r in list_runs([run.parent])}
    assert statuses["run"] == "finished" and statuses["metrics-list"] == "stopped"
    assert statuses["pid-huge"] == UNREADABLE  # 1e400 is an infinite float, not a pid


# -- 6. a large metrics.jsonl is read once, then only what was appended ----------------------
def test_a_run_without_heartbeat_is_read_incrementally(run_copy, monkeypatch):
    run, _ = run_copy
    (run / HEARTBEAT).unlink()
    with (run / METRICS).open("a") as handle:
        for step in range(5000):
            handle.write(json.dumps({"type": "step", "step": step}) + "\n")
    assert read_run(run).status == "finished"
    opened = []
    real_open = metrics_follower.open_regular_for_reading
    monkeypatch.setattr(metrics_follower, "open_regular_for_reading",
                        lambda path: opened.append(path) or real_open(path))
    assert read_run(run).epochs_done == 1 and opened == []  # nothing new: nothing read
    with (run / METRICS).open("a") as handle:
        handle.write(json.dumps({"type": "epoch", "epoch": 2, "step": 600, "train_loss": 1.0,
                                 "train_acc": 0.5, "test_acc": 0.5, "test_loss": 1.0,
                                 "seconds": 1.0, "checkpoint": None,
                                 "per_class_acc": [0.5] * 10}) + "\n")  # fmt: skip
    summary = read_run(run)
    assert len(opened) == 1 and summary.epochs_done == 2


# -- 8. a torn last line stays alone --------------------------------------------------------
def test_a_torn_last_line_does_not_swallow_the_resumed_runs_first_record(run_copy):
    run, data = run_copy
    with (run / METRICS).open("a") as handle:
        handle.write('{"type": "step", "step": 99, "lo')  # killed mid-write
    assert resume(run, data) == 0
    kinds = [record.get("type") for record in read_metrics(run / METRICS)]
    assert kinds.count("started") == 2


# -- 9. a model too large for this machine is refused before it is built ---------------------
def test_a_pattern_too_large_for_the_memory_is_refused_in_one_line(capsys, monkeypatch):
    from cnnviz.core.models import pattern

    monkeypatch.setattr(pattern, "available_memory_bytes", lambda: 1 << 30)
    assert main(["summary", "--model", "pattern:n=6,m=2,k=4,width=256,kernel=11,fc=4096",
                 "--dataset", "mnist"]) == 1  # fmt: skip
    assert "too large for this machine" in one_error_line(capsys)


# -- 11. one writer per folder -------------------------------------------------------------
def test_a_second_run_into_a_folder_being_written_is_refused_at_once(mnist_dir, tmp_path,
                                                                      capsys):  # fmt: skip
    target = tmp_path / "shared"
    first = RunFolder(target)
    first.claim()  # another run, started a second earlier, still loading its data
    try:
        assert main(["train", "--out", str(target), "--data-dir", str(mnist_dir),
                     "--offline"]) == 1  # fmt: skip
        assert "being written by another cnnviz run" in one_error_line(capsys)
        assert not (target / CONFIG).exists()
    finally:
        first.discard()
    assert not target.exists()


# -- 12. files a group can read; NaN is not 0% ----------------------------------------------
def test_every_run_file_is_readable_by_the_group(trained_run):
    run, _ = trained_run
    for name in (CONFIG, HEARTBEAT, METRICS, CHECKPOINT):
        assert stat.S_IMODE((run / name).stat().st_mode) == 0o644, name


def test_a_nan_accuracy_reads_as_nan(run_copy, capsys):
    run, _ = run_copy
    beat = json.loads((run / HEARTBEAT).read_text())
    beat["best_test_acc"] = math.nan
    (run / HEARTBEAT).write_text(json.dumps(beat))
    assert main(["runs", str(run)]) == 0
    row = capsys.readouterr().out.splitlines()[1]
    assert "NaN" in row and "0.00%" not in row
    assert format_result(math.nan, ".2%") == "NaN" and format_result(0.5, ".2%") == "50.00%"


# -- fuzz: random JSON in every run file never breaks listing, following or reopening --------
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.sampled_from([10**400, -(10**400)])
    | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
FIELD_NAMES = sorted({*SETTING_FIELDS, *HEARTBEAT_FIELDS, *CONFIG_FIELDS, "type", "epoch",
                      "step", "test_acc", "loss", "per_class_acc", "weight_ranges"})
RECORDS = st.dictionaries(st.sampled_from(FIELD_NAMES), JSON_VALUES, max_size=8).map(
    lambda record: record if "type" in record else {**record, "type": "epoch"})
TYPES = st.sampled_from(["started", "step", "epoch", "evaluation", "histograms", "finished",
                         "stopped", "failed", "other"])  # fmt: skip


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(config=JSON_VALUES | RECORDS, settings_=JSON_VALUES | RECORDS,
       heartbeat=JSON_VALUES | RECORDS,
       lines=st.lists(st.tuples(TYPES, RECORDS | JSON_VALUES), max_size=6))  # fmt: skip
def test_random_json_in_run_files_never_breaks_listing_following_or_reopening(
        tmp_path_factory, config, settings_, heartbeat, lines):  # fmt: skip
    run = tmp_path_factory.mktemp("fuzz") / "run"
    run.mkdir()
    if isinstance(config, dict):
        config = {**config, "settings": settings_}
    (run / CONFIG).write_text(json.dumps(config))
    (run / HEARTBEAT).write_text(json.dumps(heartbeat))
    text = "".join(json.dumps({**value, "type": kind} if isinstance(value, dict) else value)
                   + "\n" for kind, value in lines)  # fmt: skip
    for name in (METRICS, HISTOGRAMS):
        (run / name).write_text(text)
    summaries = list_runs([run.parent])  # listing
    assert len(summaries) == 1
    summary = summaries[0]
    for value in (summary.best_test_acc, summary.test_acc, summary.train_seconds):
        format_result(value, ".2%")
    compare_runs(summaries)
    for name in (METRICS, HISTOGRAMS):  # following, as the plots and histograms do
        for record in metrics_follower.MetricsFollower(run, name).poll().records:
            event_from_json(record)
    for reopen in (read_config, read_heartbeat):  # reopening: a clear error at most
        with contextlib.suppress(CnnvizError):
            reopen(run)


# -- found by an adversarial review of the above ----------------------------------------------
def test_a_hard_linked_lock_file_is_refused_and_left_whole(mnist_dir, tmp_path, capsys):
    victim = tmp_path / "bashrc"
    victim.write_text("mine\n")
    run = tmp_path / "run"
    run.mkdir()
    os.link(victim, run / ".cnnviz-lock")
    assert main(["train", "--out", str(run), "--data-dir", str(mnist_dir), "--offline"]) == 1
    assert "hard link" in one_error_line(capsys) and victim.read_text() == "mine\n"


def test_units_never_writes_through_a_linked_units_folder(run_copy, tmp_path, capsys):
    run, data = run_copy
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (run / "units").symlink_to(elsewhere)
    assert main(["units", "--checkpoint", str(run / CHECKPOINT), "--layer", "layer1.0",
                 "--out", str(tmp_path / "grids"), "--data-dir", str(data), "--offline"]) == 0
    assert list(elsewhere.iterdir()) == []


def test_a_scan_cache_that_unpacks_to_gigabytes_is_not_read(tmp_path):
    from cnnviz.core.files import read_npz

    bomb = tmp_path / "bomb.npz"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("key.npy", b"\0" * (200 << 20))  # 200 MB of zeros, packed to 200 KB
    assert bomb.stat().st_size < 1 << 20
    with pytest.raises(ValueError, match="unpacks to more than"):
        read_npz(bomb, 64 << 20)


def test_a_compressed_checkpoint_is_refused_before_it_is_unpacked(trained_run, tmp_path, capsys):
    run, _ = trained_run
    packed = tmp_path / "packed.pt"
    with zipfile.ZipFile(run / CHECKPOINT) as source, \
            zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as target:  # fmt: skip
        for member in source.infolist():
            target.writestr(member.filename, source.read(member))
    assert main(["show-code", str(packed)]) == 1
    assert "compressed" in one_error_line(capsys)


@pytest.mark.parametrize("field, value", [
    ("input_shape", [1, 16000, 16000]), ("input_shape", ["a", "b", "c"]), ("mean", "x"),
    ("std", [0.0]), ("metrics", {"test_acc": "x"}), ("class_names", []),
])
def test_checkpoint_metadata_is_checked_field_by_field(trained_run, tmp_path, capsys,
                                                       field, value):  # fmt: skip
    run, _ = trained_run
    checkpoint = load_checkpoint(run / CHECKPOINT)
    setattr(checkpoint.meta, field, value)
    forged = tmp_path / "forged.pt"
    save_checkpoint(checkpoint, forged)
    assert main(["show-code", str(forged)]) == 1
    assert "damaged" in one_error_line(capsys)


def test_a_metrics_file_without_newlines_is_never_held_as_one_line(run_copy):
    run, _ = run_copy
    (run / HEARTBEAT).unlink()
    with (run / METRICS).open("ab") as handle:
        handle.write(b"x" * (3 << 20))  # 3 MB and no newline, as a sparse 4 GB file would be
    follower = metrics_follower.MetricsFollower(run)
    while follower.poll().records:
        pass
    assert len(follower._partial) <= metrics_follower.MAX_LINE_BYTES
    with (run / METRICS).open("a") as handle:
        handle.write('\n{"type": "stopped", "epoch": 1, "step": 3, "checkpoint": null}\n')
    assert [r["type"] for r in follower.poll().records] == ["stopped"]
    assert read_metrics(run / METRICS)[-1]["type"] == "stopped"


def test_numbers_too_large_for_a_float_make_a_run_unreadable_not_the_list(run_copy, capsys):
    run, _ = run_copy
    config = json.loads((run / CONFIG).read_text())
    config["settings"]["lr"] = 10**400
    (run / CONFIG).write_text(json.dumps(config))
    assert main(["runs", str(run.parent)]) == 0
    assert "run is unreadable" in capsys.readouterr().out


def test_show_code_escapes_characters_that_hide_code(mnist_dir, tmp_path, capsys):
    model_file = write_model_file(tmp_path / "models")
    model_file.write_text("import os  # \x1b[2K\x1b[1G# a small CNN\n" + model_file.read_text())
    run = tmp_path / "custom"
    assert main(["train", "--model", f"{model_file}:Net", "--batch-size", "100", "--out",
                 str(run), "--data-dir", str(mnist_dir), "--offline"]) == 0  # fmt: skip
    capsys.readouterr()
    assert main(["show-code", str(run / CHECKPOINT)]) == 0
    shown = capsys.readouterr()
    assert "\x1b" not in shown.out and "\\x1b[2K" in shown.out and "warning" in shown.err


def test_a_config_whose_resumed_list_is_null_resumes(run_copy):
    run, data = run_copy
    config = json.loads((run / CONFIG).read_text())
    config["resumed"] = None
    (run / CONFIG).write_text(json.dumps(config))
    assert resume(run, data) == 0


def test_files_follow_the_users_umask(mnist_dir, tmp_path):
    script = ("import os, sys; os.umask(0o077); from cnnviz.cli import main; "
              "sys.exit(main(sys.argv[1:]))")
    run = tmp_path / "private"
    done = subprocess.run([sys.executable, "-c", script, "train", "--batch-size", "100",
                           "--out", str(run), "--data-dir", str(mnist_dir), "--offline"],
                          capture_output=True, text=True, timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stderr
    for name in (CONFIG, HEARTBEAT, METRICS, CHECKPOINT):
        assert stat.S_IMODE((run / name).stat().st_mode) == 0o600, name
