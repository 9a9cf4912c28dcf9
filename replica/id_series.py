"""The replica's post ids: the series baolaocai's ids are drawn from, and how another paper's
ids overlap them.

Papers on one platform number their posts each on its own counter, so one post id names two
different articles on two papers; an archive that keyed on the post id alone would mix them
up. The replica makes that happen on purpose: a site other than the default keeps every
second id of the default site's draw (in publication order) and moves the others by an offset
of its own, derived from its id. Two replicas of one seed therefore share about half their
ids, each id naming a different article on each, and hold the rest alone.
"""

from __future__ import annotations

import random
import zlib
from datetime import datetime

from foundation.sites import DEFAULT_SITE

from .draw import pick
from .timefmt import MERGER, VN

#: The id series the site has used: two newsrooms before the merger (old Lào Cai and Yên Bái
#: content), then new blocks. Ids grow inside a series but not across them, so ids do not
#: follow dates (as on the real site: 404xxx in Jun 2025, 649xxx in Jul, 88xxxx in Dec).
ID_SERIES: tuple[tuple[datetime | None, tuple[tuple[int, int], ...]], ...] = (
    (MERGER, ((300_000, 400_000), (400_000, 600_000))),
    (datetime(2025, 12, 1, tzinfo=VN), ((600_000, 800_000),)),
    (None, ((800_000, 1_000_000),)),
)

#: A site's offset is 1 to this many ids: far below a series' width, so a moved id stays
#: near the period it was drawn for.
MAX_OFFSET = 9_999


def draw_post_ids(rng: random.Random, published: list[datetime]) -> list[int]:
    """Six-digit unique ids drawn from the series of each article's period."""
    series_of: list[tuple[int, int]] = []
    for moment in published:
        for until, series in ID_SERIES:
            if until is None or moment < until:
                series_of.append(pick(rng, series))
                break
    members: dict[tuple[int, int], list[int]] = {}
    for index, series in enumerate(series_of):
        members.setdefault(series, []).append(index)
    ids = [0] * len(published)
    for (low, high), indexes in sorted(members.items()):
        if len(indexes) > high - low:
            raise ValueError(f"too many articles for the id series {low}–{high}")
        drawn = sorted(rng.sample(range(low, high), len(indexes)))
        for j in range(len(drawn) - 1):  # a few out-of-order ids inside a series too
            if rng.random() < 0.1:
                drawn[j], drawn[j + 1] = drawn[j + 1], drawn[j]
        for index, post_id in zip(indexes, drawn, strict=True):
            ids[index] = post_id
    return ids


def id_offset(site_id: str) -> int:
    """How far ``site_id`` moves the ids it does not share: 0 for the default site (its ids
    are the draw itself), else 1..``MAX_OFFSET`` from a hash of the id."""
    if site_id == DEFAULT_SITE:
        return 0
    return 1 + zlib.crc32(site_id.encode("utf-8")) % MAX_OFFSET


def overlapping(ids: list[int], offset: int) -> list[int]:
    """``ids`` (one per article, in publication order) with every second one moved by
    ``offset``, past any id already taken: the site keeps the others. Offset 0: ``ids``."""
    if not offset:
        return list(ids)
    moved = list(ids)
    taken = set(ids[::2])
    for index in range(1, len(ids), 2):
        post_id = ids[index] + offset
        while post_id in taken:
            post_id += offset
        taken.add(post_id)
        moved[index] = post_id
    return moved
