"""The app's state without a display: the current model, planning a run, trusted code."""

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from cnnviz.core.data.datasets import DATASETS
from cnnviz.core.data.types import DatasetSpec
from cnnviz.core.errors import CnnvizError
from cnnviz.core.models.model_code import ModelCode, UntrustedModelCodeError
from cnnviz.core.models.spec import ModelSpec
from cnnviz.core.training.checkpoint import load_checkpoint, save_checkpoint
from cnnviz.core.training.config import TrainConfig
from cnnviz.core.training.events import StartedEvent
from cnnviz.core.training.trainer import Trainer
from cnnviz.session.generation import Generation
from cnnviz.session.run_lifecycle import Phase
from cnnviz.session.session import (
    Session,
    TrainMode,
    new_run_dir,
    suggested_file_name,
)
from cnnviz.session.trust_store import TrustStore
from tests.conftest import write_model_file


@pytest.fixture
def session(tmp_path):
    return Session(TrustStore(tmp_path / "trust.json"), tmp_path / "runs")


def train(config: TrainConfig, mnist_dir: Path) -> Path:
    final = Trainer(replace(config, data_dir=mnist_dir, download=False)).run(lambda e: None)
    assert final.checkpoint, final
    return Path(final.checkpoint)


def test_starts_with_the_shipped_weights_and_offers_only_a_fresh_run(session):
    assert session.current.is_shipped and session.run.phase is Phase.IDLE
    assert "shipped weights" in session.current.label
    assert session.train_choice(TrainConfig()).modes == [TrainMode.FRESH]
    planned = session.plan(TrainConfig(), TrainMode.FRESH)
    assert planned.out_dir.parent == session.home and not planned.out_dir.exists()


def test_continue_only_with_unchanged_settings(session, mnist_dir, tmp_path):
    path = train(TrainConfig(batch_size=50, out_dir=tmp_path / "runs" / "a"), mnist_dir)
    session.open_checkpoint(path)
    same = TrainConfig(batch_size=50)
    choice = session.train_choice(same)
    assert choice.modes == [TrainMode.CONTINUE, TrainMode.FROM_WEIGHTS, TrainMode.FRESH]
    planned = session.plan(same, TrainMode.CONTINUE)
    assert planned.resume == path and planned.epochs == 2 and planned.out_dir == path.parent

    changed = session.train_choice(TrainConfig(batch_size=50, lr=0.01, optimizer="sgd"))
    assert TrainMode.CONTINUE not in changed.modes
    assert any(d.startswith("lr 0.01") for d in changed.differences)
    assert any(d.startswith("optimizer 'sgd'") for d in changed.differences)
    with pytest.raises(CnnvizError, match="cannot continue"):
        session.plan(TrainConfig(batch_size=50, lr=0.01), TrainMode.CONTINUE)
    planned = session.plan(TrainConfig(batch_size=50, lr=0.01), TrainMode.FROM_WEIGHTS)
    assert planned.init_from == path and planned.out_dir != path.parent

    other_model = session.train_choice(TrainConfig(model="lenet5", batch_size=50))
    assert other_model.modes == [TrainMode.FRESH]


def test_a_checkpoint_from_elsewhere_continues_in_a_new_folder(session, mnist_dir, tmp_path):
    path = train(TrainConfig(batch_size=50, out_dir=tmp_path / "elsewhere"), mnist_dir)
    session.open_checkpoint(path)
    planned = session.plan(TrainConfig(batch_size=50), TrainMode.CONTINUE)
    assert planned.resume == path and planned.out_dir.parent == session.home


def test_a_run_moves_the_current_model_and_the_phase(session, mnist_dir):
    planned = replace(session.plan(TrainConfig(batch_size=50), TrainMode.FRESH),
                      data_dir=mnist_dir, download=False)
    changes, starts = [], []
    session.current_changed.connect(changes.append)
    session.run_started.connect(starts.append)
    assert session.begin(planned) and not session.begin(planned)
    final = Trainer(planned).run(session.handle)
    assert session.run.phase is Phase.FINISHED and len(starts) == 1
    assert [c.path for c in changes] == [Path(final.checkpoint)]
    assert session.current.label.startswith("simple-cnn on mnist, this run, epoch 1 (")
    assert session.live_model(starts[0]) is not None


def test_a_model_file_named_by_a_checkpoint_runs_only_when_trusted(session, mnist_dir,
                                                                    tmp_path):
    source = write_model_file(tmp_path)
    marker = source.with_name("ran.txt")
    path = train(TrainConfig(model=f"{source}:Net", batch_size=50, out_dir=tmp_path / "r"),
                 mnist_dir)
    marker.unlink()
    with pytest.raises(UntrustedModelCodeError) as info:
        session.open_checkpoint(path)
    assert not marker.exists()  # refused before anything ran
    code = info.value.code
    assert code.path == str(source) and code.name == "Net" and "class Net" in code.source
    session.trust_code(code)
    assert session.open_checkpoint(path).path == path and marker.exists()
    # remembered by hash, for the next session too
    assert Session(TrustStore(session.trust.path), session.home).trust.is_trusted(code)
    # an edited file is other code
    edited = ModelCode.from_source(code.path, code.name, code.source + "\n# edited\n")
    assert not session.trust.is_trusted(edited)


