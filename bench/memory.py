"""Peak memory of every process of a run, by role: sampled from /proc while the run goes on.

``getrusage(RUSAGE_CHILDREN)`` gives only the largest child ever, and a forked child's figure
includes pages it shares with its parent; here each process is read on its own (VmHWM, its
resident peak), and the processes are grouped by what they do.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable
from pathlib import Path


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _peak_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


class PeakMemory:
    """Samples this process and all its descendants every ``interval`` seconds. ``role(pid,
    cmdline)`` names each process ("crawl", "extraction worker"...); ``.peaks_mb()`` gives the
    largest peak of each role since the last ``reset()``."""

    def __init__(self, role: Callable[[int, str], str], interval: float = 0.25):
        self._role = role
        self._interval = interval
        self._peaks: dict[int, tuple[str, int]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, name="peak-memory", daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(self._interval):
            pending, seen = [os.getpid()], set()
            while pending:
                pid = pending.pop()
                if pid in seen:
                    continue
                seen.add(pid)
                pending += _children(pid)
                if pid not in self._peaks:
                    self._peaks[pid] = (self._role(pid, _cmdline(pid)), 0)
                role, peak = self._peaks[pid]
                self._peaks[pid] = (role, max(peak, _peak_kb(pid)))

    def reset(self) -> None:
        """Forget the peaks so far, this process's own included (clear_refs 5 resets VmHWM)."""
        self._peaks = {}
        with contextlib.suppress(OSError):
            Path(f"/proc/{os.getpid()}/clear_refs").write_text("5")

    def peaks_mb(self) -> dict[str, int]:
        by_role: dict[str, int] = {}
        for role, kb in list(self._peaks.values()):
            by_role[role] = max(by_role.get(role, 0), kb // 1024)
        return by_role

    def __enter__(self) -> PeakMemory:
        self.reset()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
