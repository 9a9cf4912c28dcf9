"""HTML pages in the platform's real markup: article, category listing, home, not-found.

``render_article`` is the one that matters: it turns a ``ReplicaArticle`` (generated or made by
hand) into the page a crawler would fetch, with everything an extractor must find (title, sapo,
body, byline, times, tags, images) and everything it must leave out (menus, ads, sidebars,
"Có thể bạn quan tâm", "Tin cùng chuyên mục", "Tin liên quan", social line, footer). The
article's ``Layout`` picks the template (normal, e-magazine, photo, video) and the markup
variants of sister sites on the platform; ``ReplicaArticle.kinds`` how each paragraph is marked
up (paragraph, subheading, list item, quote, info-box line, image caption).
"""

from __future__ import annotations

import base64
import hashlib
import zlib
from urllib.parse import quote

from . import chrome
from .chrome import SITE_NAME, absolute, ad, attr, js_string, text
from .content import ReplicaArticle, Site, thumbnail_path, video_path
from .slugs import slugify
from .taxonomy import Category, categories, category, root_of
from .timefmt import epoch, iso, visible

CATEGORY_PAGE_SIZE = 20
HOME_PAGE_SIZE = 30

#: The paper's name as a byline's source (``em.cms-source``).
SOURCE_NAME = "Báo Lào Cai"

#: Inline style the body opens with (the real page styles its byline classes this way).
_BODY_STYLE = "<style>.t1 { text-align: right; } .t2 { font-weight: bold; }</style>"


def tag_path(tag: str) -> str:
    """``/tu-khoa/<slug>-tag<ID>.html`` with a stable id per tag text."""
    tag_id = 10_000 + zlib.crc32(tag.encode("utf-8")) % 90_000
    return f"/tu-khoa/{slugify(tag) or 'tag'}-tag{tag_id}.html"


def keywords(tags: list[str]) -> str:
    """The keywords/article:tag/dataLayer form: comma-joined with a trailing comma."""
    return "".join(f"{t}," for t in tags)


# -- article --------------------------------------------------------------------------------


def render_article(article: ReplicaArticle, site: Site, base_url: str) -> str:
    """The article's page. ``suggest``/``timeline``/``related`` ids must be in ``site``."""
    base_url = base_url.rstrip("/")
    listed = [*article.suggest, *article.timeline, *article.related]
    missing = [post_id for post_id in listed if post_id not in site]
    if missing:
        raise KeyError(f"article {article.post_id} lists ids the site does not have: {missing}")
    cat = category(article.category)
    url = article.url(base_url)
    lead = article.images[0][0] if article.images else None
    image = absolute(base_url, lead or thumbnail_path(site.seed, article.post_id, article.slug))
    colon = article.layout.offset_colon
    published, modified = iso(article.published_at, colon), iso(article.modified_at, colon)
    head = " ".join(
        (
            f"<title>{text(article.title)} | {SITE_NAME}</title>",
            f'<meta name="description" content="{attr(article.sapo)}"/>',
            f'<meta name="keywords" content="{attr(keywords(article.tags))}"/>',
            f'<meta name="news_keywords" content="{attr(keywords(article.tags))}"/>',
            chrome.head_common(base_url),
            chrome.cms_config(base_url, 1, article.post_id, cat.zone_id),
            _canonical_redirect(url),
            f'<meta name="author" content="{SITE_NAME}" />',
            '<meta name="robots" content="noarchive, max-image-preview:large, index, follow" />',
            f'<link rel="canonical" href="{url}" />',
            f'<meta property="og:site_name" content="{SITE_NAME}"/>',
            '<meta property="og:type" content="article"/>',
            f'<meta property="og:url" content="{url}"/>',
            f'<meta property="og:image" content="{attr(image)}"/>',
            '<meta property="og:image:width" content="1200"/>',
            '<meta property="og:image:height" content="630"/>',
            f'<meta property="og:title" content="{attr(article.title)}"/>',
            f'<meta property="og:description" content="{attr(article.sapo)}"/>',
            '<meta name="twitter:card" value="summary"/>',
            f'<meta name="twitter:url" content="{url}"/>',
            f'<meta name="twitter:title" content="{attr(article.title)}"/>',
            f'<meta name="twitter:description" content="{attr(article.sapo)}"/>',
            f'<meta property="article:tag" content="{attr(keywords(article.tags))}"/>',
            f'<meta property="article:section" content="{attr(cat.name)}" />',
            f'<meta property="article:published_time" content="{published}"/>',
            f'<meta property="article:modified_time" content="{modified}"/>',
            chrome.organisation_ld(base_url),
            chrome.website_ld(base_url),
            chrome.breadcrumb_ld(base_url, cat),
            _news_article_ld(article, url, image, published, modified),
            _data_layer(article, cat, url, image, published),
        )
    )
    if article.layout.template == "emagazine":
        body = _emagazine_page(article, site, base_url, cat, url, published)
    else:
        body = _normal_page(article, site, base_url, cat, url, published)
    return f'<!DOCTYPE html> <html lang="vi"> <head> {head} </head> {body} </html>'


