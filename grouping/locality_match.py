"""Locality matching: which gazetteer units an article names, how often, where, and which one
it is about (its focus).

Names are matched on ``match_form`` copies (NFC, lower case, one tone placement), whose
offsets are those of the published text, at word boundaries: "Bát Xát" is one mention and
"Xát" alone never is. One name is often several units (Bát Xát is a commune today and was a
district before 2025-07-01; Lào Cai is the province, a ward and a former city), so:

- a kind word ("xã", "phường", "thị trấn", "huyện", "thị xã", "TX.", "thành phố", "TP.",
  "tỉnh", "H.") before the name decides the unit's kind;
- the article's date decides the era: before 2025-07-01 a name is the former unit (a bare name
  the former district), after it today's, unless the words around it say "former": "(cũ)",
  "trước đây", "trên cơ sở" (a merger's words) or its former district beside it; of two former
  namesakes, the one whose district the article names;
- a list under one kind word ("các xã Bản Lầu, Lùng Vai") is read as that kind;
- a bare name inside another proper name is no mention: after a capitalised word that is not
  the start of a sentence ("Nguyễn Văn Bàn"), or in the name of a newspaper or broadcaster
  ("Báo Lào Cai"); a bare former commune's name counts once the article has named the commune
  with its kind word.

The focus is the unit with the highest weighted count (title 3, sapo 2, body 1); a tie goes
to the more specific unit (commune or ward, then district, then province). The words and
weights are data, in ``locality_rules``.

An article is matched against the gazetteers its site's profile lists (``gazetteers =
["lao-cai"]``): a matcher is compiled per set of gazetteers, and its version names the set's
files, so a site whose list changes has its articles matched again. No gazetteer: no units.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from foundation import normalise
from foundation.normalise import match_form
from foundation.versions import file_digest, rules_digest, source_digest, stage_version
from grouping import locality_rules as rules
from grouping.reference import Locality, gazetteer_ids, gazetteers, localities

#: Bump when a change to this module's code changes what it finds.
MATCHER_CODE_VERSION = "2"  # 2: eras, former markers, lists, namesakes
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def matcher_version(chosen: Iterable[str] | None = None) -> str:
    """The version of the matcher of the gazetteers ``chosen`` (None: every one), recorded
    with every article it matched (``locality_matches``): its code version, its rules, the
    files of those gazetteers and the text normaliser. ["lao-cai"] gives the version the one
    gazetteer had before sites, so those archives are not matched again for nothing."""
    files = [file_digest(gazetteers()[g]) for g in gazetteer_ids(chosen)]
    return stage_version(
        MATCHER_CODE_VERSION,
        rules_digest(rules),
        *(files or [b"no gazetteer"]),
        source_digest(normalise),
    )


@dataclass(frozen=True)
class _Reading:
    """What a matched phrase may mean: the former units (most likely first) and today's."""

    former: tuple[str, ...]  # read before 2025-07-01, or after it with "(cũ)" and the like
    today: str | None  # read after 2025-07-01
    head: str  # the kind word that begins the phrase ("xã"); "" for a bare name
    name_len: int  # the name's length at the phrase's end

    @property
    def bare(self) -> bool:  # no kind word: subject to the proper-name checks
        return not self.head


