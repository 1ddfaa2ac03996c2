"""The one test split the views share, without a display: loaded once per model, checked
against the model's classes, and a late split of a model no longer shown dropped."""

from dataclasses import replace

import pytest

from cnnviz.core.data.datasets import dataset_info
from cnnviz.core.errors import CnnvizError
from cnnviz.session.session import Session
from cnnviz.session.test_split import CurrentSplit, SplitKey, run_at_once
from cnnviz.session.trust_store import TrustStore


class Runner:
    """Runs each function when told to (``finish``), or at once with ``at_once``."""

    def __init__(self, at_once: bool = False) -> None:
        self.at_once = at_once
        self.jobs: list = []
        self.calls = 0

    def __call__(self, function, on_done, on_error):
        self.calls += 1
        self.jobs.append((function, on_done, on_error))
        if self.at_once:
            self.finish(-1)

    def finish(self, index: int) -> None:
        run_at_once(*self.jobs[index])


@pytest.fixture
def session(tmp_path):
    return Session(TrustStore(tmp_path / "trust.json"), tmp_path / "runs")


def record(split: CurrentSplit) -> list:
    events: list = []
    split.loading.connect(lambda key: events.append(("loading", key)))
    split.ready.connect(lambda data: events.append(("ready", data)))
    split.failed.connect(lambda error: events.append(("failed", error)))
    return events


def following(session, runner, data_dir, **options) -> CurrentSplit:
    split = CurrentSplit(runner, data_dir, **options)
    split.follow(session)
    return split


def test_the_current_models_split_is_loaded_once(session, mnist_dir):
    runner = Runner(at_once=True)
    split = following(session, runner, lambda: mnist_dir)
    meta = session.current.meta
    data = split.split_for(meta)
    assert data is not None and len(data.test) == 80 and runner.calls == 1
    assert list(data.info.class_names) == list(meta.class_names)
    events = record(split)
    split.request(meta)  # every view asks; the split is here
    got = []
    split.when_ready(meta, got.append, pytest.fail)
    assert got == [data] and runner.calls == 1 and events == []


def test_a_split_whose_classes_are_not_the_models_is_refused(session, mnist_dir):
    split = following(session, Runner(at_once=True), lambda: mnist_dir)
    events = record(split)
    other = replace(session.current.meta, class_names=list("abcdefghij"))
    failures = []
    split.when_ready(other, lambda data: pytest.fail("a split of other classes"),
                     failures.append)  # fmt: skip
    assert [kind for kind, _ in events] == ["loading", "failed"]
    assert isinstance(events[-1][1], CnnvizError) and "do not match" in str(events[-1][1])
    assert failures == [events[-1][1]]
    assert split.split_for(other) is None and split.error is failures[0]


def test_a_split_that_arrives_after_another_was_asked_for_is_dropped(session, tmp_path):
    runner = Runner()
    split = following(session, runner, lambda: tmp_path,
                         load=lambda key, data_dir: f"split of {key.dataset}")  # fmt: skip
    events = record(split)
    first = split.key
    assert split.is_loading and first == SplitKey.of(session.current.meta)
    waited = []
    split.when_ready(session.current.meta, pytest.fail, waited.append)
    session.select("lenet5", dataset_info("fashion-mnist"))  # the views now show another
    assert waited and "another model's test split" in str(waited[0])
    assert events == [("loading", split.key)] and split.key.dataset == "fashion-mnist"
    runner.finish(0)  # mnist's split, too late
    assert split.data is None and split.is_loading and len(events) == 1
    runner.finish(1)
    assert split.data == "split of fashion-mnist" and events[-1] == ("ready", split.data)
    assert split.split_for(session.current.meta) == split.data


def test_a_failed_split_is_tried_again_when_asked_for(session, tmp_path):
    empty = tmp_path / "no-data"
    split = following(session, Runner(at_once=True), lambda: empty)
    assert split.error is not None and split.data is None
    events = record(split)
    split.request(session.current.meta)
    assert [kind for kind, _ in events] == ["loading", "failed"]