def test_a_trusted_checkpoint_rebuilds_where_its_file_is_gone(session, mnist_dir, tmp_path):
    source = write_model_file(tmp_path)
    path = train(TrainConfig(model=f"{source}:Net", batch_size=50, out_dir=tmp_path / "r"),
                 mnist_dir)
    source.unlink()
    with pytest.raises(UntrustedModelCodeError) as info:
        session.open_checkpoint(path)
    session.trust_code(info.value.code)
    current = session.open_checkpoint(path)
    blank = np.zeros((1, 28, 28), dtype=np.uint8)
    assert current.predictor.predict(blank).probabilities.shape == (10,)


def test_the_trust_store_survives_a_damaged_file(tmp_path):
    store = TrustStore(tmp_path / "trust.json")
    (tmp_path / "trust.json").write_text("{not json")
    code = ModelCode.from_source("net.py", "Net", "x = 1\n")
    assert not store.is_trusted(code)
    store.trust(code)
    assert store(code) and code.sha256 in json.loads((tmp_path / "trust.json").read_text())


def test_generation_tokens_go_stale():
    generation = Generation()
    first = generation.next()
    assert generation.is_current(first)
    second = generation.next()
    assert not generation.is_current(first) and generation.is_current(second)


@pytest.mark.parametrize(("spec", "short"), [
    ("C:\\Users\\me\\models\\net.py:Net", "net.Net"),
    ("/home/me/models/net.py:Net", "net.Net"),
    ("simple-cnn", "simple-cnn"),
])
def test_model_names_from_either_kind_of_path(spec, short, tmp_path):
    assert ModelSpec.parse(spec).display_name == short
    folder = new_run_dir(TrainConfig(model=spec), tmp_path)
    assert short in folder.name and "\\" not in folder.name and ":" not in folder.name


def test_folder_data_sets_with_either_slash(tmp_path):
    assert DatasetSpec.parse("folder:C:\\photos\\cats").display_name == "folder cats"
    assert DatasetSpec.parse("folder:/home/me/cats/").display_name == "folder cats"


def test_live_model_for_a_run_not_started_here(session):
    event = StartedEvent("simple-cnn", "mnist", "cpu", 1, 1, 1, 1, 1, 0, list("0123456789"),
                         [1, 28, 28], [0.1], [0.3])
    assert session.live_model(event) is None


EVIL = "open(__file__.replace('net.py', 'pwned.txt'), 'w').close()\n"


def stranger_checkpoint(tmp_path: Path, mnist_dir: Path) -> tuple[Path, Path]:
    """A checkpoint whose stored source is harmless, while the file at its recorded path now
    is not: the stored source is what was reviewed and trusted."""
    source = write_model_file(tmp_path / "theirs")
    path = train(TrainConfig(model=f"{source}:Net", batch_size=50, out_dir=tmp_path / "r"),
                 mnist_dir)
    source.write_text(EVIL + source.read_text())
    return source, path


def test_after_trusting_a_checkpoint_only_its_stored_source_runs(session, mnist_dir, tmp_path):
    from cnnviz.core.data.datasets import dataset_info

    source, path = stranger_checkpoint(tmp_path, mnist_dir)
    pwned = source.with_name("pwned.txt")
    with pytest.raises(UntrustedModelCodeError) as info:
        session.open_checkpoint(path)
    session.trust_code(info.value.code)
    session.open_checkpoint(path)
    spec = f"{source}:Net"
    session.select(spec, dataset_info("fashion-mnist"))  # another data set: built again
    assert not pwned.exists()
    Trainer(replace(session.plan(TrainConfig(model=spec, dataset="fashion-mnist",
                                             batch_size=50), TrainMode.FRESH),
                    data_dir=mnist_dir, download=False)).run(lambda e: None)
    assert not pwned.exists()


def test_a_model_file_not_chosen_by_the_user_is_asked_about(session, tmp_path):
    """A spec can reach the session from settings a stranger's checkpoint left behind."""
    from cnnviz.core.data.datasets import dataset_info

    source = write_model_file(tmp_path / "theirs")
    with pytest.raises(UntrustedModelCodeError):
        session.select(f"{source}:Net", dataset_info("mnist"))
    with pytest.raises(UntrustedModelCodeError):
        session.plan(TrainConfig(model=f"{source}:Net"), TrainMode.FRESH)
    assert not source.with_name("ran.txt").exists()
    session.trust_chosen_file(f"{source}:Net")  # the user picks it in the file dialog
    assert session.select(f"{source}:Net", dataset_info("mnist")).code.path == str(source)


