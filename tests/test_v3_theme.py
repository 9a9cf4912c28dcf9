"""The platform's older "v3" theme (tinnhanhchungkhoan.vn): the replica renders it as the real
pages are marked up, the spider reads the real listing and sitemap through the site's profile,
and a real Scrapy crawl of a v3 replica archives every article, extracted without its related
blocks, ad scripts or share bars.

Real pages: ``../shared/fixtures/real/tinnhanhchungkhoan_*`` (PROVENANCE.md there).
"""

from __future__ import annotations

import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from lxml import html as lxml_html
from scrapy.http import HtmlResponse, Request, XmlResponse
from scrapy.utils.test import get_crawler

from extraction import extract_article
from foundation.errors import BadValue
from foundation.sites import site as profile
from replica import themes
from replica.server import ReplicaServer
from replica.site_index import build_site
from replica.taxonomy import categories
from spiders.spiders.platform_site import PlatformSpider
from tests.crawls import crawl
from tests.real_pages import REAL, TNCK
from warc.capture_index import read_index
from warc.reader import read_payload

if not REAL.is_dir():
    pytest.skip(f"real fixtures not found at {REAL}", allow_module_level=True)

LISTING = "tinnhanhchungkhoan_listing_chung-khoan.html"
SITEMAP = "tinnhanhchungkhoan_sitemap_news-2026-9.xml"
LIVE = "https://www.tinnhanhchungkhoan.vn"
SEED = 41

#: The listing's main list, read off the page by hand: the nine highlighted stories
#: (``div.category-highlight``, lines 397-615), then the 40 of ``div.category-timeline``
#: (``article.story[data-id]``, lines 646-1699), in page order.
HIGHLIGHT = [397058, 397020, 397041, 397038, 397023, 397026, 396790, 397010, 396991]
TIMELINE = [
    396791, 396974, 396973, 396955, 396972, 396975, 396971, 396969, 396967, 396789,
    396939, 396927, 396912, 396914, 396788, 396795, 396911, 396739, 396906, 396885,
    396884, 396522, 396720, 396783, 396787, 396846, 396784, 396782, 396823, 396785,
    396775, 396792, 396777, 396781, 396780, 396778, 396771, 396759, 396738, 396734,
]  # fmt: skip

#: What marks a v3 article page, as XPath on the real page: each must hold on the replica's
#: v3 pages too, and none on its 2026 pages.
ARTICLE_MARKERS = {
    "banner ads": "//div[contains(@class, 'banner')][starts-with(@id, 'adsWeb_')]",
    "their inline scripts": "//div[starts-with(@id, 'adsWeb_')]/script"
    "[contains(., 'window.CMS_BANNER.pushAds')]",
    "ads inside the body": "//div[@class='article__body cms-body ']/div[@class='ads_middle']"
    "/div[starts-with(@id, 'adsWeb_AdsArticleMiddle')]/script",
    "the title": "//div[@class='main-column article']/h1[@class='article__header cms-title']",
    "the p.author byline": "//div[@class='article__meta']/p[@class='author']"
    "/a[@class='cms-author']",
    "Tin bài liên quan": "//div[@class='article__list']/div[@class='box-heading']"
    "[normalize-space(.)='Tin bài liên quan']/following-sibling::div//div"
    "[@id='related_article__list'][@data-source='related-news']/article[contains(@class, 'col-4')]",
    "Tin cùng chuyên mục": "//div[@class='article__more-news']//div"
    "[starts-with(@data-source, 'recommendation-')]//article[contains(@class, 'story')]",
    "tags": "//div[@class='article__tag']/h3[@class='box-heading'][normalize-space(.)='Từ Khoá']",
    "text-to-speech": "//div[@class='hidden-player'] | //div[@class='tts-player']",
    "contentId": "//head/script[contains(., 'var contentId = ')]",
    "the sidebar tabs": "//div[@class='sub-column']//*[starts-with(@data-source, 'latest-news-')]",
}
LISTING_MARKERS = {
    "banner ads": "//div[contains(@class, 'banner')][starts-with(@id, 'adsWeb_')]/script",
    "the highlight": "//div[@class='main-column']/div[@class='category-highlight']"
    "/div[starts-with(@data-source, 'zone-box-highlight-')]/div[@class='rank-1']/article",
    "the timeline": "//div[@class='category-timeline']"
    "/div[starts-with(@data-source, 'zone-timeline-')]/article[@data-id]",
    "load more": "//div[@class='category-timeline']//button[contains(@class, 'control__loadmore')]"
    "[@data-zone][@data-page='1']",
    "the h1 breadcrumb": "//ul[@class='breadcrumbs ']/li[contains(@class, 'main-cate')]/h1/a",
    "sidebar zone boxes": "//div[@class='sub-column']//*[starts-with(@data-source, 'zone-box-')]"
    "//article",
}


#: Marks the 2026 theme has too (a byline variant of its sister sites).
SHARED_WITH_2026 = {"the p.author byline"}


def page_tree(html: bytes | str):
    return lxml_html.fromstring(html)


