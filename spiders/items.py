"""What a spider emits: one capture per article fetch, successful or not."""

from __future__ import annotations

from dataclasses import dataclass

from foundation.sites import DEFAULT_SITE
from warc.writer import Stored


@dataclass
class CaptureItem:
    url: str  # requested
    final_url: str  # after redirects
    post_id: int | None
    status: int | None  # None when no response came (timeout, DNS, reset)
    source: str  # sitemap, rss, category
    fetched_at: str  # ISO 8601, UTC
    lastmod: str | None = None  # the sitemap's lastmod, when the URL came from a sitemap
    stored: Stored | None = None  # the response record in WARC, when a response came
    etag: str | None = None  # validators the page came with (for a conditional re-fetch)
    last_modified: str | None = None
    error: str | None = None  # one line
    site: str = DEFAULT_SITE  # the paper crawled (a profile id)
