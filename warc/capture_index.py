"""The capture index files, ``captures/<run>.jsonl``: one line per article fetch, the fast copy
of the WARC metadata records that the crawl's state and the crawl log are read from."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from warc.entry import CaptureEntry


def read_index(captures_dir: Path) -> Iterator[CaptureEntry]:
    """Every capture line of every run; a torn last line (a crash mid-write) is skipped."""
    for path in sorted(captures_dir.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                try:
                    yield CaptureEntry.from_json(line)
                except (json.JSONDecodeError, TypeError):
                    continue


class CaptureIndexFile:
    """The run's index file, appended to one flushed line at a time."""

    def __init__(self, captures_dir: Path, run_id: str) -> None:
        captures_dir.mkdir(parents=True, exist_ok=True)
        self._file: IO[str] = (captures_dir / f"{run_id}.jsonl").open("a", encoding="utf-8")

    def append(self, entry: CaptureEntry) -> None:
        self._file.write(entry.to_json() + "\n")
        self._file.flush()

    def close(self) -> None:
        self._file.close()


def write_capture_index(entries: Iterable[CaptureEntry], captures_dir: Path) -> int:
    """``captures/<run>.jsonl`` as the crawl wrote them, from entries read back from the WARC
    files; returns how many entries."""
    runs: dict[str, list[CaptureEntry]] = defaultdict(list)
    for entry in entries:
        runs[entry.run_id].append(entry)
    captures_dir.mkdir(parents=True, exist_ok=True)
    for run_id, run in runs.items():
        run.sort(key=lambda entry: entry.capture_id)
        lines = [entry.to_json() + "\n" for entry in run]
        (captures_dir / f"{run_id}.jsonl").write_text("".join(lines), encoding="utf-8")
    return sum(len(run) for run in runs.values())