def spider_for(site_id: str, data_dir: Path, site_url: str = LIVE) -> PlatformSpider:
    crawler = get_crawler(PlatformSpider)
    return PlatformSpider.from_crawler(
        crawler, site_url=site_url, data_dir=str(data_dir), site=site_id
    )


def listing_ids(requests: list, site_id: str = "tinnhanhchungkhoan") -> list[int | None]:
    return [
        profile(site_id).post_id(r.url) for r in requests if r.callback.__name__ == "parse_article"
    ]


@pytest.fixture(scope="module")
def v3_site():
    return build_site(300, SEED, site_id="tinnhanhchungkhoan")


@pytest.fixture(scope="module")
def v3_server():
    with ReplicaServer(articles=40, seed=SEED, site_id="tinnhanhchungkhoan") as server:
        yield server


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as answer:
        return answer.read()


# -- the replica's v3 markup -----------------------------------------------------------------


@pytest.mark.fast
def test_the_replica_takes_its_theme_suffix_and_name_from_the_profile(v3_site):
    assert (v3_site.theme, v3_site.site_id) == ("v3", "tinnhanhchungkhoan")
    assert build_site(5, SEED).theme == "2026"
    tienphong = build_site(5, SEED, site_id="tienphong")
    assert tienphong.theme == "2026" and tienphong.entry(tienphong.ids()[0]).path.endswith(".tpo")
    with pytest.raises(BadValue, match="'other' is not rendered by the replica"):
        themes.theme(build_site(5, SEED, site_id="baoyenbai").theme)
    with pytest.raises(BadValue, match="'baoyenbai' wears the theme 'other'"):
        ReplicaServer(articles=5, site_id="baoyenbai")


@pytest.mark.fast
@pytest.mark.parametrize("marker", sorted(ARTICLE_MARKERS))
def test_a_v3_article_page_has_each_mark_of_the_real_one(v3_site, marker):
    xpath = ARTICLE_MARKERS[marker]
    assert page_tree((REAL / TNCK).read_bytes()).xpath(xpath), "not on the real page"
    v3, v2026 = themes.theme("v3"), themes.theme("2026")
    default = build_site(30, SEED)
    for post_id in v3_site.ids()[:20]:
        article = v3_site.article(post_id)
        if marker == "the p.author byline" and not article.author:
            continue
        page = v3.article(article, v3_site, "http://127.0.0.1:1")
        assert page_tree(page).xpath(xpath), (marker, post_id)
    if marker not in SHARED_WITH_2026:
        for post_id in default.ids()[:10]:
            page = v2026.article(default.article(post_id), default, "http://127.0.0.1:1")
            assert not page_tree(page).xpath(xpath), (marker, post_id)


@pytest.mark.fast
def test_a_v3_article_page_has_none_of_the_2026_marks(v3_site):
    page = themes.theme("v3").article(v3_site.article(v3_site.ids()[0]), v3_site, "http://x")
    for mark in ("rennab", "sdaWeb_", "zce-content-body", "sda_middle", "pageType"):
        assert mark not in page, mark
    real = (REAL / TNCK).read_text(encoding="utf-8")
    assert all(mark not in real for mark in ("rennab", "sdaWeb_", "zce-content-body"))


@pytest.mark.fast
@pytest.mark.parametrize("marker", sorted(LISTING_MARKERS))
def test_a_v3_listing_has_each_mark_of_the_real_one(v3_site, marker):
    xpath = LISTING_MARKERS[marker]
    assert page_tree((REAL / LISTING).read_bytes()).xpath(xpath), "not on the real page"
    page = themes.theme("v3").category(v3_site, "kinh-te", "http://127.0.0.1:1")
    assert page_tree(page).xpath(xpath)


@pytest.mark.fast
def test_v3_pages_are_extracted_exactly(v3_site):
    """Title, sapo, body, Markdown, byline, times, category, tags, URL and the related blocks
    equal the ground truth, page after page, on the platform path."""
    base, wrong = "http://127.0.0.1:1", []
    for truth in v3_site.articles():
        page = themes.theme("v3").article(truth, v3_site, base)
        got = extract_article(page, truth.url(base))
        expected = {
            "post_id": truth.post_id, "title": truth.title, "sapo": truth.sapo,
            "body": truth.body, "body_markdown": truth.markdown, "author": truth.author,
            "published_at": truth.published_at, "modified_at": truth.modified_at,
            "category": truth.category, "tags": truth.tags, "url": truth.url(base),
            "method": "platform",
        }  # fmt: skip
        wrong += [(truth.post_id, name) for name, value in expected.items()
                  if getattr(got, name) != value]  # fmt: skip
        blocks = {b: [r.post_id for r in got.related if r.block == b] for b in ("related", "more")}
        if blocks != {"related": truth.related, "more": truth.timeline}:
            wrong.append((truth.post_id, "related"))
    assert not wrong, wrong[:10]


# -- the real pages through the spider, with the site's profile ----------------------------


