"""Where did the network look? Six attribution maps for one input and one class.

Grad-CAM (Selvaraju et al. 2017) weights a conv layer's feature maps by the mean gradient of
the class score with respect to each map, sums them and keeps the positive part: the regions
whose features raised the score. Saliency is the largest absolute gradient of the score with
respect to each input pixel. Both are written here, in one pass that also gives the class and
its probability; Captum's (LayerGradCam, Saliency) compute the same maps but need a forward
pass of their own after the one that picks the class, which made them slower (see
benchmarks/units_speed.py). Both use ``torch.autograd.grad`` on the inspector's own copy of
the model, so no ``.grad`` is left on any parameter, and a hook that exists only for the call.

Integrated gradients, occlusion, guided Grad-CAM and SmoothGrad come from Captum
(cnnviz.core.analysis.attribution).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from cnnviz.core.analysis.attribution import CAPTUM_METHODS, captum_map
from cnnviz.core.errors import CnnvizError, error_message
from cnnviz.core.threads import one_thread
from cnnviz.core.translatable import QT_TRANSLATE_NOOP

HAND_WRITTEN = ("gradcam", "saliency")
METHODS = (*HAND_WRITTEN, *CAPTUM_METHODS)
#: the methods that weigh a convolution's maps, and so take a layer
LAYER_METHODS = ("gradcam", "guided-gradcam")
#: each method's name in sentences and menus
METHOD_NAMES = {"gradcam": "Grad-CAM", "saliency": "gradient saliency",
                "integrated-gradients": "integrated gradients", "occlusion": "occlusion",
                "guided-gradcam": "guided Grad-CAM", "smoothgrad": "SmoothGrad"}  # fmt: skip


@dataclass
class Explanation:
    method: str
    layer: str  # the conv layer for Grad-CAM and guided Grad-CAM, "" for the others
    class_index: int
    probability: float  # of the explained class
    heatmap: np.ndarray  # float32 [H, W] in 0..1, at the input's resolution


def explain(model: nn.Module, inputs: torch.Tensor, method: str = "gradcam",
            layer: str | None = None, class_index: int | None = None) -> Explanation:  # fmt: skip
    """Explain one normalised input [1, C, H, W] with one of METHODS; default class: the
    predicted one; default layer (Grad-CAM, guided Grad-CAM): the last 2-D convolution."""
    if method not in METHODS:
        raise CnnvizError(f"unknown method {method!r}: choose one of {', '.join(METHODS)}")
    model.eval()
    modules = dict(model.named_modules())
    convs = [name for name, m in modules.items() if isinstance(m, nn.Conv2d)]
    if method in LAYER_METHODS:
        layer = layer or (convs[-1] if convs else None)
        if layer is None:
            raise CnnvizError(error_message(QT_TRANSLATE_NOOP(
                "Error", "the model has no 2-D convolution for {method}; use saliency"),
                method=METHOD_NAMES[method]))
        if layer not in modules or not isinstance(modules[layer], nn.Conv2d):
            raise CnnvizError(error_message(QT_TRANSLATE_NOOP(
                "Error", "no conv layer named {layer!r}; choose one of {layers}"),
                layer=layer, layers=", ".join(convs)))
    else:
        layer = None
    with one_thread():  # one image's work: a thread team only waits (see cnnviz.core.threads)
        if method in CAPTUM_METHODS:
            with torch.no_grad():
                scores = model(inputs.detach()).float()
            index = _class(scores, class_index)
            heatmap = captum_map(model, inputs, method, index,
                                 modules[layer] if layer else None)  # fmt: skip
        else:
            scores, index, heatmap = _hand_written(model, inputs, method,
                                                   modules.get(layer or ""), class_index)
    heatmap = heatmap.detach()
    peak = float(heatmap.max())
    heatmap = heatmap / peak if peak > 0 else heatmap
    probability = float(scores.detach().softmax(dim=1)[0, index])
    return Explanation(method, layer or "", index, probability,
                       heatmap.numpy().astype(np.float32))  # fmt: skip


def _hand_written(model: nn.Module, inputs: torch.Tensor, method: str, conv: nn.Module | None,
                  class_index: int | None) -> tuple[torch.Tensor, int, torch.Tensor]:  # fmt: skip
    """(scores, class, heatmap) of Grad-CAM or saliency, in one forward and one backward."""
    with torch.enable_grad():
        if method == "saliency":
            pixels = inputs.detach().clone().requires_grad_(True)
            scores = model(pixels).float()
            index = _class(scores, class_index)
            (gradient,) = torch.autograd.grad(scores[0, index], pixels)
            return scores, index, gradient[0].abs().amax(dim=0)
        assert conv is not None
        captured: list[torch.Tensor] = []
        handle = conv.register_forward_hook(lambda mod, inp, out: captured.append(out))
        try:
            scores = model(inputs.detach()).float()
        finally:
            handle.remove()
        index = _class(scores, class_index)
        activation = captured[0]
        (gradient,) = torch.autograd.grad(scores[0, index], activation)
        weights = gradient.mean(dim=(2, 3), keepdim=True)
        cam = F.relu((weights * activation).sum(dim=1, keepdim=True))
        heatmap = F.interpolate(cam, size=inputs.shape[-2:], mode="bilinear",
                                align_corners=False)[0, 0]  # fmt: skip
        return scores, index, heatmap


def _class(scores: torch.Tensor, class_index: int | None) -> int:
    classes = scores.shape[1]
    if class_index is None:
        return int(scores[0].argmax())
    if not 0 <= class_index < classes:
        raise CnnvizError(error_message(QT_TRANSLATE_NOOP(
            "Error", "class {index} does not exist: the model has classes 0 to {last}"),
            index=class_index, last=classes - 1))
    return class_index


# a perceptually ordered blue-green-yellow-red ramp for heatmaps
_RAMP = np.array([[0, 0, 130], [0, 90, 255], [0, 220, 220], [120, 255, 120], [255, 230, 0],
                  [255, 120, 0], [200, 0, 0]], dtype=np.float32)  # fmt: skip


def colorize(heatmap: np.ndarray) -> np.ndarray:
    """uint8 RGB [H, W, 3] for a heatmap in 0..1."""
    position = np.clip(heatmap, 0, 1) * (len(_RAMP) - 1)
    low = np.floor(position).astype(int)
    high = np.minimum(low + 1, len(_RAMP) - 1)
    t = (position - low)[..., None]
    return ((1 - t) * _RAMP[low] + t * _RAMP[high]).astype(np.uint8)


def overlay(image: np.ndarray, heatmap: np.ndarray, opacity: float = 0.5) -> np.ndarray:
    """The heatmap laid over an image (uint8 [H, W] or [H, W, C]), as uint8 RGB."""
    base = image if image.ndim == 3 else image[..., None]
    base = np.repeat(base[..., :1], 3, axis=2) if base.shape[2] == 1 else base[..., :3]
    mixed = (1 - opacity) * base.astype(np.float32) + opacity * colorize(heatmap)
    return np.clip(mixed, 0, 255).astype(np.uint8)
