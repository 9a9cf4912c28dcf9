"""Article metadata read from one parsed page by applying the source lists in ``rules``.

Each field walks its ``(kind, key)`` sources in order and keeps the first usable value, so a
page missing one source (older theme, e-magazine) still gets the field from the next.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta, timezone
from functools import cached_property, lru_cache
from urllib.parse import urljoin, urlsplit

from lxml import etree

from foundation.post_ids import post_id as post_id_from_url

from . import rules
from .record import Image, RelatedItem
from .text import clean, fold
from .tree import classes, text_of

SITE_TZ = timezone(timedelta(hours=rules.SITE_UTC_OFFSET_HOURS))
_ARTICLE_TYPES = {
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "BlogPosting",
    "AnalysisNewsArticle",
}

Source = tuple[str, str | None]


_PATH_START = re.compile(r"(^|\|)\s*(\.?)//")


@lru_cache(maxsize=512)
def xpath(expr: str) -> etree.XPath:
    """Compile each rule once per process.

    A path that starts with ``//`` or ``.//`` is rewritten to the ``descendant::`` axis: libxml2
    walks ``//x`` as ``descendant-or-self::node()/child::x``, up to 3x slower on a whole page.
    The nodes are the same unless a predicate is positional, so those are left alone.
    """
    if not re.search(r"\[\s*\d|position\(|last\(", expr):
        expr = _PATH_START.sub(lambda m: m[1] + ("descendant::" if m[2] else "/descendant::"), expr)
    return etree.XPath(expr)


@lru_cache(maxsize=64)
def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


class Page:
    """One parsed page and the lookups several fields share, each computed at most once."""

    def __init__(self, tree: etree._Element, url: str | None = None) -> None:
        self.tree = tree
        self.url = url
        roots = xpath(rules.ARTICLE_ROOT)(tree)
        #: Context of every rule: ".//" rules search the article only, "//" rules the page.
        self.root: etree._Element = roots[0] if roots else tree
        self._found: dict[str, list] = {}

    def find(self, expr: str) -> list:
        """The rule's hits in ``root``, cached: id and canonical URL both read the same link."""
        if expr not in self._found:
            self._found[expr] = xpath(expr)(self.root)
        return self._found[expr]

    @cached_property
    def metas(self) -> dict[str, str]:
        """``<meta property|name|itemprop>`` contents by lower-cased key, first one wins."""
        found: dict[str, str] = {}
        for meta in xpath("//meta[@content]")(self.tree):
            key = meta.get("property") or meta.get("name") or meta.get("itemprop")
            if key:
                found.setdefault(key.strip().lower(), meta.get("content", ""))
        return found

    @cached_property
    def jsonld(self) -> list[dict]:
        """Every JSON-LD object on the page (lists and ``@graph`` flattened); bad blocks skipped."""
        objects: list[dict] = []
        for script in xpath("//script[@type='application/ld+json']/text()")(self.tree):
            try:
                data = json.loads(script, strict=False)
            except ValueError:
                continue
            objects.extend(_flatten_jsonld(data))
        return objects

    @cached_property
    def news_article(self) -> dict:
        """The page's NewsArticle (or Article) JSON-LD object, ``{}`` if none."""
        for obj in self.jsonld:
            types = obj.get("@type")
            types = types if isinstance(types, list) else [types]
            if _ARTICLE_TYPES.intersection(t for t in types if isinstance(t, str)):
                return obj
        return {}

    @cached_property
    def scripts(self) -> str:
        """The inline scripts' text (cmsConfig, dataLayer), for the ``script`` rules."""
        return "\n".join(xpath("//script[not(@src)]/text()")(self.tree))

    def values(self, sources: Iterable[Source]) -> Iterator[str]:
        """Raw candidate strings from the sources, in order (lazy: stop when satisfied)."""
        for kind, key in sources:
            if kind == "meta":
                if key in self.metas:
                    yield self.metas[key]
            elif kind == "jsonld":
                yield from _jsonld_values(self.news_article.get(key))
            elif kind in ("xpath", "epoch"):
                for hit in self.find(key):
                    yield hit if isinstance(hit, str) else text_of(hit)
            elif kind == "script":
                match = _regex(key).search(self.scripts)
                if match:
                    yield match.group(1)
            elif kind == "given" and self.url:
                yield self.url

    def first_text(self, sources: Iterable[Source]) -> str:
        """The first non-empty cleaned value of the sources."""
        return next((text for text in map(clean, self.values(sources)) if text), "")


