"""First-cut locality matching: gazetteer units named with their kind word ("xã Bát Xát").

A bare name is ambiguous (Bát Xát is a commune today and was a district before 2025-07-01), so
this first cut only counts a name preceded by its kind word, and picks the unit valid at the
article's publication date. Matching runs on ``match_form`` copies, whose offsets are those of
the published text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from zoneinfo import ZoneInfo

from baoarchive.reference import Locality, localities
from extraction.text import match_form

MERGER = date(2025, 7, 1)
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
KIND_WORDS = {
    "tinh": ("tỉnh",),
    "thanh_pho": ("thành phố", "tp."),
    "thi_xa": ("thị xã", "tx."),
    "huyen": ("huyện",),
    "xa": ("xã",),
    "phuong": ("phường",),
}
FIELDS = ("title", "sapo", "body")


@dataclass(frozen=True)
class _Target:
    before_merger: str | None  # locality_id meant by this phrase in an article before 2025-07-01
    after_merger: str | None


def _phrases(units: Iterable[Locality]) -> dict[str, _Target]:
    table: dict[str, dict[str, str]] = {}
    for unit in units:
        era = "after" if unit.valid_from else "before"
        for kind_word in KIND_WORDS[unit.kind]:
            for name in (unit.name, *unit.aliases):
                phrase = match_form(f"{kind_word} {name}")
                table.setdefault(phrase, {})[era] = unit.locality_id
    targets = {}
    for phrase, eras in table.items():
        # A former district (or province) named in a recent article still means that unit.
        before = eras.get("before")
        after = eras.get("after", before if not phrase.startswith(("xã ", "phường ")) else None)
        targets[phrase] = _Target(before, after)
    return targets


@cache
def _matcher() -> tuple[re.Pattern[str], dict[str, _Target]]:
    targets = _phrases(localities())
    alternation = "|".join(re.escape(p) for p in sorted(targets, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)"), targets


def match_localities(
    post_id: int, published_at: datetime | None, fields: dict[str, str]
) -> list[dict]:
    """One row per unit named in the article: mentions, and where it is first named."""
    pattern, targets = _matcher()
    after = published_at is None or published_at.astimezone(VIETNAM).date() >= MERGER
    found: dict[str, dict] = {}
    for field in FIELDS:
        for match in pattern.finditer(match_form(fields.get(field) or "")):
            target = targets[match.group(0)]
            locality_id = target.after_merger if after else target.before_merger
            if locality_id is None:
                continue
            row = found.setdefault(locality_id, {
                "post_id": post_id, "locality_id": locality_id, "mentions": 0,
                "first_field": field, "first_offset": match.start(),
            })  # fmt: skip
            row["mentions"] += 1
    return list(found.values())
