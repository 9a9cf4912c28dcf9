"""The article page in the platform's real markup: head, skeleton and what surrounds the body.

``render_article`` turns a ``ReplicaArticle`` (generated or made by hand) into the page a
crawler would fetch, with everything an extractor must find (title, sapo, body, byline, times,
tags, images) and everything it must leave out (menus, ads, sidebars, "Có thể bạn quan tâm",
"Tin cùng chuyên mục", "Tin liên quan", social line, footer). The article's ``Layout`` picks
the template (normal, e-magazine, photo, video) and the markup variants of sister sites on the
platform; the body itself is ``replica.article_body``'s.
"""

from __future__ import annotations

import zlib
from urllib.parse import quote

from . import chrome
from .article import ReplicaArticle
from .article_body import render_body, render_content
from .cdn import thumbnail_path
from .chrome import SITE_NAME, absolute, ad, attr, js_string, text
from .site_index import Site
from .slugs import slugify
from .taxonomy import Category, categories, category, root_of
from .timefmt import epoch, iso, visible

#: The paper's name as a byline's source (``em.cms-source``).
SOURCE_NAME = "Báo Lào Cai"


def tag_path(tag: str) -> str:
    """``/tu-khoa/<slug>-tag<ID>.html`` with a stable id per tag text."""
    tag_id = 10_000 + zlib.crc32(tag.encode("utf-8")) % 90_000
    return f"/tu-khoa/{slugify(tag) or 'tag'}-tag{tag_id}.html"


def keywords(tags: list[str]) -> str:
    """The keywords/article:tag/dataLayer form: comma-joined with a trailing comma."""
    return "".join(f"{t}," for t in tags)


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
            render_body(article, site, base_url),
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
            chrome.breadcrumbs(cat, base_url),
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
    content = "\n".join(render_content(article, site, base_url))
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
