"""The WARC files are the archive of record: every request and response is in them, and they
alone rebuild every table, identical to the crawl's, without the network."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from tests.test_pipeline import fingerprints
from warc.entry import CAPTURE_CONTENT_TYPE
from warehouse import connect_reader


@pytest.fixture(scope="module")
def crawled(archive_run) -> Path:
    return archive_run[0]


def records(data_dir: Path) -> list:
    found = []
    for path in sorted((data_dir / "warc").glob("*.warc.gz")):
        with path.open("rb") as handle:
            for record in ArchiveIterator(handle):
                found.append((record.rec_type, record.rec_headers, record.http_headers))
    return found


def test_every_request_and_response_is_in_warc_1_1(crawled):
    found = records(crawled)
    kinds = Counter(kind for kind, *_ in found)
    stats = [json.loads(p.read_text()) for p in (crawled / "captures").glob("*.stats.json")]
    assert kinds["response"] == kinds["request"] == sum(s["responses"] for s in stats)
    assert kinds["metadata"] == sum(s["articles_captured"] for s in stats)
    assert all(headers.protocol == "WARC/1.1" for _, headers, _ in found)
    uris = {headers.get_header("WARC-Target-URI") for kind, headers, _ in found}
    assert any(uri.endswith("/robots.txt") for uri in uris)
    assert any("sitemap" in uri for uri in uris) and any(uri.endswith(".rss") for uri in uris)
    responses = {h.get_header("WARC-Record-ID") for k, h, _ in found if k == "response"}
    pointed = {h.get_header("WARC-Concurrent-To") for k, h, _ in found if k == "request"}
    assert pointed == responses  # each request record names its response


def test_capture_entries_point_at_their_response_records(crawled):
    found = records(crawled)
    responses = {h.get_header("WARC-Record-ID") for k, h, _ in found if k == "response"}
    captures = [h for k, h, _ in found if k == "metadata"]
    assert captures and all(h.get_header("Content-Type") == CAPTURE_CONTENT_TYPE for h in captures)
    assert {h.get_header("WARC-Concurrent-To") for h in captures} <= responses


def test_reprocess_rebuilds_identical_tables_from_warc_alone(crawled, tmp_path):
    expected = fingerprints(crawled)
    index = {p.name: p.read_text() for p in (crawled / "captures").glob("*.jsonl")}
    index = {name: text for name, text in index.items() if text}  # a run that captured nothing
    copy = tmp_path / "copy"
    shutil.copytree(crawled, copy, ignore=shutil.ignore_patterns("dagster"))
    shutil.rmtree(copy / "lake")  # no catalog, no data files
    shutil.rmtree(copy / "captures")  # no capture index either: the WARC files alone
    env = dict(os.environ, BAOARCHIVE_SITE_URL="http://127.0.0.1:9")  # nothing listens there
    done = subprocess.run(
        [sys.executable, "-m", "baoarchive.cli", "reprocess", "--data-dir", str(copy)],
        capture_output=True, text=True, timeout=600, env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert fingerprints(copy) == expected
    assert warc_index(copy) == warc_index(crawled)
    assert {p.name: p.read_text() for p in (copy / "captures").glob("*.jsonl")} == index
    assert not (copy / ".reprocess").exists()


def test_a_killed_reprocess_leaves_the_old_lake_as_it_was(crawled, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(crawled, copy, ignore=shutil.ignore_patterns("dagster"))
    expected = fingerprints(copy)
    command = [sys.executable, "-m", "baoarchive.cli", "reprocess", "--data-dir", str(copy)]
    started = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)  # fmt: skip
    time.sleep(4.5)  # past the imports (2 s): while the rebuild writes its own lake
    assert started.poll() is None, "the rebuild ended before the kill"
    os.killpg(started.pid, signal.SIGKILL)
    started.wait()
    assert fingerprints(copy) == expected  # readable, and what it was
    assert (copy / ".reprocess").exists()  # the half-made rebuild, which the next one replaces
    assert subprocess.run(command, capture_output=True, timeout=600).returncode == 0
    assert fingerprints(copy) == expected and not (copy / ".reprocess").exists()


def test_reprocess_without_warc_is_a_one_line_error(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "baoarchive.cli", "reprocess", "--data-dir", str(tmp_path)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1
    assert "no WARC files" in done.stderr


def warc_index(database: Path) -> tuple:
    with connect_reader(database) as con:
        return con.execute(
            "SELECT count(*), md5(string_agg(CAST(w AS VARCHAR), chr(10)"
            ' ORDER BY warc_file, "offset")) FROM warc_records w'
        ).fetchone()


def test_warc_records_index_every_record_and_agree_with_the_crawl_log(crawled):
    kinds = Counter(kind for kind, *_ in records(crawled))
    with connect_reader(crawled) as con:
        indexed = dict(
            con.execute("SELECT record_type, count(*) FROM warc_records GROUP BY ALL").fetchall()
        )
        disagree = con.execute(
            "SELECT count(*) FROM crawl_log c LEFT JOIN warc_records w"
            ' ON w.warc_file = c.warc_file AND w."offset" = c.warc_offset'
            " WHERE c.warc_file IS NOT NULL AND (w.record_type IS DISTINCT FROM 'response'"
            " OR w.sha256 <> c.sha256 OR w.length <> c.warc_length OR w.post_id <> c.post_id)"
        ).fetchone()[0]
    assert indexed == dict(kinds)
    assert disagree == 0
