"""The console of a long command, seen as a user sees it: ``baoarchive demo`` under a real
pseudo-terminal shows our progress display and none of Scrapy's or Dagster's own lines (those
are in the run's log file); through a pipe it prints a few plain lines; ``-v`` shows the
libraries' logs too. The final summary stays in every case."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
from pathlib import Path

ARTICLES = "20"
LIBRARY_LINES = ("dagster - INFO", "[scrapy", "[pipes]")


def demo(data_dir: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "baoarchive.cli", "demo", "--articles", ARTICLES,
            "--data-dir", str(data_dir), *extra]  # fmt: skip


def under_a_terminal(command: list[str]) -> str:
    """Run ``command`` with a pseudo-terminal as its stdin, stdout and stderr; all it wrote."""
    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": "100", "TERM": "xterm-256color"}
    process = subprocess.Popen(command, stdin=follower, stdout=follower, stderr=follower, env=env)
    os.close(follower)
    written = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 300)
        if not ready:
            process.kill()
            raise AssertionError("no output for 300 s")
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the process has ended
            break
        if not chunk:
            break
        written += chunk
    assert process.wait(timeout=60) == 0, written.decode(errors="replace")[-3000:]
    os.close(leader)
    return written.decode("utf-8", errors="replace")


def the_log(data_dir: Path) -> str:
    (log,) = (data_dir / "logs").glob("demo-*.log")
    return log.read_text(encoding="utf-8")


def test_a_terminal_shows_progress_and_no_library_lines(tmp_path):
    shown = under_a_terminal(demo(tmp_path / "data"))
    assert "\x1b[" in shown  # the live display redraws itself
    for phase in ("crawl", "extraction", "loading"):
        assert phase in shown
    assert f"{ARTICLES} of {ARTICLES}" in shown  # extraction's count
    assert "pages," in shown and "failed" in shown and "/s" in shown  # the crawl's figures
    assert not any(line in shown for line in LIBRARY_LINES), shown[-3000:]
    assert "baoarchive demo" in shown and "articles" in shown  # the summary stays
    log = the_log(tmp_path / "data")
    assert all(line in log for line in LIBRARY_LINES)  # they are kept, in the run's log


def test_a_pipe_gets_a_few_plain_lines(tmp_path):
    done = subprocess.run(demo(tmp_path / "data"), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    progress = done.stdout.split("library logs:")[0].splitlines()
    assert 5 <= len(progress) <= 15, progress
    assert f"extraction: {ARTICLES} of {ARTICLES}" in progress
    assert any(line.startswith(f"crawl: {ARTICLES} pages") for line in progress), progress
    assert "\x1b[" not in done.stdout + done.stderr
    assert not any(line in done.stdout + done.stderr for line in LIBRARY_LINES)
    assert "baoarchive demo" in done.stdout  # the summary


def test_verbose_shows_the_libraries_logs(tmp_path):
    done = subprocess.run(demo(tmp_path / "data", "-v"), capture_output=True, text=True,
                          timeout=600)  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert "dagster - INFO" in done.stderr and "[scrapy" in done.stderr
