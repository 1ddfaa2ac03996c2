"""The test pass folds BatchNorm into the convolutions: the same outputs, or the model itself
where it cannot be traced."""

import torch
from torch import nn

from cnnviz.core.models.registry import build_model
from cnnviz.core.models.shape import InputShape
from cnnviz.core.training.evaluation import folded_for_inference


def test_a_folded_model_computes_what_the_model_does():
    torch.manual_seed(0)
    model = build_model("resnet", InputShape(3, 32, 32, 10))
    model.train()
    with torch.no_grad():  # BatchNorm statistics that are not the identity
        model(torch.randn(64, 3, 32, 32) * 2 + 1)
    model.eval()
    folded = folded_for_inference(model)
    assert folded is not model
    batch_norms = [m for m in folded.modules() if isinstance(m, nn.BatchNorm2d)]
    assert len(batch_norms) < sum(isinstance(m, nn.BatchNorm2d) for m in model.modules())
    inputs = torch.randn(8, 3, 32, 32)
    with torch.no_grad():
        assert torch.allclose(folded(inputs), model(inputs), atol=1e-4)


class Branching(nn.Module):
    """Control flow on the data: torch.fx cannot trace it."""

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


def test_a_model_that_cannot_be_traced_runs_as_it_is():
    model = Branching().eval()
    assert folded_for_inference(model) is model
