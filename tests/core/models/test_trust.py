"""A checkpoint never runs code unasked: the command line's --trust-model-code, and the
model code a checkpoint carries."""

import json

import numpy as np
import pytest
from PIL import Image

from cnnviz.cli import main
from cnnviz.core.models.model_code import ModelCode, UntrustedModelCodeError
from cnnviz.core.training.checkpoint import load_checkpoint, model_from_checkpoint
from tests.conftest import pattern_images, write_model_file


@pytest.fixture
def custom_run(mnist_dir, tmp_path, capsys):
    """A run of a model from a user's file; its side effect (ran.txt) shows when it runs."""
    source = write_model_file(tmp_path / "models")
    run_dir = tmp_path / "run"
    code = main(["train", "--model", f"{source}:Net", "--batch-size", "50", "--out",
                 str(run_dir), "--data-dir", str(mnist_dir), "--offline"])
    assert code == 0, capsys.readouterr().err
    (source.parent / "ran.txt").unlink()
    capsys.readouterr()
    return source, run_dir / "checkpoint.pt"


def test_the_checkpoint_carries_the_code_and_its_hash(custom_run):
    source, checkpoint = custom_run
    stored = load_checkpoint(checkpoint).meta.model_code
    assert stored["source"] == source.read_text() and stored["path"] == str(source)
    assert stored["sha256"] == ModelCode.read(f"{source}:Net").sha256


@pytest.mark.parametrize("command", [
    ["predict", "IMAGE"], ["evaluate"], ["explain", "IMAGE", "--out", "OUT"],
])
def test_every_command_refuses_without_trust_and_nothing_runs(custom_run, tmp_path, capsys,
                                                              mnist_dir, command):
    source, checkpoint = custom_run
    image = tmp_path / "digit.png"
    Image.fromarray(pattern_images(np.array([3]), 28, 1, 0)[0, ..., 0]).save(image)
    args = [str(image) if a == "IMAGE" else str(tmp_path / "o.png") if a == "OUT" else a
            for a in command]
    code = main([*args, "--checkpoint", str(checkpoint), "--data-dir", str(mnist_dir),
                 "--offline"] if command[0] == "evaluate" else
                [*args, "--checkpoint", str(checkpoint)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and len(err) == 1
    assert str(source) in err[0] and "--trust-model-code" in err[0] and "SHA-256" in err[0]
    assert not (source.parent / "ran.txt").exists()


def test_trusted_it_runs_and_rebuilds_where_the_file_is_gone(custom_run, mnist_dir, capsys):
    source, checkpoint = custom_run
    source.unlink()  # another machine: the original path does not exist
    code = main(["evaluate", "--checkpoint", str(checkpoint), "--data-dir", str(mnist_dir),
                 "--offline", "--json", "--trust-model-code"])
    out = capsys.readouterr().out
    assert code == 0 and json.loads(out)["model"].endswith("net.py:Net")
    assert (source.parent / "ran.txt").exists()  # the stored source ran, in its place


def test_resume_of_a_model_file_needs_trust_too(custom_run, mnist_dir, capsys):
    source, checkpoint = custom_run
    args = ["train", "--resume", str(checkpoint), "--epochs", "2", "--out",
            str(checkpoint.parent), "--data-dir", str(mnist_dir), "--offline"]
    assert main(args) == 1
    assert "--trust-model-code" in capsys.readouterr().err
    assert not (source.parent / "ran.txt").exists()
    assert main([*args, "--trust-model-code"]) == 0
    assert load_checkpoint(checkpoint).meta.epoch == 2


def test_a_stored_source_that_does_not_match_its_hash_is_refused(custom_run):
    _, checkpoint = custom_run
    loaded = load_checkpoint(checkpoint)
    loaded.meta.model_code["source"] += "\nimport os  # slipped in\n"
    with pytest.raises(Exception, match="does not match its hash"):
        model_from_checkpoint(loaded, "x.pt", trust=True)


def test_a_trust_policy_sees_the_code(custom_run):
    _, checkpoint = custom_run
    seen = []
    with pytest.raises(UntrustedModelCodeError):
        model_from_checkpoint(load_checkpoint(checkpoint), "x.pt",
                              trust=lambda code: seen.append(code) or False)
    assert [code.name for code in seen] == ["Net"]


def test_registry_models_need_no_trust(tmp_path, mnist_dir, capsys):
    run_dir = tmp_path / "r"
    assert main(["train", "--batch-size", "50", "--out", str(run_dir), "--data-dir",
                 str(mnist_dir), "--offline"]) == 0
    model = model_from_checkpoint(load_checkpoint(run_dir / "checkpoint.pt"), "c.pt")
    assert model is not None and load_checkpoint(run_dir / "checkpoint.pt").meta.model_code is None


def test_old_checkpoints_without_stored_code_read_the_file(custom_run):
    source, checkpoint = custom_run
    loaded = load_checkpoint(checkpoint)
    loaded.meta.model_code = None
    assert model_from_checkpoint(loaded, "old.pt", trust=True) is not None
    source.unlink()
    with pytest.raises(Exception, match="cannot be rebuilt"):
        model_from_checkpoint(loaded, "old.pt", trust=True)