def _readings(units: Iterable[Locality]) -> dict[str, _Reading]:
    by_kind: dict[str, list[Locality]] = {}  # "xã bản lầu" -> units
    heads: dict[str, tuple[str, int]] = {}  # phrase -> (kind word, name length)
    by_name: dict[str, list[Locality]] = {}
    for unit in units:
        for name in {match_form(n) for n in (unit.name, *unit.aliases)}:
            by_name.setdefault(name, []).append(unit)
            for word in rules.KIND_WORDS[unit.kind]:
                for phrase in {f"{word} {name}", f"{word}{name}" if word.endswith(".") else ""}:
                    if phrase:
                        by_kind.setdefault(phrase, []).append(unit)
                        heads[phrase] = (word, len(name))
    readings: dict[str, _Reading] = {}
    for phrase, named in by_kind.items():
        former = tuple(u.locality_id for u in named if not u.current)
        today = next((u.locality_id for u in named if u.current), None)
        readings[phrase] = _Reading(former, today, *heads[phrase])
    ids = {u.locality_id for u in units}
    for phrase, unit_id in rules.EARLIER_NAMES.items():
        words = [w for ws in rules.KIND_WORDS.values() for w in ws if phrase.startswith(f"{w} ")]
        if unit_id in ids and words:  # an earlier name keeps its kind word's fate
            word = max(words, key=len)
            readings[phrase] = _Reading((unit_id,), None, word, len(phrase) - len(word) - 1)
    for name, named in by_name.items():
        if name not in rules.COMMON_WORD_NAMES:
            readings.setdefault(name, _bare_reading(named, len(name)))
    return readings


def _bare_reading(units: list[Locality], name_len: int) -> _Reading:
    """A bare name: the province if it names one; else a former district (before the merger)
    and a unit of today (after). A bare former commune's name is a mention only in a list
    begun with its kind word ("các xã Bản Lầu, Lùng Vai"): alone it is a village, a market,
    a border gate as often as the commune."""
    provinces = [u for u in units if u.kind == "tinh"]
    if provinces:
        former = tuple(u.locality_id for u in provinces if not u.current)
        today = next((u.locality_id for u in provinces if u.current), None)
        return _Reading(former, today or (former[0] if former else None), "", name_len)
    districts = tuple(
        u.locality_id for u in units if not u.current and u.kind in rules.DISTRICT_KINDS
    )
    today = next((u.locality_id for u in units if u.current), None)
    return _Reading(districts, today or (districts[0] if districts else None), "", name_len)


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


@dataclass(frozen=True)
class LocalityMatcher:
    """The names of some gazetteers compiled into one pattern, for one matcher version; no
    pattern when there is no gazetteer (nothing is ever found)."""

    version: str
    pattern: re.Pattern[str] | None
    readings: dict[str, _Reading]
    units: dict[str, Locality]

    def match(
        self, post_id: int, published_at: datetime | None, fields: dict[str, str]
    ) -> list[dict]:
        return _match(self, post_id, published_at, fields) if self.pattern else []


@lru_cache(maxsize=8)
def _compiled(version: str, chosen: tuple[str, ...]) -> LocalityMatcher:
    units = localities(chosen)
    if not units:
        return LocalityMatcher(version, None, {}, {})
    readings = _readings(units)
    pattern = re.compile(rf"(?<!\w)(?:{_trie_pattern(readings)})(?!\w)")
    return LocalityMatcher(version, pattern, readings, {u.locality_id: u for u in units})


def current_matcher(chosen: Sequence[str] | None = None) -> LocalityMatcher:
    """The matcher of the rules and the gazetteers ``chosen`` (None: every one) as they are
    now, compiled once per version."""
    ids = gazetteer_ids(chosen)
    return _compiled(matcher_version(ids), ids)


_LAST_WORD = re.compile(r"(\w+)$")
_SENTENCE_OPENERS = '.!?:;\n"“(–-'


def _not_a_place_name(text: str, start: int, end: int) -> bool:
    """True when a bare name is not the place: not written as a proper name ("trung tâm",
    "hạnh phúc"), inside another name ("Báo Lào Cai", "Nguyễn Văn Bàn"), or a lake, a
    village or a unit of another kind or province."""
    if not all(word[:1].isupper() for word in text[start:end].split()):
        return True
    head = text[max(0, start - 60) : start].rstrip()
    if match_form(head).endswith(rules.NOT_A_UNIT_BEFORE):
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
    return current_matcher().match(post_id, published_at, fields)


