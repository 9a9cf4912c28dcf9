"""Markup every page of the platform shares: head boilerplate, header and menu, story cards,
ad slots, sidebars, the social line and the footer.

Class names, nesting and attribute order follow the real baolaocai.vn page (see
``../shared/research/site_structure.md``); the words are ours. These blocks are what an
extractor must *not* take for article text, so they are rendered as faithfully as the article.
"""

from __future__ import annotations

import json
from html import escape

from grouping.reference import localities

from .cdn import image_2x
from .site_index import IndexEntry, Site
from .slugs import slugify
from .taxonomy import Category, categories, children, roots
from .timefmt import epoch, iso, visible

SITE_NAME = "Báo Lào Cai điện tử"
PLACEHOLDER_GIF = "data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw=="
GOOGLE_NEWS = "https://news.google.com/publications/replica?hl=vi&gl=VN&ceid=VN%3Avi"


def attr(value: object) -> str:
    """An attribute value, quotes and ampersands escaped."""
    return escape(str(value), quote=True)


def text(value: str) -> str:
    return escape(value, quote=False)


def js_string(value: str) -> str:
    """A single-quoted JS string literal body (the platform's inline scripts)."""
    return (
        value.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("</", "<\\/")
    )


def json_ld(data: dict) -> str:
    body = json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")
    return f'<script type="application/ld+json"> {body} </script>'


def absolute(base_url: str, path: str) -> str:
    """Site paths become absolute on the server's own base URL; full URLs are kept."""
    return path if "://" in path else base_url.rstrip("/") + path


def ad(position: str, extra_class: str = "", hidden: bool = True) -> str:
    """An ad slot: ``div.rennab#sdaWeb_<position>`` ("rennab" is "banner" backwards)."""
    style = ' style="display:none"' if hidden else ""
    classes = f"rennab {extra_class}".strip() if extra_class else "rennab "
    return (
        f'<div id="sdaWeb_{position}" class="{classes}" data-platform="1" '
        f'data-position="Web_{position}"{style}> </div>'
    )


def head_common(base_url: str) -> str:
    """The meta block every page opens with (no per-page facts)."""
    return (
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" /> '
        '<meta http-equiv="X-UA-Compatible" content="IE=edge"/> '
        '<meta content="width=device-width, initial-scale=1, maximum-scale=5, '
        'user-scalable=yes" name="viewport"/> '
        '<meta http-equiv="content-language" content="vi" /> '
        f'<meta name="apple-mobile-web-app-title" content="{SITE_NAME}"/> '
        f'<link rel="shortcut icon" href="{base_url}/assets/web/styles/img/favicon.ico" '
        'type="image/x-icon" /> '
        f'<link rel="alternate" type="application/rss+xml" title="{SITE_NAME}" '
        f'href="{base_url}/rss/home.rss" />'
    )


def cms_config(base_url: str, page_type: int, object_id: int, zone: int) -> str:
    """The platform marker: ``var cmsConfig = {…}`` with the page type, object and zone."""
    return (
        "<script> var cmsConfig = { "
        f"domainDesktop: '{base_url}', domainMobile: '{base_url}', "
        f"domainApi: '{base_url}', domainStatic: '{base_url}', domainLog: '{base_url}', "
        "googleAnalytics: 'G\\-REPLICA', siteId: 0, "
        f"pageType: {page_type}, objectId: {object_id}, adsZone: {zone}, "
        "allowAds: true, adsLazy: true, antiAdblock: true, }; </script>"
    )


def organisation_ld(base_url: str) -> str:
    return json_ld(
        {
            "@context": "http://schema.org",
            "@type": "Organization",
            "name": SITE_NAME,
            "url": base_url,
            "logo": f"{base_url}/assets/web/styles/img/logo.png",
        }
    )


def website_ld(base_url: str) -> str:
    return json_ld(
        {
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": SITE_NAME,
            "url": base_url,
            "potentialAction": {
                "@type": "SearchAction",
                "target": {
                    "@type": "EntryPoint",
                    "urlTemplate": f"{base_url}/search/?q={{search_term_string}}",
                },
                "query-input": "required name=search_term_string",
            },
        }
    )


