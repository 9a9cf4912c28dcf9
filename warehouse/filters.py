"""Researchers' filters (topic, locality, date range, site), checked against the archive and
bound as parameters of the ``filtered_post_ids`` table macro (schemas 005, 007): one meaning
for search, the Python API and exports."""

from __future__ import annotations

import difflib
from collections.abc import Callable
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
    across_reform: bool = False  # the locality as the area it is today, with its former units

    def params(self) -> dict[str, object]:
        def start_of(day: date | None) -> datetime | None:
            return datetime.combine(day, time(), _ZONE) if day else None

        return {
            "topic": self.topic,
            "locality": self.locality,
            "since": start_of(self.since),
            "until": start_of(self.until + timedelta(days=1) if self.until else None),
            "site": self.site,
            "across_reform": self.across_reform,
        }

    def as_dict(self) -> dict[str, str | bool | None]:
        return {
            "topic": self.topic,
            "locality": self.locality,
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
            "site": self.site,
            "across_reform": self.across_reform,
        }


def _pick(
    kind: str,
    given: str,
    rows: list[tuple[str, str]],
    prefer: Callable[[list[str]], str | None] = lambda named: None,
) -> str:
    """The id ``given`` names: an id, or a name written with or without diacritics. A name of
    several ids is the one ``prefer`` picks, or an error listing them."""
    ids = [row_id for row_id, _ in rows]
    if given in ids:
        return given
    wanted = accent_free(given).strip()
    named = sorted({row_id for row_id, name in rows if accent_free(name) == wanted})
    if not named:  # a slug: the last part of a topic path
        named = sorted({i for i in ids if i.rsplit("/", 1)[-1] == given})
    if len(named) > 1 and (preferred := prefer(named)):
        return preferred
    if len(named) == 1:
        return named[0]
    if named:
        labels = {row_id: name for row_id, name in rows if row_id in named}  # the last name given
        choices = ", ".join(f"{i} ({labels[i]})" for i in named)
        raise BadValue(kind, f"{given!r} is ambiguous: use one of {choices}")
    close = difflib.get_close_matches(given, ids + [name for _, name in rows], n=3)
    hint = f" (did you mean {', '.join(close)}?)" if close else ""
    raise UnknownName(kind, f"unknown {kind} {given!r}{hint}")


def _locality_names(
    units: list[tuple[str, str, str, date | None, str | None]],
) -> tuple[list[tuple[str, str]], Callable[[list[str]], str | None]]:
    """Each unit's names (its name, with its kind word: "xã Cao Sơn"; a former unit's also with
    "(cũ)" and with its district: "xã Cao Sơn, huyện Mường Khương"), and the choice among
    namesakes: today's unit over former units of its kind ("xã Cao Sơn" is today's), none
    among units of several kinds ("Bát Xát": a commune, a former district and town)."""
    full = {unit_id: f"{KIND_WORDS[kind][0]} {name}" for unit_id, name, kind, _, _ in units}
    names: list[tuple[str, str]] = []
    for unit_id, name, _, valid_to, parent_id in units:
        forms = [name, full[unit_id]]
        if valid_to is not None:
            forms += [f"{form} (cũ)" for form in forms]
            if parent_id in full:
                forms.append(f"{full[unit_id]}, {full[parent_id]}")
        names += [(unit_id, form) for form in forms]
    kinds = {unit_id: kind for unit_id, _, kind, _, _ in units}
    today = {unit_id for unit_id, _, _, valid_to, _ in units if valid_to is None}

    def today_over_former(named: list[str]) -> str | None:
        current = [i for i in named if i in today]
        one_kind = len({kinds[i] for i in named}) == 1
        return current[0] if len(current) == 1 and one_kind else None

    return names, today_over_former


def resolve(
    con: duckdb.DuckDBPyConnection,
    topic: str | None = None,
    locality: str | None = None,
    since: str | date | None = None,
    until: str | date | None = None,
    site: str | None = None,
    across_reform: bool = False,
) -> Filters:
    """Check each value against the archive; raises ``BadValue`` or ``UnknownName``. A topic
    with a site is one of that paper's topics; a topic alone is a topic id (or name) of any
    paper, and matches the articles of every paper that has it. A locality's name is today's
    unit of that name; a former unit is named with "(cũ)" ("xã Cao Sơn (cũ)"), with its
    district ("xã Cao Sơn, huyện Mường Khương") or by id."""
    first, last = parse_day(since, "since"), parse_day(until, "until")
    if first and last and first > last:
        raise BadValue("since", f"{first} is after the last day asked for ({last})")
    if site:
        site = sites.site(site).id  # a one-line error naming the known sites
    if topic:
        rows = con.execute(sql("topic_names"), {"site": site or None}).fetchall()
        topic = _pick("topic", topic, rows)
    if locality:
        units = con.execute(sql("locality_names")).fetchall()
        locality = _pick("locality", locality, *_locality_names(units))
    elif across_reform:
        raise BadValue("across_reform", "is a way of reading a locality: give --locality too")
    return Filters(topic or None, locality or None, first, last, site or None, across_reform)
