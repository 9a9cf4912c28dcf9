"""The replica's site as data: a deterministic index of articles, and their lazy ground truth.

``build_site`` fixes the cheap facts of every article up front (id, dates, category, title,
slug, the places it names) so that sitemaps, listings and feeds need no body text; the body,
sapo, byline, tags, images and layout are generated on demand by ``Site.article`` from streams
seeded with ``(seed, post_id, part)`` (the layout first: its template, from the category, shapes
the text; the "blocks" stream then adds subheadings, lists, quotes, the info box and the
captions' places). 100,000 articles therefore index in a few seconds, and the same seed and
count give the same site byte for byte.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from foundation import sites
from foundation.sites import DEFAULT_SITE

from .arrange import photo_blocks, structure, with_captions, with_notebox
from .article import RELATED_INSIDE_SIZE, THEME_LAYOUTS, ReplicaArticle, choose_layout
from .cdn import image_path, thumbnail_path
from .draw import pick
from .id_series import draw_post_ids, id_offset, overlapping
from .phrases import GENERAL
from .places import choose_mentions
from .slugs import slugify
from .taxonomy import (
    Category,
    article_weight,
    categories,
    category,
    root_of,
    with_descendants,
)
from .text import (
    ARTICLE_PARAGRAPHS,
    Headline,
    family_for,
    write_blocks,
    write_byline,
    write_captions,
    write_headline,
    write_sapo,
    write_tags,
)
from .timefmt import VN, month_of

#: Share of generated articles filed under the sponsored category (to be excluded downstream).
SPONSORED_SHARE = 0.015

SUGGEST_SIZE = 8
TIMELINE_SIZE = 10
RELATED_SIZE = 3  # stories in the "Tin liên quan" block after the body
MOST_READ_SIZE = 5


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """What the index knows of an article without generating its text."""

    post_id: int
    published_at: datetime
    modified_at: datetime
    category: str
    headline: Headline
    slug: str
    suffix: str = ".html"  # how the site's article URLs end (tienphong: ".tpo")

    @property
    def title(self) -> str:
        return self.headline.title

    @property
    def path(self) -> str:
        return f"/{self.slug}-post{self.post_id}{self.suffix}"


def _salt(seed: int, site_id: str) -> str:
    """What the text streams are seeded with: the seed, and another paper's id."""
    return str(seed) if site_id == DEFAULT_SITE else f"{seed}:{site_id}"


