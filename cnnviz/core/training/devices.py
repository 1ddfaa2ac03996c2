"""Which device to train on: CUDA, then Apple MPS, else the CPU."""

from __future__ import annotations

from pathlib import Path

import torch

from cnnviz.core.errors import CnnvizError
from cnnviz.core.translatable import QT_TRANSLATE_NOOP


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
    # marked for the run panel's translation (the command line shows them as they are)
    return {"mps": QT_TRANSLATE_NOOP("Device", "mps (Apple GPU)"),
            "cpu": QT_TRANSLATE_NOOP("Device", "cpu")}.get(name, name)  # fmt: skip


#: CPU flags (as /proc/cpuinfo names them) of instructions that compute bf16 natively
NATIVE_BF16_FLAGS = frozenset({"avx512_bf16", "amx_bf16"})


def cpu_flags() -> frozenset[str]:
    """The CPU's feature flags, from /proc/cpuinfo (empty where there is none)."""
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return frozenset()
    for line in text.splitlines():
        if line.startswith(("flags", "Features")):
            return frozenset(line.partition(":")[2].split())
    return frozenset()


def cpu_computes_bf16(flags: frozenset[str] | None = None) -> bool:
    """True for CPUs with AVX512-BF16 or AMX. oneDNN's own check also says yes for plain
    AVX-512, where bf16 is emulated and slower than fp32, so the flags decide. Where the
    flags cannot be read (macOS, Windows) the answer is no: fp32 is never the slow choice,
    and ``--precision bf16`` still asks for bf16."""
    flags = cpu_flags() if flags is None else flags
    return bool(flags & NATIVE_BF16_FLAGS)


def native_bf16(device: torch.device) -> bool:
    """True where bf16 matrix work is native and fast: recent CUDA GPUs, CPUs with
    AVX512-BF16 or AMX. Elsewhere it is emulated and slower than fp32."""
    if device.type == "cuda":
        return torch.cuda.is_bf16_supported()
    if device.type == "cpu":
        return cpu_computes_bf16()
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
