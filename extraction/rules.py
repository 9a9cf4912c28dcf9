"""Site knowledge of the "mcms" platform (baolaocai.vn and its sister papers), as data.

The code in ``core``/``metadata`` applies these rules and knows no class names of its own, so a
template change on the site is an edit here (trafilatura keeps its XPaths apart the same way).
Sources: ``../shared/research/site_structure.md`` section 2 and the real pages in
``../shared/fixtures/real/``. Every selector is XPath 1.0, compiled once by the code.

Source lists are ordered ``(kind, key)`` pairs, first hit wins:
  ``("meta", name)``   a ``<meta property|name=…>`` content (name lower-cased)
  ``("jsonld", key)``  a key of the page's NewsArticle JSON-LD
  ``("xpath", expr)``  an XPath giving elements (their text) or attribute strings
  ``("script", re)``   a regex over the inline scripts, group 1 is the value
  ``("epoch", expr)``  an XPath giving epoch seconds
  ``("given", None)``  the URL the caller passed

XPaths starting with ``.//`` search the article element only (``ARTICLE_ROOT``: a few hundred
nodes instead of the whole page, which is what keeps extraction fast); ``//`` searches the page.
"""

from __future__ import annotations

import re

from foundation.sites import all_sites


def has_class(name: str) -> str:
    """XPath predicate: ``@class`` holds the token ``name`` (not a substring: ``article__tag``
    must not match ``article__tags``, and older themes leave trailing spaces in ``@class``).
    The cheap substring test first lets libxml2 skip the string building on most elements."""
    return (
        f"(contains(@class, '{name}')"
        f" and contains(concat(' ', normalize-space(@class), ' '), ' {name} '))"
    )


C = has_class

# --- identity -------------------------------------------------------------------------------

#: A script id's digits must be the whole token: "3fcf6431-8b2e-…" (a UUID) or "123abc" is
#: no post id, where a bare ``(\d+)`` would read 3 or 123.
_WHOLE_NUMBER = r"(\d+)(?![\w.-])"

#: Where the numeric post id comes from, in order (a URL's id by ``foundation.post_ids``).
#: cmsConfig.objectId only counts on an article page (``pageType: 1``): on a category page it
#: is the zone id.
POST_ID_SOURCES: tuple[tuple[str, str | None], ...] = (
    ("xpath", "//link[@rel='canonical']/@href"),
    ("meta", "og:url"),
    (
        "script",
        r"cmsConfig\s*=\s*\{[^}]*?\bpageType\s*:\s*1\b[^}]*?\bobjectId\s*:\s*" + _WHOLE_NUMBER,
    ),
    ("script", r"\bcontentId\s*=\s*" + _WHOLE_NUMBER),  # older "v3" theme (tinnhanhchungkhoan)
    ("script", r"""['"]articleId['"]\s*:\s*['"]?""" + _WHOLE_NUMBER),  # dataLayer
    ("meta", "dable:item_id"),
    ("given", None),
)

#: The canonical URL as published, in order (og:url may be a short ``/post-<id>.html`` form).
CANONICAL_SOURCES: tuple[tuple[str, str | None], ...] = (
    ("xpath", "//link[@rel='canonical']/@href"),
    ("meta", "og:url"),
    ("given", None),
)

# --- title, sapo, body ------------------------------------------------------------------------

#: The element holding title, meta, sapo, body and tags (``div.article``; older theme:
#: ``div.main-column.article``). Scoped rules run inside it; the whole page when absent.
ARTICLE_ROOT = (
    f"//div[{C('article')}]"
    f"[.//*[{C('cms-title')} or {C('article__title')} or {C('article__body')}]]"
)

TITLE_SOURCES: tuple[tuple[str, str | None], ...] = (
    ("xpath", f".//h1[{C('cms-title')}]"),
    ("xpath", f".//h1[{C('article__title')}]"),
    ("xpath", f".//h1[{C('article__header')}]"),  # older theme: h1.article__header.cms-title
    ("jsonld", "headline"),
    ("meta", "og:title"),
)

SAPO_SOURCES: tuple[tuple[str, str | None], ...] = (
    ("xpath", f".//*[{C('article__sapo')}]"),  # div (baolaocai, nhandan) or h2 on some sites
    ("xpath", f".//*[{C('cms-desc')}]"),
    ("meta", "description"),
    ("meta", "og:description"),
)

#: The article text container. Without it the page takes the fallback path (e-magazine).
BODY = (
    f".//div[{C('article__body')}]",
    f".//div[{C('cms-body')}]",
    ".//*[@itemprop='articleBody']",
)

#: Lead image shown outside the body (nhandan's ``figure.article__avatar`` above the body).
LEAD_IMAGES = f".//figure[{C('article__avatar')}]//img"