def _flatten_jsonld(data: object) -> Iterator[dict]:
    if isinstance(data, list):
        for item in data:
            yield from _flatten_jsonld(item)
    elif isinstance(data, dict):
        yield data
        yield from _flatten_jsonld(data.get("@graph", []))


def _jsonld_values(value: object) -> Iterator[str]:
    """Strings of a JSON-LD value: plain, ``{"name": …}`` (author), or a list of those."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        yield from _jsonld_values(value.get("name"))
    elif isinstance(value, list):
        for item in value:
            yield from _jsonld_values(item)


# --- identity --------------------------------------------------------------------------------


def absolute(href: str, base: str | None) -> str:
    """``href`` resolved against the page URL (urljoin only when needed: it is slow)."""
    href = href.strip()
    if href.startswith(("https://", "http://")) or not base:
        return href
    return urljoin(base, href)


def post_id(page: Page) -> int | None:
    """The article's identity: the first source giving a number or an article URL."""
    for value in page.values(rules.POST_ID_SOURCES):
        value = value.strip()
        found = int(value) if value.isdigit() else post_id_from_url(value)
        if found:
            return found
    return None


def canonical_url(page: Page) -> str:
    """The URL as the paper publishes it, made absolute against the URL given."""
    for value in page.values(rules.CANONICAL_SOURCES):
        if value.strip():
            return absolute(value, page.url)
    return ""


def _tagged(page: Page, sources: Iterable[Source]) -> Iterator[tuple[Source, str]]:
    for source in sources:
        for value in page.values([source]):
            yield source, value


# --- time ------------------------------------------------------------------------------------


def parse_datetime(value: str) -> datetime | None:
    """An aware datetime from ISO 8601 with ``+0700`` or ``+07:00``; naive means site time."""
    value = value.strip()
    if not value:
        return None
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        try:
            parsed = datetime.strptime(value, "%Y-%m-%dT%H:%M:%S%z")
        except ValueError:
            return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=SITE_TZ)


def _first_datetime(page: Page, sources: Iterable[Source]) -> datetime | None:
    for (kind, _key), value in _tagged(page, sources):
        found = _from_epoch(value) if kind == "epoch" else parse_datetime(value)
        if found:
            return found
    return None


def _from_epoch(value: str) -> datetime | None:
    value = value.strip()
    if not value.isdigit():
        return None
    return datetime.fromtimestamp(int(value), UTC).astimezone(SITE_TZ)


def published_at(page: Page) -> datetime | None:
    """Publication time as published (tienphong's modified < published is kept as is)."""
    return _first_datetime(page, rules.PUBLISHED_SOURCES)


def modified_at(page: Page) -> datetime | None:
    return _first_datetime(page, rules.MODIFIED_SOURCES)


# --- category, tags, author ------------------------------------------------------------------


def category(page: Page) -> tuple[str, str]:
    """(path, name) of the article's section: ``https://x.vn/kinh-te/thi-truong/`` gives
    ``"kinh-te/thi-truong"``. The breadcrumb's active link, else the deepest JSON-LD
    BreadcrumbList item, else the first breadcrumb link."""
    links = page.find(rules.BREADCRUMB_LINKS)
    chosen = [link for link in links if rules.BREADCRUMB_ACTIVE in classes(link)]
    if chosen:
        return _category_of(chosen[-1].get("href"), text_of(chosen[-1]))
    crumb = _deepest_breadcrumb(page)
    if crumb:
        return crumb
    if links:
        return _category_of(links[0].get("href"), text_of(links[0]))
    return "", ""


def _deepest_breadcrumb(page: Page) -> tuple[str, str] | None:
    items = []
    for obj in page.jsonld:
        if obj.get("@type") == "BreadcrumbList":
            items.extend(i for i in obj.get("itemListElement") or [] if isinstance(i, dict))
    if not items:
        return None
    last = max(items, key=lambda i: i.get("position") if isinstance(i.get("position"), int) else 0)
    item = last.get("item")
    if isinstance(item, dict):
        return _category_of(item.get("@id"), item.get("name"))
    return _category_of(item if isinstance(item, str) else None, last.get("name"))


def _category_of(href: str | None, name: str | None) -> tuple[str, str]:
    path = urlsplit(href or "").path.strip("/")
    path = path.removesuffix(".html")
    return path, clean(name)


