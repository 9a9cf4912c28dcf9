"""The project's reference data files: the gazetteer and the site's topic taxonomy.

Both are CSV files under ``grouping/data/`` built by ``tools/build_*.py`` from sourced
material; code reads them here and never hard-codes a name.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).with_name("data")


@dataclass(frozen=True)
class Locality:
    locality_id: str  # "LC25-<gso code>" after the 2025-07-01 merger, "OLD-<code>" before
    name: str
    kind: str  # tinh, thanh_pho, thi_xa, huyen, xa, phuong
    parent_id: str
    former_province: str
    valid_from: str
    valid_to: str
    gso_code: str
    site_dia_phuong_id: str
    aliases: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class Topic:
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
def localities() -> tuple[Locality, ...]:
    return tuple(
        Locality(**{**row, "aliases": tuple(a for a in row["aliases"].split(";") if a)})
        for row in _rows("gazetteer.csv")
    )


@cache
def topics() -> tuple[Topic, ...]:
    return tuple(
        Topic(**{**row, "sponsored": row["sponsored"] == "true"}) for row in _rows("taxonomy.csv")
    )
