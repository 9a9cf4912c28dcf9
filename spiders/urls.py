"""The site's URL scheme for discovery (research/site_structure.md §1), kept as data. Which
URL is an article, and its post id, is ``foundation.post_ids``: one rule for every package."""

from __future__ import annotations

import re

# Monthly news sitemaps: "/sitemaps/news-YYYY-M.xml" (month not zero-padded).
NEWS_SITEMAP = re.compile(r"/sitemaps/news-(\d{4})-(\d{1,2})\.xml$")
# Platform "load more" API: one zone, one page of listings.
MORENEWS_API = "{api}/api/morenews-zone-{zone}-{page}.html"
# cmsConfig of a listing page names the API host and the zone id of the page.
CMS_DOMAIN_API = re.compile(r"domainApi:\s*'([^']+)'")
# A section (category) listing: "/<slug>/" or "/<slug>/<sub>/", always with a trailing slash.
SECTION_PATH = re.compile(r"^/[a-z0-9-]+(?:/[a-z0-9-]+)*/$")


def sitemap_month(url: str) -> str | None:
    """'YYYY-MM' of a monthly news sitemap URL, else None."""
    match = NEWS_SITEMAP.search(url)
    return f"{int(match.group(1)):04d}-{int(match.group(2)):02d}" if match else None
