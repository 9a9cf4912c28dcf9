"""Two runs at once on one data directory: DuckDB has one writer, so the steps that open it
share a concurrency pool of one slot (dagster.yaml); both runs must succeed, not fail on the
file lock, and leave one row per article."""

from __future__ import annotations

import os
import subprocess
import sys

from replica.server import ReplicaServer
from warehouse import connect_reader


def test_two_overlapping_runs_both_succeed(tmp_path):
    env = dict(os.environ, BAOARCHIVE_DATA_DIR=str(tmp_path))
    with ReplicaServer(articles=10, seed=29) as replica:  # small: the runs' overlap is the test
        command = [sys.executable, "-m", "baoarchive.cli", "run", "--site-url", replica.url]
        runs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for _ in range(2)]  # fmt: skip
        outcomes = [run.communicate(timeout=600) for run in runs]
        truth = list(replica.site.articles())
    for run, (_, err) in zip(runs, outcomes, strict=True):
        assert run.returncode == 0, err[-2000:]
        assert "lock" not in err.lower()
    with connect_reader(tmp_path) as con:
        rows, ids = con.execute("SELECT count(*), count(DISTINCT post_id) FROM articles").fetchone()
    assert rows == ids == len(truth)
