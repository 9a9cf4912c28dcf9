"""The article page in the platform's older "v3" theme, modelled on tinnhanhchungkhoan.vn's
real page (``../shared/fixtures/real/tinnhanhchungkhoan_thai-nguyen-…_post397051.html``).

What differs from the 2026 theme (``replica.article_page``): ``div.main-column.article``
holds ``h1.article__header.cms-title``, the ``p.author`` byline and share bar in
``div.article__meta``, hidden text-to-speech players, the sapo, and
``div.article__body.cms-body `` (a trailing space in the class) with ``div.ads_middle`` ads
inside; after the body come the "Tin bài liên quan" ``div.article__list``, the tags
(``div.article__tag``, "Từ Khoá"), and "Tin cùng chuyên mục" as ``div.article__more-news``.
Every ad is a ``div.banner[id^=adsWeb_]`` with an inline ``CMS_BANNER.pushAds`` script; the
post id is in ``var contentId``, og:url is the short ``/post-<id>.html``. The sidebar's "Tin
mới nhận" tab lists the ground truth's ``suggest`` ids (the theme has no "Có thể bạn quan
tâm" box).
"""

from __future__ import annotations

import zlib
from urllib.parse import quote

from .article import ReplicaArticle
from .article_body import render_content
from .cdn import thumbnail_path
from .chrome import absolute, attr, js_string, json_ld, text
from .site_index import Site
from .slugs import slugify
from .taxonomy import Category, category
from .timefmt import epoch, iso, visible
from .v3_chrome import (
    banner,
    breadcrumbs,
    head_common,
    middle_ad,
    organisation_ld,
    page,
    section_ld,
    sidebar,
    site_name,
    story,
)

#: The voices the text-to-speech player offers (its menu is page text an extractor must drop).
VOICES = ("Nam miền Bắc", "Nữ miền Bắc", "Nữ miền Nam", "Nam miền Nam")


def tag_path(tag: str) -> str:
    """``/<slug>-tag<ID>.html`` (no ``/tu-khoa/`` on v3), a stable id per tag text."""
    tag_id = 100_000 + zlib.crc32(tag.encode("utf-8")) % 900_000
    return f"/{slugify(tag) or 'tag'}-tag{tag_id}.html"


def render_article(article: ReplicaArticle, site: Site, base_url: str) -> str:
    """The article's page. ``suggest``/``timeline``/``related`` ids must be in ``site``."""
    base_url = base_url.rstrip("/")
    listed = [*article.suggest, *article.timeline, *article.related]
    missing = [post_id for post_id in listed if post_id not in site]
    if missing:
        raise KeyError(f"article {article.post_id} lists ids the site does not have: {missing}")
    cat = category(article.category)
    url, short = article.url(base_url), f"{base_url}/post-{article.post_id}.html"
    lead = article.images[0][0] if article.images else None
    image = absolute(base_url, lead or thumbnail_path(site.seed, article.post_id, article.slug))
    published, modified = iso(article.published_at, False), iso(article.modified_at, False)
    name = site_name(site)
    tags = ",".join(article.tags)
    head = "\n".join(
        (
            f" <title>{text(article.title)} | {text(name)}</title>",
            f'<meta name="description" content="{attr(article.sapo)}"/>',
            f'<meta name="keywords" content="{attr(tags)}"/>',
            f'<meta name="news_keywords" content="{attr(tags)}"/>',
            head_common(site, base_url),
            ' <meta name="robots" content="noarchive, max-image-preview:large, index, follow" />',
            f' <link rel="canonical" href="{url}" />',
            f' <meta property="og:site_name" content="{attr(name)}"/>',
            '<meta property="og:type" content="article"/>',
            f'<meta property="og:url" content="{short}"/>',
            f'<meta property="og:image" content="{attr(image)}"/>',
            f'<meta property="og:title" content="{attr(article.title)}"/>',
            f'<meta property="og:description" content="{attr(article.sapo)}"/>',
            f' <meta property="article:tag" content="{attr(tags)}"/>',
            f'<meta property="article:section" content="{attr(cat.name)}" />',
            f'<meta property="article:published_time" content="{published}"/>',
            f'<meta property="article:modified_time" content="{modified}"/>',
            f' <meta property="dable:item_id" content="{article.post_id}"/>',
            f' <meta property="dable:author" content="{attr(article.author)}"/>',
            organisation_ld(site, base_url),
            section_ld(base_url, cat),
            _news_article_ld(article, name, url, image, published, modified),
            '  <script type="text/javascript">',
            f"var _metaOgUrl = '{js_string(short)}';",
            f" var cate_path = '{js_string(cat.topic_id)}';",
            "</script>",
            '<script type="text/javascript">',
            f"var cateId = {cat.zone_id};\nvar contentId = {article.post_id};\n</script>",
        )
    )
    content = "\n".join(
        (
            '<div class="col-12" id="article-container">',
            breadcrumbs(cat, base_url),
            '<div class="article-item" >\n<div class="main-column article">',
            _main(article, site, base_url, cat, short, published),
            "</div>",
            sidebar(site, base_url, cat.zone_id, article.suggest, article.post_id),
            "</div>\n</div>",
        )
    )
    return page(site, base_url, head, " detail-page ", content)