@pytest.mark.fast
def test_the_real_v3_listing_gives_its_main_list_through_the_profiles_selectors(tmp_path):
    url = f"{LIVE}/chung-khoan/"
    response = HtmlResponse(url=url, body=(REAL / LISTING).read_bytes(), encoding="utf-8",
                            request=Request(url))  # fmt: skip
    requests = list(spider_for("tinnhanhchungkhoan", tmp_path).parse_listing(response, None))
    assert listing_ids(requests) == HIGHLIGHT + TIMELINE
    assert [r.url for r in requests if r.callback.__name__ == "parse_morenews"] == [
        "https://api.tinnhanhchungkhoan.vn/api/morenews-zone-1-2.html"
    ]
    # the 2026 theme's selector also takes the sidebars' stories of other sections
    other = list(spider_for("nhandan", tmp_path, LIVE).parse_listing(response, None))
    assert set(listing_ids(other, "nhandan")) > set(HIGHLIGHT + TIMELINE)


@pytest.mark.fast
def test_the_real_v3_sitemap_gives_a_request_for_each_of_its_posts(tmp_path):
    url = f"{LIVE}/sitemaps/news-2026-9.xml"
    body = (REAL / SITEMAP).read_bytes()
    spider = spider_for("tinnhanhchungkhoan", tmp_path)
    requests = list(spider._parse_sitemap(XmlResponse(url=url, body=body, request=Request(url))))
    locs = body.decode().split("<loc>")[1:]
    assert len(locs) == 245  # the capture log's count: the home page, then 244 posts
    posts = [loc.split("</loc>")[0] for loc in locs[1:]]
    assert [r.url for r in requests] == posts
    assert all(r.callback == spider.parse_article for r in requests)
    ids = [spider.profile.post_id(r.url) for r in requests]
    assert len(set(ids)) == 244 and 397051 in ids  # the real article page's post is listed
    article = next(r for r in requests if r.url.endswith("-post397051.html"))
    assert article.meta["lastmod"] == "2026-09-05T13:39:34+00:00"  # 20:39:34+07:00


# -- a real crawl of a v3 replica ---------------------------------------------------------------


def test_the_v3_replicas_listings_give_their_articles_through_the_profile(v3_server, tmp_path):
    spider = spider_for("tinnhanhchungkhoan", tmp_path, v3_server.url)
    for topic in ("kinh-te", "xa-hoi", "van-hoa"):
        url = f"{v3_server.url}{categories()[topic].path}"
        response = HtmlResponse(url=url, body=fetch(url), encoding="utf-8", request=Request(url))
        spider.scheduled.clear()
        requests = list(spider.parse_listing(response, None))
        assert listing_ids(requests) == v3_server.site.listing(topic)[:49], topic


def test_a_crawl_of_a_v3_replica_archives_every_article_without_its_page_furniture(
    v3_server, tmp_path
):
    figures = crawl(v3_server.url, tmp_path, "--site", "tinnhanhchungkhoan")
    site = v3_server.site
    captures = [c for c in read_index(tmp_path / "captures") if c.status == 200]
    assert sorted(c.post_id for c in captures) == sorted(site.ids())
    assert figures["new"] == len(site) and figures["failed"] == 0
    assert {c.site for c in captures} == {"tinnhanhchungkhoan"}
    # text on every page that is not the article's: ad scripts, block headings, share bars,
    # the text-to-speech menu, and the titles of the articles listed around it
    furniture = ["CMS_BANNER", "pushAds", "adsWeb_", "Tin bài liên quan", "Tin cùng chuyên mục",
                 "Chia sẻ", "In bài", "Tin mới nhận", "Tin đọc nhiều", "Nam miền Bắc"]  # fmt: skip
    for capture in captures:
        page = read_payload(tmp_path, capture.warc_file, capture.warc_offset).decode("utf-8")
        got, truth = extract_article(page, capture.final_url), site.article(capture.post_id)
        listed = [site.entry(i).title for i in (*truth.related, *truth.timeline, *truth.suggest)]
        assert truth.related and all(text in page for text in furniture + listed)
        leaked = [text for text in furniture + listed if text in got.body]
        assert not leaked, (capture.post_id, leaked)
        assert (got.title, got.sapo, got.body) == (truth.title, truth.sapo, truth.body)


def test_baoarchive_replica_serves_a_profiled_site_in_its_theme():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "baoarchive.cli", "replica", "--site", "tinnhanhchungkhoan",
               "--port", str(port), "--articles", "5"]  # fmt: skip
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = server.stdout.readline()
        assert "v3 theme" in line and f":{port}/" in line, line
        expected = build_site(5, 20250701, site_id="tinnhanhchungkhoan")
        article = expected.entry(expected.ids()[0])
        page = fetch(f"http://127.0.0.1:{port}{article.path}").decode()
        assert article.title in page and 'class="article__body cms-body "' in page
    finally:
        server.terminate()
        server.wait(timeout=10)
    done = subprocess.run([*command[:5], "baoyenbai", "--port", "0"], capture_output=True,
                          text=True, timeout=60)  # fmt: skip
    assert done.returncode != 0 and "wears the theme 'other'" in done.stderr
