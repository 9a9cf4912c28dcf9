"""Which administrative units an article may name, and how the text writes them.

Lào Cai and Yên Bái merged on 2025-07-01 and the districts were abolished. An article published
before that date names the former districts ("huyện Bát Xát", "thị xã Sa Pa") and the old
provinces; one published after names the new communes and wards ("xã Bát Xát", "phường Sa Pa")
and the new province. Many new units share a name with an old district, so the prefix is what
tells them apart: the ground truth counts a unit as mentioned when "<prefix> <name>" occurs.
Before the merger, half the articles name a former commune of their first district, with the
district beside it ("xã Lùng Khấu Nhin, huyện Mường Khương").
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime
from functools import cache, cached_property

from grouping.reference import Locality, localities

from .draw import pick, pick_some
from .timefmt import MERGER

#: How the text writes each kind of unit.
PREFIX = {
    "tinh": "tỉnh",
    "thanh_pho": "thành phố",
    "thi_xa": "thị xã",
    "huyen": "huyện",
    "xa": "xã",
    "phuong": "phường",
    "thi_tran": "thị trấn",
}


@dataclass(frozen=True)
class Mention:
    """A unit as written in an article: its gazetteer id and the words on the page."""

    locality_id: str
    text: str  # e.g. "xã Bát Xát"
    name: str  # the bare name, e.g. "Bát Xát"
    province: bool = False
    also: tuple[str, ...] = ()  # other units the words name: "xã Y Tý, huyện Bát Xát"

    @property
    def ids(self) -> tuple[str, ...]:
        return (self.locality_id, *self.also)


def mention(unit: Locality) -> Mention:
    return _mentions()[unit.locality_id]


@cache
def _mentions() -> dict[str, Mention]:
    return {
        u.locality_id: Mention(
            u.locality_id, f"{PREFIX[u.kind]} {u.name}", u.name, u.kind == "tinh"
        )
        for u in localities()
        if u.kind in PREFIX
    }


@dataclass(frozen=True, eq=False)  # hashed by identity: there are exactly two
class Era:
    """The units an article of one period may name."""

    province_by_id: dict[str, Locality]
    local_units: tuple[Locality, ...]  # communes/wards after the merger, districts before

    communes: dict[str, tuple[Locality, ...]]  # a former district -> its communes (before)

    def province_of(self, unit: Locality) -> Locality:
        return self.province_by_id[unit.parent_id]

    def neighbours(self, unit: Locality) -> tuple[Locality, ...]:
        """Other local units of the same province (an article stays inside one province)."""
        return self._neighbours[unit.locality_id]

    @cached_property
    def _neighbours(self) -> dict[str, tuple[Locality, ...]]:
        return {
            unit.locality_id: tuple(
                u for u in self.local_units if u.parent_id == unit.parent_id and u is not unit
            )
            for unit in self.local_units
        }


@cache
def era_before_merger() -> Era:
    old = [u for u in localities() if u.valid_to and not u.valid_from]
    provinces = {u.locality_id: u for u in old if u.kind == "tinh"}
    units = tuple(u for u in old if u.kind in ("huyen", "thi_xa", "thanh_pho"))
    communes: dict[str, tuple[Locality, ...]] = {}
    for unit in old:
        if unit.kind in ("xa", "phuong", "thi_tran"):
            communes[unit.parent_id] = (*communes.get(unit.parent_id, ()), unit)
    return Era(provinces, units, communes)


@cache
def era_after_merger() -> Era:
    new = [u for u in localities() if u.valid_from and not u.valid_to]
    provinces = {u.locality_id: u for u in new if u.kind == "tinh"}
    units = tuple(u for u in new if u.kind in ("xa", "phuong"))
    return Era(provinces, units, {})


def in_district(commune: Locality, district: Locality) -> Mention:
    """A former commune as papers wrote it before the merger: with its district beside it."""
    own, of = mention(commune), mention(district)
    return Mention(commune.locality_id, f"{own.text}, {of.text}", commune.name,
                   also=(district.locality_id,))  # fmt: skip


def era_at(moment: datetime) -> Era:
    return era_after_merger() if moment >= MERGER else era_before_merger()


def choose_mentions(rng: random.Random, moment: datetime, local: bool) -> list[Mention]:
    """The units one article names: 1–3 local units (same old province before the merger),
    sometimes followed by the province. ``local=False`` (world news) names none."""
    if not local:
        return []
    era = era_at(moment)
    first = pick(rng, era.local_units)
    extra = pick_some(rng, era.neighbours(first), pick(rng, (0, 0, 1, 1, 2)))
    chosen = [mention(u) for u in (first, *extra)]
    communes = era.communes.get(first.locality_id)
    # a draw of its own, so that the rest of the site is what it was before communes were named
    side = random.Random(f"{first.locality_id} {moment.isoformat()}")
    if communes and side.random() < 0.5:
        chosen[0] = in_district(pick(side, communes), first)
    if rng.random() < 0.4:
        chosen.append(mention(era.province_of(first)))
    return chosen


@cache
def bare_names() -> frozenset[str]:
    """Every unit name without its prefix: generated person names must avoid them."""
    return frozenset(u.name for u in localities())