def _main(
    article: ReplicaArticle, site: Site, base_url: str, cat: Category, short: str, published: str
) -> str:
    body = render_content(article, site, base_url, middle_ad=middle_ad, opening="")
    return "\n".join(
        (
            f'<h1 class="article__header cms-title">\n\n{text(article.title)} \n</h1>',
            _meta(article, base_url, short, published),
            _tts_player(article),
            f' <div class="article__sapo cms-desc">\n{text(article.sapo)}\n</div>',
            banner("AdsArticleAfterSapo"),
            ' <div class="article__body cms-body " itemprop="articleBody">',
            "\n".join(body),
            "</div>",
            banner("AdsArticleAfterBody"),
            _related(article, site, base_url),
            _share(short, "pos-bottom"),
            _tags(article, base_url),
            banner("AdsArticleAfterTag"),
            banner("AdsArticleBottom"),
            _more_news(article, site, base_url, cat),
            f' <div class="article__comment" id="comment{article.post_id}" '
            f'data-id="{article.post_id}" data-type="20"></div>',
            banner("AdsArticleAfterComment"),
        )
    )


def _news_article_ld(
    article: ReplicaArticle, name: str, url: str, image: str, published: str, modified: str
) -> str:
    return json_ld(
        {
            "@context": "http://schema.org",
            "@type": "NewsArticle",
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "headline": article.title,
            "description": article.sapo,
            "image": {"@type": "ImageObject", "url": image, "width": 1200, "height": 675},
            "datePublished": published,
            "dateModified": modified,
            "author": {
                "@type": "Person",
                "name": article.author if article.layout.ld_author else "",
            },
            "publisher": {"@type": "Organization", "name": name},
        }
    )


def _share(short: str, position: str) -> str:
    """The share bar ("In bài", "Chia sẻ"): page chrome, never article text."""
    return (
        f'<div class="article__social {position}">\n<div class="share">\n'
        '<a href="javascript:void(0);" class="sendprint">\n<i class="far fa-print"></i>\n'
        "<p>In bài</p>\n</a>\n"
        f'<a href="javascript:void(0);" class="share fb" data-href="{short}" '
        'data-rel="facebook" title="Chia sẻ qua Facebook">\n<i class="fab fa-facebook-f"></i>\n'
        "<p>Chia sẻ</p>\n</a>\n</div>\n</div>"
    )