def _normal_page(
    article: ReplicaArticle, site: Site, base_url: str, cat: Category, url: str, published: str
) -> str:
    """The real page's skeleton (templates normal, photo and video)."""
    main = " ".join(
        (
            f'<h1 class="article__title cms-title "> {text(article.title)} </h1>',
            _meta(article, base_url, url, published),
            '<div class="article__sapo cms-desc"> <i class="laocai-icon"></i> '
            f"{text(article.sapo)} </div>",
            ad("SdaArticleAfterSapo"),
            _body(article, site, base_url),
            _related_news(article, site, base_url),
            _tags(article, base_url),
            ad("SdaArticleAfterTag"),
            f'<div class="article__meta"> {_share_row(url)} </div>',
            f'<div class="wrap-comment" id="comment{article.post_id}" '
            f'data-id="{article.post_id}" data-type="20"></div>',
            ad("SdaArticleAfterComment"),
        )
    )
    sidebar = " ".join(
        (
            '<div id="sidebar-top-1">',
            ad("SdaRight1"),
            chrome.hot_news(site, base_url, article.post_id),
            chrome.local_news(base_url),
            "</div>",
        )
    )
    return " ".join(
        (
            '<body class="">',
            chrome.site_header(base_url, root_of(article.category)),
            '<div class="site-body"> <div class="container detail">',
            f'<div class="rennab-wrap"> {ad("SdaTop")} </div>',
            _breadcrumbs(cat, base_url),
            '<div class="col"> <div class="main-col content-col"> <div class="article">',
            main,
            "</div> </div>",
            f'<div class="sub-col sidebar-right"> {sidebar} </div>',
            "</div>",
            _after_article(article, site, base_url, cat),
            f'<div class="rennab-wrap"> {ad("SdaBottom")} </div>',
            "</div>",
            chrome.social_line(),
            "</div>",
            chrome.site_footer(base_url),
            "</body>",
        )
    )


def _after_article(article: ReplicaArticle, site: Site, base_url: str, cat: Category) -> str:
    """ "Có thể bạn quan tâm", then "Tin cùng chuyên mục" beside the print-edition sidebar."""
    return " ".join(
        (
            _suggest(article, site, base_url, cat),
            ad("SdaArticleAfterRecommend"),
            '<div class="col"> <div class="main-col content-col1">',
            _timeline(article, site, base_url, cat),
            "</div>",
            '<div class="sub-col sidebar-right1"> <div id="sidebar-top-2">',
            chrome.print_edition(site, base_url),
            "</div> </div> </div>",
        )
    )