def breadcrumb_ld(base_url: str, cat: Category) -> str:
    return json_ld(
        {
            "@context": "http://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": 1,
                    "item": {"@id": base_url + cat.path, "name": cat.name},
                }
            ],
        }
    )


def _menu_item(base_url: str, cat: Category, active_root: str) -> str:
    active = "active" if cat.topic_id == active_root else ""
    link = (
        f'<a class="{active}" href="{base_url}{cat.path}" title="{attr(cat.name)}">'
        f"{text(cat.name)}</a>"
    )
    subs = children(cat.topic_id)
    if not subs:
        return f"<li> {link} </li>"
    items = " ".join(
        f'<li> <a href="{base_url}{categories()[s].path}" title="{attr(categories()[s].name)}">'
        f"{text(categories()[s].name)}</a> </li>"
        for s in subs
    )
    return f'<li> {link} <ul class="sub-menu"> {items} </ul> </li>'


def site_header(base_url: str, active_root: str = "") -> str:
    """``header.site-header`` with the logo, search box and ``div.navigation`` menu."""
    menu = " ".join(_menu_item(base_url, c, active_root) for c in roots())
    return (
        '<header class="site-header "> <div class="container"> <div class="top-header"> '
        '<div class="left"> <a href="javascript:void(0);" id="today"></a> </div> </div> '
        '<div class="content-header"> <div class="weather" id="header-weather"></div> '
        f'<a class="logo" href="{base_url}" title="{SITE_NAME}">{SITE_NAME}</a> '
        '<div class="search"> <input type="text" class="input-search txtsearch" '
        'placeholder="Nhập từ khóa cần tìm"> <i class="ic-search btn_search"></i> </div> '
        "</div> </div> "
        '<div class="navigation sticky"> <ul class="menu"> '
        '<li> <a href="/" class="ic-home" title="Trang chủ">Trang chủ</a> </li> '
        f"{menu} </ul> </div> </header>"
    )


def breadcrumbs(cat: Category, base_url: str) -> str:
    """``div.breadcrumbs``: the category above an article or a listing."""
    return (
        '<div class="breadcrumbs"> <h2 class="main"> '
        f'<a href="{base_url}{cat.path}" title="{attr(cat.name)}" class="active">'
        f"{text(cat.name)}</a> </h2> </div>"
    )


def thumb(site: Site, entry: IndexEntry, base_url: str) -> str:
    """``figure.story__thumb``: a lazy image (placeholder src, real data-src) + noscript twin."""
    path = site.thumbnail(entry.post_id)
    url = absolute(base_url, path)
    if path.startswith("/images/"):
        srcset = f"{url} 1x, {absolute(base_url, image_2x(path))} 2x"
    else:
        srcset = url
    title = attr(entry.title)
    link = absolute(base_url, entry.path)
    return (
        f'<figure class="story__thumb"> <a class="cms-link" href="{link}" title="{title}"> '
        f'<img class="lazyload" src="{PLACEHOLDER_GIF}" data-src="{url}" '
        f'data-srcset="{srcset}" alt="{title}"> '
        f'<noscript><img src="{url}" srcset="{srcset}" alt="{title}" class="image-fallback">'
        "</noscript> </a> </figure>"
    )


def story(
    site: Site,
    post_id: int,
    base_url: str,
    *,
    with_thumb: bool = True,
    with_meta: bool = False,
    with_summary: bool = False,
    with_id: bool = True,
    link_class: str = "cms-link",
) -> str:
    """One ``article.story`` card listing another article."""
    entry = site.entry(post_id)
    link = absolute(base_url, entry.path)
    title = entry.title
    parts = [thumb(site, entry, base_url)] if with_thumb else []
    parts.append(
        f'<h2 class="story__heading" data-tracking="{post_id}"> '
        f'<a class="{link_class}" href="{link}" title="{attr(title)}"> {text(title)} </a> </h2>'
    )
    if with_meta:
        cat = categories()[entry.category]
        parts.append(
            f'<div class="story__meta"> <a href="{base_url}{cat.path}" class="title-cate" '
            f'title="{attr(cat.name)}"> {text(cat.name)} </a> '
            f'<time class="time" datetime="{iso(entry.published_at, False)}" '
            f'data-time="{epoch(entry.published_at)}" data-friendly="true"> '
            f"{visible(entry.published_at)} </time> </div>"
        )
    if with_summary:
        parts.append(
            f'<div class="story__summary story__shorten"> <p>{text(site.sapo(post_id))}</p> </div>'
        )
    data_id = f' data-id="{post_id}"' if with_id else ""
    return f'<article class="story"{data_id}> {" ".join(parts)} </article>'


