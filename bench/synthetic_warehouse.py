"""A synthetic archive database of N articles (default 300,000) for benchmarks of search,
counts and exports, which need the size of the real archive and the shape of its text.

    python -m bench.synthetic_warehouse --articles 300000 --out /tmp/synth/archive.duckdb

The text is the replica's (``replica``). Titles, sapos, bylines and tags are written for every
article from its own seeded stream; bodies are recombined, because a full replica body costs
about 0.33 ms against 0.08 ms for the whole recombined article: at 300,000 that is some 90 s
more, which put the build near four minutes on two cores instead of two and a half. A pool of
50 full replica articles is written once for each kind of news, page template and year, with
placeholders for places, subject and country (so its text is exact templates, not guessed
replacements). An article takes one pool body's structure (headings, lists, quotes, info box,
captions), draws its plain paragraphs from the bucket's hundreds, and fills in its own places
and subject. Every article differs (its own title, sapo and some ten paragraphs out of
hundreds; titles come from the replica's headline templates, so about half of 300,000 repeat
another's), and the same ``--seed`` and ``--articles`` give the same rows.

Set here, not by the replica: publication times over 2020-01..2025-12 (quieter weekends, busy
mornings, growing output, a larger newsroom after the 2025-07-01 merger), ids growing with
time, and one crawl_log row per article (one backfill run; there is no WARC). Topics and
localities come from the reference data, article_topics follow the parent chain (as
``warehouse/sql/sync_article_topics.sql``), tags as ``sync_article_tags.sql`` derives them.
article_localities are the units written into the text, located in title, sapo and body, with
the focus as ``grouping.locality_match`` picks it (running the matcher itself would add
about 0.36 ms an article). related_items and extraction_errors stay empty.

Rows are built and inserted in batches as Arrow tables, in one transaction (DuckDB then
writes full row groups straight to the file), to keep time and peak memory low.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import random
import re
import resource
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path

import duckdb
import pyarrow as pa

from extraction import extractor_version
from extraction.metadata import authors
from extraction.text import content_hash
from foundation.settings import LIVE_SITE_URL
from grouping import reference
from grouping.locality_rules import FIELD_WEIGHT, FIELDS, SPECIFICITY
from replica import IndexEntry, Layout, ReplicaArticle, Site
from replica.article import TEMPLATE_OF_CATEGORY
from replica.cdn import image_path
from replica.phrases import GENERAL, Family
from replica.places import Mention, choose_mentions, mention
from replica.site_index import SPONSORED_SHARE
from replica.slugs import slugify
from replica.taxonomy import article_weight, categories
from replica.text import Headline, family_for, write_byline, write_headline, write_sapo, write_tags
from replica.timefmt import MERGER, VN
from warehouse import connect_writer
from warehouse.load import ARTICLE_SCHEMA, MENTION_SCHEMA, load_localities, load_topics

FIRST_DAY = date(2020, 1, 1)
LAST_DAY = date(2025, 12, 31)
BATCH_SIZE = 2_500
MEMORY_LIMIT = "300MB"
#: Pool articles per kind of news and year: a few hundred paragraphs to draw from in each.
POOL_PER_BUCKET = 50
#: One backfill crawl run, after the last edit, fetched every article (the crawler's run id).
BACKFILL_START = datetime(2026, 2, 1, tzinfo=VN)
RUN_ID = f"{BACKFILL_START.astimezone(UTC):%Y%m%dT%H%M%S%fZ}-1"
#: Ids before the merger start here; the merged newsroom's CMS continues from a higher block.
FIRST_POST_ID = 100_000
MERGER_ID_JUMP = 200_000
#: Publication hours (local) and how many articles each carries: mornings are busiest.
HOUR_WEIGHTS = {h: 3 if 7 <= h <= 11 else 2 if 13 <= h <= 17 else 1 for h in range(5, 23)}
#: Most places one article names (choose_mentions: up to three units and the province).
MAX_PLACES = 4

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


# -- when, which category, which id ---------------------------------------------------------


def _day_weight(day: date) -> float:
    """Relative output of a day: weekends are quieter, output grows each year, and the merged
    paper (two newsrooms) publishes more from 2025-07-01."""
    weekday = 0.6 if day.weekday() >= 5 else 1.0
    growth = 1.0 + 0.08 * (day.year - FIRST_DAY.year)
    merged = 1.5 if day >= MERGER.date() else 1.0
    return weekday * growth * merged


def _cumulative_shares(weights: list[float]) -> list[float]:
    cumulative = list(itertools.accumulate(weights))
    return [c / cumulative[-1] for c in cumulative]


@cache
def _calendar() -> tuple[list[date], list[float]]:
    """Every day of the period and the share of articles published by its end."""
    days = [FIRST_DAY + timedelta(n) for n in range((LAST_DAY - FIRST_DAY).days + 1)]
    return days, _cumulative_shares([_day_weight(d) for d in days])


def _quantile(items: list, shares: list[float], position: float):
    return items[min(bisect.bisect_left(shares, position), len(items) - 1)]


def published_at(index: int, count: int, rng: random.Random) -> datetime:
    """Article ``index`` of ``count`` at its quantile of the calendar: times grow with the
    index, so ids can follow them and each batch covers its own stretch of the period."""
    day = _quantile(*_calendar(), (index + rng.random()) / count)
    hours = list(HOUR_WEIGHTS)
    hour = _quantile(hours, _cumulative_shares(list(HOUR_WEIGHTS.values())), rng.random())
    moment = datetime(day.year, day.month, day.day, hour, tzinfo=VN)
    return moment + timedelta(seconds=rng.randrange(3600))


def modified_at(published: datetime, rng: random.Random) -> datetime:
    """Most articles are never edited; some are fixed within hours, a few days later."""
    roll = rng.random()
    if roll < 0.6:
        return published
    if roll < 0.9:
        return published + timedelta(seconds=rng.randint(300, 6 * 3600))
    return published + timedelta(days=rng.randint(1, 20), seconds=rng.randrange(3600))


def post_id(index: int, published: datetime, rng: random.Random) -> int:
    """Unique and growing with the index: gaps of 1 or 2 (the CMS numbers other items too)."""
    jump = MERGER_ID_JUMP if published >= MERGER else 0
    return FIRST_POST_ID + jump + 2 * index + rng.randrange(2)


@cache
def _category_table() -> tuple[list[str], list[float], list[str]]:
    """Ordinary categories with cumulative weights (the replica's: leaves carry most, mixed
    sections of generic text fewer), and the sponsored ones."""
    cats = [c for c in categories().values() if article_weight(c) > 0]
    weights = [article_weight(c) / (4 if family_for(c.topic_id) is GENERAL else 1) for c in cats]
    sponsored = [c.topic_id for c in categories().values() if c.sponsored]
    return [c.topic_id for c in cats], list(itertools.accumulate(weights)), sponsored


def choose_category(rng: random.Random) -> str:
    ordinary, cumulative, sponsored = _category_table()
    if sponsored and rng.random() < SPONSORED_SHARE:
        return rng.choice(sponsored)
    return rng.choices(ordinary, cum_weights=cumulative)[0]


def index_entry(rng: random.Random, index: int, count: int) -> IndexEntry:
    """What the replica's index fixes for an article: id, dates, category, headline, slug."""
    published = published_at(index, count, rng)
    modified = modified_at(published, rng)
    identity = post_id(index, published, rng)
    category = choose_category(rng)
    family = family_for(category)
    head = write_headline(rng, family, published, choose_mentions(rng, published, family.local))
    return IndexEntry(identity, published, modified, category, head, slugify(head.title))


