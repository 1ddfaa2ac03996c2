"""``cnnviz export``: a checkpoint as ONNX that onnxruntime runs to PyTorch's answers."""

import json
import sys

import numpy as np
import pytest
from torch import nn

from cnnviz.cli import main
from cnnviz.core.analysis.onnx_export import export_onnx
from cnnviz.core.analysis.prediction import Predictor, shipped_weights_path
from cnnviz.core.data.datasets import load_dataset
from cnnviz.core.errors import CnnvizError
from cnnviz.core.training.checkpoint import CheckpointMeta
from cnnviz.core.training.config import TrainConfig
from cnnviz.core.training.trainer import Trainer
from tests.conftest import write_model_file

onnx = pytest.importorskip("onnx")
onnxruntime = pytest.importorskip("onnxruntime")


def run_cli(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """The shipped MNIST weights as ONNX (exporting takes a few seconds: once a module)."""
    path = tmp_path_factory.mktemp("onnx") / "model.onnx"
    predictor = Predictor.from_checkpoint()
    export_onnx(predictor.copy().model, predictor.meta, path)
    return predictor, path


def test_onnxruntime_gives_pytorchs_answers_on_real_format_test_images(exported, mnist_dir):
    predictor, path = exported
    images = load_dataset("mnist", mnist_dir, download=False, splits=("test",)).test.images
    images = images.numpy()  # uint8 [80, 1, 28, 28], read from IDX files
    expected = predictor.probabilities(images)
    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    pixels = images.astype(np.float32) / 255  # what an image file gives: no normalisation
    logits, probabilities = session.run(None, {"pixels": pixels})
    top = expected.argmax(axis=1)
    assert (probabilities.argmax(axis=1) == top).mean() >= 0.999
    rows = np.arange(len(top))
    assert np.abs(probabilities[rows, top] - expected[rows, top]).max() <= 1e-4
    assert np.allclose(np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True),
                       probabilities, atol=1e-6)  # fmt: skip
    one = session.run(["probabilities"], {"pixels": pixels[:1]})[0]  # any batch size
    assert one.shape == (1, 10) and np.allclose(one, probabilities[:1], atol=1e-6)


def test_the_file_says_what_it_takes_and_names_its_classes(exported):
    predictor, path = exported
    model = onnx.load(str(path))
    onnx.checker.check_model(model)
    props = {p.key: p.value for p in model.metadata_props}
    assert json.loads(props["class_names"]) == list(predictor.meta.class_names)
    assert json.loads(props["mean"]) == pytest.approx(predictor.meta.mean)
    assert "[0, 1]" in props["input"] and props["model"] == "simple-cnn"
    (pixels,) = model.graph.input
    dims = pixels.type.tensor_type.shape.dim
    assert pixels.name == "pixels" and dims[0].dim_param and [d.dim_value for d in dims[1:]] == [
        1, 28, 28]  # fmt: skip
    assert [o.name for o in model.graph.output] == ["logits", "probabilities"]


def test_the_command_exports_and_checks_against_pytorch(tmp_path, mnist_dir, capsys):
    out = tmp_path / "model.onnx"
    code, printed, err = run_cli(capsys, "export", shipped_weights_path(), "--out", out,
                                 "--check", "--data-dir", mnist_dir, "--offline")  # fmt: skip
    assert code == 0, err
    assert "written to" in printed and "agrees with PyTorch on 80 of 80 test images" in printed
    assert out.stat().st_mode & 0o777 == 0o644  # an ordinary file to share, not a private one


def test_a_custom_model_needs_trust_and_an_unexportable_one_says_why(mnist_dir, tmp_path,
                                                                      capsys):  # fmt: skip
    path = write_model_file(tmp_path / "code")
    data = load_dataset("mnist", mnist_dir, download=False)
    config = TrainConfig(model=f"{path}:Net", epochs=1, batch_size=100, out_dir=tmp_path / "r")
    Trainer(config, data).run(lambda e: None)
    (tmp_path / "code" / "ran.txt").unlink()
    code, _, err = run_cli(capsys, "export", tmp_path / "r" / "best.pt", "--out",
                           tmp_path / "m.onnx")  # fmt: skip
    assert code == 1 and "--trust-model-code" in err and len(err.splitlines()) == 1
    assert not (tmp_path / "code" / "ran.txt").exists() and not (tmp_path / "m.onnx").exists()

    class ValueBranch(nn.Module):  # branches on a value: torch.export cannot trace it
        def forward(self, x):
            return x.mean(dim=(2, 3)) * (2 if x.sum() > 0 else 1)

    meta = CheckpointMeta("branch.py:ValueBranch", "mnist", ["a"], [1, 4, 4], [0.5], [0.5])
    with pytest.raises(CnnvizError, match="branch.py:ValueBranch cannot be exported to ONNX: "
                                          "Could not guard on data-dependent") as caught:
        export_onnx(ValueBranch(), meta, tmp_path / "b.onnx")
    assert len(str(caught.value).splitlines()) == 1 and not (tmp_path / "b.onnx").exists()


def test_without_the_extra_the_refusal_says_how_to_install_it(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "onnxscript", None)
    code, _, err = run_cli(capsys, "export", shipped_weights_path(), "--out", tmp_path / "m.onnx")
    assert code == 1 and err.strip().endswith('pip install "cnnviz[export]"')
    assert not (tmp_path / "m.onnx").exists()
