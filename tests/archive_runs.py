"""Helpers shared by the tests that run the whole pipeline against a replica of their own."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from dagster import DagsterInstance

from pipeline.run import materialize_archive
from warehouse import connect_reader


def crawl(site_url: str, data_dir: Path) -> None:
    """One real Dagster materialization of the whole graph, as ``baoarchive run`` does it."""
    with DagsterInstance.ephemeral() as instance:
        assert materialize_archive(data_dir, site_url, instance=instance).success


def query(data_dir: Path, sql: str, *params: object) -> list[tuple]:
    with connect_reader(data_dir) as con:
        return con.execute(sql, list(params)).fetchall()


def baoarchive(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    """The console command on ``data_dir``, in a process of its own, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "baoarchive.cli", *args, "--data-dir", str(data_dir)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
