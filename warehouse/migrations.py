"""Apply ``warehouse/schema/NNN_name.sql`` in order, once each, recording the version applied.

A tiny migration step in the manner of the tools data teams use: the schema lives in SQL files,
the lake remembers which ones it has run (``schema_migrations``, one row per version), and
re-running is a no-op. Only the pipeline's one writer migrates.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

SCHEMA_DIR = Path(__file__).with_name("schema")
_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")


def schema_files() -> list[tuple[int, Path]]:
    files = [(int(m.group(1)), p) for p in SCHEMA_DIR.iterdir() if (m := _NAME.match(p.name))]
    return sorted(files)


def migrate(con: duckdb.DuckDBPyConnection, through: int | None = None) -> list[str]:
    """Bring the database to the newest schema (or to version ``through``: an archive as an
    older release left it, for the migration tests); returns the files applied now."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER NOT NULL, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)"
    )
    done = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    applied = []
    for version, path in schema_files():
        if version in done or (through is not None and version > through):
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(path.read_text(encoding="utf-8"))
            con.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, current_timestamp)",
                [version, path.name],
            )
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(path.name)
    return applied
