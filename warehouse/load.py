"""Loaders: stage a batch as an Arrow table, then apply one ``sql/*.sql`` step in a transaction.

Every loader is idempotent: loading the same input twice leaves the tables as they were.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import pyarrow as pa

from extraction import extractor_version
from extraction.record import Article
from foundation.sites import DEFAULT_SITE
from grouping.reference import Locality, Topic
from warehouse.db import sql


@dataclass(frozen=True)
class PendingCapture:
    capture_id: str
    post_id: int
    final_url: str
    warc_file: str
    warc_offset: int
    site: str


#: The author of every snapshot the pipeline commits; its message names the run.
COMMIT_AUTHOR = "baoarchive"


def commit_as(con: duckdb.DuckDBPyConnection, run_id: str) -> None:
    """Name ``run_id`` in the commit message of every transaction on ``con`` from now on."""
    con.execute("SET VARIABLE baoarchive_run = ?", [run_id])


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """One transaction, one snapshot of the lake: all of it or nothing."""
    con.execute("BEGIN TRANSACTION")
    try:
        run_id = con.execute("SELECT getvariable('baoarchive_run')").fetchone()[0]
        if run_id:
            con.execute("CALL archive.set_commit_message(?, ?)", [COMMIT_AUTHOR, f"run {run_id}"])
        yield
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def stage(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> None:
    con.register(f"{name}_arrow", table)
    con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT * FROM {name}_arrow")
    con.unregister(f"{name}_arrow")


def table_count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # table: our own names


def load_crawl_log(con: duckdb.DuckDBPyConnection, captures_dir: Path) -> int:
    """Load the capture index files; returns how many rows were new."""
    if not any(captures_dir.glob("*.jsonl")):
        return 0
    before = table_count(con, "crawl_log")
    with transaction(con):
        con.execute(sql("load_crawl_log"), [str(captures_dir / "*.jsonl"), DEFAULT_SITE])
    return table_count(con, "crawl_log") - before


def pending_captures(con: duckdb.DuckDBPyConnection) -> list[PendingCapture]:
    rows = con.execute(sql("pending_captures"), [extractor_version()]).fetchall()
    return [PendingCapture(*row) for row in rows]


ARTICLE_SCHEMA = pa.schema([
    ("site", pa.string()), ("post_id", pa.int64()), ("url", pa.string()), ("title", pa.string()),
    ("sapo", pa.string()), ("body", pa.string()), ("body_markdown", pa.string()),
    ("author", pa.string()), ("authors", pa.list_(pa.string())),
    ("published_at", pa.timestamp("us", tz="UTC")), ("modified_at", pa.timestamp("us", tz="UTC")),
    ("category", pa.string()), ("category_name", pa.string()), ("tags", pa.list_(pa.string())),
    ("images", pa.list_(pa.struct([("url", pa.string()), ("caption", pa.string())]))),
    ("word_count", pa.int32()), ("layout", pa.string()), ("method", pa.string()),
    ("content_hash", pa.string()), ("capture_id", pa.string()), ("extractor_version", pa.string()),
])  # fmt: skip
RELATED_SCHEMA = pa.schema([
    ("site", pa.string()), ("post_id", pa.int64()), ("block", pa.string()),
    ("position", pa.int32()), ("related_post_id", pa.int64()), ("title", pa.string()),
    ("url", pa.string()),
])  # fmt: skip


def _article_rows(batch: list[tuple[str, Article]], version: str) -> list[dict]:
    """One row per article: its fields by the schema's column names, and where it came from."""
    fields = [
        n for n in ARTICLE_SCHEMA.names if n not in ("capture_id", "images", "extractor_version")
    ]
    return [
        {name: getattr(a, name) for name in fields}
        | {"images": [{"url": i.url, "caption": i.caption} for i in a.images]}
        | {"capture_id": capture_id, "extractor_version": version}
        for capture_id, a in batch
    ]


def _related_rows(batch: list[tuple[str, Article]]) -> list[dict]:
    rows = []
    for _, article in batch:
        positions: dict[str, int] = {}
        for item in article.related:
            positions[item.block] = positions.get(item.block, 0) + 1
            rows.append({
                "site": article.site, "post_id": article.post_id, "block": item.block,
                "position": positions[item.block], "related_post_id": item.post_id,
                "title": item.title, "url": item.url,
            })  # fmt: skip
    return rows


