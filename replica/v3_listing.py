"""The "v3" theme's other pages: category listings, the home page and the not-found page,
modelled on tinnhanhchungkhoan.vn's real listing
(``../shared/fixtures/real/tinnhanhchungkhoan_listing_chung-khoan.html``).

A category's main list is ``div.category-highlight`` (one story with its summary and two
``story__refer`` links, then eight) and ``div.category-timeline`` (40 ``article.story[data-id]``
cards and the "Xem thêm" ``button.control__loadmore[data-zone]``); the sidebar lists other
sections' stories (``zone-box-<zone>``) and the most read. Only the main list is the
category's: the profile's ``listing_links`` selector says so.
"""

from __future__ import annotations

from .chrome import attr, text
from .site_index import Site
from .taxonomy import Category, category, root_of, roots
from .v3_chrome import (
    breadcrumbs,
    head_common,
    organisation_ld,
    page,
    section_ld,
    sidebar,
    site_name,
    story,
)

HIGHLIGHT_SIZE = 9  # one rank-1 story and eight rank-2
TIMELINE_SIZE = 40
REFER_SIZE = 2  # "story__refer" links under the first story
ZONE_BOX_SIZE = 3


def _head(site: Site, base_url: str, title: str, canonical: str, cat: Category | None) -> str:
    return "\n".join(
        (
            f" <title>{text(title)}</title>",
            f'<meta name="description" content="{attr(title)}"/>',
            head_common(site, base_url),
            f' <link rel="canonical" href="{canonical}" />',
            f' <meta property="og:site_name" content="{attr(site_name(site))}"/>',
            '<meta property="og:type" content="website"/>',
            f'<meta property="og:url" content="{canonical}"/>',
            f'<meta property="og:title" content="{attr(title)}"/>',
            organisation_ld(site, base_url),
            section_ld(base_url, cat) if cat else "",
        )
    )


def _highlight(site: Site, base_url: str, ids: list[int], zone: int, refer: list[int]) -> str:
    if not ids:
        return ""
    first = story(site, ids[0], base_url, with_summary=True)
    links = "\n".join(
        f'<div class="refer">\n<a class="refer__heading" href="{base_url}{site.entry(i).path}" '
        f'title="{attr(site.entry(i).title)}">{text(site.entry(i).title)}</a>\n</div>'
        for i in refer
    )
    if links:
        first = first.removesuffix("\n</article>") + (
            f'\n <div class="story__refer" data-source="highlight-related">\n{links}\n </div>'
            "\n</article>"
        )
    rest = "\n".join(story(site, i, base_url) for i in ids[1:])
    return (
        '<div class="category-highlight">\n'
        f'<div class="box-content" data-source="zone-box-highlight-{zone}">\n'
        f'<div class="rank-1">\n{first}\n</div>\n <div class="rank-2">\n{rest}\n </div>\n'
        "</div>\n</div>"
    )


def _timeline(site: Site, base_url: str, ids: list[int], zone: int, more: bool) -> str:
    """The timeline, then "Xem thêm" when ``more`` (the section has stories: the API goes on)."""
    cards = "\n\n".join(story(site, i, base_url, with_id=True) for i in ids)
    button = (
        '<div class="pagination">\n<div class="pagination__controls">\n'
        '<button class="btn btn-primary control__loadmore" data-page="1"\n'
        f'data-type="zone"\ndata-zone="{zone}">Xem thêm\n</button>\n</div>\n</div>'
    )
    return (
        '<div class="category-timeline">\n'
        f' <div class="box-content content-list" data-source="zone-timeline-{zone}">\n'
        f"{cards}\n</div>\n{button if more else ''}\n</div>"
    )


def _zone_boxes(site: Site, base_url: str, own_root: str) -> str:
    """Sidebar boxes of two other top-level sections: stories that are not this listing's."""
    boxes = []
    for cat in [c for c in roots() if c.topic_id != own_root and site.listing(c.topic_id)][:2]:
        cards = "\n".join(
            story(site, i, base_url, with_meta=False)
            for i in site.listing(cat.topic_id)[:ZONE_BOX_SIZE]
        )
        boxes.append(
            '<div class="box-sidebar-4 fyi-position">\n<div class="box-heading">\n'
            f'<h3 class="heading">\n<a href="{base_url}{cat.path}" title="{attr(cat.name)}">'
            f"\n{text(cat.name)}\n</a>\n</h3>\n</div>\n"
            f'<div class="box-content" data-source="zone-box-{cat.zone_id}">\n{cards}\n</div>\n'
            "</div>"
        )
    return "\n".join(boxes)


def _listing(site: Site, base_url: str, ids: list[int], zone: int, own_root: str) -> str:
    """The main column (highlight, timeline, "Xem thêm") and the sidebar."""
    highlight, timeline = ids[:HIGHLIGHT_SIZE], ids[HIGHLIGHT_SIZE:][:TIMELINE_SIZE]
    refer = ids[HIGHLIGHT_SIZE + TIMELINE_SIZE :][:REFER_SIZE]  # older stories of the section
    side = sidebar(
        site, base_url, zone, site.newest(5), None, _zone_boxes(site, base_url, own_root)
    )
    return "\n".join(
        (
            '<div class="main-column">',
            _highlight(site, base_url, highlight, zone, refer),
            _timeline(site, base_url, timeline, zone, more=bool(ids and zone)),
            "</div>",
            side,
        )
    )


def render_category(site: Site, topic_id: str, base_url: str) -> str:
    """``/<topic>/``: the newest 49 articles (subcategories included), then "Xem thêm"."""
    base_url = base_url.rstrip("/")
    cat = category(topic_id)
    ids = site.listing(topic_id)
    content = "\n".join(
        (
            '<div class="col-12">',
            breadcrumbs(cat, base_url, listing=True),
            _listing(site, base_url, ids, cat.zone_id, root_of(topic_id)),
            "</div>",
        )
    )
    title = f"{cat.name} | {site_name(site)}"
    head = _head(site, base_url, title, base_url + cat.path, cat)
    return page(site, base_url, head, "category-page", content)


def render_home(site: Site, base_url: str) -> str:
    """``/``: the newest articles in the listing's markup; the menu links every category."""
    base_url = base_url.rstrip("/")
    content = "\n".join(
        ('<div class="col-12">', _listing(site, base_url, site.ids(), 0, ""), "</div>")
    )
    head = _head(site, base_url, site_name(site), base_url + "/", None)
    return page(site, base_url, head, "home-page", content)


def render_not_found(site: Site, base_url: str) -> str:
    base_url = base_url.rstrip("/")
    title = f"Không tìm thấy trang | {site_name(site)}"
    content = '<div class="col-12">\n<h1>Không tìm thấy trang</h1>\n</div>'
    head = _head(site, base_url, title, base_url + "/", None)
    return page(site, base_url, head, "error-page", content)