def _emagazine_page(
    article: ReplicaArticle, site: Site, base_url: str, cat: Category, url: str, published: str
) -> str:
    """An e-magazine piece: no ``div.article`` and no ``div.article__body``. The wrapper has
    the back link and the Google News box on top, the cover (title, sapo, time and a
    ``p.author`` byline), then ``div.emag-content`` with ``<p>`` paragraphs, figures and the
    in-body byline. The related blocks and the social line follow as on any article."""
    back = f"{base_url}{category('e-magazine').path}" if "e-magazine" in categories() else "/"
    content = "\n".join(_content(article, site, base_url))
    cover_meta = (
        f'<div class="article__meta"> {_time(article, published)} {_p_author(article, base_url)}'
        " </div>"
    )
    return " ".join(
        (
            '<body class="emagazine">',
            chrome.site_header(base_url, root_of(article.category)),
            '<div class="site-body"> <div class="emag-wrapper">',
            '<div class="emag-top">',
            f'<a class="back" href="{back}" title="Quay về E-magazine">Quay về E-magazine</a>',
            _gg_news(),
            "</div>",
            '<div class="emag-cover">',
            f'<h1 class="emag-title">{text(article.title)}</h1>',
            f'<div class="emag-sapo">{text(article.sapo)}</div>',
            cover_meta,
            "</div>",
            f'<div class="emag-content"> {content} </div>',
            _related_news(article, site, base_url),
            _tags(article, base_url),
            "</div>",
            '<div class="container detail">',
            _after_article(article, site, base_url, cat),
            "</div>",
            chrome.social_line(),
            "</div>",
            chrome.site_footer(base_url),
            "</body>",
        )
    )


def _canonical_redirect(url: str) -> str:
    """The platform sends browsers to the canonical URL from JS (not when a port is given)."""
    return (
        f"<script> var canonicalUrl = '{js_string(url)}'; "
        "if (!location.port && location.href.split(/[?#]/)[0] !== canonicalUrl) "
        "{ location.replace(canonicalUrl + location.search + location.hash); } </script>"
    )


def _news_article_ld(
    article: ReplicaArticle, url: str, image: str, published: str, modified: str
) -> str:
    # baolaocai leaves author.name empty; the ld_author variant fills it in.
    author = article.author if article.layout.ld_author else ""
    return chrome.json_ld(
        {
            "@context": "http://schema.org",
            "@type": "NewsArticle",
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "headline": article.title,
            "description": article.sapo,
            "image": {"@type": "ImageObject", "url": image, "width": 1200, "height": 675},
            "datePublished": published,
            "dateModified": modified,
            "author": {"@type": "Person", "name": author},
            "publisher": {"@type": "Organization", "name": SITE_NAME},
        }
    )


def _data_layer(
    article: ReplicaArticle, cat: Category, url: str, image: str, published: str
) -> str:
    fields = {
        "event": "Pageview",
        "articleId": str(article.post_id),
        "articleTitle": article.title,
        "articleCategory": cat.name,
        "articleType": article.layout.template,
        "articleTags": keywords(article.tags),
        "articlePublishDate": published,
        "articleThumbnail": image,
        "articleShortUrl": url,
        "articleFullUrl": url,
    }
    pushed = " ".join(f"'{k}': '{js_string(v)}'," for k, v in fields.items())
    page_category = js_string("/" + cat.topic_id).replace("-", "\\-")
    return (
        f"<script> var _metaOgUrl = '{js_string(url)}'; "
        f"var cate_path = '{js_string(cat.topic_id)}'; </script> "
        "<script>window.dataLayer = window.dataLayer || [];"
        f"dataLayer.push({{'pageCategory': '{page_category}'}});</script> "
        "<script> window.dataLayer = window.dataLayer || []; "
        f"dataLayer.push({{ {pushed} }}); </script>"
    )


def _breadcrumbs(cat: Category, base_url: str) -> str:
    return (
        '<div class="breadcrumbs"> <h2 class="main"> '
        f'<a href="{base_url}{cat.path}" title="{attr(cat.name)}" class="active">'
        f"{text(cat.name)}</a> </h2> </div>"
    )


