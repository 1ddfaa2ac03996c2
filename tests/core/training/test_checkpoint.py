import os
import pickle
import zipfile

import pytest
import torch

from cnnviz.core.errors import CheckpointError
from cnnviz.core.models.registry import build_model
from cnnviz.core.models.shape import InputShape
from cnnviz.core.training.checkpoint import (
    Checkpoint,
    CheckpointMeta,
    apply_weights,
    load_checkpoint,
    model_from_checkpoint,
    save_checkpoint,
)

SHAPE = InputShape(1, 28, 28, 10)


def make_checkpoint(model_name="simple-cnn", shape=SHAPE):
    torch.manual_seed(0)
    model = build_model(model_name, shape)
    optimizer = torch.optim.Adam(model.parameters())
    model(torch.randn(2, shape.channels, shape.height, shape.width)).sum().backward()
    optimizer.step()
    meta = CheckpointMeta(model=model_name, dataset="mnist",
                          class_names=[str(i) for i in range(shape.num_classes)],
                          input_shape=[shape.channels, shape.height, shape.width],
                          mean=[0.1307], std=[0.3081], epoch=2, step=1200,
                          metrics={"test_acc": 0.98})  # fmt: skip
    return model, Checkpoint(meta, model.state_dict(), optimizer.state_dict(), None,
                             torch.Generator().get_state())


@pytest.fixture
def saved(tmp_path):
    model, checkpoint = make_checkpoint()
    return model, save_checkpoint(checkpoint, tmp_path / "good.pt")


def test_round_trip(saved):
    model, path = saved
    loaded = load_checkpoint(path)
    assert loaded.meta.epoch == 2 and loaded.meta.metrics == {"test_acc": 0.98}
    rebuilt = model_from_checkpoint(loaded)
    for a, b in zip(model.state_dict().values(), rebuilt.state_dict().values(), strict=True):
        assert torch.equal(a, b)
    assert not rebuilt.training


def test_save_leaves_no_temporary_files(saved, tmp_path):
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.pt"]


class RunsCode:
    def __reduce__(self):
        return (os.system, ("touch pwned-by-checkpoint",))


def test_a_pickle_that_would_run_code_is_refused_and_not_run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "evil.pt"
    torch.save({"format": "cnnviz-checkpoint", "payload": RunsCode()}, path)
    with pytest.raises(CheckpointError, match="would run code"):
        load_checkpoint(path)
    assert not (tmp_path / "pwned-by-checkpoint").exists()


def test_a_plain_pickle_with_code_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "evil.pkl"
    path.write_bytes(pickle.dumps(RunsCode()))
    with pytest.raises(CheckpointError):
        load_checkpoint(path)
    assert not (tmp_path / "pwned-by-checkpoint").exists()


@pytest.mark.parametrize("fraction", [0.01, 0.1, 0.5, 0.9, 0.99])
def test_truncated_checkpoints_are_refused(saved, tmp_path, fraction):
    _, path = saved
    data = path.read_bytes()
    cut = tmp_path / "cut.pt"
    cut.write_bytes(data[: int(len(data) * fraction)])
    with pytest.raises(CheckpointError, match="truncated, corrupt or not a checkpoint"):
        load_checkpoint(cut)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_bytes(os.urandom(4096)), "corrupt or not a checkpoint"),
        (lambda p: p.write_bytes(b""), "is empty"),
        (lambda p: p.mkdir(), "is a folder"),
        (lambda p: None, "no such file"),
        (lambda p: torch.save({"weights": torch.zeros(3)}, p), "not a cnnviz checkpoint"),
        (lambda p: torch.save([1, 2, 3], p), "not a cnnviz checkpoint"),
        (lambda p: torch.save({"format": "cnnviz-checkpoint", "meta": {}}, p), "damaged"),
        (lambda p: zipfile.ZipFile(p, "w").writestr("other/data.pkl", b"x"), "not a checkpoint"),
    ],
)
def test_bad_files_are_refused_with_a_clear_message(tmp_path, make, message):
    path = tmp_path / "bad.pt"
    make(path)
    with pytest.raises(CheckpointError, match=message) as info:
        load_checkpoint(path)
    assert str(path) in str(info.value)


def test_unreadable_file(saved, monkeypatch):
    _, path = saved
    monkeypatch.setattr(os, "access", lambda *args: False)
    with pytest.raises(CheckpointError, match="permission denied"):
        load_checkpoint(path)


def test_checkpoint_of_another_class_count_is_refused(tmp_path):
    _, checkpoint = make_checkpoint(shape=InputShape(1, 28, 28, 5))
    path = save_checkpoint(checkpoint, tmp_path / "five.pt")
    model = build_model("simple-cnn", SHAPE)
    before = {k: v.clone() for k, v in model.state_dict().items()}
    with pytest.raises(CheckpointError, match="another model or class count.*5 classes"):
        apply_weights(load_checkpoint(path), model, str(path))
    assert all(torch.equal(before[k], v) for k, v in model.state_dict().items())


def test_checkpoint_of_another_model_is_refused(tmp_path):
    _, checkpoint = make_checkpoint(model_name="lenet5")
    path = save_checkpoint(checkpoint, tmp_path / "lenet.pt")
    with pytest.raises(CheckpointError, match="'lenet5'"):
        apply_weights(load_checkpoint(path), build_model("simple-cnn", SHAPE), str(path))


def test_failed_save_keeps_the_previous_checkpoint(saved, monkeypatch):
    _, path = saved
    before = path.read_bytes()
    _, other = make_checkpoint(model_name="lenet5")

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(torch, "save", disk_full)
    with pytest.raises(CheckpointError, match="No space left on device.*unchanged"):
        save_checkpoint(other, path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["good.pt"]
