import json
import subprocess
import sys

import pytest

from cnnviz.cli import main
from cnnviz.core.training.run_json import read_metrics


def run_cli(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def trained(mnist_dir, tmp_path, capsys):
    run_dir = tmp_path / "run"
    code, out, err = run_cli(capsys, "train", "--model", "simple-cnn", "--dataset", "mnist",
                             "--epochs", 2, "--batch-size", 20, "--lr", 0.003, "--seed", 0,
                             "--out", run_dir, "--data-dir", mnist_dir, "--offline", "--json")
    assert code == 0, err
    return run_dir, json.loads(out.strip().splitlines()[-1])


def test_train_end_to_end(trained):
    run_dir, summary = trained
    assert summary["test_acc"] >= 0.9
    assert summary["images_per_second"] > 0 and summary["train_seconds"] > 0
    assert summary["checkpoint"] == str(run_dir / "checkpoint.pt")
    assert (run_dir / "best.pt").is_file()
    records = read_metrics(run_dir / "metrics.jsonl")
    types = [r["type"] for r in records]
    assert types[0] == "started" and types[-1] == "finished"
    assert types.count("epoch") == 2 and types.count("step") == 30
    assert len(next(r for r in records if r["type"] == "epoch")["per_class_acc"]) == 10


def test_evaluate_prints_accuracy_and_confusion(trained, mnist_dir, capsys):
    run_dir, summary = trained
    code, out, _ = run_cli(capsys, "evaluate", "--checkpoint", run_dir / "best.pt",
                           "--data-dir", mnist_dir, "--offline", "--json")
    assert code == 0
    report = json.loads(out)
    confusion = report["confusion"]
    assert len(confusion) == 10 and all(len(row) == 10 for row in confusion)
    assert sum(map(sum, confusion)) == 80
    assert report["test_acc"] == pytest.approx(summary["best_test_acc"])
    assert [sum(row) for row in confusion] == [8] * 10  # rows are true classes

    code, out, _ = run_cli(capsys, "evaluate", "--checkpoint", run_dir / "best.pt",
                           "--data-dir", mnist_dir, "--offline")
    assert code == 0 and "test accuracy" in out


def test_models_and_datasets_list_one_per_line(capsys):
    _, out, _ = run_cli(capsys, "models")
    assert [line.split()[0] for line in out.splitlines()] == [
        "simple-cnn", "resnet", "lenet5", "tinyvgg", "pattern:...", "FILE.py:Name"]
    _, out, _ = run_cli(capsys, "datasets")
    names = [line.split()[0] for line in out.splitlines()]
    assert names == ["mnist", "fashion-mnist", "kmnist", "cifar10", "cifar100", "folder:PATH"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--epochs", "0"], "--epochs: must be at least 1"),
        (["--epochs", "-3"], "--epochs: must be at least 1"),
        (["--batch-size", "0"], "--batch-size: must be at least 1"),
        (["--lr", "0"], "--lr: must be a positive number"),
        (["--lr", "-0.1"], "--lr: must be a positive number"),
    ],
)
def test_bad_numbers_are_usage_errors(tmp_path, capsys, args, message):
    with pytest.raises(SystemExit) as info:
        main(["train", "--out", str(tmp_path / "r"), *args])
    err = capsys.readouterr().err
    assert info.value.code == 2
    assert message in err.strip().splitlines()[-1]


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--model", "vgg99"], "unknown model 'vgg99'"),
     (["--dataset", "svhn"], "unknown data set 'svhn'")],
)
def test_unknown_names_give_one_line_and_nonzero_exit(tmp_path, mnist_dir, capsys, args,
                                                      message):
    code, _, err = run_cli(capsys, "train", "--out", tmp_path / "r", "--data-dir", mnist_dir,
                           "--offline", *args)
    assert code == 1
    assert err.strip().splitlines()[-1].startswith(f"cnnviz: error: {message}")
    assert "Traceback" not in err


def test_missing_data_set_offline(tmp_path, capsys):
    code, _, err = run_cli(capsys, "train", "--out", tmp_path / "r", "--data-dir",
                           tmp_path / "nothing", "--offline")
    assert code == 1
    lines = err.strip().splitlines()
    assert lines[-1].startswith("cnnviz: error: data set 'mnist' is not in")
    assert "train-images-idx3-ubyte" in lines[-1]


def test_data_dir_that_is_a_file(tmp_path, capsys):
    path = tmp_path / "file"
    path.write_text("x")
    code, _, err = run_cli(capsys, "train", "--out", tmp_path / "r", "--data-dir", path,
                           "--offline")
    assert code == 1 and "is a file" in err


def test_evaluate_a_bad_checkpoint(tmp_path, capsys):
    path = tmp_path / "bad.pt"
    path.write_bytes(b"\x00" * 100)
    code, _, err = run_cli(capsys, "evaluate", "--checkpoint", path)
    assert code == 1
    assert err.startswith("cnnviz: error: ") and "not a checkpoint" in err


