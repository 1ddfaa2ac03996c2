"""TrainConfig's settings are defined once: the command line's options, the run-defining set,
what a resumed run inherits and a job's command line all come from the fields' Settings."""

import argparse
from dataclasses import fields
from pathlib import Path

import pytest

from cnnviz.cli import build_parser
from cnnviz.cli.train import given_settings
from cnnviz.core.training.config import (
    INHERITED,
    RUN_DEFINING,
    SETTINGS,
    TrainConfig,
    option,
)
from cnnviz.session.job import train_arguments


def train_parser() -> argparse.ArgumentParser:
    commands = next(a for a in build_parser()._actions
                    if isinstance(a, argparse._SubParsersAction))
    return commands.choices["train"]


def test_every_field_has_a_setting_with_help():
    assert list(SETTINGS) == [f.name for f in fields(TrainConfig)]
    for name, setting in SETTINGS.items():
        assert setting.help or setting.shared, f"{name} says nothing of what it does"


def test_the_run_defining_and_inherited_sets_come_from_the_settings():
    assert tuple(n for n, s in SETTINGS.items() if s.run_defining) == RUN_DEFINING
    assert set(RUN_DEFINING) < set(INHERITED)
    assert set(INHERITED) - set(RUN_DEFINING) == {"epochs"}


def test_every_option_of_cnnviz_train_is_a_setting_as_its_setting_says():
    actions = {flag: a for a in train_parser()._actions for flag in a.option_strings}
    defaults = TrainConfig()
    for name, setting in SETTINGS.items():
        flag = option(name)
        if flag is None:
            assert name not in {a.dest for a in actions.values()}
            continue
        action = actions[flag]
        assert action.required == setting.required, name
        if not setting.shared:
            assert action.help == setting.described(getattr(defaults, name)), name
        if setting.choices is not None:
            assert action.choices == list(setting.choices), name
    settings_flags = {option(name) for name in SETTINGS}
    assert set(actions) - settings_flags == {"-h", "--help", "--json"}


def every_setting_changed() -> TrainConfig:
    """A config in which every setting with an option differs from its default."""
    return TrainConfig(model="lenet5", dataset="folder:/photos", data_dir=Path("/data"),
                       epochs=3, batch_size=7, lr=0.02, optimizer="sgd", schedule="cosine",
                       augment="affine", weight_decay=0.5, seed=9, device="cpu",
                       precision="fp32", threads=2, eval_every=5, download=False,
                       image_size=48, out_dir=Path("/runs/r"), trusted_code_sha256="ab" * 32,
                       trust_model_code=True, tensorboard=True, sync_bn=True)


def test_a_jobs_command_line_gives_back_its_config():
    config = every_setting_changed()
    changed = [n for n in SETTINGS if option(n) and n not in ("resume", "init_from")]
    assert all(getattr(config, n) != getattr(TrainConfig(), n) for n in changed)
    args = build_parser().parse_args(train_arguments(config))
    given = {k: v for k, v in given_settings(args).items() if v is not None}
    assert TrainConfig(**given) == config


def test_a_jobs_command_line_leaves_defaults_out():
    assert train_arguments(TrainConfig()) == ["train"]


@pytest.mark.parametrize("start", ["resume", "init_from"])
def test_a_jobs_command_line_says_where_the_run_starts(start):
    line = train_arguments(TrainConfig(**{start: Path("/runs/r/checkpoint.pt")}))
    assert line == ["train", option(start), str(Path("/runs/r/checkpoint.pt"))]
