"""This process's peak resident memory, for the benchmark runner to read."""

from __future__ import annotations

import resource
import sys
from pathlib import Path


def peak_kib() -> int:
    """VmHWM where Linux has it (reset by exec, unlike ru_maxrss after a fork), else rusage."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def report() -> None:
    print(f"peak_kib={peak_kib()}", flush=True)
