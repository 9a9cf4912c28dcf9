"""The articles of the synthetic benchmark archive, apart from the rows and loading
(``bench.synthetic_warehouse``): article ``index`` of ``count``, always the same for a seed.

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
another's).

Set here, not by the replica: publication times over 2020-01..2025-12 (quieter weekends, busy
mornings, growing output, a larger newsroom after the 2025-07-01 merger) and ids growing with
time.
"""

from __future__ import annotations

import bisect
import itertools
import random
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache

from replica import IndexEntry, Layout, ReplicaArticle, Site
from replica.article import TEMPLATE_OF_CATEGORY
from replica.cdn import image_path
from replica.phrases import GENERAL, Family
from replica.places import Mention, choose_mentions
from replica.site_index import SPONSORED_SHARE
from replica.slugs import slugify
from replica.taxonomy import article_weight, categories
from replica.text import Headline, family_for, write_byline, write_headline, write_sapo, write_tags
from replica.timefmt import MERGER, VN

FIRST_DAY = date(2020, 1, 1)
LAST_DAY = date(2025, 12, 31)
#: Pool articles per kind of news and year: a few hundred paragraphs to draw from in each.
POOL_PER_BUCKET = 50
#: Ids before the merger start here; the merged newsroom's CMS continues from a higher block.
FIRST_POST_ID = 100_000
MERGER_ID_JUMP = 200_000
#: Publication hours (local) and how many articles each carries: mornings are busiest.
HOUR_WEIGHTS = {h: 3 if 7 <= h <= 11 else 2 if 13 <= h <= 17 else 1 for h in range(5, 23)}
#: Most places one article names (choose_mentions: up to three units and the province).
MAX_PLACES = 4


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


def capitalised(text: str) -> str:
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
    return values | {name.upper(): capitalised(value) for name, value in values.items()}


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
        localities=list(dict.fromkeys(i for m in head.mentions for i in m.ids)),
        layout=template.layout,
        kinds=[kind for kind, _ in blocks],
    )
