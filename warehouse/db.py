"""Connections to the lake: one writer (migrated on open), any number of read-only readers,
each reader at the newest snapshot or at the one it asks for."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

import duckdb

from foundation import settings
from warehouse.lake import ATTACHED, SITE_TIME_ZONE, Lake
from warehouse.migrations import migrate

SQL_DIR = Path(__file__).with_name("sql")

__all__ = ["SITE_TIME_ZONE", "connect_reader", "connect_writer", "sql"]


@cache
def sql(name: str) -> str:
    """The text of ``warehouse/sql/<name>.sql``."""
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def connect_writer(
    data_dir: str | Path, memory_limit: str | None = None
) -> duckdb.DuckDBPyConnection:
    """The single writing connection to the data directory's lake; brings the schema up to
    date (and makes the lake when there is none)."""
    lake = Lake.of(data_dir)
    con = lake.writer(memory_limit=memory_limit, on_open=migrate)
    init_file = settings.ArchivePaths(Path(data_dir)).init_file
    if not init_file.is_file() or init_file.read_text(encoding="utf-8") != lake.init_sql():
        init_file.write_text(lake.init_sql(), encoding="utf-8")
    return con


def connect_reader(
    data_dir: str | Path, sandboxed: bool = False, as_of: int | None = None
) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the lake at its newest snapshot (or at snapshot ``as_of``): a
    write through it fails, and it never waits for the writer.

    ``sandboxed`` is for SQL typed by a user: every file access outside the lake's data files
    is turned off for good (no COPY TO elsewhere, no ATTACH, no reading other files, no
    extension loading)."""
    lake = Lake.of(data_dir)
    con = lake.reader(snapshot=as_of)
    if sandboxed:
        con.execute(f"USE {ATTACHED}")  # a table made goes to the lake, and is refused there
        if "://" not in lake.data_path:
            # a literal, not a bound list: binding a Python value makes DuckDB import pandas
            allowed = (lake.data_path.rstrip("/") + "/").replace("'", "''")
            con.execute(f"SET allowed_directories = ['{allowed}']")
        con.execute("SET enable_external_access = false")
        con.execute("SET lock_configuration = true")
    return con


def written_since(con: duckdb.DuckDBPyConnection, snapshot: int, tables: Iterable[str]) -> bool:
    """Has any of ``tables`` been written after ``snapshot``? Read from the snapshots' change
    lists, without reading a table."""
    return con.execute(sql("tables_written_since"), [snapshot, list(tables)]).fetchone()[0]
