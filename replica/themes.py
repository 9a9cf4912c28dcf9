"""The platform themes the replica renders, as data: a theme's name (a site profile's
``theme``) to the functions that draw its HTML pages.

Sitemaps, RSS, the "load more" API, images and the URL space are the same on every theme
(``replica.feeds``, ``replica.routes``); only the HTML differs. A profile whose theme is not
here (``other``: a paper off the platform) has no replica.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from foundation.errors import BadValue

from . import article_page, listing_pages, v3_article, v3_listing
from .article import ReplicaArticle
from .site_index import Site


@dataclass(frozen=True)
class Theme:
    """How one theme draws each kind of page (all take the base URL last)."""

    article: Callable[[ReplicaArticle, Site, str], str]
    category: Callable[[Site, str, str], str]  # (site, topic id, base URL)
    home: Callable[[Site, str], str]
    not_found: Callable[[Site, str], str]


THEMES: dict[str, Theme] = {
    "2026": Theme(
        article=article_page.render_article,
        category=listing_pages.render_category,
        home=listing_pages.render_home,
        not_found=lambda site, base_url: listing_pages.render_not_found(base_url),
    ),
    "v3": Theme(
        article=v3_article.render_article,
        category=v3_listing.render_category,
        home=v3_listing.render_home,
        not_found=v3_listing.render_not_found,
    ),
}


def theme(name: str) -> Theme:
    """The renderers of theme ``name``; a one-line error naming the themes there are."""
    if name not in THEMES:
        known = ", ".join(THEMES)
        raise BadValue("theme", f"{name!r} is not rendered by the replica (only {known})")
    return THEMES[name]
