"""Locality matching: which gazetteer units an article names, how often, where, and which one
it is about (its focus).

Names are matched on ``match_form`` copies (NFC, lower case, one tone placement), whose
offsets are those of the published text, at word boundaries: "Bát Xát" is one mention and
"Xát" alone never is. One name is often several units (Bát Xát is a commune today and was a
district before 2025-07-01; Lào Cai is the province, a ward and a former city), so:

- a kind word ("xã", "phường", "huyện", "thị xã", "TX.", "thành phố", "TP.", "tỉnh", "H.")
  before the name decides the unit's kind;
- a bare name is read as the unit of that name valid at the article's publication date,
  preferring today's communes and wards after the merger and the former districts before it;
  a province's name means the province;
- a bare name inside another proper name is no mention: after a capitalised word that is not
  the start of a sentence ("Nguyễn Văn Bàn"), or in the name of a newspaper or broadcaster
  ("Báo Lào Cai").

The focus is the unit with the highest weighted count (title 3, sapo 2, body 1); a tie goes
to the more specific unit (commune or ward, then district, then province).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

from foundation.normalise import match_form
from grouping.reference import DATA_DIR, Locality, localities

MERGER = date(2025, 7, 1)
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
#: Kind words and their abbreviations, in the matching form (lower case).
#: A unit's party committee names its level too: "Thành ủy Lào Cai" is the city's.
KIND_WORDS = {
    "tinh": ("tỉnh", "tỉnh ủy"),
    "thanh_pho": ("thành phố", "tp.", "tp", "thành ủy"),
    "thi_xa": ("thị xã", "tx.", "tx", "thị ủy"),
    "huyen": ("huyện", "h.", "huyện ủy"),
    "xa": ("xã",),
    "phuong": ("phường",),
}
#: Words after which a bare name is something else: a newspaper or broadcaster, a lake, river
#: or mountain, a village inside a commune, or a unit of another kind or province ("tỉnh
#: Khánh Hòa" is no xã Khánh Hoà).
NOT_A_UNIT_BEFORE = (
    "báo", "đài", "truyền hình", "phát thanh",
    "hồ", "sông", "suối", "núi", "đèo", "đỉnh",
    "thôn", "bản", "làng", "khu", "tổ dân phố", "thị trấn",
    "tỉnh", "thành phố", "thị xã", "huyện", "xã", "phường",
)  # fmt: skip
#: Words after a name that make it the former unit: "tỉnh Lào Cai (cũ)", "huyện Văn Bàn cũ".
FORMER_AFTER = re.compile(r"\s*(?:\(\s*cũ\s*\)|cũ\b|trước đây\b)")
FIELDS = ("title", "sapo", "body")
FIELD_WEIGHT = {"title": 3, "sapo": 2, "body": 1}
SPECIFICITY = {"xa": 3, "phuong": 3, "huyen": 2, "thi_xa": 2, "thanh_pho": 2, "tinh": 1}


@dataclass(frozen=True)
class _Reading:
    """What a matched phrase means in an article before / after 2025-07-01 (None: nothing)."""

    before: str | None
    after: str | None
    bare: bool  # no kind word: subject to the proper-name checks


def _valid_after(unit: Locality) -> bool:
    return bool(unit.valid_from)


def _readings(units: Iterable[Locality]) -> dict[str, _Reading]:
    by_kind: dict[str, dict[str, list[Locality]]] = {}  # phrase -> era -> units
    by_name: dict[str, list[Locality]] = {}
    for unit in units:
        names = {match_form(n) for n in (unit.name, *unit.aliases)}
        for name in names:
            by_name.setdefault(name, []).append(unit)
            for word in KIND_WORDS[unit.kind]:
                for phrase in (f"{word} {name}", f"{word}{name}" if word.endswith(".") else ""):
                    if phrase:
                        by_kind.setdefault(phrase, {}).setdefault("units", []).append(unit)
    readings: dict[str, _Reading] = {}
    for phrase, found in by_kind.items():
        units_ = found["units"]
        before = next((u.locality_id for u in units_ if not _valid_after(u)), None)
        after = next((u.locality_id for u in units_ if _valid_after(u)), None)
        # a former district or province named with its kind word after the merger is still it
        readings[phrase] = _Reading(before, after or before, bare=False)
    for name, units_ in by_name.items():
        readings.setdefault(name, _bare_reading(units_))
    return readings


def _bare_reading(units: list[Locality]) -> _Reading:
    """A bare name: the province if it names one, else the unit of the article's era."""
    provinces = [u for u in units if u.kind == "tinh"]
    if provinces:
        before = next((u.locality_id for u in provinces if not _valid_after(u)), None)
        after = next((u.locality_id for u in provinces if _valid_after(u)), before)
        return _Reading(before, after, bare=True)
    today = [u for u in units if _valid_after(u)]
    former = [u for u in units if not _valid_after(u)]
    return _Reading(
        before=former[0].locality_id if former else None,
        after=today[0].locality_id if today else former[0].locality_id,
        bare=True,
    )


