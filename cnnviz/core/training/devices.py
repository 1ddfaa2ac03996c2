"""Which device to train on: CUDA, then Apple MPS, else the CPU."""

from __future__ import annotations

import torch

from cnnviz.core.errors import CnnvizError


def available_devices() -> list[str]:
    """Every device this machine can train on, best first, as names torch understands."""
    names = [f"cuda:{i}" for i in range(torch.cuda.device_count())]
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        names.append("mps")
    return [*names, "cpu"]


def describe_device(name: str) -> str:
    """A label for menus and status bars, e.g. 'cuda:0 (NVIDIA H200)'."""
    if name.startswith("cuda"):
        return f"{name} ({torch.cuda.get_device_name(torch.device(name))})"
    return {"mps": "mps (Apple GPU)", "cpu": "cpu"}.get(name, name)


def native_bf16(device: torch.device) -> bool:
    """True where bf16 matrix work is native and fast: recent CUDA GPUs, CPUs with
    AVX512-BF16 or AMX. Elsewhere it is emulated and slower than fp32."""
    if device.type == "cuda":
        return torch.cuda.is_bf16_supported()
    if device.type == "cpu":
        supported = getattr(torch.ops.mkldnn, "_is_mkldnn_bf16_supported", None)
        return bool(supported is not None and supported())
    return False


def resolve_precision(precision: str, device: torch.device) -> torch.dtype | None:
    """The autocast dtype for a run, or None for plain fp32."""
    if precision == "bf16" or (precision == "auto" and native_bf16(device)):
        return torch.bfloat16
    return None


def resolve_device(name: str = "auto") -> torch.device:
    """``auto`` picks the best available device; any other name must be available here."""
    if name == "auto":
        return torch.device(available_devices()[0])
    available = available_devices()
    if name == "cuda" and any(d.startswith("cuda") for d in available):
        return torch.device("cuda:0")
    if name not in available:
        raise CnnvizError(
            f"device {name!r} is not available on this machine; choose one of "
            f"auto, {', '.join(available)}"
        )
    return torch.device(name)