def _meta(article: ReplicaArticle, base_url: str, short: str, published: str) -> str:
    """``div.article__meta``: the ``p.author`` byline (name, then the paper as its source;
    when the layout puts it there, as every generated v3 page does), the time and the top share
    bar."""
    byline = ""
    if article.author and article.layout.byline == "p.author":
        href = f"{base_url}/author-search.html?q={quote(article.author)}"
        byline = (
            '\n <p class="author">\n<span>Tác giả</span>\n \n'
            f' <a href="{attr(href)}" class="cms-author">{text(article.author)}</a>\n\n\n'
            f' <em class="cms-source"> / {text(site_host(base_url))}</em>\n</p>\n'
        )
    moment = article.published_at
    return (
        f'<div class="article__meta">\n{byline}\n'
        f'<time class="time" datetime="{published}" data-time="{epoch(moment)}">'
        f"{visible(moment)}</time>\n"
        f'<meta class="cms-date" itemprop="datePublished" content="{published}">\n\n'
        f"{_share(short, 'pos-top')}\n</div>"
    )


def site_host(base_url: str) -> str:
    return base_url.split("://", 1)[-1]


def _tts_player(article: ReplicaArticle) -> str:
    """The hidden text-to-speech players and their voice menu, before the sapo."""
    voices = "\n".join(
        f'<li>\n<div class="voice-name" data-content-id="{article.post_id}" '
        f'data-display-name="{voice}" data-voice-id="{n}">\n<span>{voice}</span>\n</div>\n</li>'
        for n, voice in enumerate(VOICES, start=1)
    )
    return (
        '<div style="display: none" class="hidden-player" data-index="0">\n'
        '<video class="player"></video>\n</div>\n'
        ' <div class="tts-player">\n<div class="left">\n<button class="play-button">'
        '<span><i class="ic-tts-play"></i></span></button>\n'
        '<div class="time-display">\n<span class="current">0:00</span>\n'
        '<span class="separator"> / </span>\n<span class="duration">0:00</span>\n</div>\n'
        '</div>\n<div class="right">\n<span>\n <button class="select-voice">\n'
        f"<span>{VOICES[0]}</span>\n</button>\n"
        f'<div class="dropdown-menu tts-dropdown-menu voice-board">\n<ul>\n{voices}\n </ul>\n'
        "</div>\n</span>\n</div>\n</div>"
    )


def _related(article: ReplicaArticle, site: Site, base_url: str) -> str:
    """ "Tin bài liên quan": ``div.article__list`` with ``#related_article__list``."""
    ids = article.related_after_body
    if not ids:
        return ""
    cards = "\n".join(
        story(site, i, base_url, classes="col-4 story ", with_meta=False) for i in ids
    )
    return (
        ' <div class="article__list">\n<div class="box-heading">Tin bài liên quan</div>\n'
        '<div class="box-content">\n<div class="wrap">\n'
        '<div class="item row" id="related_article__list" data-source="related-news">\n'
        f"{cards}\n </div>\n</div>\n</div>\n</div>"
    )


def _tags(article: ReplicaArticle, base_url: str) -> str:
    if not article.tags:
        return ""
    links = "\n".join(
        f' <a href="{base_url}{tag_path(tag)}" title="{attr(tag)}">{text(tag)}</a>'
        for tag in article.tags
    )
    return (
        ' <div class="article__tag">\n<h3 class="box-heading">\nTừ Khoá\n</h3>\n'
        f'<div class="box-content">\n{links}\n </div>\n</div>'
    )


def _more_news(article: ReplicaArticle, site: Site, base_url: str, cat: Category) -> str:
    """ "Tin cùng chuyên mục": ``div.article__more-news[data-source=recommendation-<zone>]``."""
    cards = "\n".join(
        f' <div class="col-4">\n{story(site, i, base_url)}\n</div>' for i in article.timeline
    )
    return (
        '<div class="article__more-news">\n<div class="box-heading">\n'
        '<i class="icon icon--detail-3"></i>\n'
        f'<a href="{base_url}{cat.path}" title="{attr(cat.name)}">Tin cùng chuyên mục</a>\n'
        f'</div>\n<div class="box-content" data-source="recommendation-{cat.zone_id}">\n'
        f'<div class="row big-col">\n{cards}\n </div>\n</div>\n</div>'
    )
