"""Which papers a crawl reads, and where: ``--site ID[=URL]`` on the command line, the
``sites`` setting of a Dagster run, ``$BAOARCHIVE_SITES`` for the code location.

A target is (site id, base URL). Written as text it is ``ID[=URL]``, several joined by commas:
``baolaocai=http://127.0.0.1:8000,tienphong``; an id alone means the site's live URL.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from foundation import settings, sites
from foundation.errors import BadValue
from foundation.sites import DEFAULT_SITE

Target = tuple[str, str]


def parse_targets(given: Iterable[str]) -> list[Target]:
    """Each ``ID[=URL]`` (or a comma-joined list of them) as (id, URL); a site named twice is a
    one-line error, as two crawls of one site in one run would write the same files."""
    targets: list[Target] = []
    for spec in (part.strip() for item in given for part in item.split(",")):
        if not spec:
            continue
        site_id, _, url = spec.partition("=")
        profile = sites.site(site_id.strip())
        if any(profile.id == known for known, _ in targets):
            raise BadValue("--site", f"{profile.id} is named twice")
        targets.append((profile.id, url.strip().rstrip("/") or profile.live_url))
    return targets


def format_targets(targets: Iterable[Target]) -> str:
    return ",".join(f"{site_id}={url}" for site_id, url in targets)


def chosen_sites(given: list[str] | None, site_url: str | None = None) -> list[Target]:
    """The targets of ``baoarchive run`` and of a crawl: each ``--site ID[=URL]``; one
    ``--site ID`` with ``--site-url URL``; the default site at ``--site-url`` (or
    ``$BAOARCHIVE_SITE_URL``); else ``$BAOARCHIVE_SITES``; else every enabled site at its live
    URL."""
    if given and site_url:
        if len(given) == 1 and "=" not in given[0] and "," not in given[0]:
            return [(sites.site(given[0]).id, site_url.rstrip("/"))]
        raise BadValue("--site-url", "goes with one --site ID at most: give --site ID=URL instead")
    if given:
        return parse_targets(given)
    if site_url or os.environ.get("BAOARCHIVE_SITE_URL"):
        return [(DEFAULT_SITE, settings.site_url(site_url))]
    if os.environ.get("BAOARCHIVE_SITES"):
        return parse_targets([os.environ["BAOARCHIVE_SITES"]])
    return [(s.id, s.live_url) for s in sites.enabled_sites()]


def reachable_sites(configured: str = "") -> dict[str, str]:
    """Where a scheduled or launched run finds each site: the run's ``sites`` setting when it
    has one (only those sites), else every profiled site at its live URL, as
    ``$BAOARCHIVE_SITES`` or ``$BAOARCHIVE_SITE_URL`` (the default site) override. A partition
    of a site outside the mapping is not crawled."""
    if configured:
        return dict(parse_targets([configured]))
    reachable = {s.id: s.live_url for s in sites.all_sites().values()}
    if os.environ.get("BAOARCHIVE_SITE_URL"):
        reachable[DEFAULT_SITE] = settings.site_url()
    reachable |= dict(parse_targets([os.environ.get("BAOARCHIVE_SITES", "")]))
    return reachable