def tags(page: Page) -> list[str]:
    """Tag names without the leading "#", deduplicated (case-insensitive), in page order.
    Pages without tag links fall back to the keywords meta (a comma list)."""
    names = [
        clean(text_of(link)).lstrip(rules.TAG_PREFIX).strip() or clean(link.get("title"))
        for link in page.find(rules.TAG_LINKS)
    ]
    if not any(names):
        for key in rules.TAG_META:
            if page.metas.get(key, "").strip():
                names = [clean(part) for part in page.metas[key].split(",")]
                break
    return _dedupe(names)


def _dedupe(names: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    kept = []
    for name in names:
        key = fold(name)
        if key and key not in seen:
            seen.add(key)
            kept.append(name)
    return kept


def author(page: Page) -> str:
    """The byline from the page's author elements/metas; "" when unknown."""
    return page.first_text(rules.AUTHOR_SOURCES)


def authors(byline: str) -> list[str]:
    """The names in a byline ("Hoàng Anh - Minh Tuấn" gives two)."""
    return [name for name in (n.strip() for n in rules.AUTHOR_SEPARATORS.split(byline)) if name]


def layout(page: Page, has_body: bool) -> str:
    """The page template; a page without the platform body is a special layout even when it
    does not say which (an e-magazine piece, as far as the platform is known)."""
    for value in page.values(rules.LAYOUT_SOURCES):
        lowered = value.replace("\\", "").lower()
        for marker, name in rules.LAYOUT_NAMES:
            if marker in lowered:
                return name
    return "normal" if has_body else "emagazine"


# --- related blocks and images ---------------------------------------------------------------


_BLOCK_OF_CLASS = {name: block for block, _tag, name in rules.RELATED_BLOCKS}
# One scan per tag name ("//*[…]" would test every element), with a substring test only: the
# exact class token is checked in Python on the few hits, which halves the scan's cost.
_CONTAINER_TAGS = dict.fromkeys(tag for _block, tag, _name in rules.RELATED_BLOCKS)
_RELATED_CONTAINERS = " | ".join(
    f"//{tag}["
    + " or ".join(f"contains(@class, '{name}')" for _b, t, name in rules.RELATED_BLOCKS if t == tag)
    + "]"
    for tag in _CONTAINER_TAGS
)


def related(page: Page) -> list[RelatedItem]:
    """Other articles the page lists, by block, in page order, each once per block.
    Read before pruning removes them."""
    items: list[RelatedItem] = []
    seen: set[tuple[str, object]] = set()
    heading_links = xpath(rules.RELATED_ITEM + rules.RELATED_ITEM_LINK.removeprefix("."))
    for container in page.find(_RELATED_CONTAINERS):
        block = next((_BLOCK_OF_CLASS[t] for t in classes(container) if t in _BLOCK_OF_CLASS), "")
        if not block:
            continue  # a substring hit only ("timeline-item" is no "timeline")
        # One query per block for the stories' heading links (one per story was a third of
        # the extraction time); a story without a heading link falls back to its first link.
        # (lxml hands out one proxy per node while it is referenced: the dict keeps them.)
        links: dict[etree._Element, etree._Element] = {}
        for link in heading_links(container):
            links.setdefault(next(link.iterancestors("article")), link)
        for story in xpath(rules.RELATED_ITEM)(container):
            item = _related_item(block, story, links.get(story), page.url)
            key = (block, item.post_id or item.url or fold(item.title))
            if item.title and key not in seen:
                seen.add(key)
                items.append(item)
    return items


def _related_item(
    block: str, story: etree._Element, link: etree._Element | None, base: str | None
) -> RelatedItem:
    if link is None:
        link = next(iter(xpath(".//a[@href]")(story)), None)
    title = url = ""
    if link is not None:
        title = clean(text_of(link)) or clean(link.get("title"))
        url = absolute(link.get("href", ""), base)
    ident = (story.get(rules.RELATED_ITEM_ID_ATTR) or "").strip()
    post = int(ident) if ident.isdigit() else post_id_from_url(url)
    return RelatedItem(block=block, title=title, url=url, post_id=post)


def image_of(img: etree._Element, base: str | None) -> Image | None:
    """The image's real URL (lazy ``data-src`` before a data: placeholder) and caption."""
    url = ""
    for attr in rules.IMAGE_URL_ATTRS:
        value = (img.get(attr) or "").strip()
        if value and not value.startswith("data:"):
            url = absolute(value, base)
            break
    if not url:
        return None
    caption = ""
    for expr in rules.IMAGE_CAPTIONS:
        hits = xpath(expr)(img)
        if hits:
            hit = hits[0]
            caption = clean(hit if isinstance(hit, str) else text_of(hit))
            if caption:
                break
    return Image(url=url, caption=caption)
