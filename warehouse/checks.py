"""Integrity queries over the archive; the pipeline's asset checks call these."""

from __future__ import annotations

from datetime import datetime

import duckdb

from extraction import RELATED_HEADINGS
from foundation.sites import DEFAULT_SITE
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
    """Sites' months with fewer articles than the previous run counted: an archive never
    shrinks. A count made before sites (key 'YYYY-MM') is the default site's."""
    before = {(m if " " in m else f"{DEFAULT_SITE} {m}"): n for m, n in before.items()}
    return {m: (n, after.get(m, 0)) for m, n in before.items() if after.get(m, 0) < n}


def newest_articles(con: duckdb.DuckDBPyConnection) -> dict[str, datetime]:
    """site -> its newest publication time."""
    return dict(con.execute(sql("newest_article")).fetchall())


def summary(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    cursor = con.execute(sql("summary"))
    names = [d[0] for d in cursor.description]
    return dict(zip(names, cursor.fetchone(), strict=True))