def _trie_pattern(phrases: Iterable[str]) -> str:
    """One regex for many phrases, shaped as a trie: at each character the engine follows one
    branch instead of trying hundreds of alternatives (3.4 times faster on replica text). Longer
    phrases are tried first, as in a sorted alternation."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = True

    def build(node: dict) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


@cache
def _matcher() -> tuple[re.Pattern[str], dict[str, _Reading], dict[str, Locality]]:
    units = localities()
    readings = _readings(units)
    pattern = re.compile(rf"(?<!\w)(?:{_trie_pattern(readings)})(?!\w)")
    return pattern, readings, {u.locality_id: u for u in units}


_LAST_WORD = re.compile(r"(\w+)$")
_SENTENCE_OPENERS = '.!?:;\n"“(–-'


def _not_a_place_name(text: str, start: int, end: int) -> bool:
    """True when a bare name is not the place: not written as a proper name ("trung tâm",
    "hạnh phúc"), inside another name ("Báo Lào Cai", "Nguyễn Văn Bàn"), or a lake, a
    village or a unit of another kind or province."""
    if not all(word[:1].isupper() for word in text[start:end].split()):
        return True
    head = text[max(0, start - 60) : start].rstrip()
    if match_form(head).endswith(NOT_A_UNIT_BEFORE):
        return True
    word = _LAST_WORD.search(head)
    if word is None or not word.group(1)[0].isupper():
        return False
    rest = head[: word.start()].rstrip()
    return bool(rest) and rest[-1] not in _SENTENCE_OPENERS  # not a sentence's first word


def match_localities(
    post_id: int, published_at: datetime | None, fields: dict[str, str]
) -> list[dict]:
    """One row per unit named in the article: mentions, where first named (field, offset, the
    text as published), whether the name came with its kind word, and the focus flag."""
    pattern, readings, units = _matcher()
    after = published_at is None or published_at.astimezone(VIETNAM).date() >= MERGER
    found: dict[str, dict] = {}
    score: dict[str, int] = {}
    for field in FIELDS:
        text = fields.get(field) or ""
        folded = match_form(text)
        for match in pattern.finditer(folded):
            reading = readings[match.group(0)]
            former = FORMER_AFTER.match(folded, match.end()) and reading.before
            locality_id = reading.before if former or not after else reading.after
            if locality_id is None:
                continue
            if reading.bare and _not_a_place_name(text, match.start(), match.end()):
                continue
            row = found.setdefault(locality_id, {
                "post_id": post_id, "locality_id": locality_id, "mentions": 0,
                "first_field": field, "first_offset": match.start(),
                "evidence": text[match.start() : match.end()],
                "kind_word": not reading.bare, "is_focus": False,
            })  # fmt: skip
            row["mentions"] += 1
            score[locality_id] = score.get(locality_id, 0) + FIELD_WEIGHT[field]
    if found:
        focus = max(
            found.values(),
            key=lambda r: (score[r["locality_id"]], SPECIFICITY[units[r["locality_id"]].kind],
                           -FIELDS.index(r["first_field"]), -r["first_offset"]),
        )  # fmt: skip
        focus["is_focus"] = True
    return list(found.values())


def matcher_fingerprint() -> str:
    """Changes with this module's rules or the gazetteer: every article is matched again."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update((DATA_DIR / "gazetteer.csv").read_bytes())
    return digest.hexdigest()[:16]
