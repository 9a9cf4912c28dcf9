"""Which papers ``baoarchive run`` crawls, and where."""

from __future__ import annotations

import os

from foundation import settings, sites
from foundation.errors import BadValue
from foundation.sites import DEFAULT_SITE


def chosen_sites(given: list[str] | None, site_url: str | None) -> list[tuple[str, str]]:
    """(site id, URL) to crawl: each ``--site ID[=URL]`` (its live URL when none is given), or
    the default site at ``--site-url``, or every enabled site at its live URL."""
    if given and site_url:
        raise BadValue("--site-url", "goes with no --site: give --site ID=URL instead")
    if not given:
        if site_url or os.environ.get("BAOARCHIVE_SITE_URL"):
            return [(DEFAULT_SITE, settings.site_url(site_url))]
        return [(s.id, s.live_url) for s in sites.enabled_sites()]
    chosen = []
    for spec in given:
        site_id, _, url = spec.partition("=")
        chosen.append((sites.site(site_id).id, url.rstrip("/") or sites.site(site_id).live_url))
    return chosen
