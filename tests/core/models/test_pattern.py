import json
import re

import pytest
import torch

from cnnviz.cli import main
from cnnviz.core.analysis.inspection import ModelInspector
from cnnviz.core.errors import ModelLoadError
from cnnviz.core.models.pattern import Pattern, parse_pattern, plan
from cnnviz.core.models.registry import build_model, count_parameters
from cnnviz.core.models.shape import InputShape
from cnnviz.core.models.spec import ModelSpec
from cnnviz.core.training.checkpoint import load_checkpoint, model_from_checkpoint

MNIST = InputShape(1, 28, 28, 10)
CIFAR = InputShape(3, 32, 32, 10)


def leaves(spec, shape):
    model = build_model(spec, shape)
    inspector = ModelInspector(model, (shape.channels, shape.height, shape.width), [0.5], [0.5])
    return model, [(i.name, i.kind, i.output_shape, i.parameters)
                   for i in inspector.layers if i.is_leaf]  # fmt: skip


@pytest.mark.parametrize("spec", [
    "pattern:n=2,m=2,k=1", "pattern:n=1,m=3,k=0", "pattern:n=3,m=1,k=2,fc=32",
    "pattern:n=0,m=2,k=1,pool=avg", "pattern:n=1,m=0,k=0", "pattern:n=2,m=2,k=0,pool=none",
    "pattern:n=1,m=2,k=1,width=8,kernel=5",
])  # fmt: skip
def test_the_plan_is_what_gets_built(spec):
    model, built = leaves(spec, MNIST)
    planned = plan(parse_pattern(spec), MNIST)
    assert built == [(p.name, p.kind, p.output_shape, p.parameters) for p in planned]
    assert count_parameters(model) == sum(p.parameters for p in planned)
    assert model(torch.zeros(2, 1, 28, 28)).shape == (2, 10)


@pytest.mark.parametrize(("n", "m", "k"), [(1, 1, 0), (2, 2, 1), (3, 1, 2), (1, 3, 1)])
def test_layer_counts_and_shapes(n, m, k):
    _, layers = leaves(f"pattern:n={n},m={m},k={k}", CIFAR)
    kinds = [kind for _, kind, _, _ in layers]
    assert kinds.count("Conv2d") == kinds.count("ReLU") - k == n * m
    assert kinds.count("MaxPool2d") == m and kinds.count("Linear") == k + 1
    pools = [shape for _, kind, shape, _ in layers if kind == "MaxPool2d"]
    # the width doubles after each block, each pool halves the side
    assert pools == [(16 * 2**b, 32 // 2 ** (b + 1), 32 // 2 ** (b + 1)) for b in range(m)]
    hidden = [shape for _, kind, shape, _ in layers if kind == "Linear"][:-1]
    assert hidden == [(128,)] * k and layers[-1][2] == (10,)


def test_pool_none_makes_the_last_conv_of_each_block_stride_2():
    model, layers = leaves("pattern:n=2,m=2,k=0,pool=none", MNIST)
    convs = [m for m in model.modules() if isinstance(m, torch.nn.Conv2d)]
    assert [c.stride for c in convs] == [(1, 1), (2, 2), (1, 1), (2, 2)]
    assert all(c.padding == (1, 1) for c in convs)
    assert [shape for _, kind, shape, _ in layers if kind == "Conv2d"] == [
        (16, 28, 28), (16, 14, 14), (32, 14, 14), (32, 7, 7)]
    assert not any(kind.endswith("Pool2d") for _, kind, _, _ in layers)


def test_the_usual_form_of_a_spec():
    assert parse_pattern("pattern:k=1, m=2 ,n=2").spec == "pattern:n=2,m=2,k=1"
    pattern = Pattern(1, 2, 0, width=8, pool="none")
    assert pattern.spec == "pattern:n=1,m=2,k=0,width=8,pool=none"
    assert parse_pattern(pattern.spec) == pattern


@pytest.mark.parametrize(("spec", "message"), [
    ("pattern:n=2", "m, k missing"),
    ("pattern:", "'' is not key=value"),
    ("pattern:n=2,m=2", "k missing"),
    ("pattern:n=2,m=2,k=1,depth=3", "unknown setting 'depth'"),
    ("pattern:n=2,n=3,m=2,k=1", "n is given twice"),
    ("pattern:n=two,m=2,k=1", "n must be a whole number"),
    ("pattern:n=-1,m=2,k=1", "n must be 0 to 6 in a pattern spec (got -1)"),
    ("pattern:n=2,m=2,k=1,pool=min", "pool must be one of max, avg, none"),
    ("pattern:n=9,m=2,k=1", "n must be 0 to 6"),
    ("pattern:n=1,m=1,k=1,width=0", "width must be 1 to 256"),
    ("pattern:n=0,m=1,k=0,pool=none", "pool=none needs n of at least 1"),
    ("pattern:n=1,m=5,k=1", "cannot take 28x28 images: block 5's pool would leave 0x0"),
    ("pattern:n=1,m=1,k=0,kernel=11,pool=none", None),
])  # fmt: skip
def test_invalid_specs_say_what_is_wrong(spec, message):
    if message is None:  # a large kernel with padding F//2 still fits: no error
        build_model(spec, InputShape(1, 4, 4, 2))
        return
    with pytest.raises(ModelLoadError, match=re.escape(message)):
        build_model(spec, MNIST)


def test_a_pattern_is_data_that_needs_no_trust():
    assert not ModelSpec.parse("pattern:n=2,m=2,k=1").is_file
    assert not ModelSpec.parse("pattern:n=2,m=2,k=1,pool=max").is_file


def test_train_summary_and_checkpoint_with_a_pattern(mnist_dir, tmp_path, capsys):
    spec = "pattern:n=1,m=2,k=1,width=4,fc=16"
    run_dir = tmp_path / "run"
    code = main(["train", "--model", spec, "--dataset", "mnist", "--batch-size", "50",
                 "--out", str(run_dir), "--data-dir", str(mnist_dir), "--offline"])
    assert code == 0, capsys.readouterr().err
    checkpoint = load_checkpoint(run_dir / "checkpoint.pt")
    assert checkpoint.meta.model == spec and checkpoint.meta.model_code is None
    model = model_from_checkpoint(checkpoint)  # no trust needed
    assert count_parameters(model) == sum(p.parameters for p in plan(parse_pattern(spec), MNIST))
    capsys.readouterr()
    assert main(["summary", "--model", spec, "--dataset", "mnist", "--json"]) == 0
    layers = {layer["name"]: layer for layer in json.loads(capsys.readouterr().out)["layers"]}
    assert layers["block2.pool"]["output_shape"] == [8, 7, 7]
    assert layers["block2.pool"]["receptive_field"] == [10, 10]
