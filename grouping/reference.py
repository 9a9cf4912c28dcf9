"""The project's reference data files: the gazetteers and each site's topic taxonomy.

They are CSV files under ``grouping/data/`` built by ``tools/build_*.py`` from sourced
material; code reads them here and never hard-codes a name. ``gazetteers.csv`` maps the
gazetteer ids a site profile lists (``gazetteers = ["lao-cai"]``) to their files;
``taxonomy.csv`` holds the menus of the sites whose profile says ``taxonomy = "menu"``, one
row per (site, category).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from foundation.errors import BadValue
from foundation.sites import DEFAULT_SITE

DATA_DIR = Path(__file__).with_name("data")


@dataclass(frozen=True)
class Locality:
    locality_id: str  # "LC25-<gso code>" after the 2025-07-01 merger, "OLD-<code>" before
    name: str
    kind: str  # tinh, thanh_pho, thi_xa, huyen, xa, phuong, thi_tran (former towns only)
    parent_id: str
    former_province: str
    valid_from: str
    valid_to: str
    gso_code: str
    site_dia_phuong_id: str
    aliases: tuple[str, ...]
    successor_id: str  # a former commune's (or province's) one unit of today; "" otherwise
    lat: str  # a point for a map (today's communes and wards); "" when there is none
    lon: str
    source: str

    @property
    def current(self) -> bool:
        """A unit of today (valid since the 2025-07-01 merger), not a former one."""
        return not self.valid_to


@dataclass(frozen=True)
class Topic:
    site: str  # the paper whose menu it is (a profile id): topic ids are a site's own
    topic_id: str  # the site's category path, e.g. "kinh-te/thi-truong"
    slug: str
    name: str
    parent_id: str
    zone_id: str
    sponsored: bool
    source: str


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@cache
def gazetteers() -> dict[str, Path]:
    """Every gazetteer id with its file, in the order of ``gazetteers.csv``."""
    return {row["gazetteer_id"]: DATA_DIR / row["file"] for row in _rows("gazetteers.csv")}


def gazetteer_ids(chosen: Iterable[str] | None = None) -> tuple[str, ...]:
    """``chosen`` (None: every gazetteer) checked and in one order, so one set of gazetteers
    has one matcher version whatever order a profile lists them in."""
    known = gazetteers()
    wanted = known if chosen is None else set(chosen)
    if unknown := sorted(set(wanted) - set(known)):
        raise BadValue("gazetteer", f"{', '.join(unknown)}: known are {', '.join(known)}")
    return tuple(g for g in known if g in wanted)


@cache
def _gazetteer(gazetteer_id: str) -> tuple[Locality, ...]:
    return tuple(
        Locality(**{**row, "aliases": tuple(a for a in row["aliases"].split(";") if a)})
        for row in _rows(gazetteers()[gazetteer_id].name)
    )


def localities(chosen: Iterable[str] | None = None) -> tuple[Locality, ...]:
    """The units of the gazetteers ``chosen`` (None: every one), each id once."""
    units: dict[str, Locality] = {}
    for gazetteer_id in gazetteer_ids(chosen):
        for unit in _gazetteer(gazetteer_id):
            units.setdefault(unit.locality_id, unit)
    return tuple(units.values())


@cache
def _taxonomy() -> tuple[Topic, ...]:
    return tuple(
        Topic(**{**row, "sponsored": row["sponsored"] == "true"}) for row in _rows("taxonomy.csv")
    )


def topics(site: str = DEFAULT_SITE) -> tuple[Topic, ...]:
    """The menu of ``site`` (none for a site without one: its topics are its breadcrumbs')."""
    return tuple(t for t in _taxonomy() if t.site == site)


def taxonomy_sites() -> tuple[str, ...]:
    """The sites the taxonomy file holds a menu of."""
    return tuple(dict.fromkeys(t.site for t in _taxonomy()))