def _gg_news() -> str:
    return (
        f'<a class="gg-news" href="{attr(chrome.GOOGLE_NEWS)}" target="_blank"> '
        "<span>Theo dõi Báo Lào Cai trên</span> "
        '<img src="/assets/web/styles/img/gg-news.png" alt="Google News"> </a>'
    )


def _share_row(url: str) -> str:
    return (
        '<div class="row"> '
        f'<div class="fb-like" data-href="{url}" data-width="" data-layout="button_count" '
        'data-action="like" data-size="small" data-share="true"></div> '
        '<div class="social social-share"> '
        f'<a href="javascript:void(0);" class="tw" data-rel="twitter" data-href="{url}" '
        'title="Chia sẻ qua Twitter">Chia sẻ qua Twitter</a> '
        '<a href="javascript:void(0);" class="print sendprint" title="In bài viết">In bài viết</a> '
        f'<a href="javascript:void(0);" class="mail sendmail" data-href="{url}" '
        'title="Chia sẻ qua Email">Chia sẻ qua Email</a> </div> '
        f"{_gg_news()} </div>"
    )


def _time(article: ReplicaArticle, published: str) -> str:
    moment = article.published_at
    return (
        f'<time class="time" datetime="{published}"><i class="ic-calendar"></i>'
        f'<span data-time="{epoch(moment)}" data-format="long" data-friendly="true">'
        f"{visible(moment)}</span></time>"
    )


def _p_author(article: ReplicaArticle, base_url: str) -> str:
    """The ``p.author`` byline (tinnhanhchungkhoan's), when the layout puts it in the meta."""
    if article.layout.byline != "p.author" or not article.author:
        return ""
    href = f"{base_url}/author-search.html?q={quote(article.author)}"
    return (
        f'<p class="author"><a class="cms-author" href="{attr(href)}">{text(article.author)}</a>'
        f' <em class="cms-source">/ {SOURCE_NAME}</em></p>'
    )


def _meta(article: ReplicaArticle, base_url: str, url: str, published: str) -> str:
    return (
        '<div class="article__meta"> <div class="row"> '
        f"{_time(article, published)} "
        f'<meta class="cms-date" itemprop="datePublished" content="{published}"> </div> '
        f"{_p_author(article, base_url)}{_share_row(url)} </div>"
    )


def _inline(value: str) -> str:
    """Paragraph text: escaped, a "\n" as a ``<br>`` line break."""
    return text(value).replace("\n", "<br>")


def _paragraph(article: ReplicaArticle, index: int, paragraph: str, tag: str) -> str:
    if tag == "p":
        return f"<p>{_inline(paragraph)}</p>"
    # baolaocai's imported bodies: a leading space, often a trailing &nbsp;, a newline.
    tail = "&nbsp;" if (article.post_id + index) % 3 == 0 else ""
    return f"<div> {_inline(paragraph)}{tail}\n</div>"


def _image(style: str, base_url: str, url: str, caption: str) -> str:
    src, cap = attr(absolute(base_url, url)), _inline(caption)
    if style == "table":
        return (
            '<table class="picture" align="center"> <tbody> <tr> <td class="pic">'
            f'<img src="{src}" class="cms-photo" alt="{attr(caption)}"></td> </tr> '
            f'<tr> <td class="caption"><p>{cap}</p></td> </tr> </tbody> </table>'
        )
    if style == "picture":  # the photo template (tienphong's: the alt is the file name)
        name = url.rsplit("/", 1)[-1].removesuffix(".webp")
        return (
            f'<figure class="picture"> <img class="lazyload" src="{chrome.PLACEHOLDER_GIF}" '
            f'data-src="{src}" alt="{attr(name)}"> <figcaption>{cap}</figcaption> </figure>'
        )
    if style == "lazy":
        img = (
            f'<img class="lazyload cms-photo" src="{chrome.PLACEHOLDER_GIF}" data-src="{src}" '
            f'alt="{attr(caption)}">'
        )
    else:
        img = f'<img class="cms-photo" src="{src}" alt="{attr(caption)}">'
    return f'<figure class="image align-center"> {img} <figcaption>{cap}</figcaption> </figure>'


