"""The replica's URL space: one table from path patterns to handlers, request in, response out.

Handlers are pure (no sockets), so tests and the fault injector of "Nothing lost" can call
``Routes.respond`` directly, and every route is listed in ``Routes.table`` in one place: a
fault can be attached to a pattern or a single path without touching the handlers.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime

from . import feeds, themes
from .site_index import Site
from .taxonomy import by_zone, categories, category
from .timefmt import http_date

HTML = "text/html; charset=utf-8"
XML = "application/xml; charset=utf-8"
RSS = "application/rss+xml; charset=utf-8"
JSON = "application/json; charset=utf-8"
TEXT = "text/plain; charset=utf-8"

#: A 1×1 lossless WebP: every /images/… path answers with it.
_PIXEL = base64.b64decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==")
#: A bare ``ftyp`` box: every /videos/… path answers with it.
_CLIP = (24).to_bytes(4, "big") + b"ftypisom" + bytes(4) + b"isommp42"


@dataclass(frozen=True)
class Request:
    method: str  # "GET" or "HEAD"
    path: str  # without the query string
    query: str = ""
    headers: Mapping[str, str] = field(default_factory=dict)  # names lower-cased


@dataclass
class Response:
    status: int
    body: bytes = b""
    content_type: str = HTML
    headers: dict[str, str] = field(default_factory=dict)
    last_modified: datetime | None = None
    compressible: bool = True  # gzip it when the client accepts gzip


Handler = Callable[[Request, re.Match[str]], Response]


class Routes:
    """Every path the replica answers, for one site on one base URL, in the site's theme."""

    def __init__(self, site: Site, base_url: str):
        self.site = site
        self.pages = themes.theme(site.theme)
        self.base_url = base_url.rstrip("/")
        self.table: list[tuple[re.Pattern[str], Handler]] = [
            (re.compile(p), h)
            for p, h in (
                (r"/", self.home),
                (r"/robots\.txt", self.robots),
                (r"/sitemap\.xml", self.sitemap_index),
                (r"/sitemaps/news-(\d{4})-([1-9]\d?)\.xml", self.month_sitemap),
                (r"/sitemaps/categories\.xml", self.categories_sitemap),
                (r"/rss/home\.rss", self.home_rss),
                (r"/rss/[a-z0-9-]+-(\d+)\.rss", self.zone_rss),
                (r"/api/morenews-zone-(\d+)-(\d+)\.html", self.morenews_zone),
                (r"/api/morenews-latest-0-(\d+)\.html", self.morenews_latest),
                (r"/images/[0-9a-f]{64}/[^/]+", self.image),
                (r"/videos/[0-9a-f]{64}/[^/]+\.mp4", self.video),
                (r"/([^/]*)-post(\d+)(\.[a-z]+)", self.article),
                (r"/([a-z0-9/-]+?)(/?)", self.category),
            )
        ]

    # -- dispatch ---------------------------------------------------------------------------

    def respond(self, request: Request) -> Response:
        """The response for a request, If-Modified-Since honoured."""
        for pattern, handler in self.table:
            match = pattern.fullmatch(request.path)
            if match:
                response = handler(request, match)
                break
        else:
            response = self.not_found()
        return _conditional(request, response)

    def not_found(self) -> Response:
        return Response(404, self.pages.not_found(self.site, self.base_url).encode())

    def _redirect(self, location: str) -> Response:
        return Response(301, b"", headers={"Location": location})

    # -- handlers ---------------------------------------------------------------------------

    def home(self, request: Request, match: re.Match[str]) -> Response:
        return Response(200, self.pages.home(self.site, self.base_url).encode())

    def robots(self, request: Request, match: re.Match[str]) -> Response:
        return Response(200, feeds.robots_txt(self.base_url).encode(), TEXT)

    def sitemap_index(self, request: Request, match: re.Match[str]) -> Response:
        return Response(200, feeds.sitemap_index(self.site, self.base_url).encode(), XML)

    def month_sitemap(self, request: Request, match: re.Match[str]) -> Response:
        xml = feeds.month_sitemap(self.site, self.base_url, int(match[1]), int(match[2]))
        return Response(200, xml.encode(), XML) if xml else self.not_found()

    def categories_sitemap(self, request: Request, match: re.Match[str]) -> Response:
        return Response(200, feeds.categories_sitemap(self.site, self.base_url).encode(), XML)

    def home_rss(self, request: Request, match: re.Match[str]) -> Response:
        return Response(200, feeds.rss(self.site, self.base_url).encode(), RSS)

    def zone_rss(self, request: Request, match: re.Match[str]) -> Response:
        cat = by_zone().get(int(match[1]))
        if cat is None:
            return self.not_found()
        return Response(200, feeds.rss(self.site, self.base_url, cat).encode(), RSS)

    def morenews_zone(self, request: Request, match: re.Match[str]) -> Response:
        cat = by_zone().get(int(match[1]))
        if cat is None:
            return self.not_found()
        ids = self.site.listing(cat.topic_id)
        body = feeds.morenews(self.site, self.base_url, ids, int(match[2]))
        return Response(200, body.encode(), JSON)

    def morenews_latest(self, request: Request, match: re.Match[str]) -> Response:
        body = feeds.morenews(self.site, self.base_url, self.site.ids(), int(match[1]))
        return Response(200, body.encode(), JSON)

    def image(self, request: Request, match: re.Match[str]) -> Response:
        return Response(200, _PIXEL, "image/webp", compressible=False)

    def video(self, request: Request, match: re.Match[str]) -> Response:
        """Video pages' clips: an empty MP4 stub (nothing downstream plays them)."""
        return Response(200, _CLIP, "video/mp4", compressible=False)

    def article(self, request: Request, match: re.Match[str]) -> Response:
        """The article; another slug for a known id is sent to the canonical URL."""
        post_id = int(match[2])
        if post_id not in self.site or match[3] != self.site.entry(post_id).suffix:
            return self.not_found()
        entry = self.site.entry(post_id)
        if match[1] != entry.slug:
            return self._redirect(self.base_url + entry.path)
        article = self.site.article(post_id)
        html = self.pages.article(article, self.site, self.base_url)
        return Response(200, html.encode(), last_modified=article.modified_at)

    def category(self, request: Request, match: re.Match[str]) -> Response:
        """``/<topic>/``; without the trailing slash, a redirect to it."""
        topic_id = match[1]
        if topic_id not in categories():
            return self.not_found()
        if not match[2]:
            return self._redirect(self.base_url + category(topic_id).path)
        page = self.pages.category(self.site, topic_id, self.base_url)
        return Response(200, page.encode())


