"""The pipeline benchmark's parts: per-process peak memory, the replica in its own process, and
the three runs end to end on a small replica, by today's code and by the baseline commit's."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb
import pytest

from bench.memory import PeakMemory
from bench.pipeline import main
from foundation.settings import ArchivePaths
from tests.archive_runs import query

#: The single DuckDB file, before the lake (issue 15's baseline).
BASELINE = "d7fcee1"


@pytest.mark.fast
def test_peak_memory_is_read_for_each_process_by_role():
    def role(pid: int, cmdline: str) -> str:
        return "child" if "bytearray" in cmdline else "other"

    with PeakMemory(role, interval=0.05) as memory:
        subprocess.run(
            [sys.executable, "-c", "import time; b = bytearray(300 * 2**20); time.sleep(1)"],
            check=True,
        )
        peaks = memory.peaks_mb()
    assert set(peaks) == {"child", "other"} and peaks["child"] >= 300


def _baseline_trees() -> set[Path]:
    return set(Path(tempfile.gettempdir()).glob("bench-baseline-*"))


def test_the_benchmark_runs_both_sides_full_then_nothing_new_then_one_percent(tmp_path, capsys):
    """The baseline mode runs d7fcee1's pipeline (one DuckDB file) and then today's (the lake),
    each through the three runs in a data directory of its own, against the same replica
    content; both sides' rows and the ratios are printed, and the old tree is removed."""
    trees = _baseline_trees()
    argv = ["--articles", "10", "--data-dir", str(tmp_path), "--baseline", BASELINE]
    assert main(argv) == 0
    printed = capsys.readouterr().out
    rows = [line for line in printed.splitlines() if line.startswith("│ ")]
    ratios = printed.split(f"today / baseline {BASELINE}")[1]
    for run in ("full", "nothing new", "1% new or changed"):
        for side in (BASELINE, "today"):
            assert any(f"│ {side} " in row and f"│ {run} " in row for row in rows), (side, run)
        assert f"{10:>7} {run:<17}:" in ratios, run
    assert "articles/s" in printed and "replica" in printed and "crawl" in printed
    assert _baseline_trees() == trees

    today = tmp_path / "articles-10"
    old = tmp_path / f"baseline-{BASELINE}" / "articles-10"
    assert ArchivePaths(today).lake_dir.is_dir() and not (today / "archive.duckdb").exists()
    assert (old / "archive.duckdb").is_file() and not (old / "lake").exists()
    # the 1% run: one article edited (and re-dated), one new; the old file holds the same
    counts = "SELECT count(*), count(*) FILTER (title LIKE '%(cập nhật)') FROM articles"
    with duckdb.connect(str(old / "archive.duckdb"), read_only=True) as con:
        assert con.execute(counts).fetchall() == query(today, counts) == [(11, 1)]
