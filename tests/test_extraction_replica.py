"""Every layout the replica generates is extracted exactly: body, Markdown and metadata equal
the generator's ground truth, page after page."""

from __future__ import annotations

from collections import Counter

import pytest

from extraction import extract_article
from replica import build_site, render_article

pytestmark = pytest.mark.fast

BASE = "https://baolaocai.vn"


@pytest.fixture(scope="module")
def site():
    return build_site(articles=500, seed=3)


def test_generated_pages_are_extracted_exactly(site):
    layouts: Counter[str] = Counter()
    wrong = []
    for truth in site.articles():
        got = extract_article(render_article(truth, site, BASE), truth.url(BASE))
        layouts[truth.layout.template] += 1
        expected = {
            "post_id": truth.post_id, "title": truth.title, "sapo": truth.sapo,
            "body": truth.body, "body_markdown": truth.markdown, "author": truth.author,
            "published_at": truth.published_at, "modified_at": truth.modified_at,
            "category": truth.category, "tags": truth.tags,
            "layout": truth.layout.template, "url": truth.url(BASE),
        }  # fmt: skip
        wrong += [(truth.post_id, truth.layout.name, name)
                  for name, value in expected.items() if getattr(got, name) != value]  # fmt: skip
    assert set(layouts) == {"normal", "emagazine", "photo", "video"}, layouts
    assert not wrong, wrong[:10]
