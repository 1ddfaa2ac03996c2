"""Precision "auto" picks bf16 only where the CPU computes it natively."""

import pytest
import torch

from cnnviz.core.training import devices


@pytest.mark.parametrize(("flags", "native"), [
    ({"avx512f", "avx512bw", "avx512_bf16"}, True),  # Zen 4, Cooper Lake
    ({"avx512f", "amx_tile", "amx_bf16"}, True),  # Sapphire Rapids
    ({"avx512f", "avx512bw", "avx512vl"}, False),  # Skylake-X: bf16 only emulated
    ({"avx2", "fma"}, False),
    (set(), False),  # flags unknown (macOS, Windows): fp32 is never the slow choice
])
def test_native_bf16_from_cpu_flags(flags, native, monkeypatch):
    assert devices.cpu_computes_bf16(frozenset(flags)) is native
    monkeypatch.setattr(devices, "cpu_flags", lambda: frozenset(flags))
    cpu = torch.device("cpu")
    assert (devices.resolve_precision("auto", cpu) is torch.bfloat16) is native
    assert devices.resolve_precision("bf16", cpu) is torch.bfloat16
    assert devices.resolve_precision("fp32", cpu) is None
