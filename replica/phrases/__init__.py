"""Our own Vietnamese sentence templates, grouped by kind of news (data only, no logic).

Nothing here is copied from the site: these are generic newsroom phrasings written for the
replica. Slots are filled by ``replica.text``:

- ``{place}`` a unit as written ("xã Bát Xát"); only in families that name places
- ``{thing}`` the article's subject, one of the family's ``things``
- ``{country}`` a foreign country (world news)
- ``{person}`` "ông/bà <full name>, <role>"; ``{visitor}`` a bare full name
- numbers: ``{n}`` 2–30, ``{n2}`` 40–75, ``{n3}`` 100–999, ``{big}`` 1.000–95.000,
  ``{pct}`` "87,5%", ``{growth}`` "3,2%", ``{money}`` "12,5 tỷ đồng",
  ``{money_small}`` "150 triệu đồng", ``{wage}`` "7 triệu đồng", ``{ha}`` "350 ha"
- dates of the article: ``{day}`` "17/6", ``{month}``, ``{month_next}``, ``{year}``,
  ``{year_next}``, ``{year5}``, ``{school_year}`` "2025-2026"

A template that contains ``{place}`` is only used when the article names at least one place.

The bank is too long for one file, so it is split by family (``news``: the province's news
sections; ``special``: world news, sponsored content and the generic fallback) and the pools
every family shares (``shared``); import it from here.
"""

from .family import Family
from .news import (
    AGRICULTURE,
    CULTURE,
    DIGITAL,
    ECONOMY,
    LAW,
    POLITICS,
    SOCIETY,
    SPORT,
    TOURISM,
)
from .shared import (
    BYLINES,
    COMMON_CAPTIONS,
    COMMON_SENTENCES,
    COUNTRIES,
    GIVEN_FEMALE,
    GIVEN_MALE,
    LIST_INTROS,
    LOCAL_TITLE_ENDINGS,
    QUOTES,
    ROLES,
    SUBHEADINGS,
    SURNAMES,
    TITLE_ENDINGS,
)
from .special import GENERAL, SPONSORED, WORLD

__all__ = [
    "AGRICULTURE",
    "BYLINES",
    "COMMON_CAPTIONS",
    "COMMON_SENTENCES",
    "COUNTRIES",
    "CULTURE",
    "DIGITAL",
    "ECONOMY",
    "GENERAL",
    "GIVEN_FEMALE",
    "GIVEN_MALE",
    "LAW",
    "LIST_INTROS",
    "LOCAL_TITLE_ENDINGS",
    "POLITICS",
    "QUOTES",
    "ROLES",
    "SOCIETY",
    "SPONSORED",
    "SPORT",
    "SUBHEADINGS",
    "SURNAMES",
    "TITLE_ENDINGS",
    "TOURISM",
    "WORLD",
    "Family",
]