class Site:
    """The replica's articles: the index, lazy ground truth, and the lists pages are built from.

    Hand-made articles (``add``) join the index like generated ones; add them before serving.
    ``theme`` is the platform theme its pages are rendered in (``replica.themes``), ``site_id``
    the paper it stands for: another paper's text streams are its own, so an id it shares with
    the default site names a different article there.
    """

    def __init__(
        self,
        seed: int,
        entries: list[IndexEntry],
        theme: str = "2026",
        site_id: str = DEFAULT_SITE,
    ):
        self.seed = seed
        self.theme = theme
        self.site_id = site_id
        self._salt = _salt(seed, site_id)
        self._entries: dict[int, IndexEntry] = {e.post_id: e for e in entries}
        self._hand_made: dict[int, ReplicaArticle] = {}
        self._reindex()

    # -- index ---------------------------------------------------------------------------

    def _reindex(self) -> None:
        def newest_first(entry: IndexEntry) -> tuple[datetime, int]:
            return (entry.published_at, entry.post_id)

        ordered = sorted(self._entries.values(), key=newest_first, reverse=True)
        self._newest = [e.post_id for e in ordered]
        self._by_topic: dict[str, list[int]] = {t: [] for t in categories()}
        self._months: dict[tuple[int, int], list[int]] = {}
        for entry in reversed(ordered):  # oldest first
            self._months.setdefault(month_of(entry.published_at), []).append(entry.post_id)
        for entry in ordered:
            self._by_topic[entry.category].append(entry.post_id)
        self._listing_cache: dict[str, list[int]] = {}
        self._position = {post_id: i for i, post_id in enumerate(self._newest)}
        picker = random.Random(f"{self._salt}:most-read")
        self._most_read = picker.sample(self._newest, k=min(len(self._newest), MOST_READ_SIZE + 1))

    def add(self, article: ReplicaArticle) -> None:
        """Serve a hand-made article too (replacing a generated one with the same id)."""
        category(article.category)  # raises on an unknown category
        if article.published_at.tzinfo is None or article.modified_at.tzinfo is None:
            raise ValueError("published_at and modified_at must be timezone-aware")
        self._hand_made[article.post_id] = article
        self._entries[article.post_id] = IndexEntry(
            article.post_id,
            article.published_at,
            article.modified_at,
            article.category,
            Headline(article.title, (), "", ""),
            article.slug,
            article.suffix,
        )
        self._reindex()

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, post_id: object) -> bool:
        return post_id in self._entries

    def entry(self, post_id: int) -> IndexEntry:
        return self._entries[post_id]

    def ids(self) -> list[int]:
        """All post ids, newest first."""
        return list(self._newest)

    def newest(self, count: int) -> list[int]:
        return self._newest[:count]

    def listing(self, topic_id: str) -> list[int]:
        """A category's articles, newest first, including its subcategories' (as the site lists)."""
        if topic_id not in self._listing_cache:
            ids = [i for t in with_descendants(topic_id) for i in self._by_topic[t]]
            ids.sort(key=self._position.__getitem__)
            self._listing_cache[topic_id] = ids
        return self._listing_cache[topic_id]

    def months(self) -> list[tuple[int, int]]:
        """(year, month) of every month with a publication, oldest first."""
        return sorted(self._months)

    def published_in(self, year: int, month: int) -> list[int]:
        """Ids published that month (Asia/Ho_Chi_Minh), oldest first."""
        return list(self._months.get((year, month), []))

    def most_read(self, exclude: int | None = None) -> list[int]:
        """The "Đọc nhiều" sidebar: the same few articles on every page, minus the page's own."""
        return [i for i in self._most_read if i != exclude][:MOST_READ_SIZE]

    def articles(self) -> Iterator[ReplicaArticle]:
        """Every article's ground truth, newest first (generates text: slow for huge sites)."""
        return (self.article(post_id) for post_id in self._newest)

    # -- per-article facts -------------------------------------------------------------

    def _rng(self, post_id: int, part: str) -> random.Random:
        return random.Random(f"{self._salt}:{post_id}:{part}")

    def sapo(self, post_id: int) -> str:
        """The sapo alone (listings show it as the summary), without generating the body."""
        if post_id in self._hand_made:
            return self._hand_made[post_id].sapo
        entry = self._entries[post_id]
        family = family_for(entry.category)
        return write_sapo(self._rng(post_id, "sapo"), family, entry.published_at, entry.headline)

    def thumbnail(self, post_id: int) -> str:
        """The list thumbnail and og:image: the first body image, else a picture of its own."""
        article = self._hand_made.get(post_id)
        if article and article.images:
            return article.images[0][0]
        return thumbnail_path(self.seed, post_id, self._entries[post_id].slug)

    def article(self, post_id: int) -> ReplicaArticle:
        """The ground truth of one article (KeyError for an unknown id)."""
        if post_id in self._hand_made:
            return self._hand_made[post_id]
        entry = self._entries[post_id]
        family = family_for(entry.category)
        head = entry.headline
        layout = choose_layout(self._rng(post_id, "layout"), entry.category)
        layout = replace(layout, **THEME_LAYOUTS.get(self.theme, {}))  # what the theme marks up
        template = layout.template
        rng = self._rng(post_id, "body")
        sizes = (2, 4) if template == "video" else ARTICLE_PARAGRAPHS
        written = write_blocks(rng, family, entry.published_at, head, sizes)
        author = write_byline(rng)
        tags = write_tags(rng, family, head)
        count = rng.choice((0, 0, 1, 1, 2, 3)) if template in ("normal", "emagazine") else 0
        captions = write_captions(rng, family, entry.published_at, head, count)
        arrange = self._rng(post_id, "blocks")
        if template == "photo":
            blocks = photo_blocks(written)
        elif template == "video":
            blocks = [("p", " ".join(sentences)) for _, sentences in written]
        else:
            blocks = structure(arrange, written, template == "emagazine")
        if layout.notebox:
            blocks = with_notebox(arrange, blocks)
        if captions:
            blocks = with_captions(blocks, captions)
        images = [
            (image_path(self.seed, post_id, f"img{k}", f"{entry.slug[:30]}-{k + 1}"), caption)
            for k, caption in enumerate(text for kind, text in blocks if kind == "caption")
        ]
        related = (RELATED_SIZE if layout.related_news else 0) + (
            RELATED_INSIDE_SIZE if layout.related_inside else 0
        )
        return ReplicaArticle(
            post_id=post_id,
            slug=entry.slug,
            title=head.title,
            sapo=self.sapo(post_id),
            paragraphs=[text for _, text in blocks],
            published_at=entry.published_at,
            modified_at=entry.modified_at,
            category=entry.category,
            author=author,
            tags=tags,
            images=images,
            localities=list(dict.fromkeys(i for m in head.mentions for i in m.ids)),
            suggest=self._suggest(post_id),
            timeline=self._timeline(post_id),
            related=self._related(post_id, related) if related else [],
            layout=layout,
            kinds=[kind for kind, _ in blocks],
            suffix=entry.suffix,
        )

    def _timeline(self, post_id: int) -> list[int]:
        """Same-category articles published just before this one, then just after."""
        same = self._by_topic[self._entries[post_id].category]
        at = same.index(post_id)
        older, newer = same[at + 1 :], same[:at][::-1]
        return (older + newer)[:TIMELINE_SIZE]

    def _suggest(self, post_id: int) -> list[int]:
        """Drawn from the newest articles (recommendation boxes favour fresh news), never the
        page itself."""
        rng = self._rng(post_id, "suggest")
        pool = self._newest[:200]
        picks = [i for i in rng.sample(pool, k=min(len(pool), SUGGEST_SIZE + 1)) if i != post_id]
        return picks[:SUGGEST_SIZE]

    def _related(self, post_id: int, count: int) -> list[int]:
        """A few recent articles of the same top-level section ("Tin liên quan")."""
        rng = self._rng(post_id, "related")
        section = self.listing(root_of(self._entries[post_id].category))[:200]
        pool = [i for i in section if i != post_id] or [i for i in self._newest if i != post_id]
        return rng.sample(pool, k=min(len(pool), count))


