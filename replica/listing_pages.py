"""The site's other HTML pages: the home page, category listings and the not-found page.

They share the platform's chrome (``replica.chrome``) with the article page but no article
markup; the "load more" API that continues a listing is in ``replica.feeds``.
"""

from __future__ import annotations

from . import chrome
from .chrome import SITE_NAME, attr, text
from .site_index import Site
from .taxonomy import category, root_of

CATEGORY_PAGE_SIZE = 20
HOME_PAGE_SIZE = 30


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
            chrome.breadcrumbs(cat, base_url),
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
