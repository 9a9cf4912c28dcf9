"""Integrity queries over the archive; the pipeline's asset checks call these."""

from __future__ import annotations

import duckdb

from extraction import RELATED_HEADINGS
from warehouse.db import sql


def duplicate_post_ids(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return con.execute(sql("check_duplicate_post_ids")).fetchall()


def related_leakage(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return con.execute(sql("check_related_leakage"), [list(RELATED_HEADINGS)]).fetchall()


def missing_required_fields(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return con.execute(sql("check_required_fields")).fetchall()


def summary(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    cursor = con.execute(sql("summary"))
    names = [d[0] for d in cursor.description]
    return dict(zip(names, cursor.fetchone(), strict=True))