# -- the pool of bodies ---------------------------------------------------------------------


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _slot(name: str) -> str:
    """A placeholder the replica writes like a word (so capitalises at a sentence start)."""
    return f"qq{name}qq"


_SLOT = re.compile(r"([qQ])q([a-z]\d?)qq")


def placeholder_headline(rng: random.Random, family: Family, moment: datetime) -> Headline:
    """A pool article's headline: as many places as ``choose_mentions`` would give, and the
    places, subject and country written as placeholders."""
    count = len(choose_mentions(rng, moment, family.local))
    places = tuple(Mention(f"p{k}", _slot(f"p{k}"), f"p{k}") for k in range(count))
    return Headline("", places, _slot("s"), "" if family.local else _slot("c"))


def as_template(text: str) -> str:
    """Placeholders as format fields; an upper-case field name: capitalised, opening a sentence."""
    text = text.replace("{", "{{").replace("}", "}}")
    return _SLOT.sub(lambda m: "{" + (m[2].upper() if m[1] == "Q" else m[2]) + "}", text)


def fill_values(head: Headline) -> dict[str, str]:
    """The fields filled with an article's own places (cycled), subject and country."""
    places = [m.text for m in head.mentions] or [""]
    values = {f"p{k}": places[k % len(places)] for k in range(MAX_PLACES)}
    values |= {"s": head.subject, "c": head.country}
    return values | {name.upper(): _capitalised(value) for name, value in values.items()}


@dataclass(frozen=True)
class Template:
    """A pool article's body: its blocks as (kind, template) and its page layout."""

    blocks: tuple[tuple[str, str], ...]
    layout: Layout

    def swappable(self) -> list[int]:
        """Plain paragraphs that may be replaced (not a list's intro)."""
        kinds = [kind for kind, _ in self.blocks] + [""]
        return [i for i, kind in enumerate(kinds[:-1]) if kind == "p" and kinds[i + 1] != "li"]


@dataclass(frozen=True)
class Bucket:
    """The pool of one bucket (``bucket_key``): whole bodies, and all their plain paragraphs."""

    templates: tuple[Template, ...]
    paragraphs: tuple[str, ...]


Pool = dict[tuple[str, str, int], Bucket]