def hot_news(site: Site, base_url: str, exclude: int | None) -> str:
    """Sidebar "Đọc nhiều" (data-source=mostread-news): the first card has a picture."""
    cards = [
        story(site, post_id, base_url, with_thumb=(i == 0), with_id=False)
        for i, post_id in enumerate(site.most_read(exclude))
    ]
    return (
        '<section class="hot-news fyi-position"> <h3 class="box-heading"> '
        '<span class="title">Đọc nhiều</span> </h3> '
        f'<div class="box-content" data-source="mostread-news"> {" ".join(cards)} </div> '
        "</section>"
    )


def local_news(base_url: str) -> str:
    """Sidebar "Tin địa phương": a link per commune and ward, as on the real page. It names
    every unit of the province, so a locality matcher that reads the whole page is fooled."""
    units = [u for u in localities() if u.site_dia_phuong_id]
    units.sort(key=lambda u: int(u.site_dia_phuong_id))
    links = []
    for unit in units:
        label = f"{'Phường' if unit.kind == 'phuong' else 'Xã'} {unit.name}"
        href = f"{base_url}/dia-phuong/{slugify(label)}/{unit.site_dia_phuong_id}.html"
        links.append(
            f'<a data-id="{unit.site_dia_phuong_id}" href="{href}" title="{attr(label)}"> '
            f'<i class="ic-location"></i>{text(label)} </a>'
        )
    return (
        '<div class="local-news fyi-position"> <h3 class="box-heading"> '
        '<a class="title" href="/dia-phuong.html" title="Tin địa phương">Tin địa phương</a> '
        f'</h3> <div class="box-content"> <div class="district"> {" ".join(links)} </div> '
        "</div> </div>"
    )


def print_edition(site: Site, base_url: str, zone_topic: str = "epaper") -> str:
    """Sidebar "Đọc báo in" (``section.slide``, data-source=zone-box-<zone>), if the
    taxonomy has the print-edition section and it holds articles."""
    if zone_topic not in categories():
        return ""
    cat = categories()[zone_topic]
    ids = site.listing(zone_topic)[:3]
    cards = " ".join(story(site, i, base_url, with_meta=True, with_id=False) for i in ids)
    return (
        '<section class="slide fyi-position"> <div class="wrap-heading"> '
        f'<h3 class="box-heading"> <a class="title" href="{base_url}{cat.path}" '
        f'title="{attr(cat.name)}"> {text(cat.name)} </a> </h3> </div> '
        f'<div class="box-content" data-source="zone-box-{cat.zone_id}"> {cards} </div> '
        "</section>"
    )


def social_line() -> str:
    """The "fb yt zl tw" line above the footer (outside <footer>, a classic leak)."""
    links = (
        ("fb", "Facebook"),
        ("yt", "Youtube"),
        ("zl", "Zalo"),
        ("tw", "Twitter"),
    )
    items = " ".join(
        f'<a href="#" class="{cls}" target="_parent" '
        f'title="Tương tác với Báo Lào Cai trên {name}">{cls}</a>'
        for cls, name in links
    )
    return f'<div class="social"> {items} </div>'


def site_footer(base_url: str) -> str:
    return (
        '<footer class="site-footer container"> <div class="row"> '
        f'<a href="/" class="logo" title="{SITE_NAME}">{SITE_NAME}</a> '
        '<div class="info"> <p>Trang mô phỏng ngoại tuyến dùng cho kiểm thử; nội dung do '
        "chương trình tạo ra.</p> </div> </div> </footer> "
        '<div class="back-to-top"></div>'
    )


def load_more(zone: int, layout: str) -> str:
    """The AJAX "Xem thêm" button: the next items come from /api/morenews-zone-<zone>-<page>."""
    return (
        f'<button type="button" class="more-news control__loadmore" data-page="1" '
        f'data-zone="{zone}" data-type="zone" data-layout="{layout}">Xem thêm</button>'
    )