# --- byline -----------------------------------------------------------------------------------

#: A byline that baolaocai puts as the LAST block of the body (legacy import style):
#: ``div.t1 > span.t2 "Anh Dũng"``. Tested on the body's last non-empty child only, so a
#: right-aligned bold line in the middle of the text is never taken for a byline.
TRAILING_BYLINE = f"self::div[{C('t1')}][.//span[{C('t2')}]]"

AUTHOR_SOURCES: tuple[tuple[str, str | None], ...] = (
    ("xpath", f".//div[{C('article__author')}]//*[{C('name')}]"),  # p.name (nhandan), span.name
    ("xpath", f".//div[{C('article__author')}]"),
    ("xpath", f".//a[{C('cms-author')}]"),  # p.author > a.cms-author (older theme)
    ("xpath", f".//div[{C('article__meta')}]//div[{C('author')}]"),  # tienphong meta byline
    ("meta", "dable:author"),
    ("jsonld", "author"),  # author.name; "" on baolaocai means unknown
    ("script", r"""['"]articleAuthor['"]\s*:\s*['"]([^'"]*)['"]"""),  # dataLayer
)

#: On a page without the platform body (e-magazine), the baolaocai byline can be anywhere.
FALLBACK_AUTHOR_SOURCES: tuple[tuple[str, str | None], ...] = (
    ("xpath", f"//div[{C('t1')}]/span[{C('t2')}]"),
)

# --- time -------------------------------------------------------------------------------------

PUBLISHED_SOURCES: tuple[tuple[str, str | None], ...] = (
    ("meta", "article:published_time"),
    ("jsonld", "datePublished"),
    ("xpath", f".//div[{C('article__meta')}]//time/@datetime"),
    ("xpath", f".//meta[{C('cms-date')}]/@content"),
    ("epoch", f".//div[{C('article__meta')}]//*[@data-time]/@data-time"),
)

MODIFIED_SOURCES: tuple[tuple[str, str | None], ...] = (
    ("meta", "article:modified_time"),
    ("jsonld", "dateModified"),
)

#: The site's zone: naive times are wall-clock Asia/Ho_Chi_Minh, UTC+7 all year (no DST).
SITE_UTC_OFFSET_HOURS = 7

# --- category and tags ------------------------------------------------------------------------

#: Breadcrumb links, in page order. The ``a.active`` one is the article's own section; without
#: it the JSON-LD BreadcrumbList is used, then the first link. (tinnhanhchungkhoan's
#: ``ul.breadcrumbs`` lists the parent then its sibling sections, so "last" would be wrong.)
BREADCRUMB_LINKS = (
    f"//div[{C('breadcrumbs')} or {C('breadcrumb')}]//h2/a[@href]"
    f" | //ul[{C('breadcrumbs')}]/li/a[@href]"
)
BREADCRUMB_ACTIVE = "active"  # class of the current level's link

#: Tag links: ``div.article__tags`` (plural, baolaocai) and ``div.article__tag`` (singular).
TAG_LINKS = (
    f".//div[{C('article__tags')} or {C('article__tag')}]//a[not(ancestor::*[{C('box-heading')}])]"
)
TAG_PREFIX = "#"
#: Comma lists used when the page has no tag links (baolaocai adds a trailing comma).
TAG_META = ("keywords", "news_keywords")

# --- related blocks ---------------------------------------------------------------------------

#: Blocks listing OTHER articles, as (block name, container tag, container class): read into
#: ``Article.related``, pruned from every body.
RELATED_BLOCKS: tuple[tuple[str, str, str], ...] = (
    ("suggest", "section", "suggest"),  # Có thể bạn quan tâm
    ("suggest", "div", "many-pack"),  # Có thể bạn quan tâm (nhandan)
    ("timeline", "div", "timeline"),  # Tin cùng chuyên mục
    ("related", "div", "related-news"),  # Tin liên quan (nhandan), Xem thêm (tienphong)
    ("related", "div", "article-relate"),  # boxes inside the body (tienphong)
    ("related", "div", "article__list"),  # Tin bài liên quan (older theme)
    ("more", "div", "article__more-news"),  # Tin cùng chuyên mục (older theme)
    ("more", "div", "basic-box-9"),  # Cùng chuyên mục (tienphong)
)
# Inside a related block a substring test of @class is precise enough, and much cheaper than
# the token test (these run on every item of every block).
RELATED_ITEM = ".//article[contains(@class, 'story')]"
RELATED_ITEM_LINK = ".//*[contains(@class, 'story__heading')]//a[@href]"
RELATED_ITEM_ID_ATTR = "data-id"  # else the id in the item's URL

