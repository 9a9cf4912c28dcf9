"""What a benchmark's figures were measured on: CPU, memory, Python and library versions (speed
means little without them)."""

from __future__ import annotations

import os
import platform
from importlib import metadata
from pathlib import Path
from typing import Any

#: The packages whose versions the extraction benchmark prints.
LIBRARIES = (
    "baoarchive",
    "trafilatura",
    "htmldate",
    "jusText",
    "lxml",
    "readability-lxml",
    "goose3",
    "rich",
)


def _proc_field(path: str, key: str) -> str:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(key):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "?"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def machine() -> dict[str, Any]:
    """What the figures were measured on: speed means little without it."""
    mem_kb = _proc_field("/proc/meminfo", "MemTotal").split()[0]
    return {
        "nproc": os.cpu_count(),
        "cpus_allowed": sorted(os.sched_getaffinity(0)),
        "cpu_model": _proc_field("/proc/cpuinfo", "model name"),
        "ram_gb": round(int(mem_kb) / 1024**2, 1) if mem_kb.isdigit() else None,
        "python": platform.python_version(),
        "libraries": {package: _version(package) for package in LIBRARIES},
        "load_average_start": os.getloadavg(),
    }
