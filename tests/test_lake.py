"""The warehouse is a DuckLake: readers keep working while a run writes, every run is a
snapshot researchers can cite and read again, and an old single-file archive moves in.

Real processes throughout: a reader process holding an ``Archive`` and querying in a loop
beside a pipeline run, CLI commands as users type them.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from bench.lake import READER, went_back
from foundation.settings import ArchivePaths
from replica.server import ReplicaServer
from replica.timefmt import VN
from tests.archive_runs import baoarchive, crawl
from tests.test_research_access import tree_digest
from warehouse import Archive, connect_reader, connect_writer


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    """A run; a reader process opens the archive; the paper edits an article; a second run
    while the reader queries; an export at the first run's snapshot before the second."""
    data_dir = tmp_path_factory.mktemp("lake")
    with ReplicaServer(articles=15, seed=23) as server:
        crawl(server.url, data_dir)
        with Archive(data_dir) as archive:
            first = archive.snapshot
        before = tmp_path_factory.mktemp("export_before")
        assert baoarchive(data_dir, "export", "--out", str(before)).returncode == 0

        edited = next(iter(server.site.articles()))
        server.site.add(replace(edited, title=edited.title + " (cập nhật)",
                                modified_at=datetime.now(VN)))  # fmt: skip
        stop = data_dir / "stop-reader"
        reader = subprocess.Popen(
            [sys.executable, "-c", READER, str(data_dir), str(stop), "0.1"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert reader.stdout.readline().strip() == "open"
        started = time.monotonic()
        crawl(server.url, data_dir)
        seconds = time.monotonic() - started
        time.sleep(0.5)
        stop.touch()
        out, err = reader.communicate(timeout=120)
    assert reader.returncode == 0, err[-2000:]
    return {
        "data_dir": data_dir, "first": first, "edited": edited, "export_before": before,
        "reader": json.loads(out.splitlines()[-1]), "seconds": seconds,
    }  # fmt: skip


def test_a_reader_holding_the_archive_open_is_never_stopped_nor_sent_back(two_runs):
    reader = two_runs["reader"]
    assert reader["errors"] == []
    assert len(reader["seen"]) >= 5
    assert not went_back(reader["seen"])
    assert reader["after"] >= reader["before"]
    with Archive(two_runs["data_dir"]) as archive:
        assert reader["after"] == archive.snapshot  # the refresh reads the newest


def test_each_run_is_a_snapshot_with_its_run_id(two_runs):
    done = baoarchive(two_runs["data_dir"], "snapshots", "--format", "json")
    assert done.returncode == 0, done.stderr
    runs = [json.loads(line) for line in done.stdout.splitlines()]
    named = [run for run in runs if run["run"]]
    assert len(named) == 2  # two pipeline runs, newest first
    assert named[1]["articles_added"] == 15 and named[1]["articles_changed"] == 0
    assert named[0]["articles_added"] == 0 and named[0]["articles_changed"] == 1
    assert named[1]["snapshot"] >= two_runs["first"] - 1


def test_a_query_as_of_the_first_run_reads_the_archive_as_it_was(two_runs):
    data_dir, edited, first = two_runs["data_dir"], two_runs["edited"], two_runs["first"]
    sql = f"SELECT title FROM articles WHERE post_id = {edited.post_id}"
    old = baoarchive(data_dir, "query", sql, "--as-of", str(first), "--format", "json")
    new = baoarchive(data_dir, "query", sql, "--format", "json")
    assert json.loads(old.stdout) == {"title": edited.title}
    assert json.loads(new.stdout) == {"title": edited.title + " (cập nhật)"}
    with Archive(data_dir, as_of=first) as archive:
        assert archive.snapshot == first
        assert archive.refresh() == first  # a snapshot asked for stays


def test_an_export_as_of_its_snapshot_is_byte_identical_later(two_runs, tmp_path):
    before = two_runs["export_before"]
    card = json.loads((before / "datacard.json").read_text(encoding="utf-8"))
    assert card["snapshot"] == two_runs["first"]
    again = tmp_path / "again"
    done = baoarchive(two_runs["data_dir"], "export", "--out", str(again),
                      "--as-of", str(card["snapshot"]))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert tree_digest(again) == tree_digest(before)
    now = tmp_path / "now"
    assert baoarchive(two_runs["data_dir"], "export", "--out", str(now)).returncode == 0
    assert tree_digest(now) != tree_digest(before)  # the edit is in the newest snapshot


def test_the_cli_init_file_opens_the_lake_read_only(two_runs):
    init = ArchivePaths(two_runs["data_dir"]).init_file.read_text(encoding="utf-8")
    con = duckdb.connect()
    lines = [line for line in init.splitlines() if not line.startswith("--")]
    for statement in "\n".join(lines).split(";\n"):
        if statement.strip():
            con.execute(statement)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 15
    with pytest.raises(duckdb.Error, match="read-only"):
        con.execute("DELETE FROM articles")


def test_maintenance_merges_files_and_keeps_the_cited_snapshot(two_runs, tmp_path):
    data_dir = tmp_path / "archive"
    shutil.copytree(two_runs["data_dir"], data_dir, ignore=shutil.ignore_patterns("dagster"))
    cited = tmp_path / "archive" / "exports" / "cited"
    shutil.copytree(two_runs["export_before"], cited)
    with connect_reader(data_dir) as con:
        newest = con.execute("SELECT max(snapshot_id) FROM archive.snapshots()").fetchone()[0]
    done = baoarchive(data_dir, "maintain", "--retention-days", "0")
    assert done.returncode == 0, done.stderr
    with connect_reader(data_dir) as con:
        kept = {s for (s,) in con.execute("SELECT snapshot_id FROM archive.snapshots()").fetchall()}
    # the cited snapshot, the newest, and those maintenance committed itself
    assert two_runs["first"] in kept and len(kept) < newest - 10
    assert all(s >= newest for s in kept - {two_runs["first"]})
    with connect_reader(data_dir) as con:
        listed = {
            Path(path).name
            for (path,) in con.execute(
                "SELECT path FROM __ducklake_metadata_archive.ducklake_data_file UNION ALL"
                " SELECT path FROM __ducklake_metadata_archive.ducklake_delete_file"
            ).fetchall()
        }
    on_disk = {p.name for p in ArchivePaths(data_dir).lake_data.rglob("*.parquet")}
    assert on_disk == listed  # no file is left that no kept snapshot reads
    again = tmp_path / "again"
    assert baoarchive(data_dir, "export", "--out", str(again),
                      "--as-of", str(two_runs["first"])).returncode == 0  # fmt: skip
    assert tree_digest(again) == tree_digest(two_runs["export_before"])


def test_an_archive_made_before_the_lake_moves_in(archive_run, tmp_path):
    """A single-file archive (made here from the lake's tables, as the old schema had them)
    moves into an empty lake with every row."""
    source, data_dir = archive_run[0], tmp_path / "old"
    data_dir.mkdir()
    old = ArchivePaths(data_dir).database
    with connect_reader(source) as con:
        con.execute(f"ATTACH '{old}' AS old_file")
        tables = [
            t
            for (t,) in con.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_catalog = 'archive'"
                " AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations'"
            ).fetchall()
        ]
        for table in tables:
            con.execute(f"CREATE TABLE old_file.{table} AS SELECT * FROM archive.{table}")
        con.execute("DETACH old_file")
    done = baoarchive(data_dir, "move-to-lake")
    assert done.returncode == 0, done.stderr
    assert not old.exists() and old.with_name("archive.duckdb.moved").exists()
    with connect_reader(source) as a, connect_reader(data_dir) as b:
        for table in tables:
            query = f"SELECT * FROM {table} ORDER BY ALL"
            assert a.execute(query).fetchall() == b.execute(query).fetchall(), table
    again = baoarchive(data_dir, "move-to-lake", "--database", str(old.with_name("x.duckdb")))
    assert again.returncode == 2 and "no archive database" in again.stderr


def test_a_writer_never_waits_for_a_reader(two_runs):
    """The pipeline's writer commits while a reader's connection is open."""
    with connect_reader(two_runs["data_dir"]) as reader:
        reader.execute("SELECT count(*) FROM articles").fetchall()
        with connect_writer(two_runs["data_dir"]) as writer:
            writer.execute("UPDATE schema_migrations SET name = name")
