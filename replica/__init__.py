"""An offline replica of baolaocai.vn: a deterministic generated site served over real HTTP.
It can stand for another profiled paper too (``build_site(..., site_id=...)``): that paper's
theme (``replica.themes``: the 2026 one or the older v3), article URL ending and post ids.

The crawl, extraction and warehouse are tested against it instead of the live site: every page
is generated from ``(seed, post_id)`` and its ``ReplicaArticle`` is the ground truth to compare
extraction output with. Markup follows the real platform; the text is our own.

A hand-made article: ``ReplicaArticle(..., kinds=[...], layout=Layout(template="photo",
byline="p.author", ...))`` added to a site with ``Site.add`` (its listed ids must be in the
site) and rendered with ``render_article(article, site, base_url)``.
"""

from .article import (
    KINDS,
    RELATED_INSIDE_SIZE,
    TEMPLATE_OF_CATEGORY,
    TEMPLATES,
    Layout,
    ReplicaArticle,
    choose_layout,
)
from .article_page import render_article
from .listing_pages import render_category, render_home
from .server import ReplicaServer, serve
from .site_index import IndexEntry, Site, build_site

__all__ = [
    "KINDS",
    "RELATED_INSIDE_SIZE",
    "TEMPLATES",
    "TEMPLATE_OF_CATEGORY",
    "IndexEntry",
    "Layout",
    "ReplicaArticle",
    "ReplicaServer",
    "Site",
    "build_site",
    "choose_layout",
    "render_article",
    "render_category",
    "render_home",
    "serve",
]
