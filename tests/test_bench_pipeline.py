"""The pipeline benchmark's parts: per-process peak memory, the replica in its own process, and
the three runs end to end on a small replica."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bench.memory import PeakMemory
from bench.pipeline import main
from tests.archive_runs import query


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


def test_the_benchmark_runs_full_then_nothing_new_then_one_percent(tmp_path, capsys):
    assert main(["--articles", "10", "--data-dir", str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    for run in ("full", "nothing new", "1% new or changed"):
        assert run in printed
    assert "articles/s" in printed and "replica" in printed and "crawl" in printed
    data_dir = tmp_path / "articles-10"
    # the 1% run: one article edited (and re-dated), one new
    assert query(data_dir, "SELECT count(*) FROM articles") == [(11,)]
    assert query(data_dir, "SELECT count(*) FROM articles WHERE title LIKE '%(cập nhật)'") == [(1,)]
