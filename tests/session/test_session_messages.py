"""What the session hands the interface to show goes out as Messages (cnnviz/core/translatable.py):
English for the command line and the logs, with the source and values the interface
translates. A plain string here would stay English in the Chinese interface."""

from __future__ import annotations

from pathlib import Path

import pytest

from cnnviz.core.data.datasets import dataset_info
from cnnviz.core.errors import CheckpointError, CnnvizError
from cnnviz.core.training.config import TrainConfig
from cnnviz.core.training.events import EpochEvent
from cnnviz.core.training.trainer import Trainer
from cnnviz.core.translatable import Message, error_text
from cnnviz.session.runs import RunsState
from cnnviz.session.session import Session
from cnnviz.session.trust_store import TrustStore


@pytest.fixture
def session(tmp_path):
    return Session(TrustStore(tmp_path / "trust.json"), tmp_path / "runs")


def in_brackets(context: str, source: str) -> str:
    """A translation that shows which entry was used: [context|source]."""
    return f"[{context}|{source}]"


def test_the_weights_label_is_a_message_whose_parts_translate_too(session):
    label = session.current.label
    assert isinstance(label, Message) and label.context == "CurrentModel"
    assert label.startswith("simple-cnn on mnist, shipped weights (")  # English, as before
    # the sentence is translated whole, and the source inside it ("shipped weights") too
    translated = label.translated(in_brackets)
    assert translated.startswith(
        "[CurrentModel|simple-cnn on mnist, [CurrentModel|shipped weights] (")


def test_an_untrained_model_and_a_run_checkpoint_are_labelled_in_messages(session, mnist_dir,
                                                                           tmp_path):  # fmt: skip
    untrained = session.select("lenet5", dataset_info("mnist", mnist_dir, False))
    assert untrained.label.values["source"].source == "untrained (random weights)"
    config = TrainConfig(batch_size=50, out_dir=tmp_path / "runs" / "a", data_dir=mnist_dir,
                         download=False)  # fmt: skip
    final = Trainer(config).run(lambda event: None)
    current = session.open_checkpoint(Path(final.checkpoint))
    source = current.label.values["source"]
    assert isinstance(source, Message) and source.source == "run {name}"
    assert source.values == {"name": "a"}


def test_the_differences_that_rule_out_continue_are_messages(session, mnist_dir, tmp_path):
    config = TrainConfig(batch_size=50, out_dir=tmp_path / "runs" / "a", data_dir=mnist_dir,
                         download=False)  # fmt: skip
    final = Trainer(config).run(lambda event: None)
    session.open_checkpoint(Path(final.checkpoint))
    choice = session.train_choice(TrainConfig(batch_size=50, lr=0.01))
    assert choice.differences == ["lr 0.01 (the run used 0.001)"]
    difference = choice.differences[0]
    assert isinstance(difference, Message) and difference.context == "Setting"
    assert difference.translated(lambda context, text: {"lr": "LR"}.get(text, text)) == (
        "LR 0.01 (the run used 0.001)")


def test_a_bad_checkpoints_error_is_a_message(session, tmp_path):
    empty = tmp_path / "empty.pt"
    empty.write_bytes(b"")
    with pytest.raises(CheckpointError) as raised:
        session.open_checkpoint(empty)
    message = error_text(raised.value)
    assert isinstance(message, Message) and message.context == "Error"
    assert message.source == "{path}: is empty, not a checkpoint"
    assert str(raised.value) == f"{empty}: is empty, not a checkpoint"  # the CLI's English


def test_a_problem_the_session_reports_is_a_message(session, tmp_path):
    problems = []
    session.problem.connect(problems.append)
    gone = tmp_path / "gone.pt"
    session.handle(EpochEvent(1, 10, 0.1, 0.9, 0.1, 0.9, None, 1.0, str(gone)))
    problem = problems[-1]
    assert isinstance(problem, Message) and problem.context == "Session"
    error = problem.values["error"]  # the checkpoint's own error, translated with it
    assert isinstance(error, Message) and error.source == "{path}: no such file"


def test_a_folder_that_holds_no_run_and_a_bad_new_name_are_messages(tmp_path):
    runs = RunsState(tmp_path / "runs")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(CnnvizError) as raised:
        runs.add_folder(empty)
    message = error_text(raised.value)
    assert isinstance(message, Message) and message.context == "Error"
    assert message.source.startswith("{path} holds no run (no config.json")
    assert str(raised.value).startswith(f"{empty} holds no run (no config.json")  # the CLI's
    (empty / "metrics.jsonl").write_text("")
    runs.add_folder(empty)
    with pytest.raises(CnnvizError) as raised:
        runs.rename(empty, "a/b")
    message = error_text(raised.value)
    assert isinstance(message, Message) and message.source == "{name!r} is not a folder name"
    assert str(raised.value) == "'a/b' is not a folder name"
