"""An offline replica of baolaocai.vn: a deterministic generated site served over real HTTP.

The crawl, extraction and warehouse are tested against it instead of the live site: every page
is generated from ``(seed, post_id)`` and its ``ReplicaArticle`` is the ground truth to compare
extraction output with. Markup follows the real platform; the text is our own.
"""

from .content import IndexEntry, Layout, ReplicaArticle, Site, build_site
from .render import render_article, render_category, render_home
from .server import ReplicaServer, serve

__all__ = [
    "IndexEntry",
    "Layout",
    "ReplicaArticle",
    "ReplicaServer",
    "Site",
    "build_site",
    "render_article",
    "render_category",
    "render_home",
    "serve",
]