#: Headings of related/boilerplate blocks: text that must never appear in a body. The warehouse
#: checks import this list. A body paragraph equal to one of these (or starting with it plus ":")
#: is dropped.
RELATED_HEADINGS: tuple[str, ...] = (
    "Có thể bạn quan tâm",
    "Tin cùng chuyên mục",
    "Cùng chuyên mục",
    "Tin liên quan",
    "Tin bài liên quan",
    "Xem thêm",
    "Quay về E-magazine",
    # each site's own phrases ("Theo dõi Báo Lào Cai trên"), from its profile
    *dict.fromkeys(phrase for site in all_sites().values() for phrase in site.boilerplate),
)

# --- pruning ----------------------------------------------------------------------------------
# Node tests without an axis: "//" is prefixed for the whole page (fallback) and ".//" for the
# body (platform path), so both paths prune the same things.

NON_TEXT_NODES = (
    "script",
    "style",
    "noscript",  # lazy-image fallbacks repeat the <img>
    "template",
    "iframe",
    "object",
    "embed",
    "video",
    "audio",
    "svg",
    "canvas",
    "button",
    "input",
    "select",
    "textarea",
)

AD_NODES = (
    f"div[{C('rennab')} or {C('rennab-wrap')}]",  # "banner" backwards
    "*[starts-with(@id, 'sdaWeb_') or starts-with(@id, 'adsWeb_')]",
    f"div[{C('sda_middle')} or {C('ads_middle')}]",
    "ins[@data-key or @data-ad-client or @data-ad-slot]",  # injected ad-network slots
)

CHROME_NODES = (
    f"div[{C('social')}]",  # the "fb yt zl tw" line, and share bars (div.social.social-share)
    f"*[{C('article__social')}]",
    f"div[{C('fb-like')}]",
    f"a[{C('gg-news')} or {C('gg-prefer')}]",  # "Theo dõi Báo Lào Cai trên Google News"
    f"div[{C('wrap-comment')} or {C('article__comment')}]",
    f"div[{C('hidden-player')} or {C('tts-player')}]",  # text-to-speech players
    "a[contains(normalize-space(.), 'Quay về E-magazine')]",
    # each site's own pruning rules (node tests, no axis), from its profile
    *dict.fromkeys(xpath for site in all_sites().values() for xpath in site.prune_xpaths),
)

#: Bylines inside the body: their text goes to ``author`` (read before pruning).
BYLINE_NODES = (f"div[{C('article__author')}]",)

#: Related blocks, wherever they are (tienphong drops div.article-relate boxes in the body).
RELATED_NODES = tuple(f"{tag}[{C(name)}]" for _, tag, name in RELATED_BLOCKS) + (
    "*[@data-source='related-news']",
)

#: Page furniture outside the article: pruned only for the whole-page fallback.
PAGE_ONLY_NODES = (
    "header",
    "footer",
    "nav",
    f"div[{C('navigation')}]",
    f"div[{C('breadcrumbs')} or {C('breadcrumb')}]",
    f"ul[{C('breadcrumbs')}]",
    f"div[{C('article__meta')}]",
    f"div[{C('article__tags')} or {C('article__tag')}]",
    f"div[{C('article-footer')}]",
    f"div[{C('sub-col')} or {C('sub-column')}]",
    f"section[{C('hot-news')} or {C('slide')}]",
    f"div[{C('local-news')} or {C('trending')}]",
    f"div[{C('back-to-top')}]",
    f"div[{C('t1')}][span[{C('t2')}]]",  # the byline, read into ``author`` (e-magazine pages)
    f"div[{C('box-default')}]",
    "*[@data-source='mostread-news' or starts-with(@data-source, 'recommendation-')"
    " or starts-with(@data-source, 'zone-box') or starts-with(@data-source, 'topic-box')"
    " or starts-with(@data-source, 'latest-news') or starts-with(@data-source, 'mostread-news-')]",
)

BODY_PRUNE_NODES = NON_TEXT_NODES + AD_NODES + CHROME_NODES + BYLINE_NODES + RELATED_NODES

#: For ``trafilatura.extract(prune_xpath=…)`` on pages without a platform body.
PAGE_PRUNE_XPATHS: tuple[str, ...] = tuple(
    "//" + node for node in BODY_PRUNE_NODES + PAGE_ONLY_NODES
)

#: The same node tests as one union expression, applied to the body element only.
BODY_PRUNE_XPATH = " | ".join(".//" + node for node in BODY_PRUNE_NODES)

# --- body text --------------------------------------------------------------------------------

#: Elements that start and end a paragraph (bare <div>s are paragraphs on baolaocai).
BLOCK_TAGS = frozenset(
    {
        *("p", "div", "section", "article", "aside", "main", "blockquote", "address", "center"),
        *("figure", "figcaption", "details", "summary", "pre", "hr", "header", "footer", "nav"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "fieldset"),
        *("table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption"),
    }
)
#: Never text, even if a prune rule missed them.
SKIP_TAGS = frozenset(NON_TEXT_NODES) | {"img", "picture", "source", "map", "head", "title"}

