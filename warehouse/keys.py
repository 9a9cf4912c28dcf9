"""The key of every table, as data. An article is (site, post_id): post ids collide across
papers; so do category paths, and a topic is (site, topic_id). DuckLake has no PRIMARY KEY or
UNIQUE: the loaders keep these keys (MERGE on them) and an asset check counts what breaks
them."""

from __future__ import annotations

import duckdb

#: table -> the columns whose values name one row.
KEYS: dict[str, tuple[str, ...]] = {
    "crawl_log": ("capture_id",),
    "articles": ("site", "post_id"),
    "related_items": ("site", "post_id", "block", "position"),
    "extraction_errors": ("capture_id",),
    "topics": ("site", "topic_id"),  # a paper's own categories
    "article_topics": ("site", "post_id", "topic_id"),
    "localities": ("locality_id",),
    "article_localities": ("site", "post_id", "locality_id"),
    "tags": ("tag_id",),
    "article_tags": ("site", "post_id", "tag_id"),
    "article_revisions": ("site", "post_id", "content_hash"),
    "warc_records": ("warc_file", "offset"),
    "warc_files": ("warc_file",),
    "locality_matches": ("site", "post_id"),
    "search_documents": ("site", "post_id"),
    "schema_migrations": ("version",),
}


def duplicate_keys(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, int]]:
    """(table, key, rows) for every key value held by more than one row of its table (the first
    20 of each table), in one query: a query each costs a catalog read of its own."""
    parts = []
    for table, columns in KEYS.items():  # our own names, never user input
        key = ", ".join(f'"{c}"' for c in columns)
        shown = " || ' ' || ".join(f'CAST("{c}" AS VARCHAR)' for c in columns)
        parts.append(
            f"(SELECT '{table}' AS t, {shown} AS k, count(*) AS n FROM {table}"
            f" GROUP BY {key} HAVING count(*) > 1 ORDER BY 2 LIMIT 20)"
        )
    return con.execute(" UNION ALL ".join(parts) + " ORDER BY t, k").fetchall()