# -- building the index ------------------------------------------------------------------


#: The days a generated site publishes on, unless told otherwise.
FIRST_DAY, LAST_DAY = date(2025, 1, 1), date(2026, 10, 31)


def build_site(
    articles: int = 300,
    seed: int = 20250701,
    start: date = FIRST_DAY,
    end: date = LAST_DAY,
    suffix: str | None = None,
    *,
    site_id: str = DEFAULT_SITE,
    theme: str | None = None,
) -> Site:
    """A deterministic site of ``articles`` articles published between ``start`` and ``end``,
    standing for the paper ``site_id``: its article URLs end in ``suffix`` and its pages wear
    ``theme`` (by default, as the paper's profile says). The dates and sections follow the
    seed alone; another paper's ids overlap the default site's in part (``replica.id_series``)
    and its titles and text are its own: the archive must tell the papers apart by site."""
    profile = sites.site(site_id)
    suffix = profile.article_suffix if suffix is None else suffix
    theme = profile.theme if theme is None else theme
    if articles < 1:
        raise ValueError("a site needs at least one article")
    if end < start:
        raise ValueError("end is before start")
    rng = random.Random(seed)
    published = _publication_times(rng, articles, start, end)
    topics = _categories(rng, articles)
    ids = overlapping(draw_post_ids(rng, published), id_offset(site_id))
    modified = [_modification(rng, moment) for moment in published]

    entries: list[IndexEntry] = []
    titles: set[str] = set()
    heads = random.Random(f"{_salt(seed, site_id)}:headlines")  # one stream: cheap
    for post_id, pub, mod, topic in zip(ids, published, modified, topics, strict=True):
        head = _unique_headline(heads, topic, pub, titles)
        titles.add(head.title)
        entries.append(IndexEntry(post_id, pub, mod, topic, head, slugify(head.title), suffix))
    return Site(seed, entries, theme, site_id)


def _publication_times(rng: random.Random, count: int, start: date, end: date) -> list[datetime]:
    """Evenly spread over the days (so every month gets its share), 05:00–23:00 local, ascending."""
    days = (end - start).days + 1
    first = datetime.combine(start, time(5, 0), tzinfo=VN)
    moments = []
    for i in range(count):
        position = (i + rng.random()) / count * days
        day = int(position)
        seconds = int((position - day) * 18 * 3600)
        moments.append(first + timedelta(days=day, seconds=seconds))
    return moments


def _category_weight(cat: Category) -> float:
    """The taxonomy's weight, lowered for sections of mixed content (multimedia, print
    issues, specials) whose text is the generic kind: news sections carry most articles."""
    weight = article_weight(cat)
    return weight / 4 if family_for(cat.topic_id) is GENERAL else weight


def _categories(rng: random.Random, count: int) -> list[str]:
    cats = [c for c in categories().values() if _category_weight(c) > 0]
    ordinary = [c.topic_id for c in cats]
    cumulative = list(itertools.accumulate(_category_weight(c) for c in cats))
    sponsored = [c.topic_id for c in categories().values() if c.sponsored]
    result = []
    for _ in range(count):
        if sponsored and rng.random() < SPONSORED_SHARE:
            result.append(pick(rng, sponsored))
        else:
            result.append(rng.choices(ordinary, cum_weights=cumulative)[0])
    return result


def _modification(rng: random.Random, published: datetime) -> datetime:
    """Most articles are never edited; some are fixed within hours, a few days later."""
    roll = rng.random()
    if roll < 0.6:
        return published
    if roll < 0.9:
        return published + timedelta(seconds=rng.randint(300, 6 * 3600))
    return published + timedelta(days=rng.randint(1, 20), seconds=rng.randint(0, 3600))


def _unique_headline(
    rng: random.Random, topic: str, published: datetime, taken: set[str]
) -> Headline:
    """A headline whose title no other article has (the site's titles differ; so must ours,
    or a test could not tell an article's own title from a listed neighbour's)."""
    family = family_for(topic)
    mentions = choose_mentions(rng, published, family.local)
    head = write_headline(rng, family, published, mentions)
    for _ in range(3):
        if head.title not in taken:
            return head
        head = write_headline(rng, family, published, mentions)
    part = 2
    while f"{head.title} (kỳ {part})" in taken:
        part += 1
    return replace(head, title=f"{head.title} (kỳ {part})")