def _groups(article: ReplicaArticle) -> list[list[tuple[int, str, str]]]:
    """The paragraphs as rendered blocks: consecutive list items (one list), consecutive notes
    (one box), anything else alone. Items are (1-based index, kind, text)."""
    groups: list[list[tuple[int, str, str]]] = []
    for index, (kind, paragraph) in enumerate(article.blocks, start=1):
        joins = kind in ("li", "oli", "note") and groups and groups[-1][-1][1] == kind
        if joins:
            groups[-1].append((index, kind, paragraph))
        else:
            groups.append([(index, kind, paragraph)])
    return groups


def _content(article: ReplicaArticle, site: Site, base_url: str) -> list[str]:
    """The article's blocks in page order (video player, paragraphs, images, in-body ads and
    related boxes), then the in-body byline: the inside of ``div.article__body`` or
    ``div.emag-content``."""
    layout = article.layout
    emagazine = layout.template == "emagazine"
    tag = "p" if emagazine else layout.paragraphs
    style = "picture" if layout.template == "photo" else layout.images
    pending = list(article.images)  # (url, caption) not rendered yet, in order

    def images_up_to_caption() -> list[str]:
        out = []
        while pending:
            url, caption = pending.pop(0)
            out.append(_image(style, base_url, url, caption))
            if caption:
                break
        return out

    rendered: list[str] = []
    kinds: list[str] = []  # of each rendered block
    for group in _groups(article):
        kind = group[0][1]
        kinds.append(kind)
        if kind == "caption":
            rendered.append("\n".join(images_up_to_caption()))
        elif kind in ("li", "oli"):
            items = " ".join(f"<li>{_inline(p)}</li>" for _, _, p in group)
            list_tag = "ul" if kind == "li" else "ol"
            rendered.append(f"<{list_tag}> {items} </{list_tag}>")
        elif kind == "note":
            inner = " ".join(f"<p>{_inline(p)}</p>" for _, _, p in group)
            rendered.append(f'<div class="notebox align-center cms-note"> {inner} </div>')
        elif kind in ("h2", "h3"):
            rendered.append(f"<{kind}>{_inline(group[0][2])}</{kind}>")
        elif kind == "quote":
            rendered.append(f"<blockquote><p>{_inline(group[0][2])}</p></blockquote>")
        else:
            index, _, paragraph = group[0]
            rendered.append(_paragraph(article, index, paragraph, tag))
    if pending:  # uncaptioned images after the last caption
        rendered.append("\n".join(_image(style, base_url, u, c) for u, c in pending))
        kinds.append("caption")

    # In-body related boxes go between two blocks, spread evenly, never right after a
    # subheading nor between a list and its intro.
    boxes = _relate_boxes(article, site, base_url)
    between = [
        n for n in range(1, len(rendered))
        if kinds[n - 1] not in ("h2", "h3") and kinds[n] not in ("li", "oli")
    ] or [len(rendered)]  # fmt: skip
    slots: dict[int, list[str]] = {}
    for b, box in enumerate(boxes):
        at = max(1, min(len(between), round((b + 1) * len(between) / (len(boxes) + 1))))
        slots.setdefault(between[at - 1], []).append(box)

    parts = [] if emagazine else [_BODY_STYLE]
    if layout.template == "video":
        parts.append(_video_player(article, site, base_url))
    parts.extend(slots.get(0, []))  # (a body without blocks)
    ads = 0
    for number, block in enumerate(rendered, start=1):
        parts.append(block)
        parts.extend(slots.get(number, []))
        if not emagazine and number % 3 == 0 and ads < 3:
            suffix = str(ads) if ads else ""
            parts.append(
                f'<div class="sda_middle"> {ad(f"SdaArticleMiddle{suffix}", "fyi", False)}\n</div>'
            )
            ads += 1
    if article.author and layout.byline == "author":
        parts.append(
            f'<div class="article__author"> <p class="name">{text(article.author)}</p> </div>'
        )
    elif article.author and layout.byline == "t1":
        parts.append(f'<div class="t1"> <span class="t2">{text(article.author)}</span>\n</div>')
    return parts


