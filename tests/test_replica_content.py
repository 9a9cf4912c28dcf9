"""The replica's generated site as data: the index, the places the text names, determinism,
layout validation and the index's speed at 100,000 articles."""

from __future__ import annotations

import re
import time

import pytest

from replica import Layout, build_site, render_article
from replica.places import era_after_merger, era_before_merger, in_district, mention
from replica.text import ARTICLE_PARAGRAPHS
from replica.timefmt import MERGER, VN
from tests.replica_helpers import ARTICLES, SEED

pytestmark = pytest.mark.fast


def test_localities_are_exactly_the_units_the_text_names():
    """Scan the text for every "<prefix> <name>" of the article's period: the set found must
    equal the ground truth, and no unit of the other period may appear."""
    site = build_site(ARTICLES, SEED)
    checked = 0
    for article in site.articles():
        after = article.published_at >= MERGER
        era, other = (
            (era_after_merger(), era_before_merger())
            if after
            else (era_before_merger(), era_after_merger())
        )
        text = "\n".join(
            [article.title, article.sapo, *article.paragraphs, *(c for _, c in article.images)]
        )
        # a former commune is written with its district beside it (namesakes: "xã Tân Thịnh")
        districts = {u.locality_id: u for u in era.local_units}
        communes = [c for named in era.communes.values() for c in named]
        units = [*era.local_units, *era.province_by_id.values(), *communes]
        words = {u.locality_id: mention(u).text for u in units}
        words |= {c.locality_id: in_district(c, districts[c.parent_id]).text for c in communes}
        found = {u.locality_id for u in units if _names(words[u.locality_id], text)}
        assert found == set(article.localities), article.post_id
        # a former commune may share its words with a unit of today ("xã Bản Lầu")
        written = {mention(u).text for u in units}  # "xã Bản Lầu" in "xã Bản Lầu, huyện ..."
        others = [u for u in other.local_units if mention(u).text not in written]
        assert not any(_names(mention(u).text, text) for u in others)
        checked += bool(article.localities)
    assert checked > ARTICLES * 0.8


def _names(phrase: str, text: str) -> bool:
    capitalised = phrase[0].upper() + phrase[1:]
    # "xã Nghĩa Lộ" inside "thị xã Nghĩa Lộ" is the thị xã
    pattern = rf"(?<!\w)(?<!thị )(?<!Thị )(?:{re.escape(phrase)}|{re.escape(capitalised)})(?!\w)"
    return re.search(pattern, text) is not None


def test_index_facts():
    site = build_site(ARTICLES, SEED)
    ids = site.ids()
    assert len(ids) == len(set(ids)) == ARTICLES
    assert all(100_000 <= i <= 999_999 for i in ids)
    by_date = [i for i in reversed(ids)]  # oldest first
    assert by_date != sorted(by_date), "ids must not follow dates"
    cats = [site.entry(i).category for i in ids]
    assert "thong-tin-quang-cao" in cats and cats.count("thong-tin-quang-cao") < ARTICLES * 0.05
    titles = [site.entry(i).title for i in ids]
    assert len(set(titles)) == ARTICLES
    for post_id in ids[:50]:
        article = site.article(post_id)
        assert re.fullmatch(r"[a-z0-9-]+", article.slug)
        assert len(article.kinds) == len(article.paragraphs)
        text = [p for k, p in article.blocks if k in ("p", "quote", "note")]
        limits = (2, 4) if article.layout.template == "video" else (1, ARTICLE_PARAGRAPHS[1])
        assert limits[0] <= len(text) <= limits[1] + 1  # (+1: a list's intro)
        captions = [p for k, p in article.blocks if k == "caption"]
        assert captions == [c for _, c in article.images]
        assert article.published_at.utcoffset() == VN.utcoffset(None)
        assert article.modified_at >= article.published_at


def test_determinism():
    base = "http://127.0.0.1:1"
    first, second = build_site(ARTICLES, SEED), build_site(ARTICLES, SEED)
    other = build_site(ARTICLES, SEED + 1)
    post_id = first.ids()[5]
    assert first.ids() == second.ids()
    one = render_article(first.article(post_id), first, base)
    two = render_article(second.article(post_id), second, base)
    assert one == two
    assert first.ids() != other.ids()
    assert render_article(other.article(other.ids()[5]), other, base) != one


def test_layout_rejects_unknown_variants():
    for field, value in (("byline", "x"), ("template", "gallery"), ("images", "png")):
        with pytest.raises(ValueError, match=field):
            Layout(**{field: value})
    assert Layout().name == "div-figure-t1"  # the real page


def test_hundred_thousand_articles_index_quickly():
    started = time.perf_counter()
    site = build_site(100_000, SEED)
    elapsed = time.perf_counter() - started
    print(f"\nindex of 100,000 articles built in {elapsed:.1f} s")
    assert len(site) == 100_000
    assert len(set(site.ids())) == 100_000
    assert site.article(site.ids()[-1]).paragraphs  # text is generated on demand
