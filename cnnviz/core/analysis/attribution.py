"""Attribution maps from Captum, PyTorch's interpretability library: integrated gradients,
occlusion, guided Grad-CAM and SmoothGrad, for one input and one class.

Each returns a non-negative map [H, W] at the input's resolution: for the gradient methods
(integrated gradients, SmoothGrad, guided Grad-CAM) the largest absolute attribution over the
input's channels, as for saliency; for occlusion, how much covering a patch lowers the class's
score (a patch whose cover raises it counts as nothing). The settings are the methods' usual
ones, scaled to small images:

- integrated gradients: 32 steps (Gauss-Legendre) from a baseline of zeros, which after
  normalisation is the data set's mean colour;
- SmoothGrad: the mean absolute gradient of 25 copies with Gaussian noise of 15% of the
  input's range (Smilkov et al. 2017), drawn from a fixed seed so that a map is repeatable;
- occlusion: a patch of about a seventh of the image's side, moved by half a patch, filled
  with zeros (the mean colour);
- guided Grad-CAM: Grad-CAM of the chosen convolution times guided backpropagation, which
  changes the backward pass of ``nn.ReLU`` modules only (a model that calls ``F.relu`` gets
  plain gradients there).
"""

from __future__ import annotations

import warnings

import torch
from torch import nn

CAPTUM_METHODS = ("integrated-gradients", "occlusion", "guided-gradcam", "smoothgrad")
INTEGRATION_STEPS = 32
SMOOTHGRAD_SAMPLES = 25
SMOOTHGRAD_NOISE = 0.15
OCCLUSION_FRACTION = 1 / 7
OCCLUSIONS_PER_PASS = 64


def captum_map(model: nn.Module, inputs: torch.Tensor, method: str, class_index: int,
               layer: nn.Module | None = None) -> torch.Tensor:  # fmt: skip
    """The map [H, W] of one of CAPTUM_METHODS for a normalised input [1, C, H, W];
    ``layer`` is the convolution for guided Grad-CAM."""
    from captum.attr import GuidedGradCam, IntegratedGradients, NoiseTunnel, Occlusion, Saliency

    pixels = inputs.detach().clone().requires_grad_(True)
    with torch.enable_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # Captum's notes on the hooks it sets
        if method == "integrated-gradients":
            attributions = IntegratedGradients(model).attribute(
                pixels, baselines=torch.zeros_like(pixels), target=class_index,
                n_steps=INTEGRATION_STEPS, internal_batch_size=INTEGRATION_STEPS)  # fmt: skip
        elif method == "smoothgrad":
            spread = float(pixels.max() - pixels.min()) or 1.0
            with torch.random.fork_rng(devices=[]):
                torch.manual_seed(0)
                attributions = NoiseTunnel(Saliency(model)).attribute(
                    pixels, nt_type="smoothgrad", nt_samples=SMOOTHGRAD_SAMPLES,
                    nt_samples_batch_size=SMOOTHGRAD_SAMPLES, stdevs=SMOOTHGRAD_NOISE * spread,
                    target=class_index)  # fmt: skip
        elif method == "guided-gradcam":
            if layer is None:
                raise ValueError("guided Grad-CAM needs a convolution layer")
            attributions = GuidedGradCam(model, layer).attribute(pixels, target=class_index)
        elif method == "occlusion":
            return _occlusion(Occlusion(model), pixels.detach(), class_index)
        else:
            raise ValueError(f"not a Captum method: {method!r}")
    return attributions.detach().abs().amax(dim=1)[0]


def _occlusion(occlusion, pixels: torch.Tensor, class_index: int) -> torch.Tensor:
    channels, height, width = pixels.shape[1:]
    patch = max(2, round(min(height, width) * OCCLUSION_FRACTION))
    stride = max(1, patch // 2)
    with torch.no_grad():
        attributions = occlusion.attribute(
            pixels, sliding_window_shapes=(channels, patch, patch),
            strides=(channels, stride, stride), baselines=0.0, target=class_index,
            perturbations_per_eval=OCCLUSIONS_PER_PASS)  # fmt: skip
    return attributions.mean(dim=1)[0].clamp(min=0)