def _body(article: ReplicaArticle, site: Site, base_url: str) -> str:
    """``div.article__body``: the content, then the after-body ad."""
    parts = [*_content(article, site, base_url), ad("SdaArticleAfterBody")]
    return (
        '<div class="article__body zce-content-body cms-body" itemprop="articleBody"> '
        + "\n".join(parts)
        + " </div>"
    )


def _video_player(article: ReplicaArticle, site: Site, base_url: str) -> str:
    """What a video page's body opens with: the platform's player or an embed."""
    lead = article.images[0][0] if article.images else None  # the og:image
    poster = absolute(base_url, lead or thumbnail_path(site.seed, article.post_id, article.slug))
    if article.layout.video == "iframe":
        digest = hashlib.sha256(f"{site.seed}:{article.post_id}:embed".encode()).digest()
        clip = base64.urlsafe_b64encode(digest).decode()[:11]
        return (
            f'<iframe src="https://www.youtube.com/embed/{clip}" width="100%" height="450" '
            'frameborder="0" allowfullscreen></iframe>'
        )
    src = absolute(base_url, video_path(site.seed, article.post_id, article.slug[:40] or "video"))
    return (
        '<div class="video-player"> <video class="cms-video" controls preload="none" '
        f'data-src="{attr(src)}" poster="{attr(poster)}"></video> </div>'
    )


def _tags(article: ReplicaArticle, base_url: str) -> str:
    if not article.tags:
        return ""
    links = " ".join(
        f'<a href="{base_url}{tag_path(tag)}" title="{attr(tag)}">#{text(tag)}</a>'
        for tag in article.tags
    )
    return (
        '<div class="article__tags"> <h3 class="box-heading"> '
        '<span class="title">Từ khóa:</span> </h3> '
        f'<div class="box-content"> {links} </div> </div>'
    )


def _relate_boxes(article: ReplicaArticle, site: Site, base_url: str) -> list[str]:
    """The in-body "Tin liên quan" boxes (tienphong's ``div.article-relate``), one story each."""
    return [
        '<div class="article-relate " data-source="related-news" align=""> '
        f"{chrome.story(site, i, base_url, with_id=False, link_class='cms-link ')} </div>"
        for i in article.related_in_body
    ]


def _related_news(article: ReplicaArticle, site: Site, base_url: str) -> str:
    """The "Tin liên quan" variant (nhandan's markup): headings only, after the body."""
    ids = article.related_after_body
    if not ids:
        return ""
    cards = " ".join(
        chrome.story(site, i, base_url, with_thumb=False, with_id=False, link_class=" cms-link")
        for i in ids
    )
    return (
        '<div class="article-footer"> <div class="related-news"> <h3 class="box-heading"> '
        '<span class="title">Tin liên quan </span> </h3> '
        f'<div class="box-content" data-source="related-news"> {cards} </div> </div> </div>'
    )


def _suggest(article: ReplicaArticle, site: Site, base_url: str, cat: Category) -> str:
    cards = " ".join(chrome.story(site, i, base_url) for i in article.suggest)
    return (
        '<section class="suggest"> <h3 class="box-heading"> '
        f'<a href="{base_url}{cat.path}" title="{attr(cat.name)}" class="title"> '
        "Có thể bạn quan tâm </a> </h3> "
        f'<div class="box-content" data-source="recommendation-{cat.zone_id}"> {cards} </div> '
        "</section>"
    )