@dataclass
class _Hit:
    """One phrase found in a field, with what the words around it say of it."""

    start: int
    end: int
    reading: _Reading
    in_list: bool = False  # a name continuing a list (under one kind word, or its own alike)
    bare_in_list: bool = False  # written without a kind word, read with the list's
    former: bool = False  # marked as the former unit: "(cũ)", its former district beside it
    district: str | None = None  # the former district named beside it


def _hits(matcher: LocalityMatcher, folded: str) -> list[_Hit]:
    """The phrases of one field, a bare name after a list's kind word read with that word
    ("các xã Bản Lầu, Lùng Vai": xã Lùng Vai), and the marks of a former unit after a list:
    names under one kind word, or each with the same kind word ("phường Sa Pa và phường Cầu
    Mây của thị xã Sa Pa (cũ)")."""
    hits: list[_Hit] = []
    for match in matcher.pattern.finditer(folded):
        reading = matcher.readings[match.group(0)]
        previous = hits[-1] if hits else None
        joined = previous and rules.LIST_JOINER.fullmatch(folded, previous.end, match.start())
        if reading.bare and joined and previous.reading.head:
            listed = matcher.readings.get(f"{previous.reading.head} {match.group(0)}")
            if listed and not _names_a_province(matcher, reading):
                hits.append(_Hit(match.start(), match.end(), listed, True, bare_in_list=True))
                continue
        same_kind = joined and reading.head and reading.head == previous.reading.head
        hits.append(_Hit(match.start(), match.end(), reading, in_list=bool(same_kind)))
    run: list[_Hit] = []  # the names of one list
    for i, hit in enumerate(hits):
        run = [*run, hit] if hit.in_list else [hit]
        following = hits[i + 1] if i + 1 < len(hits) else None
        if following is not None and following.in_list:
            continue
        district = _district_beside(matcher, folded, hit, following)
        # a district beside the list or a merger's words before it reach all its names; a
        # "(cũ)" after it only the names under its last kind word ("tỉnh Lào Cai và tỉnh Lào
        # Cai (cũ)": today's province and the former one)
        whole = district is not None or rules.FORMER_BEFORE.search(
            folded, max(0, run[0].start - 40), run[0].start
        )
        last = max(at for at, member in enumerate(run) if not member.bare_in_list)
        after = rules.FORMER_AFTER.match(folded, hit.end)
        for index, member in enumerate(run):
            own = rules.FORMER_AFTER.match(folded, member.end)
            member.former = bool(whole or own or (after and index >= last))
            member.district = district
    return hits


def _names_a_province(matcher: LocalityMatcher, reading: _Reading) -> bool:
    unit_id = reading.today or (reading.former[0] if reading.former else None)
    return unit_id is not None and matcher.units[unit_id].kind == "tinh"


def _district_beside(
    matcher: LocalityMatcher, folded: str, hit: _Hit, following: _Hit | None
) -> str | None:
    """The former district named right after a commune ("xã Bản Lầu, huyện Mường Khương")."""
    if following is None or following.reading.bare or following.reading.today:
        return None
    if not rules.BESIDE.fullmatch(folded, hit.end, following.start):
        return None
    former = [matcher.units[u] for u in following.reading.former]
    return next((u.locality_id for u in former if u.kind in rules.DISTRICT_KINDS), None)


def _resolve(
    matcher: LocalityMatcher, hit: _Hit, after: bool, context: set[str], folded: str
) -> str | None:
    """The unit a hit is: today's after the merger unless marked former (or none of today's
    has the name); the former one before it, unless announced as today's ("(mới)"). Of
    several former units of one name, the one whose district or province the article names."""
    reading = hit.reading
    if not after and reading.today and rules.TODAY_AFTER.match(folded, hit.end):
        return reading.today
    if after and reading.today and not hit.former:
        return reading.today
    candidates = [matcher.units[u] for u in reading.former]
    if len(candidates) <= 1:
        return candidates[0].locality_id if candidates else None
    places = {hit.district} if hit.district else context
    chosen = [u for u in candidates if u.parent_id in places]
    if len(chosen) != 1:  # a district names its province; a province is one
        provinces = {matcher.units[p].parent_id or p for p in places}
        chosen = [u for u in candidates if _province_of(matcher, u) in provinces]
    return chosen[0].locality_id if len(chosen) == 1 else None  # ambiguous: no mention