def _year_moment(rng: random.Random, year: int) -> datetime:
    start = datetime(year, 1, 1, 6, tzinfo=VN)
    return start + timedelta(days=rng.randrange(365), seconds=rng.randrange(16 * 3600))


def bucket_key(topic_id: str, year: int) -> tuple[str, str, int]:
    """Bodies are shared by kind of news, page template (it follows the category) and year."""
    return family_for(topic_id).name, TEMPLATE_OF_CATEGORY.get(topic_id, "normal"), year


def _pool_entries(seed: int) -> dict[tuple[str, str, int], list[IndexEntry]]:
    """POOL_PER_BUCKET replica index entries with placeholder headlines for every bucket."""
    rng = random.Random(f"{seed}:pool")
    topics_of: dict[tuple[str, str, int], list[str]] = {}
    for topic_id in categories():
        for year in range(FIRST_DAY.year, LAST_DAY.year + 1):
            topics_of.setdefault(bucket_key(topic_id, year), []).append(topic_id)
    ids = itertools.count(1)
    entries = {}
    for (family_name, template, year), topic_ids in topics_of.items():
        bucket = entries[(family_name, template, year)] = []
        for k in range(POOL_PER_BUCKET):
            topic_id, moment = topic_ids[k % len(topic_ids)], _year_moment(rng, year)
            head = placeholder_headline(rng, family_for(topic_id), moment)
            bucket.append(IndexEntry(next(ids), moment, moment, topic_id, head, "pool"))
    return entries


def build_pool(seed: int) -> Pool:
    """Full replica articles, generated once, as body templates by bucket."""
    entries = _pool_entries(seed)
    site = Site(seed, [e for bucket in entries.values() for e in bucket])
    pool = {}
    for key, bucket in entries.items():
        templates = []
        for entry in bucket:
            article = site.article(entry.post_id)
            blocks = tuple((kind, as_template(text)) for kind, text in article.blocks)
            templates.append(Template(blocks, article.layout))
        paragraphs = tuple(t.blocks[i][1] for t in templates for i in t.swappable())
        pool[key] = Bucket(tuple(templates), paragraphs)
    return pool


# -- one article ----------------------------------------------------------------------------


def write_article(seed: int, index: int, count: int, pool: Pool) -> ReplicaArticle:
    """Article ``index`` of ``count``: a fresh headline, sapo, byline and tags, and a body
    recombined from the pool, filled with the article's places and subject."""
    rng = random.Random(f"{seed}:{index}")
    entry = index_entry(rng, index, count)
    family, head = family_for(entry.category), entry.headline
    bucket = pool[bucket_key(entry.category, entry.published_at.astimezone(VN).year)]
    template = rng.choice(bucket.templates)
    blocks = list(template.blocks)
    slots = template.swappable()
    for i, text in zip(slots, rng.sample(bucket.paragraphs, len(slots)), strict=True):
        blocks[i] = ("p", text)
    values = fill_values(head)
    blocks = [(kind, text.format_map(values)) for kind, text in blocks]
    captions = [text for kind, text in blocks if kind == "caption"]
    return ReplicaArticle(
        post_id=entry.post_id,
        slug=entry.slug,
        title=head.title,
        sapo=write_sapo(rng, family, entry.published_at, head),
        paragraphs=[text for _, text in blocks],
        published_at=entry.published_at,
        modified_at=entry.modified_at,
        category=entry.category,
        author=write_byline(rng),
        tags=write_tags(rng, family, head),
        images=[
            (image_path(seed, entry.post_id, f"img{k}", f"{entry.slug[:30]}-{k + 1}"), caption)
            for k, caption in enumerate(captions)
        ],
        localities=list(dict.fromkeys(m.locality_id for m in head.mentions)),
        layout=template.layout,
        kinds=[kind for kind, _ in blocks],
    )


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
    forms = (mention.text, _capitalised(mention.text))
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


def insert(con: duckdb.DuckDBPyConnection, table: str, rows: pa.Table) -> None:
    """Append ``rows`` by column name. DuckDB finds the local ``rows`` by name (a replacement
    scan): a view made with ``con.register`` inside the open transaction would keep every
    batch's Arrow data alive until the commit."""
    con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM rows")  # table: our own names


def build(path: Path, count: int, seed: int = 1, batch_size: int = BATCH_SIZE) -> None:
    """Write a new archive database of ``count`` synthetic articles at ``path``."""
    for old in (path, path.with_name(path.name + ".wal")):
        old.unlink(missing_ok=True)
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
                insert(con, table, rows)
        names = [{"tag_id": key, "name": name} for key, name in tag_names.items()]
        insert(con, "tags", pa.Table.from_pylist(names, NAME_SCHEMA))
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
    finally:
        con.close()


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write a synthetic archive for benchmarks.")
    parser.add_argument("--articles", type=int, default=300_000)
    parser.add_argument("--out", type=Path, required=True, help="the .duckdb file to write")
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
