"""Researchers' filters (topic, locality, date range, site), checked against the archive and
bound as parameters of the ``filtered_post_ids`` table macro (schemas 004, 005): one meaning
for search, the Python API and exports."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import duckdb

from foundation import sites
from foundation.errors import BadValue, UnknownName
from foundation.normalise import accent_free
from grouping.locality_rules import KIND_WORDS
from warehouse.db import SITE_TIME_ZONE, sql

_ZONE = ZoneInfo(SITE_TIME_ZONE)


def parse_day(value: str | date | None, name: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadValue(name, f"{value!r} is not a date: write YYYY-MM-DD") from None


@dataclass(frozen=True)
class Filters:
    """Resolved filters: ids that exist in the archive and days in Asia/Ho_Chi_Minh."""

    topic: str | None = None
    locality: str | None = None
    since: date | None = None  # first day included
    until: date | None = None  # last day included
    site: str | None = None  # a profile id (foundation/sites)

    def params(self) -> dict[str, object]:
        def start_of(day: date | None) -> datetime | None:
            return datetime.combine(day, time(), _ZONE) if day else None

        return {
            "topic": self.topic,
            "locality": self.locality,
            "since": start_of(self.since),
            "until": start_of(self.until + timedelta(days=1) if self.until else None),
            "site": self.site,
        }

    def as_dict(self) -> dict[str, str | None]:
        return {
            "topic": self.topic,
            "locality": self.locality,
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
            "site": self.site,
        }


def _pick(kind: str, given: str, rows: list[tuple[str, str]]) -> str:
    """The id ``given`` names: an id, or a name written with or without diacritics."""
    ids = [row_id for row_id, _ in rows]
    if given in ids:
        return given
    wanted = accent_free(given).strip()
    named = sorted({row_id for row_id, name in rows if accent_free(name) == wanted})
    if not named:  # a slug: the last part of a topic path
        named = sorted({i for i in ids if i.rsplit("/", 1)[-1] == given})
    if len(named) == 1:
        return named[0]
    if named:
        labels = {row_id: name for row_id, name in rows if row_id in named}  # the last name given
        choices = ", ".join(f"{i} ({labels[i]})" for i in named)
        raise BadValue(kind, f"{given!r} is ambiguous: use one of {choices}")
    close = difflib.get_close_matches(given, ids + [name for _, name in rows], n=3)
    hint = f" (did you mean {', '.join(close)}?)" if close else ""
    raise UnknownName(kind, f"unknown {kind} {given!r}{hint}")


def resolve(
    con: duckdb.DuckDBPyConnection,
    topic: str | None = None,
    locality: str | None = None,
    since: str | date | None = None,
    until: str | date | None = None,
    site: str | None = None,
) -> Filters:
    """Check each value against the archive; raises ``BadValue`` or ``UnknownName``. A topic
    with a site is one of that paper's topics; a topic alone is a topic id (or name) of any
    paper, and matches the articles of every paper that has it."""
    first, last = parse_day(since, "since"), parse_day(until, "until")
    if first and last and first > last:
        raise BadValue("since", f"{first} is after the last day asked for ({last})")
    if site:
        site = sites.site(site).id  # a one-line error naming the known sites
    if topic:
        rows = con.execute(sql("topic_names"), {"site": site or None}).fetchall()
        topic = _pick("topic", topic, rows)
    if locality:
        rows = con.execute("SELECT locality_id, name, kind FROM localities").fetchall()
        names = [(i, name) for i, name, _ in rows]
        names += [
            (i, f"{KIND_WORDS[kind][0]} {name}") for i, name, kind in rows if kind in KIND_WORDS
        ]
        locality = _pick("locality", locality, names)
    return Filters(topic or None, locality or None, first, last, site or None)
