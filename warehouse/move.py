"""Move an archive made before the lake (one DuckDB file, ``archive.duckdb``) into the lake:
every table's rows, by column name, in one transaction. The file is kept, renamed, so nothing
is lost; a lake that already holds articles is refused."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from foundation.errors import NoArchive, Refused
from warehouse.lake import ATTACHED
from warehouse.load import transaction


def move_into_lake(con: duckdb.DuckDBPyConnection, database: Path) -> dict[str, int]:
    """Copy every table of ``database`` into the lake the writer ``con`` has attached (its
    schema migrated); returns rows per table. The file is renamed ``*.moved`` afterwards."""
    if not database.is_file():
        raise NoArchive(database)
    if con.execute("SELECT count(*) FROM articles").fetchone()[0]:
        raise Refused("the lake already holds articles: move an archive into an empty lake")
    con.execute(f"ATTACH '{_quoted(str(database))}' AS old (READ_ONLY)")
    moved = {}
    try:
        tables = _columns(con, ATTACHED)
        old = _columns(con, "old")
        with transaction(con):
            for table, columns in tables.items():
                if table == "schema_migrations" or table not in old:
                    continue
                shared = ", ".join(f'"{c}"' for c in columns if c in old[table])
                con.execute(
                    f"INSERT INTO {ATTACHED}.{table} ({shared}) SELECT {shared} FROM old.{table}"
                )
                moved[table] = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        con.execute("DETACH old")
    os.replace(database, database.with_name(database.name + ".moved"))
    return moved


def _columns(con: duckdb.DuckDBPyConnection, catalog: str) -> dict[str, list[str]]:
    rows = con.execute(
        "SELECT table_name, list(column_name ORDER BY ordinal_position)"
        " FROM information_schema.columns WHERE table_catalog = ? AND table_schema = 'main'"
        " AND table_name IN (SELECT table_name FROM information_schema.tables"
        "   WHERE table_catalog = ? AND table_type = 'BASE TABLE') GROUP BY 1",
        [catalog, catalog],
    ).fetchall()
    return dict(rows)


def _quoted(text: str) -> str:
    return text.replace("'", "''")