# --- images -----------------------------------------------------------------------------------

#: Lazy-loading: the real URL is in data-src; src is often a data:GIF placeholder.
IMAGE_URL_ATTRS = ("data-src", "data-original", "src", "data-large-src")

#: Caption of an <img>, relative to the img, in order.
IMAGE_CAPTIONS = (
    "ancestor::figure[1]/figcaption",
    f"ancestor::figure[1]/following-sibling::*[1][self::p[{C('imgdesc')}]]",  # older theme
    "ancestor::figure[1]/following-sibling::figcaption[1]",  # div.layout-image-N: shared caption
    f"ancestor::table[{C('picture')}][1]//td[{C('caption')}]",  # 2022–2024 pages
    "@cms-photo-caption",
)

# --- layout and Markdown -----------------------------------------------------------------------

#: The page template, from dataLayer ``articleType`` (baolaocai 'normal', nhandan
#: 'detail\-normal') or the ``<body>`` class; mapped to our layout names, first hit wins.
LAYOUT_SOURCES: tuple[tuple[str, str | None], ...] = (
    ("script", r"""['"]articleType['"]\s*:\s*['"]([^'"]+)['"]"""),
    ("xpath", "//body/@class"),
)
LAYOUT_NAMES: tuple[tuple[str, str], ...] = (  # (substring of the source value, layout)
    ("emagazine", "emagazine"),
    ("e-magazine", "emagazine"),
    ("photo", "photo"),
    ("video", "video"),
    ("infographic", "infographic"),
    ("podcast", "podcast"),
    ("normal", "normal"),
)

#: Block elements whose paragraphs are image captions (kept as text, in place).
CAPTION_CLASSES = frozenset({"caption", "imgdesc", "image-caption"})

#: How a byline names several authors ("Hoàng Anh - Minh Tuấn", "Thu Hà, Văn Tiến").
AUTHOR_SEPARATORS = re.compile(r"\s+-\s+|\s*[,;]\s*|\s+và\s+")

# --- fallback path (pages without the platform body) ------------------------------------------
# trafilatura chooses the text; the block walker gives it structure but may only take text away
# (``fallback``). Tested on the offsite set (``bench/offsite``) and the e-magazine pages.

#: The walker reads only the deepest element holding this share of the paragraph text it
#: located, so a stray sidebar or newsletter line trafilatura kept does not widen it to a column.
FALLBACK_REGION_SHARE = 0.8
#: A line this long is a paragraph for choosing that region; shorter ones weigh nothing.
FALLBACK_PARAGRAPH_CHARS = 30
#: A block with this share of its characters in links is a link list or a "Read more: <a>" line.
FALLBACK_MAX_LINK_SHARE = 0.5
#: Below this share of trafilatura's text located, trafilatura's own blocks are the body.
FALLBACK_MIN_LOCATED = 0.8
#: A walker line trafilatura joined with others is matched as a part of one from this length
#: (shorter parts, "Chia sẻ" or "Share", are found inside any paragraph).
FALLBACK_MIN_PART_CHARS = 30
#: Kinds the walker keeps in its region though trafilatura did not return them: trafilatura
#: drops image captions, which our bodies keep in place.
FALLBACK_UNGUARDED_KINDS = frozenset({"caption"})
#: Lines of page furniture that sit inside an article's text on many sites, as regexes (case
#: ignored) searched in lines of at most ``FALLBACK_CHROME_LINE_MAX`` characters.
FALLBACK_CHROME_LINE_MAX = 120
FALLBACK_CHROME_LINES: tuple[str, ...] = (
    # "follow us on …" calls: Vietnamese, English, French, German, Spanish, Indonesian, Russian
    r"^(theo dõi|follow|suivez|folgen sie|síguenos|sigue|ikuti|simak|подписывайтесь)\b.{0,80}"
    r"\b(google news|zalo|facebook|telegram|youtube|whatsapp|tiktok|instagram|twitter)\b",
    r"^\W{0,2}(©|copyright\b|bản quyền\b|저작권자|all rights reserved)",  # copyright notices
    r"\b(lượt xem|lượt đọc|views|просмотров|dibaca|czytano)\s*:?\s*\d",  # view counters
    r"^\S.{0,40}\s[\w.+-]+@[\w-]+(\.[\w-]+)+$",  # a name then an e-mail address: a byline
    r"^(bài|thực hiện|nội dung)\s*:.{1,60}\b(ảnh|thiết kế|đồ họa|trình bày)\s*:",  # credits
    r"^[^\W\d_]{2,4}(/[^\W\d_]{2,4}){1,3}$",  # a news agency's desk initials: "ep/mb"
)
