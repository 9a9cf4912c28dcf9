"""Where the post id comes from: ``require_post_id``, and script ids that are not post ids."""

from __future__ import annotations

import pytest

from extraction import ExtractionError, extract_article

pytestmark = pytest.mark.fast

UUID = "3fcf6431-8b2e-4c1a-9d55-0e7b8a1c2f90"


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


@pytest.mark.parametrize(
    "script",
    [
        f"dataLayer = [{{'articleId': '{UUID}'}}];",
        f'var dataLayer=[{{"articleId":"{UUID}","articleCategory":"du-lich"}}];',
        "dataLayer = [{'articleId': '12345678-1234-5678-9abc-def012345678'}];",  # digits first
        "dataLayer = [{'articleId': '123abc'}];",
        "var contentId = 397051abc;",
        f"var cmsConfig = {{ pageType: 1, objectId: {UUID[:8]}x }};",
    ],
)
def test_the_digits_that_start_a_longer_token_are_no_post_id(script):
    with pytest.raises(ExtractionError, match="no post id"):
        extract_article(page(script))
    assert extract_article(page(script), require_post_id=False).post_id is None


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("dataLayer = [{'articleId': '404649', 'articleType': 'normal'}];", 404649),
        ('var dataLayer=[{"articleId":20250119073000112,"kanal":"wisata"}];', 20250119073000112),
        ("var cmsConfig = { pageType: 1, objectId: 404649, adsZone: 141 };", 404649),
        ("var contentId = 397051;", 397051),
    ],
)
def test_a_numeric_script_id_is_the_post_id(script, expected):
    assert extract_article(page(script)).post_id == expected