REVISION_SCHEMA = pa.schema([
    ("site", pa.string()), ("post_id", pa.int64()), ("content_hash", pa.string()),
    ("title", pa.string()), ("sapo", pa.string()), ("body", pa.string()), ("author", pa.string()),
    ("published_at", pa.timestamp("us", tz="UTC")), ("modified_at", pa.timestamp("us", tz="UTC")),
    ("capture_id", pa.string()), ("superseded_by", pa.string()),
    ("extractor_version", pa.string()),
])  # fmt: skip


ERROR_SCHEMA = pa.schema(
    [("capture_id", pa.string()), ("post_id", pa.int64()), ("error", pa.string())]
)


def split_versions(
    batch: list[tuple[str, Article]], version: str
) -> tuple[list[tuple[str, Article]], list[dict]]:
    """A batch may hold several captures of one post (a backlog, a reprocess). The newest goes
    to ``articles``; an older one is a revision when a later capture's text differs from it."""
    by_post: dict[tuple[str, int], list[tuple[str, Article]]] = defaultdict(list)
    for capture_id, article in sorted(batch, key=lambda pair: pair[0]):
        by_post[article.site, article.post_id].append((capture_id, article))
    newest, revisions = [], []
    for versions in by_post.values():
        newest.append(versions[-1])
        for i, (capture_id, article) in enumerate(versions[:-1]):
            later = [c for c, a in versions[i + 1 :] if a.content_hash != article.content_hash]
            if later:
                revisions.append(
                    {name: getattr(article, name) for name in REVISION_SCHEMA.names[:9]}
                    | {"capture_id": capture_id, "superseded_by": later[0],
                       "extractor_version": version}
                )  # fmt: skip
    return newest, revisions


def upsert_articles(
    con: duckdb.DuckDBPyConnection,
    batch: list[tuple[str, Article]],
    errors: Iterable[tuple[str, int | None, str]] = (),
) -> None:
    """Load extracted articles (with the capture each came from) and extraction failures; a
    version whose text a newer capture changed is kept in ``article_revisions``."""
    errors = list(errors)
    with transaction(con):
        if batch:
            version = extractor_version()
            newest, revisions = split_versions(batch, version)
            rows = _article_rows(newest, version)
            stage(con, "staged_articles", pa.Table.from_pylist(rows, ARTICLE_SCHEMA))
            stage(con, "staged_revisions", pa.Table.from_pylist(revisions, REVISION_SCHEMA))
            stage(
                con, "staged_related", pa.Table.from_pylist(_related_rows(newest), RELATED_SCHEMA)
            )
            con.execute(sql("record_revisions"))
            con.execute(sql("upsert_articles"))
            con.execute(sql("sync_related_items"))
        if errors:
            first = {capture: (post, error) for capture, post, error in reversed(errors)}
            rows = [{"capture_id": c, "post_id": p, "error": e} for c, (p, e) in first.items()]
            stage(con, "staged_errors", pa.Table.from_pylist(rows, ERROR_SCHEMA))
            con.execute(sql("record_extraction_errors"))


TOPIC_SCHEMA = pa.schema([
    ("site", pa.string()), ("topic_id", pa.string()), ("slug", pa.string()),
    ("name", pa.string()), ("parent_id", pa.string()), ("zone_id", pa.string()),
    ("sponsored", pa.bool_()), ("source", pa.string()),
])  # fmt: skip


def load_topics(con: duckdb.DuckDBPyConnection, topics: Iterable[Topic]) -> None:
    """Load menu topics, each under its own site ((site, topic_id) is the key)."""
    rows = [
        {"site": t.site, "topic_id": t.topic_id, "slug": t.slug, "name": t.name,
         "parent_id": t.parent_id or None, "zone_id": t.zone_id or None,
         "sponsored": t.sponsored, "source": t.source}
        for t in topics
    ]  # fmt: skip
    with transaction(con):
        stage(con, "staged_topics", pa.Table.from_pylist(rows, TOPIC_SCHEMA))
        con.execute(sql("load_topics"))


def sync_article_topics(con: duckdb.DuckDBPyConnection) -> None:
    with transaction(con):
        con.execute(sql("sync_article_topics"))


def sync_article_tags(con: duckdb.DuckDBPyConnection) -> None:
    with transaction(con):
        con.execute(sql("sync_article_tags"))


