"""The replica's view of the site's categories, read from ``grouping.reference.topics()``.

The taxonomy file knows only two real zone ids (review-lao-cai = 141, epaper = 123). The
"load more" API and every ``data-zone`` attribute need one per category, so the others get a
stable id derived from the topic id: adding a row to the taxonomy does not renumber the rest.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from functools import cache

from grouping.reference import Topic, topics

#: Derived zone ids live in this range, away from the small real ones (123, 141).
_DERIVED_ZONE_BASE = 1000
_DERIVED_ZONE_SPAN = 9000


@dataclass(frozen=True)
class Category:
    """One category as the replica serves it."""

    topic_id: str  # the URL path, e.g. "kinh-te/thi-truong"
    name: str
    parent_id: str
    zone_id: int
    sponsored: bool

    @property
    def path(self) -> str:
        """Category URL path; the site always writes the trailing slash."""
        return f"/{self.topic_id}/"


@cache
def categories() -> dict[str, Category]:
    """All categories by topic_id, in the taxonomy's (menu) order."""
    taken = {int(t.zone_id) for t in topics() if t.zone_id}
    result: dict[str, Category] = {}
    for topic in topics():
        zone = int(topic.zone_id) if topic.zone_id else _derived_zone(topic, taken)
        taken.add(zone)
        result[topic.topic_id] = Category(
            topic.topic_id, topic.name, topic.parent_id, zone, topic.sponsored
        )
    return result


def _derived_zone(topic: Topic, taken: set[int]) -> int:
    """A zone id from a hash of the topic id, probing past collisions."""
    zone = _DERIVED_ZONE_BASE + zlib.crc32(topic.topic_id.encode()) % _DERIVED_ZONE_SPAN
    while zone in taken:
        zone += 1
    return zone


def category(topic_id: str) -> Category:
    """The category for ``topic_id``; KeyError names the unknown id."""
    try:
        return categories()[topic_id]
    except KeyError:
        raise KeyError(f"unknown category {topic_id!r}") from None


@cache
def by_zone() -> dict[int, Category]:
    """Categories by zone id, for the morenews API."""
    return {c.zone_id: c for c in categories().values()}


@cache
def children(topic_id: str) -> tuple[str, ...]:
    """Direct children of a category (menu order)."""
    return tuple(c.topic_id for c in categories().values() if c.parent_id == topic_id)


@cache
def with_descendants(topic_id: str) -> tuple[str, ...]:
    """The category and everything under it: a parent's listing shows its children's articles."""
    result = [topic_id]
    for child in children(topic_id):
        result.extend(with_descendants(child))
    return tuple(result)


def roots() -> tuple[Category, ...]:
    """Top-level categories, in menu order."""
    return tuple(c for c in categories().values() if not c.parent_id)


def root_of(topic_id: str) -> str:
    """The top-level ancestor of a category (the phrase family is chosen from it)."""
    current = category(topic_id)
    while current.parent_id:
        current = category(current.parent_id)
    return current.topic_id


def article_weight(cat: Category) -> float:
    """How often generated articles land in a category (0 = never).

    Leaves carry most articles, parents with children a few (real pages file some stories at
    the top level); the sponsored category is handled apart, at a fixed small share.
    """
    if cat.sponsored:
        return 0.0
    return 1.0 if children(cat.topic_id) else 3.0