def test_a_checkpoint_swapped_after_it_was_trusted_does_not_run(session, mnist_dir, tmp_path):
    first = write_model_file(tmp_path / "a")
    trusted = train(TrainConfig(model=f"{first}:Net", batch_size=50, out_dir=tmp_path / "ra"),
                    mnist_dir)
    with pytest.raises(UntrustedModelCodeError) as info:
        session.open_checkpoint(trusted)
    session.trust_code(info.value.code)
    session.open_checkpoint(trusted)
    planned = session.plan(TrainConfig(model=f"{first}:Net", batch_size=50),
                           TrainMode.FROM_WEIGHTS)  # fmt: skip
    other = tmp_path / "b" / "net.py"  # other code, saved under the same model spec
    other.parent.mkdir()
    other.write_text(EVIL + first.read_text())
    swapped = load_checkpoint(trusted)
    swapped.meta.model_code = ModelCode.from_source(str(first), "Net", other.read_text()).to_dict()
    save_checkpoint(swapped, trusted)
    final = Trainer(replace(planned, data_dir=mnist_dir, download=False)).run(lambda e: None)
    assert "changed since it was trusted" in final.message
    assert not other.with_name("pwned.txt").exists() and not first.with_name("pwned.txt").exists()


def test_a_model_chosen_again_gets_the_weights_it_last_had(session, mnist_dir, tmp_path):
    mnist, cifar = DATASETS["mnist"].info, DATASETS["cifar10"].info
    assert not session.select("lenet5", mnist).trained
    assert session.select("simple-cnn", mnist).is_shipped  # not random weights
    assert not session.select("simple-cnn", cifar).trained  # the shipped weights are MNIST's
    path = train(TrainConfig(model="lenet5", batch_size=50, out_dir=tmp_path / "r"), mnist_dir)
    session.open_checkpoint(path)
    assert session.select("simple-cnn", mnist).is_shipped
    assert session.select("lenet5", mnist).path == path  # the checkpoint's, not the untrained
    planned = replace(session.plan(TrainConfig(batch_size=50), TrainMode.FRESH),
                      data_dir=mnist_dir, download=False)
    session.select("simple-cnn", mnist)
    session.begin(planned)
    final = Trainer(planned).run(session.handle)
    session.select("lenet5", mnist)
    assert session.select("simple-cnn", mnist).path == Path(final.checkpoint)  # the run's


def test_enter_starts_a_fresh_run_once_run_defining_settings_changed(session, mnist_dir,
                                                                     tmp_path):
    path = train(TrainConfig(batch_size=50, out_dir=tmp_path / "runs" / "a"), mnist_dir)
    session.open_checkpoint(path)
    same = session.train_choice(TrainConfig(batch_size=50))
    assert same.changed == [] and same.default is TrainMode.CONTINUE
    changed = session.train_choice(TrainConfig(batch_size=50, lr=0.01))
    assert changed.changed == ["lr"] and changed.default is TrainMode.FRESH
    stretched = session.train_choice(TrainConfig(batch_size=50, schedule="onecycle"))
    assert stretched.changed == ["schedule"] and stretched.default is TrainMode.FRESH
    assert session.train_choice(TrainConfig(batch_size=50, epochs=3)).default is \
        TrainMode.CONTINUE  # more epochs is not another setting


def test_a_checkpoint_saved_elsewhere_knows_its_runs_folder(session, mnist_dir, tmp_path):
    run = tmp_path / "runs" / "a"
    path = train(TrainConfig(batch_size=50, out_dir=run), mnist_dir)
    opened = session.open_checkpoint(path)
    assert opened.run_folder == run and opened.label.startswith("simple-cnn on mnist, run a (")
    copy = save_checkpoint(load_checkpoint(path), tmp_path / "kept" / "mine.pt")
    assert session.open_checkpoint(copy).run_folder == run
    assert session.open_checkpoint(run / "best.pt").label.startswith(
        "simple-cnn on mnist, run a, best (")
    (run / "metrics.jsonl").unlink()
    assert session.open_checkpoint(copy).run_folder is None  # no curves to show
    assert session.use_shipped().run_folder is None


def test_save_suggests_a_name_from_the_model_the_data_and_the_accuracy(session, tmp_path):
    meta = session.current.meta
    assert suggested_file_name(meta) == f"simple-cnn-mnist-{100 * meta.metrics['test_acc']:.1f}.pt"
    untrained = session.select("lenet5", DATASETS["mnist"].info).meta
    assert suggested_file_name(untrained) == "lenet5-mnist.pt"
    assert suggested_file_name(replace(meta, config={"dataset": f"folder:{tmp_path}"})) \
        .startswith("simple-cnn-folder-")


def test_weights_whose_file_is_gone_are_not_brought_back(session, mnist_dir, tmp_path):
    mnist = DATASETS["mnist"].info
    path = train(TrainConfig(model="lenet5", batch_size=50, out_dir=tmp_path / "r"), mnist_dir)
    session.open_checkpoint(path)
    session.select("simple-cnn", mnist)
    path.unlink()  # the run went to the trash
    assert not session.select("lenet5", mnist).trained
