"""The one rule that turns a URL into a post id: the spider, the extractor, the WARC index and
the loaders all call it, so an article has one identity wherever it is read.

Each site's profile (``foundation/sites``) says how its article URLs end: ``-post<ID>.html`` on
the platform, ``.tpo`` on tienphong, ``.vnp`` on vietnamplus. The numeric id is the article's
identity, slugs change. A query string or fragment after it is ignored.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from foundation.sites import Site, all_sites


def _sites_for(url: str) -> list[Site]:
    """The sites whose host the URL names; every site for another host (the replica, a mirror
    on 127.0.0.1), whose patterns are then all tried."""
    host = urlsplit(url).hostname or ""
    known = list(all_sites().values())
    return [s for s in known if host in s.hosts] or known


def post_id(url: str | None, site: Site | None = None) -> int | None:
    """The numeric post id of an article URL (of ``site``, when given), or None for any other
    URL."""
    if not url:
        return None
    for candidate in [site] if site else _sites_for(url):
        if (found := candidate.post_id(url)) is not None:
            return found
    return None


def article_url_pattern() -> re.Pattern[str]:
    """Any site's article URL, as one pattern (Scrapy's sitemap rules want one)."""
    patterns = dict.fromkeys(p.pattern for s in all_sites().values() for p in s.post_url_patterns)
    return re.compile("|".join(f"(?:{p})" for p in patterns))