def _timeline(article: ReplicaArticle, site: Site, base_url: str, cat: Category) -> str:
    cards = " ".join(
        chrome.story(site, i, base_url, with_meta=True, with_summary=True) for i in article.timeline
    )
    return (
        '<div class="timeline"> <h3 class="box-heading"> '
        f'<a href="{base_url}{cat.path}" title="{attr(cat.name)}" class="title"> '
        "Tin cùng chuyên mục </a> </h3> "
        f'<div class="box-content content-list" data-source="recommendation-{cat.zone_id}"> '
        f"{cards} </div> {chrome.load_more(cat.zone_id, 'recommend')} </div>"
    )


# -- listings ---------------------------------------------------------------------------------


def _listing_page(
    base_url: str,
    title: str,
    canonical: str,
    page_type: int,
    zone: int,
    active_root: str,
    content: str,
) -> str:
    head = " ".join(
        (
            f"<title>{text(title)}</title>",
            chrome.head_common(base_url),
            chrome.cms_config(base_url, page_type, zone, zone),
            f'<link rel="canonical" href="{canonical}" />',
            '<meta property="og:type" content="website"/>',
            f'<meta property="og:url" content="{canonical}"/>',
            f'<meta property="og:title" content="{attr(title)}"/>',
            chrome.organisation_ld(base_url),
            chrome.website_ld(base_url),
        )
    )
    body = " ".join(
        (
            '<body class="">',
            chrome.site_header(base_url, active_root),
            '<div class="site-body">',
            content,
            chrome.social_line(),
            "</div>",
            chrome.site_footer(base_url),
            "</body>",
        )
    )
    return f'<!DOCTYPE html> <html lang="vi"> <head> {head} </head> {body} </html>'


def render_category(site: Site, topic_id: str, base_url: str) -> str:
    """``/<topic>/``: the newest 20 articles (subcategories included), then "Xem thêm"."""
    base_url = base_url.rstrip("/")
    cat = category(topic_id)
    ids = site.listing(topic_id)[:CATEGORY_PAGE_SIZE]
    cards = " ".join(
        chrome.story(site, i, base_url, with_meta=True, with_summary=True) for i in ids
    )
    content = " ".join(
        (
            '<div class="container category">',
            _breadcrumbs(cat, base_url),
            '<div class="col"> <div class="main-col content-col">',
            f'<div class="box-content content-list" data-source="zone-{cat.zone_id}">',
            f"{cards} </div>",
            chrome.load_more(cat.zone_id, "category") if ids else "",
            "</div>",
            f'<div class="sub-col sidebar-right"> {chrome.hot_news(site, base_url, None)} </div>',
            "</div> </div>",
        )
    )
    return _listing_page(
        base_url,
        f"{cat.name} | {SITE_NAME}",
        base_url + cat.path,
        2,
        cat.zone_id,
        root_of(topic_id),
        content,
    )


def render_home(site: Site, base_url: str) -> str:
    """``/``: the newest articles; the menu links every category."""
    base_url = base_url.rstrip("/")
    cards = " ".join(
        chrome.story(site, i, base_url, with_meta=True, with_summary=True)
        for i in site.newest(HOME_PAGE_SIZE)
    )
    content = (
        '<div class="container home"> <div class="col"> <div class="main-col content-col"> '
        f'<div class="box-content content-list" data-source="latest-news"> {cards} </div> '
        "</div> "
        f'<div class="sub-col sidebar-right"> {chrome.hot_news(site, base_url, None)} </div> '
        "</div> </div>"
    )
    return _listing_page(base_url, SITE_NAME, base_url + "/", 0, 0, "", content)


def render_not_found(base_url: str) -> str:
    base_url = base_url.rstrip("/")
    return (
        '<!DOCTYPE html> <html lang="vi"> <head> <title>Không tìm thấy trang | '
        f"{SITE_NAME}</title> {chrome.head_common(base_url)} </head> <body> "
        f'{chrome.site_header(base_url)} <div class="site-body"> <div class="container"> '
        "<h1>Không tìm thấy trang</h1> </div> </div> "
        f"{chrome.site_footer(base_url)} </body> </html>"
    )
