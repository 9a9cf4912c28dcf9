"""The extractor against the gold set (tests/gold/*.json): every page's body, no leaked
related-block text, every metadata field exact. The targets are those of the benchmark."""

from __future__ import annotations

import pytest

from bench import gold, scoring
from extraction import extract_article

pytestmark = pytest.mark.fast

PAGES = gold.load()


def test_the_gold_set_is_there():
    names = [page.name for page in PAGES]
    assert len(names) == len(set(names))
    assert sum(name.startswith("replica/") for name in names) >= 10
    if gold.SHARED_DIR.is_dir():
        assert sum(name.startswith("real/") for name in names) == 4


@pytest.fixture(scope="module")
def extracted():
    return {page.name: extract_article(page.html, page.url) for page in PAGES}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_body(page, extracted):
    article = extracted[page.name]
    score = scoring.score_body(article.body, page.body_text, page.related)
    assert score.f1 >= 0.98, (score, article.body[:500])
    assert score.leaked == 0


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_metadata(page, extracted):
    article = extracted[page.name]
    wrong = {
        name: (getattr(article, name), value)
        for name, value in page.expected.items()
        if not scoring.same_value(name, getattr(article, name), value)
    }
    assert not wrong


@pytest.mark.parametrize("page", [p for p in PAGES if p.markdown], ids=lambda p: p.name)
def test_markdown(page, extracted):
    assert extracted[page.name].body_markdown == page.markdown


def test_mean_f1_meets_the_target(extracted):
    scores = [scoring.score_body(extracted[p.name].body, p.body_text, p.related).f1 for p in PAGES]
    assert sum(scores) / len(scores) >= 0.995