def _conditional(request: Request, response: Response) -> Response:
    """Last-Modified and an ETag on every dated response; 304 when the client's copy is still
    current (If-None-Match first, as RFC 9110 says, else If-Modified-Since)."""
    if response.last_modified is None:
        return response
    stamp = http_date(response.last_modified)
    # nginx's form, modification time and length in hex: hashing each body held the GIL's
    # convoy for a third of the replica's time at 100 pages/s
    etag = f'"{int(response.last_modified.timestamp()):x}-{len(response.body):x}"'
    response.headers.setdefault("Last-Modified", stamp)
    response.headers.setdefault("ETag", etag)
    if_none_match = request.headers.get("if-none-match")
    current = (
        etag in [t.strip() for t in if_none_match.split(",")]
        if if_none_match
        else _unchanged_since(request, response.last_modified)
    )
    if response.status == 200 and current:
        return Response(304, content_type=response.content_type,
                        headers={"Last-Modified": stamp, "ETag": etag},
                        last_modified=response.last_modified, compressible=False)  # fmt: skip
    return response


def _unchanged_since(request: Request, modified: datetime) -> bool:
    since = request.headers.get("if-modified-since")
    if not since:
        return False
    try:
        client = parsedate_to_datetime(since)
    except (TypeError, ValueError):
        return False
    return client.tzinfo is not None and modified.replace(microsecond=0) <= client
