"""The extraction gold set: ``tests/gold/*.json``, one page each, expected fields by hand.

Two kinds of page:
- ``real_*.json``: a real page of the platform, read from ``../shared/fixtures/real/`` (never
  copied into the repo). Its expected body is given as a hand-written XPath selecting exactly
  the article's paragraphs, so the gold file holds no copy of the paper's text.
- ``replica_*.json``: an article written by hand (title, paragraphs, layout, related items),
  rendered in the platform's markup by the replica's renderer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from lxml import html as lxml_html

from extraction.text import clean

REPO = Path(__file__).resolve().parents[1]
GOLD_DIR = REPO / "tests" / "gold"
SHARED_DIR = REPO.parent / "shared"
REPLICA_BASE = "https://baolaocai.vn"


@dataclass
class GoldPage:
    name: str
    html: bytes
    url: str | None
    expected: dict[str, object]  # field -> exact value (instants as ISO strings)
    body: list[str]  # the article's paragraphs
    related: list[str] = field(default_factory=list)  # texts of the related blocks' items
    markdown: str | None = None  # expected Markdown, where the page was written by hand

    @property
    def body_text(self) -> str:
        return "\n\n".join(self.body)


def _texts(tree, expr: str) -> list[str]:
    found = tree.xpath(expr)
    return [t for t in (clean(x if isinstance(x, str) else x.text_content()) for x in found) if t]


def _real(spec: dict, shared: Path) -> GoldPage:
    data = (shared / spec["page"]["shared"]).read_bytes()
    tree = lxml_html.document_fromstring(data)
    expected = dict(spec["expected"])
    for name, expr in spec.get("expected_xpath", {}).items():
        expected[name] = _texts(tree, expr)[0]
    return GoldPage(
        name=spec["name"],
        html=data,
        url=None,
        expected=expected,
        body=_texts(tree, spec["body_xpath"]),
        related=_texts(tree, spec["related_xpath"]),
    )


def _replica(spec: dict) -> GoldPage:
    from replica import Layout, ReplicaArticle, build_site, render_article

    def article(data: dict) -> ReplicaArticle:
        data = dict(data)
        for key in ("published_at", "modified_at"):
            data[key] = datetime.fromisoformat(data[key])
        data["images"] = [tuple(image) for image in data.get("images", [])]
        data["layout"] = Layout(**data.get("layout", {}))
        return ReplicaArticle(**data)

    site = build_site(articles=1, seed=1)
    listed = [article(item) for item in spec.get("listed", [])]
    for item in listed:
        site.add(item)
    main = article(spec["article"])
    site.add(main)
    page = render_article(main, site, REPLICA_BASE).encode("utf-8")
    return GoldPage(
        name=spec["name"],
        html=page,
        url=main.url(REPLICA_BASE),
        expected=dict(spec["expected"]),
        body=list(spec["body"]),
        related=[text for item in listed for text in (item.title, item.sapo)],
        markdown=spec.get("markdown"),
    )


def load(shared: Path = SHARED_DIR) -> list[GoldPage]:
    """Every gold page; real pages only when ../shared is there."""
    pages = []
    for path in sorted(GOLD_DIR.glob("*.json")):
        spec = json.loads(path.read_text(encoding="utf-8"))
        if "shared" in spec["page"]:
            if (shared / spec["page"]["shared"]).exists():
                pages.append(_real(spec, shared))
        else:
            pages.append(_replica(spec))
    return pages
