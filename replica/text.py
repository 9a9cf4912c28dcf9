"""Fill the phrase bank into one article's title, sapo, paragraphs, captions, tags and byline.

Every function takes the ``random.Random`` to draw from, so the caller decides which stream
(seed, post id, part) each piece comes from and the text is reproducible piece by piece.
Places are written only through ``{place}`` slots filled with the article's mentions, so the
set of units the text names is known exactly: that is the ``localities`` ground truth.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from . import phrases
from .draw import pick
from .phrases import Family
from .places import Mention, bare_names
from .taxonomy import category, root_of
from .timefmt import VN

#: Paragraphs of a text article: 8–16 of 2–4 sentences gives bodies of about the length of the
#: real pages (700–1,000 words), so extractors are measured on realistic pages.
ARTICLE_PARAGRAPHS = (8, 16)

_FAMILY_BY_TOPIC: dict[str, Family] = {
    "chinh-tri": phrases.POLITICS,
    "kinh-te": phrases.ECONOMY,
    "kinh-te/nong-nghiep-nong-thon": phrases.AGRICULTURE,
    "xa-hoi": phrases.SOCIETY,
    "phong-su": phrases.SOCIETY,
    "van-hoa": phrases.CULTURE,
    "du-lich": phrases.TOURISM,
    "review-lao-cai": phrases.TOURISM,
    "phap-luat": phrases.LAW,
    "the-thao": phrases.SPORT,
    "the-gioi": phrases.WORLD,
    "chuyen-doi-so": phrases.DIGITAL,
}


def family_for(topic_id: str) -> Family:
    """The kind of news a category carries: its own entry, else its root's, else general."""
    if category(topic_id).sponsored:
        return phrases.SPONSORED
    return _FAMILY_BY_TOPIC.get(topic_id) or _FAMILY_BY_TOPIC.get(
        root_of(topic_id), phrases.GENERAL
    )


@dataclass(frozen=True)
class Headline:
    """What the index fixes for an article before any body text exists."""

    title: str
    mentions: tuple[Mention, ...]
    subject: str  # the family "thing" the whole article is about
    country: str  # world news only


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _vn_number(value: int) -> str:
    """1234567 -> "1.234.567" (Vietnamese thousands separator)."""
    return f"{value:,}".replace(",", ".")


def _vn_decimal(value: float) -> str:
    """12.5 -> "12,5"."""
    return f"{value:.1f}".replace(".", ",")


class _Slots(dict):
    """Slot values drawn on demand, in template order, from the article's stream."""

    def __init__(
        self, rng: random.Random, moment: datetime, subject: str, country: str, place: str
    ):
        super().__init__(thing=subject, country=country, place=place)
        self.rng = rng
        self.moment = moment

    def __missing__(self, key: str) -> str:
        rng = self.rng
        if key in _DATE_SLOTS:
            return _DATE_SLOTS[key](self.moment.astimezone(VN))
        if key not in _DRAWN_SLOTS:
            raise KeyError(f"unknown slot {{{key}}} in the phrase bank")
        return _DRAWN_SLOTS[key](rng)


_DATE_SLOTS: dict[str, Callable[[datetime], str]] = {
    "day": lambda d: f"{d.day}/{d.month}",
    "month": lambda d: str(d.month),
    "month_next": lambda d: str(d.month % 12 + 1),
    "year": lambda d: str(d.year),
    "year_next": lambda d: str(d.year + 1),
    "year5": lambda d: str(d.year + 5),
    "school_year": lambda d: _school_year(d),
}


def _school_year(moment: datetime) -> str:
    """The school year runs September to May: "2025-2026"."""
    first = moment.year if moment.month >= 9 else moment.year - 1
    return f"{first}-{first + 1}"


_DRAWN_SLOTS: dict[str, Callable[[random.Random], str]] = {
    "n": lambda rng: str(rng.randint(2, 30)),
    "n2": lambda rng: str(rng.randint(40, 75)),
    "n3": lambda rng: str(rng.randint(100, 999)),
    "big": lambda rng: _vn_number(rng.randint(1_000, 95_000)),
    "pct": lambda rng: _vn_decimal(rng.uniform(60, 99.5)) + "%",
    "growth": lambda rng: _vn_decimal(rng.uniform(0.5, 8)) + "%",
    "money": lambda rng: _vn_decimal(rng.uniform(1.5, 950)) + " tỷ đồng",
    "money_small": lambda rng: f"{rng.randint(5, 40) * 10} triệu đồng",
    "wage": lambda rng: f"{rng.randint(5, 15)} triệu đồng",
    "ha": lambda rng: f"{rng.randint(15, 900)} ha",
    "person": lambda rng: person(rng),
    "visitor": lambda rng: full_name(rng, male=False),
}


def _fill(
    rng: random.Random,
    template: str,
    moment: datetime,
    subject: str,
    country: str = "",
    place: str = "",
) -> str:
    return nfc(_capitalise(template.format_map(_Slots(rng, moment, subject, country, place))))


def full_name(rng: random.Random, male: bool) -> str:
    """A plausible full name that is not also the bare name of an administrative unit."""
    while True:
        name = " ".join(
            (
                rng.choice(phrases.SURNAMES),
                "Văn" if male else "Thị",
                rng.choice(phrases.GIVEN_MALE if male else phrases.GIVEN_FEMALE),
            )
        )
        if name not in bare_names():
            return name


