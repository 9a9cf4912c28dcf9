"""HTML pages in the platform's real markup: article, category listing, home, not-found.

``render_article`` is the one that matters: it turns a ``ReplicaArticle`` (generated or made by
hand) into the page a crawler would fetch, with everything an extractor must find (title, sapo,
body, byline, times, tags, images) and everything it must leave out (menus, ads, sidebars,
"Có thể bạn quan tâm", "Tin cùng chuyên mục", "Tin liên quan", social line, footer).
"""

from __future__ import annotations

import zlib

from . import chrome
from .chrome import SITE_NAME, absolute, ad, attr, js_string, text
from .content import ReplicaArticle, Site, thumbnail_path
from .slugs import slugify
from .taxonomy import Category, category, root_of
from .timefmt import epoch, iso, visible

CATEGORY_PAGE_SIZE = 20
HOME_PAGE_SIZE = 30

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
    main = " ".join(
        (
            f'<h1 class="article__title cms-title "> {text(article.title)} </h1>',
            _meta(article, url, published),
            '<div class="article__sapo cms-desc"> <i class="laocai-icon"></i> '
            f"{text(article.sapo)} </div>",
            ad("SdaArticleAfterSapo"),
            _body(article, base_url),
            _related_news(article, site, base_url) if article.layout.related_news else "",
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
    body = " ".join(
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
            _suggest(article, site, base_url, cat),
            ad("SdaArticleAfterRecommend"),
            '<div class="col"> <div class="main-col content-col1">',
            _timeline(article, site, base_url, cat),
            "</div>",
            '<div class="sub-col sidebar-right1"> <div id="sidebar-top-2">',
            chrome.print_edition(site, base_url),
            "</div> </div> </div>",
            f'<div class="rennab-wrap"> {ad("SdaBottom")} </div>',
            "</div>",
            chrome.social_line(),
            "</div>",
            chrome.site_footer(base_url),
            "</body>",
        )
    )
    return f'<!DOCTYPE html> <html lang="vi"> <head> {head} </head> {body} </html>'


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
            "author": {"@type": "Person", "name": ""},  # baolaocai leaves it empty
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
        "articleType": "normal",
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
        f'<a class="gg-news" href="{attr(chrome.GOOGLE_NEWS)}" target="_blank"> '
        "<span>Theo dõi Báo Lào Cai trên</span> "
        '<img src="/assets/web/styles/img/gg-news.png" alt="Google News"> </a> </div>'
    )


def _meta(article: ReplicaArticle, url: str, published: str) -> str:
    moment = article.published_at
    return (
        '<div class="article__meta"> <div class="row"> '
        f'<time class="time" datetime="{published}"><i class="ic-calendar"></i>'
        f'<span data-time="{epoch(moment)}" data-format="long" data-friendly="true">'
        f"{visible(moment)}</span></time> "
        f'<meta class="cms-date" itemprop="datePublished" content="{published}"> </div> '
        f"{_share_row(url)} </div>"
    )


def _paragraph(article: ReplicaArticle, index: int, paragraph: str) -> str:
    if article.layout.paragraphs == "p":
        return f"<p>{text(paragraph)}</p>"
    # baolaocai's imported bodies: a leading space, often a trailing &nbsp;, a newline.
    tail = "&nbsp;" if (article.post_id + index) % 3 == 0 else ""
    return f"<div> {text(paragraph)}{tail}\n</div>"


def _image(article: ReplicaArticle, base_url: str, url: str, caption: str) -> str:
    src, cap = attr(absolute(base_url, url)), text(caption)
    style = article.layout.images
    if style == "table":
        return (
            '<table class="picture" align="center"> <tbody> <tr> <td class="pic">'
            f'<img src="{src}" class="cms-photo" alt="{attr(caption)}"></td> </tr> '
            f'<tr> <td class="caption"><p>{cap}</p></td> </tr> </tbody> </table>'
        )
    if style == "lazy":
        img = (
            f'<img class="lazyload cms-photo" src="{chrome.PLACEHOLDER_GIF}" data-src="{src}" '
            f'alt="{attr(caption)}">'
        )
    else:
        img = f'<img class="cms-photo" src="{src}" alt="{attr(caption)}">'
    return f'<figure class="image align-center"> {img} <figcaption>{cap}</figcaption> </figure>'


def _image_slots(paragraphs: int, images: int) -> dict[int, list[int]]:
    """After which paragraph (1-based) each image goes: spread evenly, the first early."""
    slots: dict[int, list[int]] = {}
    for k in range(images):
        after = max(1, min(paragraphs, round((k + 1) * paragraphs / (images + 1))))
        slots.setdefault(after, []).append(k)
    return slots


def _body(article: ReplicaArticle, base_url: str) -> str:
    """``div.article__body``: paragraphs, images, in-body ads, then the byline."""
    parts = [_BODY_STYLE]
    images = _image_slots(len(article.paragraphs), len(article.images))
    ads = 0
    for index, paragraph in enumerate(article.paragraphs, start=1):
        parts.append(_paragraph(article, index, paragraph))
        for k in images.get(index, []):
            parts.append(_image(article, base_url, *article.images[k]))
        if index % 3 == 0 and ads < 3:
            suffix = str(ads) if ads else ""
            parts.append(
                f'<div class="sda_middle"> {ad(f"SdaArticleMiddle{suffix}", "fyi", False)}\n</div>'
            )
            ads += 1
    if article.author:
        if article.layout.byline == "author":
            parts.append(
                f'<div class="article__author"> <p class="name">{text(article.author)}</p> </div>'
            )
        else:
            parts.append(f'<div class="t1"> <span class="t2">{text(article.author)}</span>\n</div>')
    parts.append(ad("SdaArticleAfterBody"))
    return (
        '<div class="article__body zce-content-body cms-body" itemprop="articleBody"> '
        + "\n".join(parts)
        + " </div>"
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


def _related_news(article: ReplicaArticle, site: Site, base_url: str) -> str:
    """The "Tin liên quan" variant (nhandan's markup): headings only, after the body."""
    cards = " ".join(
        chrome.story(site, i, base_url, with_thumb=False, with_id=False, link_class=" cms-link")
        for i in article.related
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
