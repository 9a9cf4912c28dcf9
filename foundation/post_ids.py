"""The one rule that turns a URL into a post id: the spider, the extractor, the WARC index and
the loaders all call it, so an article has one identity wherever it is read.

An article URL ends in ``<slug>-post<ID>.html`` (tienphong: ``.tpo``); the numeric id is the
article's identity, slugs change. A query string or fragment after it is ignored.
"""

from __future__ import annotations

import re

#: An article URL's path. Group 1 is the post id.
ARTICLE_URL = re.compile(r"-post(\d+)\.(?:html|tpo)$")


def post_id(url: str | None) -> int | None:
    """The numeric post id of an article URL, or None for any other URL."""
    if not url:
        return None
    match = ARTICLE_URL.search(url.split("?", 1)[0].split("#", 1)[0])
    return int(match.group(1)) if match else None