def test_python_dash_m_runs_the_command_line():
    result = subprocess.run([sys.executable, "-m", "cnnviz", "models"], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0 and "simple-cnn" in result.stdout


def test_without_a_display_the_app_says_so(monkeypatch, capsys):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert main([]) == 1
    assert "no display found" in capsys.readouterr().err


def cli_train(capsys, *args):
    return run_cli(capsys, "train", *args)


def test_a_second_run_never_writes_into_the_first_ones_folder(trained, mnist_dir, capsys):
    run_dir, _ = trained
    best = (run_dir / "best.pt").read_bytes()
    lines = (run_dir / "metrics.jsonl").read_text()
    code, _, err = cli_train(capsys, "--out", run_dir, "--data-dir", mnist_dir, "--offline")
    assert code == 1 and "already holds a run" in err and "--resume" in err
    assert (run_dir / "best.pt").read_bytes() == best
    assert (run_dir / "metrics.jsonl").read_text() == lines


def test_resume_takes_the_runs_settings_and_continues_in_its_folder(trained, mnist_dir, capsys):
    run_dir, _ = trained
    code, out, err = cli_train(capsys, "--resume", run_dir / "checkpoint.pt", "--epochs", 3,
                               "--out", run_dir, "--data-dir", mnist_dir, "--offline", "--json")
    assert code == 0, err
    assert json.loads(out.strip().splitlines()[-1])["epochs"] == 3
    records = read_metrics(run_dir / "metrics.jsonl")
    starts = [r for r in records if r["type"] == "started"]
    assert [s["start_step"] for s in starts] == [0, 30]
    assert starts[1]["total_steps"] == 45  # batch size 20 and lr 0.003 came from the run
    config = json.loads((run_dir / "config.json").read_text())
    assert config["settings"]["epochs"] == 3 and len(config["resumed"]) == 1


@pytest.mark.parametrize(("args", "named"), [
    (["--lr", "0.01"], "lr 0.01"),
    (["--optimizer", "sgd"], "optimizer 'sgd'"),
    (["--batch-size", "25"], "batch_size 25"),
    (["--model", "lenet5"], "model 'lenet5'"),
])
def test_resume_refuses_changed_settings_and_names_them(trained, mnist_dir, capsys, args,
                                                        named):
    run_dir, _ = trained
    code, _, err = cli_train(capsys, "--resume", run_dir / "checkpoint.pt", *args, "--epochs",
                             3, "--out", run_dir, "--data-dir", mnist_dir, "--offline")
    assert code == 1 and named in err and "--init-from" in err


def test_a_length_shaped_schedule_cannot_be_stretched(mnist_dir, tmp_path, capsys):
    run_dir = tmp_path / "cycle"
    assert cli_train(capsys, "--schedule", "onecycle", "--batch-size", 50, "--out", run_dir,
                     "--data-dir", mnist_dir, "--offline")[0] == 0
    code, _, err = cli_train(capsys, "--resume", run_dir / "checkpoint.pt", "--epochs", 2,
                             "--out", run_dir, "--data-dir", mnist_dir, "--offline")
    assert code == 1 and "cannot be stretched" in err and "--init-from" in err


def test_init_from_starts_a_new_run_from_the_weights(trained, mnist_dir, tmp_path, capsys):
    run_dir, _ = trained
    new = tmp_path / "tuned"
    code, out, err = cli_train(capsys, "--init-from", run_dir / "best.pt", "--optimizer", "sgd",
                               "--lr", "0.01", "--out", new, "--data-dir", mnist_dir,
                               "--offline", "--json")
    assert code == 0, err
    summary = json.loads(out.strip().splitlines()[-1])
    assert summary["epochs"] == 1 and summary["test_acc"] >= 0.8  # it kept what it knew
    config = json.loads((new / "config.json").read_text())
    assert config["resolved"]["parent_checkpoint"] == str(run_dir / "best.pt")
    assert config["settings"]["optimizer"] == "sgd" and config["settings"]["model"] == "simple-cnn"


def test_resume_and_init_from_together_are_a_usage_error(trained, tmp_path, capsys):
    run_dir, _ = trained
    with pytest.raises(SystemExit):
        main(["train", "--resume", str(run_dir / "checkpoint.pt"), "--init-from",
              str(run_dir / "best.pt"), "--out", str(tmp_path / "x")])
    assert "not allowed with argument" in capsys.readouterr().err


def test_a_cancelled_or_failed_start_leaves_no_folder(mnist_dir, tmp_path, capsys):
    code, _, _ = cli_train(capsys, "--model", "vgg99", "--out", tmp_path / "never",
                             "--data-dir", mnist_dir, "--offline")
    assert code == 1 and not (tmp_path / "never").exists()


def test_train_help_says_where_the_default_run_is_not_the_tutorials(capsys):
    from cnnviz.core.data.datasets import DATASETS

    with pytest.raises(SystemExit):
        main(["train", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    info = DATASETS["mnist"].info
    assert f"(MNIST: {info.mean[0]} and {info.std[0]})" in text  # the normalisation it uses
    assert "bf16 autocast where the hardware computes it natively" in text
