"""A synthetic archive database of N articles (default 300,000) for benchmarks of search,
counts and exports, which need the size of the real archive and the shape of its text.

    python -m bench.synthetic_warehouse --articles 300000 --out /tmp/synth

The articles (replica text, publication times over 2020-01..2025-12, ids growing with time)
come from ``bench.synthetic_articles``; this module turns them into table rows and loads them.
The same ``--seed`` and ``--articles`` give the same rows.

Set here, not by the replica: one crawl_log row per article (one backfill run; there is no
WARC). Topics and localities come from the reference data, article_topics follow the parent
chain (as ``warehouse/sql/sync_article_topics.sql``), tags as ``sync_article_tags.sql`` derives
them. article_localities are the units written into the text, located in title, sapo and body,
with the focus as ``grouping.locality_match`` picks it (running the matcher itself would add
about 0.36 ms an article). related_items and extraction_errors stay empty.

Rows are built and inserted in batches as Arrow tables, in one transaction (DuckDB then
writes full row groups straight to the file), to keep time and peak memory low.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import time
import unicodedata
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path

import duckdb
import pyarrow as pa

from bench.synthetic_articles import Pool, build_pool, capitalised, write_article
from extraction import extractor_version
from extraction.metadata import authors
from extraction.text import content_hash
from foundation.settings import LIVE_SITE_URL, ArchivePaths
from foundation.sites import DEFAULT_SITE
from grouping import reference
from grouping.locality_rules import FIELD_WEIGHT, FIELDS, SPECIFICITY
from replica import ReplicaArticle
from replica.places import Mention, mention
from replica.timefmt import VN
from warehouse import connect_writer
from warehouse.load import ARTICLE_SCHEMA, MENTION_SCHEMA, load_localities, load_topics

BATCH_SIZE = 2_500
MEMORY_LIMIT = "300MB"
#: One backfill crawl run, after the last edit, fetched every article (the crawler's run id).
BACKFILL_START = datetime(2026, 2, 1, tzinfo=VN)
RUN_ID = f"{BACKFILL_START.astimezone(UTC):%Y%m%dT%H%M%S%fZ}-1"

TOPIC_SCHEMA = pa.schema(
    [("post_id", pa.int64()), ("topic_id", pa.string()), ("is_primary", pa.bool_())]
)
TAG_SCHEMA = pa.schema([("post_id", pa.int64()), ("tag_id", pa.string()), ("position", pa.int32())])
CRAWL_SCHEMA = pa.schema([
    ("capture_id", pa.string()), ("run_id", pa.string()), ("url", pa.string()),
    ("final_url", pa.string()), ("post_id", pa.int64()), ("status", pa.int32()),
    ("source", pa.string()), ("lastmod", pa.timestamp("us", tz="UTC")),
    ("fetched_at", pa.timestamp("us", tz="UTC")),
])  # fmt: skip
NAME_SCHEMA = pa.schema([("tag_id", pa.string()), ("name", pa.string())])
#: The tables each batch fills.
SCHEMAS = {
    "articles": ARTICLE_SCHEMA,
    "crawl_log": CRAWL_SCHEMA,
    "article_topics": TOPIC_SCHEMA,
    "article_tags": TAG_SCHEMA,
    "article_localities": MENTION_SCHEMA,
}


# -- rows -----------------------------------------------------------------------------------


@cache
def _topics() -> dict[str, reference.Topic]:
    return {t.topic_id: t for t in reference.topics()}


@cache
def _kinds() -> dict[str, str]:
    return {u.locality_id: u.kind for u in reference.localities()}


@cache
def _mentions() -> dict[str, Mention]:
    """Each unit as the replica writes it ("xã Bát Xát")."""
    return {u.locality_id: mention(u) for u in reference.localities()}


def topic_rows(post: int, category: str) -> list[dict]:
    """The category (primary) and every ancestor along ``parent_id``."""
    rows, current, primary = [], category, True
    while current:
        rows.append({"post_id": post, "topic_id": current, "is_primary": primary})
        current, primary = _topics()[current].parent_id, False
    return rows


def tag_id(tag: str) -> str:
    """One id however a tag is cased: lower-case NFC (as ``sync_article_tags.sql``)."""
    return unicodedata.normalize("NFC", tag).strip().lower()


def tag_rows(post: int, tags: list[str], names: dict[str, str]) -> list[dict]:
    """The article's tags in order, each once; ``names`` keeps the first spelling of each."""
    rows: dict[str, dict] = {}
    for position, tag in enumerate(tags, start=1):
        key = tag_id(tag)
        if key and key not in rows:
            rows[key] = {"post_id": post, "tag_id": key, "position": position}
            names.setdefault(key, tag)
    return list(rows.values())


def _first_mention(text: str, mention: Mention) -> tuple[int, int]:
    """How often the unit is written in ``text`` (also capitalised, opening a sentence) and
    the offset of the first time (-1: never)."""
    forms = (mention.text, capitalised(mention.text))
    found = [at for at in (text.find(form) for form in forms) if at >= 0]
    return sum(text.count(form) for form in forms), min(found, default=-1)


