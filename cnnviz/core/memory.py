"""How much memory this machine can give: what a model planned from a spec (a ``pattern:``
from a stranger's checkpoint, say) is checked against before anything is allocated, so that
a spec asking for billions of parameters is refused in one line instead of being killed by
the operating system."""

from __future__ import annotations

import os


def available_memory_bytes() -> int:
    """Memory available now (Linux: MemAvailable), else the physical memory; a generous
    guess where neither can be read."""
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):
        return 64 << 30


def gigabytes(count: int) -> str:
    return f"{count / 1e9:,.1f} GB"
