"""What ``extract_article`` accepts and rejects, tried on real pages of the platform
(../shared/fixtures/real): str or bytes, decomposed Unicode, legacy charsets, undecodable bytes,
bodies that are not articles or carry no post id; and the names the package exports.
"""

from __future__ import annotations

import unicodedata

import pytest

from extraction import ExtractionError, extract_article
from tests.real_pages import BAOLAOCAI, NHANDAN, REAL, extracted, raw

pytestmark = pytest.mark.fast

if not REAL.is_dir():
    pytest.skip(f"real fixtures not found at {REAL}", allow_module_level=True)

#: The baolaocai page's headline, read off the page (as in test_extraction_real_sites.EXPECTED).
BAOLAOCAI_TITLE = "Sống đẹp từ những điều giản dị"


def test_str_and_bytes_give_the_same_article():
    assert extract_article(raw(NHANDAN).decode("utf-8")) == extracted(NHANDAN)


# --- NFC and charsets -------------------------------------------------------------------------


def test_text_is_nfc_even_from_a_decomposed_page():
    page = raw(BAOLAOCAI).decode("utf-8")
    decomposed = unicodedata.normalize("NFD", page)
    assert decomposed != page  # the test means something only if NFD changed the page
    article = extract_article(decomposed.encode("utf-8"))
    for text in [article.title, article.sapo, article.body, article.author, *article.tags]:
        assert unicodedata.is_normalized("NFC", text)
    assert article.body == extracted(BAOLAOCAI).body
    assert article.title == extracted(BAOLAOCAI).title


def test_page_in_its_declared_legacy_charset():
    page = raw(BAOLAOCAI).decode("utf-8").replace("charset=utf-8", "charset=windows-1258")
    # cp1258 writes Vietnamese with combining tone marks; what it lacks becomes &#…; refs
    legacy = unicodedata.normalize("NFD", page).encode("cp1258", errors="xmlcharrefreplace")
    article = extract_article(legacy)
    assert article.title == BAOLAOCAI_TITLE
    assert article.body == extracted(BAOLAOCAI).body


def test_utf8_page_declared_as_legacy_charset_is_read_as_utf8():
    page = raw(BAOLAOCAI).replace(b"charset=utf-8", b"charset=windows-1258")
    assert extract_article(page).title == BAOLAOCAI_TITLE


def test_page_in_a_charset_other_than_declared_raises():
    page = raw(BAOLAOCAI).decode("utf-8")  # declares utf-8 ...
    legacy = unicodedata.normalize("NFD", page).encode("cp1258", errors="xmlcharrefreplace")
    with pytest.raises(ExtractionError, match="undecodable") as caught:
        extract_article(legacy, url="https://baolaocai.vn/x-post1.html")  # ... is not
    assert "\n" not in str(caught.value)


def test_undecodable_bytes_raise():
    broken = raw(BAOLAOCAI).replace("Những con số biết nói".encode(), b"Nh\xff\xfe con s\xc3")
    with pytest.raises(ExtractionError, match="undecodable"):
        extract_article(broken)


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",  # an image served where a page was expected
        b'{"error": 404, "message": "Not Found"}',  # an API error
        "<html><body><p>Trang bạn tìm không tồn tại</p></body></html>".encode(),  # no title
        # a category page: a heading, but no post id anywhere (and a category URL)
        (
            "<html><head><link rel='canonical' href='https://baolaocai.vn/review-lao-cai/'>"
            "<script>var cmsConfig = {pageType: 2, objectId: 141};</script></head>"
            "<body><h1 class='cms-title'>Review Lào Cai</h1></body></html>"
        ).encode(),
    ],
    ids=["empty", "png", "json", "no-title", "category-page"],
)
def test_non_article_bodies_raise(body):
    with pytest.raises(ExtractionError) as caught:
        extract_article(body, url="https://baolaocai.vn/review-lao-cai/")
    assert "\n" not in str(caught.value)


def test_real_page_without_its_ids_raises():
    page = raw(BAOLAOCAI)
    for marker in (b"-post404649", b"objectId: 404649", b"'articleId': '404649'"):
        assert marker in page
        page = page.replace(marker, b"")
    with pytest.raises(ExtractionError, match="no post id"):
        extract_article(page)
    # the URL it was fetched from still identifies it
    assert extract_article(page, url="https://baolaocai.vn/x-post404649.html").post_id == 404649


def test_public_api():
    import extraction
    from extraction import core, record, rules

    assert extraction.extract_article is core.extract_article
    assert extraction.ExtractionError is core.ExtractionError
    assert extraction.Article is record.Article
    assert extraction.RELATED_HEADINGS is rules.RELATED_HEADINGS
