"""Machine-readable views of the site: robots.txt, sitemaps, RSS and the "load more" API.

Shapes follow the platform: a sitemap index of monthly ``/sitemaps/news-YYYY-M.xml`` files
(month not zero-padded), each a single line whose first ``<url>`` is the home page and whose
``lastmod`` is the modification time in ``+07:00`` form; RSS 2.0 at ``/rss/home.rss``; and
``/api/morenews-zone-<zone>-<page>.html`` answering JSON with ``data.contents``, 40 a page.
"""

from __future__ import annotations

import json
from html import escape

from .chrome import SITE_NAME, absolute
from .site_index import Site
from .taxonomy import Category, categories
from .timefmt import epoch, iso_colon, rfc822

API_PAGE_SIZE = 40
RSS_SIZE = 50

_URLSET_OPEN = (
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://www.sitemaps.org/schemas/sitemap/0.9 '
    'http://www.sitemaps.org/schemas/sitemap/0.9/siteindex.xsd">'
)


def _x(value: str) -> str:
    return escape(value, quote=False)


def robots_txt(base_url: str) -> str:
    return f"User-agent: *\nDisallow: /search/\n\nSitemap: {base_url}/sitemap.xml\n"


def month_sitemap_path(year: int, month: int) -> str:
    return f"/sitemaps/news-{year}-{month}.xml"


def sitemap_index(site: Site, base_url: str) -> str:
    """Categories first, then one entry per month with articles, newest month first."""
    entries = [(f"{base_url}/sitemaps/categories.xml", _newest_modified(site, site.ids()))]
    for year, month in reversed(site.months()):
        lastmod = _newest_modified(site, site.published_in(year, month))
        entries.append((base_url + month_sitemap_path(year, month), lastmod))
    items = "".join(
        f"<sitemap><loc>{_x(loc)}</loc><lastmod>{lastmod}</lastmod></sitemap>"
        for loc, lastmod in entries
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</sitemapindex>'
    )


def _newest_modified(site: Site, ids: list[int]) -> str:
    return iso_colon(max(site.entry(i).modified_at for i in ids))


def month_sitemap(site: Site, base_url: str, year: int, month: int) -> str | None:
    """The articles *published* that month (Asia/Ho_Chi_Minh), or None if there are none."""
    ids = site.published_in(year, month)
    if not ids:
        return None
    urls = [f"<url><loc>{_x(base_url)}</loc><lastmod>{_newest_modified(site, ids)}</lastmod></url>"]
    for post_id in ids:
        entry = site.entry(post_id)
        urls.append(
            f"<url><loc>{_x(base_url + entry.path)}</loc>"
            f"<lastmod>{iso_colon(entry.modified_at)}</lastmod></url>"
        )
    return _URLSET_OPEN + "".join(urls) + "</urlset>"


def categories_sitemap(site: Site, base_url: str) -> str:
    urls = []
    for cat in categories().values():
        ids = site.listing(cat.topic_id)
        lastmod = f"<lastmod>{_newest_modified(site, ids)}</lastmod>" if ids else ""
        urls.append(f"<url><loc>{_x(base_url + cat.path)}</loc>{lastmod}</url>")
    return _URLSET_OPEN + "".join(urls) + "</urlset>"


def rss(site: Site, base_url: str, cat: Category | None = None) -> str:
    """RSS 2.0: the newest 50 (of the site, or of one category and its subcategories)."""
    ids = (site.listing(cat.topic_id) if cat else site.ids())[:RSS_SIZE]
    title = f"{cat.name} - {SITE_NAME}" if cat else SITE_NAME
    link = base_url + (cat.path if cat else "/")
    items = []
    for post_id in ids:
        entry = site.entry(post_id)
        url = base_url + entry.path
        items.append(
            "<item>"
            f"<title>{_x(entry.title)}</title>"
            f"<link>{_x(url)}</link>"
            f"<description>{_x(site.sapo(post_id))}</description>"
            f"<category>{_x(categories()[entry.category].name)}</category>"
            f"<pubDate>{rfc822(entry.published_at)}</pubDate>"
            f'<guid isPermaLink="true">{_x(url)}</guid>'
            "</item>"
        )
    built = rfc822(site.entry(ids[0]).published_at) if ids else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        f"<title>{_x(title)}</title><link>{_x(link)}</link>"
        f"<description>{_x(title)}</description><language>vi</language>"
        f"<lastBuildDate>{built}</lastBuildDate>" + "".join(items) + "</channel></rss>"
    )


def morenews(site: Site, base_url: str, ids: list[int], page: int) -> str:
    """One page (1-based) of the "load more" API: JSON, 40 items, [] past the end."""
    start = (page - 1) * API_PAGE_SIZE
    contents = []
    for post_id in ids[start : start + API_PAGE_SIZE] if page >= 1 else []:
        entry = site.entry(post_id)
        cat = categories()[entry.category]
        contents.append(
            {
                "content_id": post_id,
                "title": entry.title,
                "description": site.sapo(post_id),
                "date": epoch(entry.published_at),
                "update_time": epoch(entry.modified_at),
                "url": entry.path,
                "full_url": base_url + entry.path,
                "avatar_url": absolute(base_url, site.thumbnail(post_id)),
                "zone_id": cat.zone_id,
                "zone_name": cat.name,
            }
        )
    payload = {"error_code": 0, "error_message": "", "data": {"contents": contents}}
    return json.dumps(payload, ensure_ascii=False)