def person(rng: random.Random) -> str:
    male = rng.random() < 0.6
    return f"{'ông' if male else 'bà'} {full_name(rng, male)}, {rng.choice(phrases.ROLES)}"


def write_headline(
    rng: random.Random, family: Family, moment: datetime, mentions: list[Mention]
) -> Headline:
    """Title, subject and (world news) country; the title names the first mention (sometimes
    the first two local ones)."""
    subject = pick(rng, family.things)
    country = "" if family.local else pick(rng, phrases.COUNTRIES)
    endings = phrases.TITLE_ENDINGS + (phrases.LOCAL_TITLE_ENDINGS if family.local else ())
    template = pick(rng, family.titles) + pick(rng, endings)
    place = mentions[0].text if mentions else ""
    local = [m for m in mentions if not m.province]
    if len(local) >= 2 and rng.random() < 0.4:
        place = f"{local[0].text} và {local[1].text}"
    title = _fill(rng, template, moment, subject, country, place)
    return Headline(title, tuple(mentions), subject, country)


def write_sapo(rng: random.Random, family: Family, moment: datetime, head: Headline) -> str:
    place = head.mentions[0].text if head.mentions else ""
    return _fill(rng, rng.choice(family.sapos), moment, head.subject, head.country, place)


def write_paragraphs(
    rng: random.Random,
    family: Family,
    moment: datetime,
    head: Headline,
    sizes: tuple[int, int] = ARTICLE_PARAGRAPHS,
) -> list[str]:
    """``sizes`` paragraphs of 2–4 sentences; every mention is named at least once."""
    return [" ".join(sentences) for _, sentences in write_blocks(rng, family, moment, head, sizes)]


def write_blocks(
    rng: random.Random,
    family: Family,
    moment: datetime,
    head: Headline,
    sizes: tuple[int, int] = ARTICLE_PARAGRAPHS,
) -> list[tuple[str, list[str]]]:
    """The paragraphs as ``(kind, sentences)``: kind "quote" for a one-sentence quote of an
    official, else "p". The same draws as ``write_paragraphs``, which joins the sentences."""
    mentions = list(head.mentions)
    common = family.local and family.common
    pool = list(family.sentences) + (list(phrases.COMMON_SENTENCES) if common else [])
    if not mentions:
        pool = [s for s in pool if "{place}" not in s]
    with_place = [s for s in pool if "{place}" in s]
    unnamed = list(mentions)  # mentions still to be written
    used: set[str] = set()  # templates already in the article
    current: set[str] = set()  # templates already in this paragraph

    def pick(candidates: list[str]) -> str:
        # Fresh templates first; once all are used, anything not already in this paragraph.
        fresh = [s for s in candidates if s not in used]
        fresh = fresh or [s for s in candidates if s not in current] or candidates
        choice = rng.choice(fresh)
        used.add(choice)
        current.add(choice)
        return choice

    def sentence(first: bool) -> str:
        # A paragraph opens on the next place still to be named; the rest roam freely.
        if unnamed and first:
            return _fill(rng, pick(with_place), moment, head.subject, place=unnamed.pop(0).text)
        template = pick(pool)
        place = rng.choice(mentions).text if "{place}" in template else ""
        return _fill(rng, template, moment, head.subject, head.country, place)

    blocks: list[tuple[str, list[str]]] = []
    for index in range(rng.randint(*sizes)):
        if index and common and not unnamed and rng.random() < 0.15:
            blocks.append(("quote", [_fill(rng, rng.choice(phrases.QUOTES), moment, head.subject)]))
            continue
        current.clear()
        count = rng.randint(2, 4)
        blocks.append(("p", [sentence(first=(k == 0)) for k in range(count)]))
    while unnamed:  # more places than paragraphs: name the rest at the end
        place = unnamed.pop(0).text
        closing = _fill(rng, pick(with_place), moment, head.subject, place=place)
        kind, sentences = blocks[-1]  # never a quote: quotes come once every place is named
        blocks[-1] = (kind, [*sentences, closing])
    return blocks


def write_captions(
    rng: random.Random, family: Family, moment: datetime, head: Headline, count: int
) -> list[str]:
    pool = list(family.captions)
    if head.mentions:
        pool += phrases.COMMON_CAPTIONS
    if not pool:
        return []
    captions = []
    for _ in range(count):
        template = rng.choice(pool)
        place = rng.choice(head.mentions).text if "{place}" in template else ""
        captions.append(_fill(rng, template, moment, head.subject, place=place))
    return captions


def write_tags(rng: random.Random, family: Family, head: Headline) -> list[str]:
    """1–3 topic tags, sometimes the first place's bare name (the site tags "Sa Pa" that way)."""
    tags = rng.sample(family.tags, k=min(len(family.tags), rng.randint(1, 3)))
    if head.mentions and rng.random() < 0.3:
        tags.append(head.mentions[0].name)
    return [nfc(t) for t in tags]


def write_byline(rng: random.Random) -> str:
    """The pen name(s) printed at the end of the body; a few articles carry none."""
    roll = rng.random()
    if roll < 0.05:
        return ""
    if roll < 0.2:
        first, second = rng.sample(phrases.BYLINES, k=2)
        return nfc(f"{first} - {second}")
    return nfc(rng.choice(phrases.BYLINES))
