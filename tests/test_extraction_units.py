"""The pieces of extraction on small pages written in the platform's markup (site_structure.md)."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest

from extraction import ExtractionError, extract_article
from extraction.metadata import parse_datetime
from extraction.text import clean, content_hash, decode_html

pytestmark = pytest.mark.fast

ICT = timezone(timedelta(hours=7))


def page(body: str, head: str = "", article_extra: str = "") -> str:
    """A minimal article page of the platform around the given body HTML."""
    return f"""<html><head><meta charset="utf-8">
<link rel="canonical" href="https://baolaocai.vn/bai-viet-post123.html">
<meta property="article:published_time" content="2025-06-17T13:43:02+0700">{head}</head>
<body><div class="article"><h1 class="article__title cms-title"> Tiêu đề </h1>
<div class="article__sapo cms-desc"> Sa pô </div>
<div class="article__body zce-content-body cms-body">{body}</div>{article_extra}</div>
</body></html>"""


def body_of(body: str, **kwargs: str) -> str:
    return extract_article(page(body, **kwargs)).body


# --- text ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-06-17T13:43:02+0700", datetime(2025, 6, 17, 13, 43, 2, tzinfo=ICT)),
        ("2026-07-20T06:31:56+07:00", datetime(2026, 7, 20, 6, 31, 56, tzinfo=ICT)),
        ("2025-06-17T06:43:02Z", datetime(2025, 6, 17, 13, 43, 2, tzinfo=ICT)),
        ("2025-06-17T13:43:02", datetime(2025, 6, 17, 13, 43, 2, tzinfo=ICT)),  # site time
        ("17/06/2025 13:43", None),
        ("", None),
    ],
)
def test_parse_datetime(value, expected):
    parsed = parse_datetime(value)
    assert parsed == expected
    if parsed:
        assert parsed.tzinfo is not None


def test_clean_collapses_whitespace_and_composes():
    assert clean("  a\u00a0\u00a0b\n\tc\u200b ") == "a b c"
    assert clean("Lào Cai") == "Lào Cai"  # NFD in, NFC out


def test_content_hash_ignores_case_spacing_and_composition_only():
    base = content_hash("Sống đẹp", "Đoạn một.\n\nĐoạn hai.")
    assert content_hash("SỐNG  ĐẸP", "Đoạn một. Đoạn hai.") == base
    assert content_hash("Sống đẹp", "Đoạn một.\n\nĐoạn hai.") == base
    assert content_hash("Sống đẹp", "Đoạn một.\n\nĐoạn ba.") != base
    assert content_hash("Sống đẹp", "") != content_hash("", "Sống đẹp")


def test_decode_html():
    text = '<meta charset="utf-8"><p>Lào Cai</p>'
    assert decode_html(text.encode("utf-8")) == text
    assert decode_html(b"\xef\xbb\xbf<p>x</p>") == "<p>x</p>"  # BOM
    latin = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>café</p>'
    assert decode_html(latin.encode("cp1252")) == latin
    with pytest.raises(ValueError):
        decode_html('<meta charset="utf-8"><p>café</p>'.encode("cp1252"))


# --- body ---------------------------------------------------------------------------------------


def test_paragraph_per_block_and_inline_flattened():
    body = body_of(
        "<div> Một <b>hai</b>&nbsp;ba </div>text rời<p>Bốn <a href='x'>năm</a>.</p>"
        "<h2>Tiểu mục</h2><ul><li>mục 1</li><li>mục 2</li></ul><blockquote>Trích dẫn</blockquote>"
    )
    assert body.split("\n\n") == [
        "Một hai ba",
        "text rời",
        "Bốn năm.",
        "Tiểu mục",
        "mục 1",
        "mục 2",
        "Trích dẫn",
    ]


def test_br_is_a_line_break_inside_the_paragraph():
    assert (
        body_of("<p>Dòng một<br>Dòng hai<br></p><p>Khổ hai</p>") == "Dòng một\nDòng hai\n\nKhổ hai"
    )


def test_captions_are_kept_and_notebox_too():
    body = body_of(
        "<div class='notebox cms-note'><p>Ghi chú</p></div>"
        "<figure><img src='https://cdn.baolaocai.vn/a.jpg'><figcaption>Chú thích ảnh</figcaption>"
        "</figure><table class='picture'><tr><td class='pic'><img src='/b.jpg'></td></tr>"
        "<tr><td class='caption'>Chú thích bảng</td></tr></table><p>Hết.</p>"
    )
    assert body.split("\n\n") == ["Ghi chú", "Chú thích ảnh", "Chú thích bảng", "Hết."]


def test_ads_scripts_related_boxes_and_comments_are_pruned():
    body = body_of(
        "<p>Đầu.</p><!-- comment --><script>var x = 'script text';</script><style>.a{}</style>"
        "<div class='sda_middle'><div id='sdaWeb_SdaArticleMiddle' class='rennab'>QC</div></div>"
        "<div class='ads_middle'><div id='adsWeb_AdsArticleMiddle' class='banner'>QC2</div></div>"
        "<div class='article-relate' data-source='related-news'><article class='story'>"
        "<h2 class='story__heading'><a href='https://baolaocai.vn/khac-post9.html'>Bài khác</a>"
        "</h2>"
        "</article></div><iframe src='https://x'>iframe text</iframe>"
        "<a class='gg-news' href='#'>Theo dõi Báo Lào Cai trên Google News</a><p>Cuối.</p>"
    )
    assert body == "Đầu.\n\nCuối."


def test_related_heading_paragraphs_are_dropped():
    body = body_of("<p>Nội dung.</p><p><strong>Xem thêm:</strong> Bài khác</p><p>Tin liên quan</p>")
    assert body == "Nội dung."


def test_trailing_byline_goes_to_author_only_at_the_end():
    article = extract_article(
        page(
            "<div>Nội dung.</div><div class='t1'><span class='t2'>Anh Dũng</span></div>"
            "<div id='sdaWeb_SdaArticleAfterBody' class='rennab'></div>"
        )
    )
    assert (article.body, article.author) == ("Nội dung.", "Anh Dũng")
    middle = extract_article(
        page("<div class='t1'><span class='t2'>Câu in đậm</span></div><div>Nội dung.</div>")
    )
    assert middle.body == "Câu in đậm\n\nNội dung."
    assert middle.author == ""


def test_author_from_article_author_block_inside_the_body():
    article = extract_article(
        page("<p>Nội dung.</p><div class='article__author'><p class='name'>TP</p></div>")
    )
    assert (article.body, article.author) == ("Nội dung.", "TP")


def test_empty_jsonld_author_means_unknown():
    head = (
        '<script type="application/ld+json">'
        '{"@type": "NewsArticle", "author": {"name": ""}}</script>'
    )
    assert extract_article(page("<p>x</p>", head=head)).author == ""
    head = head.replace('""}', '"Minh Vũ"}')
    assert extract_article(page("<p>x</p>", head=head)).author == "Minh Vũ"


def test_lazy_images_prefer_data_src():
    article = extract_article(
        page(
            "<figure><img src='data:image/gif;base64,R0lGOD' data-src='https://cdn.x/real.jpg'>"
            "<figcaption>Ảnh</figcaption></figure><p>x</p>"
        )
    )
    assert [(i.url, i.caption) for i in article.images] == [("https://cdn.x/real.jpg", "Ảnh")]


def test_tags_strip_hash_dedupe_and_fall_back_to_keywords():
    tags = (
        "<div class='article__tags'><h3 class='box-heading'>Từ khóa:</h3><div class='box-content'>"
        "<a href='/a'>#Lào Cai</a><a href='/b'>#Sa Pa</a><a href='/c'>#lào cai</a></div></div>"
    )
    assert extract_article(page("<p>x</p>", article_extra=tags)).tags == ["Lào Cai", "Sa Pa"]
    keywords = '<meta name="keywords" content="Lào Cai, Sa Pa,">'
    assert extract_article(page("<p>x</p>", head=keywords)).tags == ["Lào Cai", "Sa Pa"]


def test_nested_breadcrumb_category_path():
    crumbs = (
        "<div class='breadcrumbs'><h2 class='main'>"
        "<a href='https://baolaocai.vn/kinh-te/'>Kinh tế</a></h2><h2 class='main'><a class='active' href='https://baolaocai.vn/kinh-te/thi-truong/'>"
        "Thị trường</a></h2></div>"
    )
    article = extract_article(page("<p>x</p>", article_extra=crumbs))
    assert (article.category, article.category_name) == ("kinh-te/thi-truong", "Thị trường")


def test_missing_title_or_id_raise():
    with pytest.raises(ExtractionError, match="no title"):
        extract_article(page("<p>x</p>").replace("Tiêu đề", " "))
    with pytest.raises(ExtractionError, match="no post id"):
        extract_article(page("<p>x</p>").replace("-post123", ""))


def test_platform_path_does_not_load_trafilatura():
    """Speed: the platform path is lxml only; trafilatura (slow to import and run) is for the
    fallback. A fresh interpreter, since other tests load trafilatura in this one."""
    script = (
        "import sys\n"
        "from extraction import extract_article\n"
        f"a = extract_article({page('<p>Nội dung.</p>')!r})\n"
        "assert a.method == 'platform' and a.body == 'Nội dung.', a\n"
        "print('trafilatura' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
