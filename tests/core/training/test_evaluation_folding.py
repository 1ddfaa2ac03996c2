"""The test pass folds BatchNorm into the convolutions: the same outputs, or the model itself
where there is no pair to fold; and folding never disturbs a model running in another
thread (torch.fx's tracing did)."""

import torch
from torch import nn

from cnnviz.core.models.registry import build_model
from cnnviz.core.models.shape import InputShape
from cnnviz.core.training.evaluation import folded_for_inference


def test_a_folded_model_computes_what_the_model_does():
    torch.manual_seed(0)
    model = build_model("simple-cnn", InputShape(1, 28, 28, 10))
    model.train()
    with torch.no_grad():  # BatchNorm statistics that are not the identity
        model(torch.randn(64, 1, 28, 28) * 2 + 1)
    model.eval()
    folded = folded_for_inference(model)
    assert folded is not model
    batch_norms = [m for m in folded.modules() if isinstance(m, nn.BatchNorm2d)]
    assert len(batch_norms) < sum(isinstance(m, nn.BatchNorm2d) for m in model.modules())
    inputs = torch.randn(8, 1, 28, 28)
    with torch.no_grad():
        assert torch.allclose(folded(inputs), model(inputs), atol=1e-4)


class Branching(nn.Module):
    """A pair inside a custom forward (with control flow on the data): not folded."""

    def __init__(self) -> None:
        super().__init__()
        self.conv = nn.Conv2d(1, 4, 3)
        self.norm = nn.BatchNorm2d(4)
        self.head = nn.Linear(4, 2)

    def forward(self, x):
        x = self.norm(self.conv(x))
        if x.sum() > 0:
            x = x * 2
        return self.head(x.mean((2, 3)))


def test_a_model_without_a_pair_in_a_sequential_runs_as_it_is():
    model = Branching().eval()
    assert folded_for_inference(model) is model


def test_folding_leaves_a_forward_pass_in_another_thread_alone():
    import threading

    model = build_model("resnet", InputShape(3, 32, 32, 10)).eval()
    errors: list[BaseException] = []
    stop = threading.Event()

    def run() -> None:
        with torch.no_grad():
            while not stop.is_set():
                try:
                    model(torch.randn(2, 3, 32, 32))
                except BaseException as exc:  # what fx's global patch raised here
                    errors.append(exc)
                    return

    other = threading.Thread(target=run)
    other.start()
    try:
        for _ in range(20):
            folded_for_inference(build_model("simple-cnn", InputShape(1, 28, 28, 10)).eval())
    finally:
        stop.set()
        other.join()
    assert errors == []