def _province_of(matcher: LocalityMatcher, unit: Locality) -> str | None:
    district = matcher.units.get(unit.parent_id)
    return district.parent_id if district else None


def _written_as_a_name(text: str, hit: _Hit) -> bool:
    """A name after its kind word is the place only written as one: "phường Trung Tâm", not
    "các phường trung tâm" (the central wards)."""
    last = text[hit.start : hit.end].split()[-1:]
    return bool(last) and last[0][:1].isupper()


def _match(
    matcher: LocalityMatcher, post_id: int, published_at: datetime | None, fields: dict[str, str]
) -> list[dict]:
    units = matcher.units
    after = published_at is None or published_at.astimezone(VIETNAM).date() >= rules.MERGER
    texts = {field: fields.get(field) or "" for field in rules.FIELDS}
    folded = {field: match_form(text) for field, text in texts.items()}
    hits = {field: _hits(matcher, folded[field]) for field in rules.FIELDS}
    # the former districts and provinces the article names: which of two namesakes it means
    context = {
        unit_id
        for field_hits in hits.values()
        for hit in field_hits
        for unit_id in (*hit.reading.former, hit.reading.today)
        if unit_id and units[unit_id].kind in (*rules.DISTRICT_KINDS, "tinh")
    }
    read: list[tuple[int, int, _Hit, str]] = []  # (field, offset, hit, unit)
    established: dict[str, str] = {}  # a name once named with its kind word -> its unit
    later: list[tuple[int, _Hit]] = []  # bare names of no unit of the era, read last
    for index, field in enumerate(rules.FIELDS):
        text = texts[field]
        for hit in hits[field]:
            bare = hit.reading.bare and not hit.in_list
            if bare and _not_a_place_name(text, hit.start, hit.end):
                continue
            if not bare and not _written_as_a_name(text, hit):
                continue
            if (locality_id := _resolve(matcher, hit, after, context, folded[field])) is None:
                if bare:
                    later.append((index, hit))
                continue
            read.append((index, hit.start, hit, locality_id))
            established[folded[field][hit.end - hit.reading.name_len : hit.end]] = locality_id
    # "Xã Nghĩa Đô, huyện Bảo Yên ... Nghĩa Đô đón 20.000 khách": a bare name that means no
    # unit of the article's era (a former commune's) is that commune once the article has
    # named it with its kind word
    for index, hit in later:
        name = folded[rules.FIELDS[index]][hit.start : hit.end]
        if name in established:
            read.append((index, hit.start, hit, established[name]))
    found: dict[str, dict] = {}
    score: dict[str, int] = {}
    for index, start, hit, locality_id in sorted(read, key=lambda r: r[:2]):
        field = rules.FIELDS[index]
        row = found.setdefault(locality_id, {
            "post_id": post_id, "locality_id": locality_id, "mentions": 0,
            "first_field": field, "first_offset": start,
            "evidence": texts[field][start : hit.end],
            "kind_word": not hit.reading.bare, "is_focus": False,
        })  # fmt: skip
        row["mentions"] += 1
        score[locality_id] = score.get(locality_id, 0) + rules.FIELD_WEIGHT[field]
    if found:
        focus = max(
            found.values(),
            key=lambda r: (score[r["locality_id"]], rules.SPECIFICITY[units[r["locality_id"]].kind],
                           -rules.FIELDS.index(r["first_field"]), -r["first_offset"]),
        )  # fmt: skip
        focus["is_focus"] = True
    return list(found.values())