def locality_rows(article: ReplicaArticle) -> list[dict]:
    """Units written in the text: counts, the first mention as evidence, and the focus by the
    matcher's rule (weighted count, then specificity, then first named)."""
    fields = {"title": article.title, "sapo": article.sapo, "body": article.body}
    rows, keys = [], []
    for unit in (_mentions()[locality_id] for locality_id in article.localities):
        found = {field: _first_mention(fields[field], unit) for field in FIELDS}
        first = next((field for field in FIELDS if found[field][1] >= 0), None)
        if first is None:
            continue
        offset = found[first][1]
        rows.append({
            "post_id": article.post_id, "locality_id": unit.locality_id,
            "mentions": sum(n for n, _ in found.values()), "first_field": first,
            "first_offset": offset, "evidence": fields[first][offset : offset + len(unit.text)],
            "kind_word": True, "is_focus": False,
        })  # fmt: skip
        score = sum(FIELD_WEIGHT[field] * n for field, (n, _) in found.items())
        specific = SPECIFICITY[_kinds()[unit.locality_id]]
        keys.append((score, specific, -FIELDS.index(first), -offset))
    if rows:
        rows[keys.index(max(keys))]["is_focus"] = True
    return rows


@cache
def _extractor_version() -> str:
    return extractor_version()


def article_row(article: ReplicaArticle, url: str, capture_id: str) -> dict:
    return {
        "post_id": article.post_id, "url": url, "title": article.title, "sapo": article.sapo,
        "body": article.body, "body_markdown": article.markdown, "author": article.author,
        "authors": authors(article.author), "published_at": article.published_at,
        "modified_at": article.modified_at, "category": article.category,
        "category_name": _topics()[article.category].name, "tags": article.tags,
        "images": [{"url": LIVE_SITE_URL + path, "caption": c} for path, c in article.images],
        "word_count": len(article.body.split()), "layout": article.layout.template,
        "method": "platform", "content_hash": content_hash(article.title, article.body),
        "capture_id": capture_id, "extractor_version": _extractor_version(),
    }  # fmt: skip


def crawl_row(article: ReplicaArticle, url: str, capture_id: str, sequence: int) -> dict:
    return {
        "capture_id": capture_id, "run_id": RUN_ID, "url": url, "final_url": url,
        "post_id": article.post_id, "status": 200, "source": "sitemap",
        "lastmod": article.modified_at,
        "fetched_at": BACKFILL_START + timedelta(milliseconds=300 * sequence),
    }  # fmt: skip


def build_batch(
    seed: int, indexes: range, count: int, pool: Pool, tag_names: dict[str, str]
) -> dict[str, pa.Table]:
    """The rows of articles ``indexes`` (of ``count``), table by table."""
    rows: dict[str, list[dict]] = {name: [] for name in SCHEMAS}
    for index in indexes:
        article = write_article(seed, index, count, pool)
        url = LIVE_SITE_URL + article.path
        capture_id = f"{RUN_ID}:{index + 1:07d}"
        rows["articles"].append(article_row(article, url, capture_id))
        rows["crawl_log"].append(crawl_row(article, url, capture_id, index + 1))
        rows["article_topics"] += topic_rows(article.post_id, article.category)
        rows["article_tags"] += tag_rows(article.post_id, article.tags, tag_names)
        rows["article_localities"] += locality_rows(article)
    return {name: pa.Table.from_pylist(rows[name], SCHEMAS[name]) for name in SCHEMAS}


# -- the database ---------------------------------------------------------------------------


def batches(count: int, size: int) -> Iterator[range]:
    for start in range(0, count, size):
        yield range(start, min(start + size, count))


def insert(
    con: duckdb.DuckDBPyConnection, table: str, rows: pa.Table, site: str | None = None
) -> None:
    """Append ``rows`` by column name (and ``site`` for a table keyed by it). DuckDB finds the
    local ``rows`` by name (a replacement scan): a view made with ``con.register`` inside the
    open transaction would keep every batch's Arrow data alive until the commit."""
    if not site:
        picked = "*"
    elif "site" in rows.schema.names:
        picked = "* REPLACE (? AS site)"
    else:
        picked = "*, ? AS site"
    con.execute(  # table: our own names
        f"INSERT INTO {table} BY NAME SELECT {picked} FROM rows", [site] if site else []
    )


def build(path: Path, count: int, seed: int = 1, batch_size: int = BATCH_SIZE) -> None:
    """Write a new archive of ``count`` synthetic articles into the data directory ``path``
    (its lake is made anew)."""
    shutil.rmtree(ArchivePaths(Path(path)).lake_dir, ignore_errors=True)
    con = connect_writer(path)
    try:
        con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
        load_topics(con, reference.topics())
        load_localities(con, reference.localities())
        pool = build_pool(seed)
        tag_names: dict[str, str] = {}
        con.execute("BEGIN TRANSACTION")
        for indexes in batches(count, batch_size):
            for table, rows in build_batch(seed, indexes, count, pool, tag_names).items():
                insert(con, table, rows, DEFAULT_SITE)
        names = [{"tag_id": key, "name": name} for key, name in tag_names.items()]
        insert(con, "tags", pa.Table.from_pylist(names, NAME_SCHEMA))
        con.execute("COMMIT")
        con.execute("SET memory_limit = '2GB'")  # merging the lake's files needs more
        con.execute("CHECKPOINT")
    finally:
        con.close()


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write a synthetic archive for benchmarks.")
    parser.add_argument("--articles", type=int, default=300_000)
    parser.add_argument(
        "--out",
        type=Path,
        required=True,
        help="the data directory to write (its lake is made anew)",
    )
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    build(args.out, args.articles, args.seed)
    seconds = time.perf_counter() - started
    size_mb = args.out.stat().st_size / 1e6
    print(
        f"articles={args.articles} seconds={seconds:.1f} file_mb={size_mb:.1f} "
        f"peak_rss_mb={peak_rss_mb():.0f}"
    )


if __name__ == "__main__":
    main()
