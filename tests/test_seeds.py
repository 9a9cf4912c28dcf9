"""The two seed documents: what a naive extractor archived from baolaocai.vn.

Each seed is an article followed by junk: "Có thể bạn quan tâm", "Tin cùng chuyên mục" with other
articles' titles (twice) and summaries, and "fb yt zl tw". Here each seed's article and its
listed items are put back into the platform's markup by the replica's renderer, and our
extractor must return exactly the article, and nothing of what follows its last paragraph.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from bench.seeds import read_seed
from extraction import RELATED_HEADINGS, extract_article
from replica.article import ReplicaArticle
from replica.article_page import render_article
from replica.site_index import build_site

pytestmark = pytest.mark.fast

VIETNAM = timezone(timedelta(hours=7))
BASE = "https://baolaocai.vn"


@pytest.fixture(scope="module", params=["000_*.txt", "004_*.txt"])
def seed_page(request, shared_dir):
    seed = read_seed(next((shared_dir / "seeds").glob(request.param)))
    site = build_site(articles=3, seed=1)
    when = datetime(2026, 3, 12, 9, 0, tzinfo=VIETNAM)
    listed_ids = []
    for n, (title, summary) in enumerate(seed.listed):
        post_id = 700001 + n
        site.add(ReplicaArticle(post_id, f"listed-{n}", title, summary, [summary], when, when,
                                "chinh-tri"))  # fmt: skip
        listed_ids.append(post_id)
    article = ReplicaArticle(
        post_id=700000, slug="seed", title=seed.title, sapo=seed.sapo,
        paragraphs=seed.paragraphs, published_at=when, modified_at=when, category="chinh-tri",
        author="Báo Lào Cai", suggest=listed_ids[:4], timeline=listed_ids,
    )  # fmt: skip
    site.add(article)
    return seed, render_article(article, site, BASE)


def test_seed_parses_into_article_and_junk(seed_page):
    seed, _ = seed_page
    assert len(seed.paragraphs) >= 8 and len(seed.listed) >= 5
    assert seed.junk[-1].endswith("fb yt zl tw")


def test_body_is_exactly_the_article(seed_page):
    seed, page = seed_page
    article = extract_article(page.encode("utf-8"), f"{BASE}/seed-post700000.html")
    assert article.method == "platform"
    assert article.title == seed.title
    assert article.sapo == seed.sapo
    assert article.body.split("\n\n") == seed.paragraphs


def test_nothing_after_the_last_paragraph_reaches_the_body(seed_page):
    seed, page = seed_page
    article = extract_article(page.encode("utf-8"), f"{BASE}/seed-post700000.html")
    for line in seed.junk:
        assert line not in article.body
    for title, summary in seed.listed:
        assert title not in article.body and summary not in article.body
    for heading in RELATED_HEADINGS:
        assert heading not in article.body
    assert "fb yt zl tw" not in article.body
    assert article.author == "Báo Lào Cai" and "Báo Lào Cai" not in article.body.split("\n\n")
    # the listed items are kept, as links, apart from the text
    assert {item.title for item in article.related} >= {t for t, _ in seed.listed}
