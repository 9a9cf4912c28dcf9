"""Connections: one writer (migrated on open), any number of read-only readers."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import duckdb

from foundation.errors import NoArchive
from warehouse.migrations import migrate

SQL_DIR = Path(__file__).with_name("sql")
# Instants are stored as TIMESTAMPTZ; sessions show them in the paper's own zone.
SITE_TIME_ZONE = "Asia/Ho_Chi_Minh"


@cache
def sql(name: str) -> str:
    """The text of ``warehouse/sql/<name>.sql``."""
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def connect_writer(path: str | Path) -> duckdb.DuckDBPyConnection:
    """The single writing connection; brings the schema up to date."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path))
    con.execute(f"SET TimeZone = '{SITE_TIME_ZONE}'")
    migrate(con)
    return con


def connect_reader(path: str | Path, sandboxed: bool = False) -> duckdb.DuckDBPyConnection:
    """A read-only connection: a write through it fails, and it never blocks on our own files.

    ``sandboxed`` is for SQL typed by a user: every file access is turned off for good (no
    COPY TO, no ATTACH, no reading other files, no extension loading)."""
    if not Path(path).exists():
        raise NoArchive(path)
    con = duckdb.connect(str(path), read_only=True)
    con.execute(f"SET TimeZone = '{SITE_TIME_ZONE}'")
    if sandboxed:
        con.execute("SET enable_external_access = false")
        con.execute("SET lock_configuration = true")
    return con
