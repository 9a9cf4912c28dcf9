"""Crash safety: ``kill -9`` a run at any moment (crawl, extraction, load), over and over; the
next full run ends with the same tables as a run never interrupted, and nothing archived is
fetched twice."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from baoarchive.reprocess import reprocess
from warehouse import connect_reader

#: Content of every derived table, without what names a run (capture ids, fetch times).
CONTENT = {
    "articles": "SELECT * EXCLUDE (capture_id) FROM articles",
    "article_topics": "SELECT * FROM article_topics",
    "article_tags": "SELECT * FROM article_tags",
    "tags": "SELECT * FROM tags",
    "article_localities": "SELECT * FROM article_localities",
    "related_items": "SELECT * FROM related_items",
    "article_revisions": "SELECT * EXCLUDE (capture_id, superseded_by) FROM article_revisions",
    "search_documents": "SELECT * FROM search_documents",
    "archived_posts": "SELECT post_id, url, sha256 FROM crawl_log WHERE warc_file IS NOT NULL",
}
#: From the process's start: its imports take about 2 s, so the first kill lands as the run
#: opens its Dagster instance, the later ones in the crawl, the extraction and the load (each
#: run gets further, as what a killed run archived is not fetched again).
KILL_AFTER_SECONDS = (2.5, 4.5, 7.0)


def content(data_dir: Path) -> dict[str, tuple]:
    with connect_reader(data_dir) as con:
        return {
            name: con.execute(
                f"SELECT count(*), md5(coalesce(string_agg(CAST(t AS VARCHAR), chr(10)"
                f" ORDER BY CAST(t AS VARCHAR)), '')) FROM ({query}) t"
            ).fetchone()
            for name, query in CONTENT.items()
        }


def run(data_dir: Path, site_url: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "baoarchive.cli", "run", "--site-url", site_url,
         "--data-dir", str(data_dir)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: the crawl and workers die with it
    )  # fmt: skip


@pytest.fixture(scope="module")
def crashed(replica, archive_run, tmp_path_factory) -> tuple[Path, Path, int]:
    """The session's archive (a run never interrupted), and runs over the same replica killed
    at the moments of ``KILL_AFTER_SECONDS`` then one let finish: (reference, crashed data
    directory, how many runs were killed)."""
    crashed = tmp_path_factory.mktemp("crashed")
    killed = 0
    for seconds in KILL_AFTER_SECONDS:
        started = run(crashed, replica.url)
        time.sleep(seconds)
        if started.poll() is None:
            os.killpg(started.pid, signal.SIGKILL)
            killed += 1
        started.wait()
    assert run(crashed, replica.url).wait(timeout=600) == 0
    return archive_run[0], crashed, killed


def test_kill_9_at_any_moment_then_a_full_run_gives_the_same_tables(crashed):
    reference, crashed, killed = crashed
    assert killed >= 2
    assert content(crashed) == content(reference)
    with connect_reader(crashed) as con:
        twice = con.execute(
            "SELECT post_id, count(*) FROM crawl_log WHERE warc_file IS NOT NULL"
            " GROUP BY post_id HAVING count(*) > 1"
        ).fetchall()
    assert twice == []  # nothing archived was fetched again


def test_reprocess_after_kills_reads_past_a_torn_warc_record(crashed, tmp_path):
    copy = tmp_path / "crashed"
    shutil.copytree(crashed[1], copy, ignore=shutil.ignore_patterns("dagster"))
    crashed = copy
    expected = content(crashed)
    newest = max((crashed / "warc").glob("*.warc.gz"))
    complete = newest.stat().st_size
    with connect_reader(crashed) as con:
        offset, length = con.execute(
            'SELECT "offset", length FROM warc_records WHERE warc_file = ?'
            " ORDER BY length DESC LIMIT 1",
            [f"warc/{newest.name}"],
        ).fetchone()
    record = newest.read_bytes()[offset : offset + length]
    with newest.open("ab") as torn:  # a record cut short, as a kill mid-write leaves it
        torn.write(record[: length // 2])
    shutil.rmtree(crashed / "lake")
    reprocess(crashed)
    assert content(crashed) == expected
    with connect_reader(crashed) as con:
        end = con.execute(
            'SELECT max("offset" + length) FROM warc_records WHERE warc_file = ?',
            [f"warc/{newest.name}"],
        ).fetchone()[0]
    assert end == complete  # the torn record is not indexed
