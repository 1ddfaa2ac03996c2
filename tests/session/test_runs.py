"""RunsState: the run the plots show is drawn once, and the runs on the plots are named by
what tells them apart."""

import json
from pathlib import Path

from cnnviz.core.training.config import TrainConfig
from cnnviz.session.runs import RunsState


def run_folder(home: Path, name: str, **changes) -> Path:
    folder = home / name
    folder.mkdir(parents=True)
    settings = {**TrainConfig().to_dict(), **changes}
    (folder / "config.json").write_text(json.dumps({"settings": settings, "started": 1.0}))
    (folder / "metrics.jsonl").write_text("")
    return folder


def test_the_shown_run_ticked_too_is_not_drawn_twice(tmp_path):
    runs = RunsState(tmp_path)
    a, b = run_folder(tmp_path, "a", lr=0.01), run_folder(tmp_path, "b", lr=0.001)
    runs.refresh()
    for folder in (a, b):
        runs.set_overlaid(folder, True)
    runs.show_run(a)
    assert runs.shown_folder == a
    assert runs.drawn_overlays() == [b]
    assert runs.plot_names() == {a: "lr 0.01", b: "lr 0.001"}
    runs.show_run(None)
    assert runs.drawn_overlays() == [a, b]


def test_the_own_run_is_named_from_its_settings_before_its_folder_is_written(tmp_path):
    runs = RunsState(tmp_path)
    other = run_folder(tmp_path, "other", batch_size=64)
    runs.refresh()
    runs.set_overlaid(other, True)
    own = tmp_path / "own"  # the trainer has not written it yet
    runs.show_own_run(own, resumed=False, settings=TrainConfig().to_dict())
    assert runs.plot_names() == {own: "batch 100", other: "batch 64"}


def test_a_run_alone_needs_no_name(tmp_path):
    runs = RunsState(tmp_path)
    runs.set_overlaid(run_folder(tmp_path, "a"), True)
    assert runs.plot_names() == {}
