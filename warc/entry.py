"""One capture index entry: what one article fetch gave, successful or not, and where its
response is in which WARC file. The crawl writes it twice (a WARC metadata record and a line of
``captures/<run>.jsonl``); the crawl's state, ``reprocess`` and the loaders read it back."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields

from foundation.sites import DEFAULT_SITE

#: The content type of our WARC metadata records: one capture index entry as JSON.
CAPTURE_CONTENT_TYPE = "application/vnd.baoarchive.capture+json"


@dataclass(frozen=True)
class CaptureEntry:
    capture_id: str  # "<run_id>:<sequence>"
    run_id: str
    url: str  # requested
    final_url: str  # after redirects
    post_id: int | None
    status: int | None  # None when no response came (timeout, reset)
    source: str  # sitemap, rss, category
    lastmod: str | None  # the sitemap's lastmod, when the URL came from a sitemap
    fetched_at: str  # ISO 8601, UTC
    warc_file: str | None = None  # the response record, when the page was archived (200, no error)
    warc_offset: int | None = None
    warc_length: int | None = None
    sha256: str | None = None  # of the body as received, whenever a response came
    bytes: int = 0
    error: str | None = None  # one line
    etag: str | None = None  # validators the page came with, for a conditional re-fetch
    last_modified: str | None = None
    site: str = DEFAULT_SITE  # the paper crawled (a profile id); entries from before: baolaocai

    @property
    def archived(self) -> bool:
        """A page whose response record the archive holds."""
        return self.status == 200 and bool(self.warc_file)

    @property
    def version(self) -> str | None:
        """The version of the post this entry vouches for as archived: the sitemap's lastmod,
        else the fetch time; a 304 Not Modified confirms the version archived. None for a
        fetch that archived nothing."""
        if self.error or not (self.archived or self.status == 304):
            return None
        return self.lastmod or self.fetched_at

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str | bytes) -> CaptureEntry:
        """An entry as written by any version of the crawl: unknown keys are ignored."""
        data = json.loads(text)
        return cls(**{f.name: data[f.name] for f in fields(cls) if f.name in data})
