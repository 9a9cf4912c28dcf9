"""The catalog is a setting: the same pipeline writes a lake whose catalog is a real
PostgreSQL server (``BAOARCHIVE_CATALOG=postgres:...``), and two writer processes committing
to it at the same time lose nothing."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from tests import postgres_server
from tests.archive_runs import crawl
from warehouse import connect_reader, connect_writer

# CI installs PostgreSQL (.ci/run): there a missing server fails the test instead
pytestmark = pytest.mark.skipif(
    not postgres_server.available() and not os.environ.get("CI"),
    reason="PostgreSQL is not installed (.ci/run installs it)",
)

WRITER = textwrap.dedent(
    """
    import sys
    from warehouse import connect_writer
    from warehouse.load import transaction

    data_dir, name = sys.argv[1], sys.argv[2]
    con = connect_writer(data_dir)
    for batch in range(20):
        with transaction(con):
            con.execute(
                "INSERT INTO crawl_log (capture_id, run_id, url, fetched_at)"
                " SELECT ? || ':' || lpad(range::VARCHAR, 7, '0'), ?, 'u', now()"
                " FROM range(?, ? + 10)", [name, name, batch * 10, batch * 10])
    con.close()
    """
)


@pytest.fixture(scope="module")
def catalog(monkeypatch_module):
    with postgres_server.postgres_server() as dsn:
        url = f"postgres:{dsn}"
        monkeypatch_module.setenv("BAOARCHIVE_CATALOG", url)
        yield url


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_the_pipeline_writes_a_postgresql_catalog_unchanged(catalog, replica, truth, tmp_path):
    crawl(replica.url, tmp_path)
    with connect_reader(tmp_path) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == len(truth)
        snapshots = con.execute("SELECT count(*) FROM archive.snapshots()").fetchone()[0]
    dsn = catalog.removeprefix("postgres:")
    on_server = postgres_server.psql(dsn, "SELECT count(*) FROM ducklake_snapshot")
    assert int(on_server) == snapshots > 10  # the lake's catalog is the server, not a file
    assert not (tmp_path / "lake" / "catalog.sqlite").exists()


def test_two_writers_committing_at_once_lose_nothing(catalog, tmp_path):
    connect_writer(tmp_path).close()  # the schema, made once
    env = dict(os.environ, BAOARCHIVE_CATALOG=catalog)
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), name], env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for name in ("first", "second")
    ]  # fmt: skip
    for writer in writers:
        _, err = writer.communicate(timeout=300)
        assert writer.returncode == 0, err[-2000:]
    with connect_reader(tmp_path) as con:
        rows = con.execute(
            "SELECT run_id, count(*), count(DISTINCT capture_id) FROM crawl_log"
            " WHERE run_id IN ('first', 'second') GROUP BY 1 ORDER BY 1"
        ).fetchall()
    assert rows == [("first", 200, 200), ("second", 200, 200)]
