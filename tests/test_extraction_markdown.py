"""Markdown, layout, authors and word count of the extractor, on small hand-written pages."""

from __future__ import annotations

import pytest

from extraction import extract_article
from foundation.normalise import match_form

pytestmark = pytest.mark.fast

PAGE = """<html><head><link rel="canonical" href="https://baolaocai.vn/a-post1.html">
<script>dataLayer.push({{'articleType': '{layout}'}});</script></head><body>
<div class="article"><h1 class="article__title">Tiêu đề</h1>
<div class="article__body">{body}</div></div></body></html>"""

BODY = """<div>Mở đầu bài viết.</div><h2>Tiêu đề phụ</h2>
<ul><li>Ý thứ nhất</li><li>Ý thứ hai</li></ul><ol><li>Bước một</li><li>Bước hai</li></ol>
<blockquote><p>Lời trích dẫn.</p></blockquote>
<figure><img src="x.jpg"><figcaption>Ảnh: chú thích</figcaption></figure>
<p>- Thưa ông, đây là lời thoại.</p>
<div class="t1"><span class="t2">Hoàng Anh - Minh Tuấn</span></div>"""


def test_markdown_marks_headings_lists_quotes_and_keeps_captions():
    article = extract_article(PAGE.format(layout="normal", body=BODY))
    assert article.body_markdown == (
        "Mở đầu bài viết.\n\n## Tiêu đề phụ\n\n- Ý thứ nhất\n- Ý thứ hai\n\n"
        "1. Bước một\n2. Bước hai\n\n> Lời trích dẫn.\n\nẢnh: chú thích\n\n"
        "\\- Thưa ông, đây là lời thoại."
    )
    assert article.body.split("\n\n") == [
        "Mở đầu bài viết.", "Tiêu đề phụ", "Ý thứ nhất", "Ý thứ hai", "Bước một", "Bước hai",
        "Lời trích dẫn.", "Ảnh: chú thích", "- Thưa ông, đây là lời thoại.",
    ]  # fmt: skip


def test_authors_layout_and_word_count():
    article = extract_article(PAGE.format(layout="photo", body=BODY))
    assert article.author == "Hoàng Anh - Minh Tuấn"
    assert article.authors == ["Hoàng Anh", "Minh Tuấn"]
    assert article.layout == "photo"
    assert article.word_count == len(article.body.split()) == 30  # "-" counts as a token


def test_match_form_folds_tone_placement_case_and_d_lookalikes():
    assert match_form("Khánh Hoà") == match_form("KHÁNH HÒA") == "khánh hòa"
    assert match_form("Thuỷ") == match_form("thủy")
    assert match_form("ÐIỆN BIÊN") == match_form("Ɖiện Biên") == "điện biên"
    assert match_form("hoàn thành") == "hoàn thành"  # a closed syllable keeps its tone mark
    text = "Xã Khánh Hoà và xã Bát Xát"
    assert len(match_form(text)) == len(text)
