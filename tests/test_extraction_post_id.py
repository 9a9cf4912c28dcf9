"""Where the post id comes from: ``require_post_id``."""

from __future__ import annotations

import pytest

from extraction import ExtractionError, extract_article

pytestmark = pytest.mark.fast


def page(script: str = "", canonical: str = "") -> str:
    """A platform page whose only possible id sources are ``script`` and ``canonical``."""
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return f"""<html><head><meta charset="utf-8">{link}
<meta property="og:title" content="Tiêu đề">
<script>{script}</script></head>
<body><div class="article"><h1 class="article__title cms-title">Tiêu đề</h1>
<div class="article__body cms-body"><p>Nội dung.</p></div></div></body></html>"""


def test_a_page_without_a_post_id_is_no_article_by_default():
    with pytest.raises(ExtractionError, match="no post id"):
        extract_article(page(), "https://example.org/some-news")


def test_without_the_requirement_any_page_with_a_title_is_an_article():
    article = extract_article(page(), "https://example.org/some-news", require_post_id=False)
    assert article.post_id is None
    assert article.title == "Tiêu đề"
    assert article.body == "Nội dung."
    assert article.url == "https://example.org/some-news"


def test_without_the_requirement_a_post_id_is_still_read():
    url = "https://baolaocai.vn/bai-viet-post404649.html"
    assert extract_article(page(canonical=url), require_post_id=False).post_id == 404649


def test_a_page_without_a_title_is_no_article_even_without_the_requirement():
    untitled = page().replace("Tiêu đề", " ")
    with pytest.raises(ExtractionError, match="no title"):
        extract_article(untitled, require_post_id=False)
