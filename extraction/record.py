"""The record extraction produces: one article page in, one ``Article`` out.

This is the contract between extraction (pure, no I/O) and the warehouse loader.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime

from foundation.sites import DEFAULT_SITE


@dataclass(frozen=True)
class Image:
    url: str
    caption: str = ""


@dataclass(frozen=True)
class RelatedItem:
    """An *other* article listed in a related block of this page (never part of the body)."""

    # "suggest" (Có thể bạn quan tâm), "timeline" (Tin cùng chuyên mục), "related" (Tin liên quan)
    block: str
    title: str
    url: str = ""
    post_id: int | None = None


@dataclass
class Article:
    post_id: int | None  # None only from extract_article(require_post_id=False)
    url: str  # canonical URL as published
    title: str
    sapo: str = ""
    body: str = ""  # plain text, paragraphs separated by "\n\n", NFC
    body_markdown: str = ""  # the same text with headings, lists and quotes marked up
    author: str = ""  # the byline as published
    authors: list[str] = field(default_factory=list)  # the byline split into names
    published_at: datetime | None = None  # timezone-aware
    modified_at: datetime | None = None  # timezone-aware
    category: str = ""  # category path from the breadcrumb URL, e.g. "kinh-te/thi-truong"
    category_name: str = ""  # its Vietnamese name, e.g. "Thị trường"
    tags: list[str] = field(default_factory=list)  # without the leading "#"
    images: list[Image] = field(default_factory=list)
    related: list[RelatedItem] = field(default_factory=list)
    layout: str = "normal"  # the page template: normal, emagazine, photo, video, ...
    word_count: int = 0  # whitespace-separated tokens of the body (Vietnamese: syllables)
    method: str = "platform"  # "platform" (our rules) or "fallback" (trafilatura, pruned page)
    content_hash: str = ""  # sha256 of normalised title + body: a revision, not a re-fetch
    site: str = DEFAULT_SITE  # the paper (a profile id): the capture's, not read from the page

    def to_dict(self) -> dict:
        """JSON-ready dict (datetimes as ISO 8601 strings)."""
        data = asdict(self)
        for key in ("published_at", "modified_at"):
            value = data[key]
            data[key] = value.isoformat() if value else None
        return data