def load_localities(con: duckdb.DuckDBPyConnection, units: Iterable[Locality]) -> None:
    schema = pa.schema([
        ("locality_id", pa.string()), ("name", pa.string()), ("kind", pa.string()),
        ("parent_id", pa.string()), ("former_province", pa.string()),
        ("valid_from", pa.date32()), ("valid_to", pa.date32()), ("gso_code", pa.string()),
        ("site_dia_phuong_id", pa.string()), ("aliases", pa.list_(pa.string())),
        ("successor_id", pa.string()), ("lat", pa.float64()), ("lon", pa.float64()),
        ("source", pa.string()),
    ])  # fmt: skip

    def day(value: str) -> date | None:
        return date.fromisoformat(value) if value else None

    rows = [
        {"locality_id": u.locality_id, "name": u.name, "kind": u.kind,
         "parent_id": u.parent_id or None, "former_province": u.former_province or None,
         "valid_from": day(u.valid_from), "valid_to": day(u.valid_to), "gso_code": u.gso_code,
         "site_dia_phuong_id": u.site_dia_phuong_id or None, "aliases": list(u.aliases),
         "successor_id": u.successor_id or None, "lat": float(u.lat) if u.lat else None,
         "lon": float(u.lon) if u.lon else None, "source": u.source}
        for u in units
    ]  # fmt: skip
    with transaction(con):
        stage(con, "staged_localities", pa.Table.from_pylist(rows, schema))
        con.execute(sql("load_localities"))


MENTION_SCHEMA = pa.schema([
    ("site", pa.string()), ("post_id", pa.int64()), ("locality_id", pa.string()),
    ("mentions", pa.int32()), ("first_field", pa.string()), ("first_offset", pa.int32()),
    ("evidence", pa.string()),
    ("kind_word", pa.bool_()), ("is_focus", pa.bool_()),
])  # fmt: skip


def archived_sites(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The sites the archive holds captures or articles of."""
    return [site for (site,) in con.execute(sql("archived_sites")).fetchall()]


def unmatched_articles(
    con: duckdb.DuckDBPyConnection, site: str, matcher: str, batch: int = 2_000
) -> Iterator[list[tuple]]:
    """The articles of ``site`` to match with the matcher of version ``matcher`` (its site's
    gazetteers), ``batch`` at a time (their bodies would not all fit in memory at archive
    scale): (site, post_id, content_hash, published_at, title, sapo, body)."""
    articles = con.execute(sql("unmatched_articles"), [matcher, site]).fetchall()
    for start in range(0, len(articles), batch):
        sites, post_ids = zip(*articles[start : start + batch], strict=True)
        yield con.execute(sql("locality_match_sources"), [list(sites), list(post_ids)]).fetchall()


def sync_article_localities(
    con: duckdb.DuckDBPyConnection, matched: list[dict], mentions: list[dict]
) -> None:
    """Replace the locality rows of the articles just matched (``matched``: post_id,
    content_hash, matcher) with the matcher's output for them."""
    schema = pa.schema([("site", pa.string()), ("post_id", pa.int64()),
                        ("content_hash", pa.string()), ("matcher", pa.string())])  # fmt: skip
    with transaction(con):
        stage(con, "staged_matched", pa.Table.from_pylist(matched, schema))
        stage(con, "staged_mentions", pa.Table.from_pylist(mentions, MENTION_SCHEMA))
        con.execute(sql("sync_article_localities"))


WARC_RECORD_SCHEMA = pa.schema([
    ("warc_file", pa.string()), ("offset", pa.int64()), ("length", pa.int64()),
    ("record_type", pa.string()), ("record_id", pa.string()), ("url", pa.string()),
    ("post_id", pa.int64()), ("status", pa.int32()), ("content_type", pa.string()),
    ("sha256", pa.string()), ("fetched_at", pa.string()),
])  # fmt: skip


def load_warc_records(con: duckdb.DuckDBPyConnection, data_dir: Path) -> int:
    """Index what the WARC files gained since the last time; returns how many records."""
    from warc.index import records, warc_files

    indexed = dict(con.execute("SELECT warc_file, indexed_bytes FROM warc_files").fetchall())
    added = 0
    for warc_file, size in warc_files(data_dir):
        start = indexed.get(warc_file, 0)
        if size <= start:
            continue
        for rows, end in records(data_dir, warc_file, start):  # each batch with its progress
            with transaction(con):
                stage(con, "staged_warc_records", pa.Table.from_pylist(rows, WARC_RECORD_SCHEMA))
                con.execute(sql("load_warc_records"), [warc_file, end])
            added += len(rows)
    return added
