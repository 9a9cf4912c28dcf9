"""The console of a long command (``run``, ``demo``): our progress in front, the libraries' logs
in a file.

Scrapy's and Dagster's own lines (logstats, "[pipes] ...", run ids) go to
``<data dir>/logs/<command>-<time>.log``: the process's standard output and error are that file
while the run lasts (the Scrapy subprocess inherits them), and our display writes to the
terminal kept aside. ``-v`` leaves them on the console. On a terminal the display is a rich
progress panel: the crawl (pages, captured, failed, rate, read from the capture index as it
grows), extraction (done of total) and loading (the step); elsewhere (a pipe, CI) a few plain
lines, one per phase. The final summary is the caller's, printed after.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from rich.console import Console
from rich.live import Live
from rich.table import Table

from foundation.progress import LOGGER as PROGRESS
from foundation.settings import ArchivePaths

PHASES = ("crawl", "extraction", "loading", "indexing", "exports", "report")


class CrawlWatch:
    """The crawl's figures from the capture index files this run writes (one line per fetch)."""

    def __init__(self, captures: Path, since: float) -> None:
        self.captures, self.since = captures, since
        self.offsets: dict[Path, int] = {}
        self.pages = self.captured = self.failed = 0
        self.spans: dict[Path, list[datetime]] = {}  # each crawl's first and last fetch

    def poll(self) -> None:
        for path in sorted(self.captures.glob("*.jsonl")):
            if path.stat().st_mtime < self.since:
                continue
            with path.open("rb") as handle:
                handle.seek(self.offsets.get(path, 0))
                for line in handle:
                    if not line.endswith(b"\n"):  # being written: read it next time
                        break
                    self.offsets[path] = self.offsets.get(path, 0) + len(line)
                    self._count(path, json.loads(line))

    def _count(self, path: Path, capture: dict) -> None:
        fetched = datetime.fromisoformat(capture["fetched_at"])
        span = self.spans.setdefault(path, [fetched, fetched])
        span[0], span[1] = min(span[0], fetched), max(span[1], fetched)
        self.pages += 1
        if capture.get("error") or capture.get("status") != 200:
            self.failed += 1
        else:
            self.captured += 1

    def rate(self) -> float:
        """Pages per second while crawling (the crawls' own spans, not the steps between)."""
        seconds = sum((last - first).total_seconds() for first, last in self.spans.values())
        return self.pages / seconds if seconds > 0 else 0.0


class RunConsole(logging.Handler):
    """``with RunConsole(data_dir, "run", verbose) as console:`` around a run; ``console.out``
    prints to the user's terminal (or output) meanwhile and after."""

    def __init__(self, data_dir: Path, command: str, verbose: bool = False) -> None:
        super().__init__(logging.INFO)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        self.log_path = ArchivePaths(data_dir).root / "logs" / f"{command}-{stamp}.log"
        self.verbose = verbose
        self.crawl = CrawlWatch(ArchivePaths(data_dir).captures_dir, time.time())
        self.phase: str | None = None
        self.seen: dict[str, int] = {}  # phase -> its steps so far, in the order first seen
        self.done: dict[str, tuple[int, int]] = {}
        self._saved: list[int] = []
        self._stop = threading.Event()

    def __enter__(self) -> RunConsole:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = self.log_path.open("a", encoding="utf-8")
        sys.stdout.flush()
        terminal: TextIO = sys.stdout
        if not self.verbose:  # the libraries' lines go to the file, ours to the terminal
            self._saved = [os.dup(1), os.dup(2)]
            terminal = os.fdopen(os.dup(self._saved[0]), "w", encoding="utf-8", buffering=1)
            for fd in (1, 2):
                os.dup2(self._log.fileno(), fd)
        self.tty = terminal.isatty()
        self.out = Console(file=terminal, force_terminal=self.tty, highlight=False)
        self._file_log = logging.StreamHandler(self._log)
        logging.getLogger().addHandler(self._file_log)
        PROGRESS.addHandler(self)
        PROGRESS.setLevel(logging.INFO)
        # the libraries write to sys.stdout/stderr, which are the log file: Live must not take them
        self._live = (
            Live(self._panel(), console=self.out, refresh_per_second=4,
                 redirect_stdout=False, redirect_stderr=False)
            if self.tty else None
        )  # fmt: skip
        if self._live:
            self._live.start()
        self._watcher = threading.Thread(target=self._watch, daemon=True)
        self._watcher.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._watcher.join()
        self.crawl.poll()
        self.phase = None
        if not self.tty:  # one line per phase, with its figures
            for phase in self.seen:
                self.out.print(f"{phase}: {self._figures(phase)}")
        if self._live:
            self._live.update(self._panel())
            self._live.stop()
        PROGRESS.removeHandler(self)
        logging.getLogger().removeHandler(self._file_log)
        sys.stdout.flush()
        sys.stderr.flush()
        for fd, saved in zip((1, 2), self._saved, strict=False):
            os.dup2(saved, fd)
            os.close(saved)
        self._log.close()
        self.out.print(f"library logs: {self.log_path}")

    def emit(self, record: logging.LogRecord) -> None:  # a progress record of the pipeline
        phase = record.phase  # type: ignore[attr-defined]
        if phase not in self.seen and not self.tty:
            self.out.print(f"{phase} …")
        if record.done is None:  # type: ignore[attr-defined]
            self.seen[phase] = self.seen.get(phase, 0) + 1
        else:
            self.seen.setdefault(phase, 0)
            self.done[phase] = (record.done, record.total)  # type: ignore[attr-defined]
        self.phase = phase

    def _figures(self, phase: str) -> str:
        if phase == "crawl":
            c = self.crawl
            return f"{c.pages} pages, {c.captured} captured, {c.failed} failed, {c.rate():.1f}/s"
        if phase in self.done:
            done, total = self.done[phase]
            return f"{done} of {total}"
        steps = self.seen.get(phase, 0)
        return f"{steps} step{'s' if steps != 1 else ''}" if phase == "loading" else "done"

    def _panel(self) -> Table:
        table = Table.grid(padding=(0, 2))
        for phase in PHASES:
            if phase == self.phase:
                mark = "[bold yellow]…[/]"
            elif phase in self.seen:
                mark = "[green]✓[/]"
            else:
                mark = " "
            figures = self._figures(phase) if phase in self.seen else ""
            table.add_row(mark, phase, figures)
        return table

    def _watch(self) -> None:
        while not self._stop.wait(0.5):
            self.crawl.poll()
            if self._live:
                self._live.update(self._panel())
