"""The papers the archive knows, as data: one TOML file per site beside this module.

A site's file says who publishes it, where it lives, which theme of the platform it wears,
how its article URLs give the post id, where its sitemaps and feeds are, how its category
pages mark their article list and "load more" button (CSS selectors: the themes differ), its
own boilerplate phrases and pruning rules, how politely to crawl it, where its topics come
from, which gazetteers apply and from which date to archive it. Adding a paper is adding a
file; nothing in the code names a site but the default one.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from foundation.errors import BadValue

SITES_DIR = Path(__file__).parent
#: The site of an archive that names none (and of every archive made before sites).
DEFAULT_SITE = "baolaocai"
THEMES = ("2026", "v3", "other")  # the platform's themes; "other": not the platform
TAXONOMIES = ("menu", "breadcrumbs")


@dataclass(frozen=True)
class Site:
    """One paper's profile (its TOML file, field by field)."""

    id: str
    name: str
    publisher: str
    base_urls: tuple[str, ...]
    theme: str
    post_url_patterns: tuple[re.Pattern[str], ...]
    sitemap_paths: tuple[str, ...]
    rss_paths: tuple[str, ...]
    listing_links: str  # CSS (parsel): a category page's links to its own articles
    load_more_zone: str  # CSS (parsel): the zone id of its "load more" button; "": none
    menu_links: str  # CSS (parsel): the home page's links to its sections (listings to read)
    boilerplate: tuple[str, ...]
    prune_xpaths: tuple[str, ...]
    delay_seconds: float
    concurrency: int
    taxonomy: str
    gazetteers: tuple[str, ...]
    first_date: date
    enabled: bool

    @property
    def live_url(self) -> str:
        return self.base_urls[0]

    @property
    def article_suffix(self) -> str:
        """How the site's article URLs end, as its first pattern says (``-post(\\d+)\\.tpo$``:
        ".tpo"): the replica serves its articles so."""
        found = re.search(r"\\\.([a-z]+)\$$", self.post_url_patterns[0].pattern)
        return f".{found[1]}" if found else ".html"

    @property
    def hosts(self) -> tuple[str, ...]:
        return tuple(urlsplit(url).hostname or "" for url in self.base_urls)

    def post_id(self, url: str | None) -> int | None:
        """The post id of one of this site's article URLs (query and fragment ignored), or
        None for any other URL."""
        if not url:
            return None
        path = url.split("?", 1)[0].split("#", 1)[0]
        for pattern in self.post_url_patterns:
            if match := pattern.search(path):
                return int(match.group(1))
        return None

    def describe(self) -> dict[str, object]:
        """The profile as plain values (``baoarchive sites --format json``)."""
        return {
            "id": self.id, "name": self.name, "publisher": self.publisher,
            "base_urls": list(self.base_urls), "theme": self.theme,
            "post_url_patterns": [p.pattern for p in self.post_url_patterns],
            "sitemap_paths": list(self.sitemap_paths), "rss_paths": list(self.rss_paths),
            "listing_links": self.listing_links, "load_more_zone": self.load_more_zone,
            "menu_links": self.menu_links,
            "boilerplate": list(self.boilerplate), "prune_xpaths": list(self.prune_xpaths),
            "delay_seconds": self.delay_seconds, "concurrency": self.concurrency,
            "taxonomy": self.taxonomy, "gazetteers": list(self.gazetteers),
            "first_date": self.first_date.isoformat(), "enabled": self.enabled,
        }  # fmt: skip


def _profile(path: Path) -> Site:
    """One TOML file read and checked: a mistake in a profile is a one-line error naming it."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        site = Site(
            id=raw["id"], name=raw["name"], publisher=raw["publisher"],
            base_urls=tuple(u.rstrip("/") for u in raw["base_urls"]), theme=raw["theme"],
            post_url_patterns=tuple(re.compile(p) for p in raw["post_url_patterns"]),
            sitemap_paths=tuple(raw["sitemap_paths"]), rss_paths=tuple(raw["rss_paths"]),
            listing_links=str(raw["listing_links"]), load_more_zone=str(raw["load_more_zone"]),
            menu_links=str(raw["menu_links"]),
            boilerplate=tuple(raw["boilerplate"]), prune_xpaths=tuple(raw["prune_xpaths"]),
            delay_seconds=float(raw["delay_seconds"]), concurrency=int(raw["concurrency"]),
            taxonomy=raw["taxonomy"], gazetteers=tuple(raw["gazetteers"]),
            first_date=raw["first_date"], enabled=bool(raw["enabled"]),
        )  # fmt: skip
    except (KeyError, TypeError, ValueError, re.error) as error:
        raise BadValue("site profile", f"{path.name}: {type(error).__name__}: {error}") from None
    problems = [
        f"id {site.id!r} is not the file's name" * (site.id != path.stem),
        f"theme {site.theme!r} is none of {THEMES}" * (site.theme not in THEMES),
        f"taxonomy {site.taxonomy!r} is none of {TAXONOMIES}" * (site.taxonomy not in TAXONOMIES),
        "no base URL" * (not site.base_urls),
        "a post URL pattern without one group" * any(p.groups != 1 for p in site.post_url_patterns),
        "no post URL pattern" * (not site.post_url_patterns),
        "no listing_links selector" * (not site.listing_links.strip()),
        "no menu_links selector" * (not site.menu_links.strip()),
    ]
    if found := [p for p in problems if p]:
        raise BadValue("site profile", f"{path.name}: {'; '.join(found)}")
    return site


@cache
def _registry(directory: Path) -> dict[str, Site]:
    return {site.id: site for site in map(_profile, sorted(directory.glob("*.toml")))}


def all_sites(directory: Path = SITES_DIR) -> dict[str, Site]:
    """Every profiled site, by id."""
    return _registry(directory)


def site(site_id: str, directory: Path = SITES_DIR) -> Site:
    """The profile of ``site_id``; a one-line error naming the known ones otherwise."""
    known = all_sites(directory)
    if site_id not in known:
        raise BadValue("site", f"{site_id!r} is not a profiled site; known: {', '.join(known)}")
    return known[site_id]


def enabled_sites(directory: Path = SITES_DIR) -> list[Site]:
    return [s for s in all_sites(directory).values() if s.enabled]
