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


def articles_per_month(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return dict(con.execute(sql("articles_per_month")).fetchall())


def months_that_dropped(before: dict[str, int], after: dict[str, int]) -> dict[str, tuple]:
    """Months with fewer articles than the previous run counted: an archive never shrinks."""
    return {m: (n, after.get(m, 0)) for m, n in before.items() if after.get(m, 0) < n}


def newest_article(con: duckdb.DuckDBPyConnection):
    return con.execute(sql("newest_article")).fetchone()[0]


def summary(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    cursor = con.execute(sql("summary"))
    names = [d[0] for d in cursor.description]
    return dict(zip(names, cursor.fetchone(), strict=True))
