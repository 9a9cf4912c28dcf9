"""``extract_article``: one article page in, one ``Article`` out. Pure: no I/O, no database.

Two paths:
- platform: the page has the CMS body (``div.article__body``). lxml only, no trafilatura, so a
  core does hundreds of pages a second. Related blocks are read first, then ads, bylines and
  related boxes are pruned inside the body, then every block element becomes one paragraph.
- fallback: no platform body (an e-magazine piece, another site's page). trafilatura on the
  whole page with the platform's boilerplate pruned by ``rules.PAGE_PRUNE_XPATHS``; the block
  walker gives its text structure and may only take text away (``fallback``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from lxml import etree

from . import metadata, rules
from .blocks import Block, paragraphs
from .fallback import fallback_blocks
from .metadata import Page, xpath
from .record import Article, Image
from .text import UndecodableError, clean, content_hash, fold, markdown, page_encoding
from .tree import drop, text_of

_HEADING_KEYS = tuple(fold(heading) for heading in rules.RELATED_HEADINGS)
_HEADING_MAX = max(map(len, _HEADING_KEYS)) + 2  # longer paragraphs can only be "Heading: …"


class ExtractionError(ValueError):
    """The page cannot become an Article (not an article, not decodable). The message is one
    line for the caller's log."""


def extract_article(
    html: bytes | str, url: str | None = None, require_post_id: bool = True
) -> Article:
    """Extract one article page. ``url`` is where it was fetched (used when the page has no
    canonical URL, and to resolve relative links). Raises ``ExtractionError``.

    The archive keys every article by its post id, so by default a page without one is no
    article. ``require_post_id=False`` reads any page with a title (another site's, say, to
    measure the fallback path); ``post_id`` is then None when no source gives one."""
    page = Page(_parse(html, url), url)
    title = page.first_text(rules.TITLE_SOURCES)
    if not title:
        raise ExtractionError(f"no title: not an article page ({url or 'no url given'})")
    post_id = metadata.post_id(page)
    if post_id is None and require_post_id:
        raise ExtractionError(f"no post id: not an article page ({url or 'no url given'})")

    # Every field is read before the body step prunes the tree (trafilatura prunes it too).
    article = Article(
        post_id=post_id,
        url=metadata.canonical_url(page),
        title=title,
        sapo=page.first_text(rules.SAPO_SOURCES),
        author=metadata.author(page),
        published_at=metadata.published_at(page),
        modified_at=metadata.modified_at(page),
        tags=metadata.tags(page),
        related=metadata.related(page),
        images=_images(page.find(rules.LEAD_IMAGES), page.url),
    )
    article.category, article.category_name = metadata.category(page)
    og_image = page.metas.get("og:image", "").strip()

    body_element = next((found[0] for found in map(page.find, rules.BODY) if found), None)
    if body_element is not None:
        blocks, byline, body_images = _platform_body(body_element, page.url)
        article.author = byline or article.author
        article.images = _unique_images(article.images + body_images)
    else:
        article.author = article.author or page.first_text(rules.FALLBACK_AUTHOR_SOURCES)
        blocks = fallback_blocks(page, article.title, article.sapo)
        article.method = "fallback"
    if not article.images and og_image:
        article.images = [Image(url=og_image)]

    blocks = [(kind, text) for kind, text in blocks if not _is_related_heading(text)]
    article.body = "\n\n".join(text for _, text in blocks)
    article.body_markdown = markdown(blocks)
    article.word_count = len(article.body.split())
    article.authors = metadata.authors(article.author)
    article.layout = metadata.layout(page, has_body=body_element is not None)
    article.content_hash = content_hash(article.title, article.body)
    return article


def _parse(html: bytes | str, url: str | None) -> etree._Element:
    """Check the encoding (bytes: declared charset, strictly) and parse the bytes once."""
    if isinstance(html, str):
        html, codec = html.encode("utf-8"), "utf-8"
    else:
        try:
            codec = page_encoding(html)
        except UndecodableError as error:
            raise ExtractionError(f"undecodable page ({url or 'no url given'}): {error}") from None
    if not html.strip():
        raise ExtractionError(f"empty page ({url or 'no url given'})")
    try:
        root = etree.fromstring(html, parser=_parser(codec))
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as error:
        raise ExtractionError(f"unparsable page ({url or 'no url given'}): {error}") from None
    if root is None:
        raise ExtractionError(f"unparsable page ({url or 'no url given'}): no document")
    return root


@functools.cache
def _parser(codec: str) -> etree.HTMLParser:
    """libxml2 parses the bytes in the checked codec (no str round trip); ids are not indexed
    (nothing looks elements up by id), which saves a fifth of the parse."""
    return etree.HTMLParser(encoding=codec.removesuffix("-sig"), collect_ids=False)


# --- platform path ---------------------------------------------------------------------------


def _platform_body(body: etree._Element, base: str | None) -> tuple[list[Block], str, list[Image]]:
    """(blocks, trailing byline, images) of the CMS body, after pruning it in place."""
    for node in xpath(rules.BODY_PRUNE_XPATH)(body):
        drop(node)  # keeps the tail text
    byline = _pop_trailing_byline(body)
    return paragraphs(body), byline, _images(body.iter("img"), base)


def _pop_trailing_byline(body: etree._Element) -> str:
    """Remove and return baolaocai's byline block if it is the body's last text."""
    is_byline = xpath(rules.TRAILING_BYLINE)
    for child in reversed(body):
        if (child.tail or "").strip():
            return ""  # loose text after it: the last text is not a byline block
        text = clean(text_of(child)) if isinstance(child.tag, str) else ""
        if not text:
            continue
        if is_byline(child):
            drop(child)
            return text
        return ""
    return ""


def _is_related_heading(paragraph: str) -> bool:
    """A paragraph that is a related-block heading ("Xem thêm", "Tin liên quan: …")."""
    if ":" not in paragraph and len(paragraph) > _HEADING_MAX:
        return False
    key = fold(paragraph)
    return any(key.rstrip(" :") == h or key.startswith((h + ":", h + " :")) for h in _HEADING_KEYS)


def _images(imgs: Iterable[etree._Element], base: str | None) -> list[Image]:
    found = (metadata.image_of(img, base) for img in imgs)
    return _unique_images([image for image in found if image])


def _unique_images(images: list[Image]) -> list[Image]:
    """First occurrence of each URL (the lead image often repeats in the body)."""
    seen: set[str] = set()
    unique = []
    for image in images:
        if image.url not in seen:
            seen.add(image.url)
            unique.append(image)
    return unique
