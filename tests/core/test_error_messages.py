"""The core's errors that the interface shows are raised with Messages (context "Error"):
``str(error)`` is the English the command line prints, and the Message carries the source
and values that the interface translates. An error raised with a plain f-string would stay
English in the Chinese interface."""

from __future__ import annotations

import pytest

from cnnviz.core.errors import CnnvizError, ModelLoadError
from cnnviz.core.models.model_code import ModelCode
from cnnviz.core.models.pattern import Pattern, parse_pattern, plan
from cnnviz.core.models.shape import InputShape
from cnnviz.core.training.config import TrainConfig
from cnnviz.core.training.trainer import Trainer
from cnnviz.core.translatable import Message, error_text


def in_brackets(context: str, source: str) -> str:
    """A translation that shows which entry was used: [context|source]."""
    return f"[{context}|{source}]"


def raised_message(error: BaseException) -> Message:
    message = error_text(error)
    assert isinstance(message, Message) and message.context == "Error", repr(message)
    return message


def test_a_pattern_too_small_for_its_images_says_where_in_a_message():
    with pytest.raises(ModelLoadError) as raised:
        plan(Pattern(2, 5, 1), InputShape(1, 28, 28, 10))
    assert str(raised.value) == (
        "pattern:n=2,m=5,k=1 cannot take 28x28 images: block 5's pool would leave 0x0 pixels; "
        "use fewer blocks (m), a smaller kernel or larger images")  # the CLI's English
    message = raised_message(raised.value)
    assert message.source.startswith("{spec} cannot take {height}x{width} images: {where}")
    assert "[Error|block 5's pool]" in message.translated(in_brackets)  # translated with it


def test_a_bad_pattern_spec_wraps_the_patterns_own_message():
    with pytest.raises(ModelLoadError) as raised:
        parse_pattern("pattern:n=2,m=9,k=1")
    assert str(raised.value) == ("pattern:n=2,m=9,k=1: m must be 0 to 6 in a pattern spec "
                                 "(got 9)")  # fmt: skip
    inner = raised_message(raised.value).values["error"]
    assert isinstance(inner, Message) and inner.source == (
        "{name} must be {low} to {high} in a pattern spec (got {value})")


def test_a_setting_no_run_can_use_is_a_message():
    with pytest.raises(CnnvizError) as raised:
        TrainConfig(optimizer="rmsprop").validate()
    assert str(raised.value) == "unknown optimiser 'rmsprop': choose one of adam, adamw, sgd"
    message = raised_message(raised.value)
    assert message.source == "unknown optimiser {optimizer!r}: choose one of {choices}"


def test_a_missing_model_file_is_a_message(tmp_path):
    with pytest.raises(ModelLoadError) as raised:
        ModelCode.read(f"{tmp_path / 'gone.py'}:Net")
    assert raised_message(raised.value).source == (
        "{path}: no such file; check the path to your model file")


def test_the_resume_refusal_translates_each_setting_that_differs(mnist_dir, tmp_path):
    settings = {"data_dir": mnist_dir, "download": False}
    Trainer(TrainConfig(**settings, batch_size=50, out_dir=tmp_path / "a")).run(lambda event: None)
    final = Trainer(TrainConfig(**settings, lr=0.01, batch_size=100, out_dir=tmp_path / "b",
                                resume=tmp_path / "a" / "checkpoint.pt")).run(lambda event: None)
    message = final.message
    assert "these settings differ: batch_size 100 (the run used 50); lr 0.01 (the run used " \
           "0.001)." in message  # fmt: skip
    assert isinstance(message, Message) and message.context == "Error"
    translated = message.translated(in_brackets)
    # each setting is translated, and so is the "; " that lists them
    assert ("[Error|[Setting|[SettingKey|batch_size] 100 (the run used 50)]; "
            "[Setting|[SettingKey|lr] 0.01 (the run used 0.001)]]") in translated
