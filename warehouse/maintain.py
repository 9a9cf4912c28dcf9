"""Maintenance of the lake: expire snapshots older than the retention (never one an export's
data card cites, never the newest), merge the small files every commit leaves, and delete the
files nothing refers to any more. DuckLake's own functions do the work. Files are not
rewritten to drop deleted rows: a kept older snapshot would then hold its copy and the new
one both."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb

from warehouse.lake import ATTACHED

#: Snapshots are kept this many days by default ($BAOARCHIVE_RETENTION_DAYS).
DEFAULT_RETENTION_DAYS = 30


def cited_snapshots(exports_dir: Path) -> set[int]:
    """The snapshots the data cards under ``exports_dir`` cite (and any export a researcher
    keeps there): expiring them would make those exports unrepeatable."""
    cited = set()
    for card in exports_dir.rglob("datacard.json"):
        try:
            snapshot = json.loads(card.read_text(encoding="utf-8")).get("snapshot")
        except (OSError, ValueError, AttributeError):
            continue
        if isinstance(snapshot, int):
            cited.add(snapshot)
    return cited


def maintain(
    con: duckdb.DuckDBPyConnection,
    retention_days: int = DEFAULT_RETENTION_DAYS,
    keep: set[int] = frozenset(),
) -> dict[str, int]:
    """Compact, expire and clean the lake the writer ``con`` has attached; returns figures."""
    before = _data_files(con)
    cutoff = datetime.now(UTC) - timedelta(days=retention_days)
    snapshots = con.execute(
        f"SELECT snapshot_id, snapshot_time FROM {ATTACHED}.snapshots() ORDER BY 1"
    ).fetchall()
    newest = snapshots[-1][0] if snapshots else None
    expired = [
        snapshot
        for snapshot, at in snapshots
        if at < cutoff and snapshot not in keep and snapshot != newest
    ]
    # expired first: the files only they used go; merging then serves every kept snapshot
    if expired:
        con.execute(f"CALL ducklake_expire_snapshots('{ATTACHED}', versions => ?)", [expired])
    con.execute(f"CALL ducklake_flush_inlined_data('{ATTACHED}')")
    con.execute(f"CALL ducklake_merge_adjacent_files('{ATTACHED}')")
    con.execute(f"CALL ducklake_cleanup_old_files('{ATTACHED}', cleanup_all => true)")
    con.execute(f"CALL ducklake_delete_orphaned_files('{ATTACHED}', cleanup_all => true)")
    checkpoint_sqlite_catalog(con)
    return {
        "data_files_before": before,
        "data_files": _data_files(con),
        "snapshots_expired": len(expired),
        "snapshots_kept": len(snapshots) - len(expired),
    }


def checkpoint_sqlite_catalog(con: duckdb.DuckDBPyConnection) -> None:
    """Fold a SQLite catalog's write-ahead log back into the file, so that what maintenance
    freed is freed on disk too (the log otherwise grows until every connection closes)."""
    (attached,) = con.execute(
        f"SELECT path FROM duckdb_databases() WHERE database_name = '{ATTACHED}'"
    ).fetchone()
    path = Path((attached or "").removeprefix("sqlite:"))
    if (attached or "").startswith("sqlite:") and path.is_file():
        with closing(sqlite3.connect(path)) as catalog:
            catalog.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _data_files(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute(
        f"SELECT count(*) FROM __ducklake_metadata_{ATTACHED}.ducklake_data_file"
        " WHERE end_snapshot IS NULL"
    ).fetchone()[0]
