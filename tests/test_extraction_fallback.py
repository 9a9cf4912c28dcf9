"""The fallback path (no platform body): an e-magazine page built from the seed text.

No real baolaocai e-magazine HTML exists (PROVENANCE.md), so the page is assembled here from the
text a naive extractor archived (../shared/seeds/000_*.txt): the article's paragraphs, then the
"Tin cùng chuyên mục" items and the "fb yt zl tw" line that must not come back.
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from extraction import RELATED_HEADINGS, extract_article

pytestmark = pytest.mark.fast

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
SEED = next(iter(sorted(SEEDS.glob("000_*.txt"))), None) if SEEDS.is_dir() else None
if SEED is None:
    pytest.skip(f"seed text not found in {SEEDS}", allow_module_level=True)


def _seed() -> tuple[str, str, list[str], list[tuple[str, str]]]:
    """(title, sapo, article paragraphs, [(related title, summary)]) read from the seed."""
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    title, sapo = lines[1], lines[3]  # line 2 repeats the title
    end = lines.index("Có thể bạn quan tâm")
    paragraphs = [line for line in lines[4:end] if not line.endswith(".png")]
    tail = lines[lines.index("Tin cùng chuyên mục") + 1 : -1]  # up to "fb yt zl tw"
    related = [(tail[i], tail[i + 2]) for i in range(0, len(tail) - 2, 3) if tail[i] == tail[i + 1]]
    return title, sapo, paragraphs, related


TITLE, SAPO, PARAGRAPHS, RELATED = _seed()
POST_URL = "https://baolaocai.vn/vai-tro-cua-mang-xa-hoi-trong-cong-tac-dan-van-post400001.html"


def _emagazine_page() -> bytes:
    e = html.escape
    stories = "".join(
        f'<article class="story" data-id="{500000 + i}"><figure class="story__thumb">'
        f'<a class="cms-link" href="https://baolaocai.vn/x-post{500000 + i}.html">'
        f'<img class="lazyload" src="data:image/gif;base64,R0lGOD" alt="{e(t)}"></a></figure>'
        f'<h2 class="story__heading">'
        f'<a class="cms-link" href="https://baolaocai.vn/x-post{500000 + i}.html"'
        f' title="{e(t)}">{e(t)}</a></h2>'
        f'<div class="story__summary story__shorten"><p>{e(s)}</p></div></article>'
        for i, (t, s) in enumerate(RELATED)
    )
    body = "".join(f"<p>{e(p)}</p>" for p in PARAGRAPHS)
    page = f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>{e(TITLE)} | Báo Lào Cai điện tử</title>
<link rel="canonical" href="{POST_URL}">
<meta property="og:type" content="article"><meta property="og:title" content="{e(TITLE)}">
<meta name="description" content="{e(SAPO)}">
<meta property="article:published_time" content="2025-03-10T08:00:00+0700">
<script>var cmsConfig = {{ pageType: 1, objectId: 400001, adsZone: 150 }};</script>
</head><body class="emagazine">
<header class="site-header">
 <a class="logo" href="https://baolaocai.vn">Báo Lào Cai điện tử</a></header>
<div class="emag-wrapper">
 <div class="emag-top">
 <a class="back" href="https://baolaocai.vn/e-magazine/">Quay về E-magazine</a>
 <a class="gg-news" href="https://news.google.com/"><span>Theo dõi Báo Lào Cai trên</span>
 <img src="https://cdn.baolaocai.vn/gg-news.png" alt="Google News"></a></div>
 <div class="emag-cover"><h1 class="emag-title">{e(TITLE)}</h1>
 <div class="emag-sapo">{e(SAPO)}</div></div>
 <div class="emag-content">{body}
 <figure><img src="https://cdn.baolaocai.vn/images/abc/mang-xa-hoi-5.png"><figcaption></figcaption></figure>
 </div>
</div>
<section class="suggest"><h3 class="box-heading"><a class="title">Có thể bạn quan tâm</a></h3>
<div class="box-content" data-source="recommendation-150"></div></section>
<div class="timeline"><h3 class="box-heading"><a class="title">Tin cùng chuyên mục</a></h3>
<div class="box-content content-list" data-source="recommendation-150">{stories}</div>
<button class="more-news control__loadmore">Xem thêm</button></div>
<div class="social">
 <a class="fb">fb</a> <a class="yt">yt</a> <a class="zl">zl</a> <a class="tw">tw</a></div>
<footer class="site-footer">Cơ quan của Đảng bộ Đảng Cộng sản Việt Nam tỉnh Lào Cai</footer>
</body></html>"""
    return page.encode("utf-8")


@pytest.fixture(scope="module")
def article():
    return extract_article(_emagazine_page())


def test_the_seed_was_read():
    assert TITLE.startswith("Vai trò của mạng xã hội")
    assert len(PARAGRAPHS) >= 8
    assert len(RELATED) >= 10


def test_fallback_identity(article):
    assert article.method == "fallback"
    assert article.post_id == 400001
    assert article.url == POST_URL
    assert article.title == TITLE  # og:title: the e-magazine h1 has no platform class
    assert article.sapo == SAPO  # meta description
    assert article.published_at.isoformat() == "2025-03-10T08:00:00+07:00"


def test_fallback_body_keeps_the_article(article):
    assert article.body.split("\n\n") == PARAGRAPHS  # no title/sapo repeated on top


def test_fallback_body_has_no_junk(article):
    for heading in RELATED_HEADINGS:
        assert heading.casefold() not in article.body.casefold(), heading
    for title, summary in RELATED:
        assert title not in article.body
        assert summary not in article.body
    for junk in ("fb yt zl tw", "Google News", "Báo Lào Cai điện tử", "Cơ quan của Đảng bộ"):
        assert junk not in article.body


def test_fallback_reads_related_blocks(article):
    assert [item.title for item in article.related] == [title for title, _ in RELATED]
    assert {item.block for item in article.related} == {"timeline"}
    assert article.related[0].post_id == 500000
