"""The offline replica of baolaocai.vn, tested over real HTTP (urllib against ReplicaServer):
discovery (robots, sitemaps, RSS), article URLs, the article page, listings and the API."""

from __future__ import annotations

import gzip
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import datetime

import pytest

from replica import ReplicaArticle, ReplicaServer, build_site, render_article
from replica.taxonomy import categories
from replica.timefmt import VN, month_of
from tests.replica_helpers import (
    ARTICLES,
    SEED,
    by_class,
    clean,
    content_of,
    fetch,
    page,
    page_blocks,
)

pytestmark = pytest.mark.fast

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture(scope="module")
def server():
    with ReplicaServer(articles=ARTICLES, seed=SEED) as running:
        yield running


# -- discovery: robots, sitemaps, RSS ------------------------------------------------------------


def test_robots_points_to_the_sitemap(server):
    status, headers, body = fetch(server.url + "/robots.txt")
    assert status == 200
    assert f"Sitemap: {server.url}/sitemap.xml" in body.decode().splitlines()
    assert "Disallow: /search/" in body.decode()


def test_every_article_is_in_exactly_one_monthly_sitemap(server):
    _, _, body = fetch(server.url + "/sitemap.xml")
    index = ET.fromstring(body)
    locs = [e.text for e in index.findall("sm:sitemap/sm:loc", SITEMAP_NS)]
    monthly = [loc for loc in locs if "/sitemaps/news-" in loc]
    expected = {f"{server.url}/sitemaps/news-{y}-{m}.xml" for y, m in server.site.months()}
    assert set(monthly) == expected and len(monthly) == len(expected) == 22
    assert f"{server.url}/sitemaps/categories.xml" in locs

    seen: dict[int, str] = {}
    for loc in monthly:
        status, _, raw = fetch(loc)
        assert status == 200
        assert raw.count(b"\n") == 0  # one line, like the platform's
        urls = ET.fromstring(raw).findall("sm:url", SITEMAP_NS)
        assert urls[0].findtext("sm:loc", namespaces=SITEMAP_NS) == server.url  # home first
        year, month = map(int, re.search(r"news-(\d+)-(\d+)\.xml", loc).groups())
        for url in urls[1:]:
            post_id = int(
                re.search(r"-post(\d+)\.html$", url.findtext("sm:loc", "", SITEMAP_NS))[1]
            )
            assert post_id not in seen, f"{post_id} in {seen.get(post_id)} and {loc}"
            seen[post_id] = loc
            entry = server.site.entry(post_id)
            assert month_of(entry.published_at) == (year, month)
            lastmod = url.findtext("sm:lastmod", namespaces=SITEMAP_NS)
            assert datetime.fromisoformat(lastmod) == entry.modified_at
            assert lastmod.endswith("+07:00")
    assert len(seen) == ARTICLES
    assert set(seen) == set(server.site.ids())


def test_month_names_are_not_zero_padded(server):
    year, month = next((y, m) for y, m in server.site.months() if m < 10)
    assert fetch(f"{server.url}/sitemaps/news-{year}-{month}.xml")[0] == 200
    assert fetch(f"{server.url}/sitemaps/news-{year}-{month:02d}.xml")[0] == 404
    assert fetch(f"{server.url}/sitemaps/news-2019-1.xml")[0] == 404


def test_gzip_only_when_asked(server):
    year, month = server.site.months()[0]
    url = f"{server.url}/sitemaps/news-{year}-{month}.xml"
    status, headers, plain = fetch(url)
    assert status == 200 and "Content-Encoding" not in headers
    status, headers, packed = fetch(url, **{"Accept-Encoding": "gzip, deflate"})
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert int(headers["Content-Length"]) == len(packed)
    assert gzip.decompress(packed) == plain


def test_rss_has_the_newest_50(server):
    _, headers, body = fetch(server.url + "/rss/home.rss")
    assert headers["Content-Type"].startswith("application/rss+xml")
    items = ET.fromstring(body).findall("channel/item")
    assert len(items) == 50
    newest = [server.site.entry(i) for i in server.site.newest(50)]
    assert [i.findtext("link") for i in items] == [server.url + e.path for e in newest]
    assert [i.findtext("title") for i in items] == [e.title for e in newest]
    for item, entry in zip(items, newest, strict=True):
        pub = item.findtext("pubDate")
        assert pub.endswith(" +0700")
        assert datetime.strptime(pub, "%a, %d %b %Y %H:%M:%S %z") == entry.published_at


# -- article URLs -------------------------------------------------------------------------------


def test_wrong_slug_redirects_to_the_canonical_url(server):
    post_id = server.site.ids()[7]
    canonical = server.url + server.site.entry(post_id).path
    status, headers, _ = fetch(f"{server.url}/old-title-post{post_id}.html")
    assert status == 301
    assert headers["Location"] == canonical
    status, headers, _ = fetch(canonical)
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert "Last-Modified" in headers


def test_unknown_id_and_unknown_paths_are_404(server):
    unknown = next(i for i in range(100_000, 999_999) if i not in server.site)
    assert fetch(f"{server.url}/anything-post{unknown}.html")[0] == 404
    assert fetch(f"{server.url}/no-such-section/")[0] == 404
    assert fetch(f"{server.url}/tu-khoa/abc-tag123.html")[0] == 404


def test_head_sends_headers_only(server):
    path = server.site.entry(server.site.ids()[0]).path
    _, get_headers, get_body = fetch(server.url + path)
    status, headers, body = fetch(server.url + path, method="HEAD")
    assert status == 200 and body == b""
    assert int(headers["Content-Length"]) == len(get_body)


def test_if_modified_since_gives_304(server):
    path = server.site.entry(server.site.ids()[0]).path
    _, headers, _ = fetch(server.url + path)
    status, _, body = fetch(server.url + path, **{"If-Modified-Since": headers["Last-Modified"]})
    assert status == 304 and body == b""


# -- the article page and its ground truth -------------------------------------------------------


def test_article_page_carries_its_ground_truth(server):
    article = server.site.article(server.site.ids()[11])
    tree = page(server, article.path)
    h1 = tree.xpath(f"//h1[{by_class('article__title')}]")
    assert [clean(h.text_content()) for h in h1] == [article.title]
    body = tree.xpath(f"//div[{by_class('article__body')}]")
    assert len(body) == 1
    assert page_blocks(body[0]) == article.blocks
    sapo = tree.xpath(f"//div[{by_class('article__sapo')}]")[0]
    assert clean(sapo.text_content()) == article.sapo
    breadcrumb = tree.xpath(f"//div[{by_class('breadcrumbs')}]//a[{by_class('active')}]/@href")
    assert breadcrumb == [f"{server.url}/{article.category}/"]
    tags = tree.xpath(f"//div[{by_class('article__tags')}]//a/@title")
    assert tags == article.tags
    published = tree.xpath("//meta[@property='article:published_time']/@content")[0]
    assert datetime.strptime(published, "%Y-%m-%dT%H:%M:%S%z") == article.published_at
    assert tree.xpath("//link[@rel='canonical']/@href") == [article.url(server.url)]


def test_suggest_and_timeline_list_other_articles(server):
    article = server.site.article(server.site.ids()[20])
    tree = page(server, article.path)

    def titles(block: str) -> list[str]:
        return [clean(a.text_content()) for a in tree.xpath(f"{block}//h2/a")]

    suggest = titles(f"//section[{by_class('suggest')}]")
    timeline = titles(f"//div[{by_class('timeline')}]")
    assert suggest == [server.site.entry(i).title for i in article.suggest]
    assert timeline == [server.site.entry(i).title for i in article.timeline]
    assert len(suggest) >= 4 and len(timeline) >= 1
    assert article.post_id not in article.suggest + article.timeline
    for other in article.timeline:
        assert server.site.entry(other).category == article.category
    body = "\n".join(text for _, text in page_blocks(content_of(tree)))
    for title in suggest + timeline:
        assert title != article.title and title not in body


def test_hand_made_article_is_served(server):
    site = build_site(50, SEED)
    neighbours = site.ids()[:4]
    moment = datetime(2025, 6, 17, 13, 43, 2, tzinfo=VN)
    article = ReplicaArticle(
        post_id=123456,
        slug="bai-viet-thu-nghiem",
        title="Bài viết thử nghiệm",
        sapo="Tóm tắt & mở đầu.",
        paragraphs=["Đoạn một <không phải thẻ>.", "Đoạn hai."],
        published_at=moment,
        modified_at=moment,
        category="review-lao-cai",
        suggest=neighbours[:2],
        timeline=neighbours[2:],
    )
    site.add(article)
    with ReplicaServer(site=site) as running:
        tree = page(running, article.path)
        body = tree.xpath(f"//div[{by_class('article__body')}]")[0]
        assert [d.text_content().strip() for d in body.xpath("./div[not(@class)]")] == [
            "Đoạn một <không phải thẻ>.",
            "Đoạn hai.",
        ]
        assert tree.xpath("//div[@class='timeline']//button/@data-zone") == ["141"]
        _, _, raw = fetch(f"{running.url}/sitemaps/news-2025-6.xml")
        assert article.path.encode() in raw
    with pytest.raises(KeyError):
        render_article(replace(article, suggest=[1]), site, "http://x")


# -- listings and the load-more API --------------------------------------------------------------


def test_category_page_and_load_more_api(server):
    topic = max(categories(), key=lambda t: len(server.site.listing(t)))
    zone = categories()[topic].zone_id
    tree = page(server, f"/{topic}/")
    listed = [int(a.get("data-id")) for a in tree.xpath("//article[@data-id]")]
    expected = server.site.listing(topic)
    assert listed[:20] == expected[:20]
    assert tree.xpath("//button[contains(@class,'control__loadmore')]/@data-zone") == [str(zone)]
    assert fetch(f"{server.url}/{topic}")[1]["Location"] == f"{server.url}/{topic}/"

    collected, page_no = [], 1
    while True:
        status, headers, raw = fetch(f"{server.url}/api/morenews-zone-{zone}-{page_no}.html")
        assert status == 200 and headers["Content-Type"].startswith("application/json")
        payload = json.loads(raw)
        assert payload["error_code"] == 0
        contents = payload["data"]["contents"]
        if not contents:
            break
        assert len(contents) <= 40
        collected += contents
        page_no += 1
    assert [c["content_id"] for c in collected] == expected
    first = collected[0]
    entry = server.site.entry(first["content_id"])
    assert first["title"] == entry.title and first["date"] == int(entry.published_at.timestamp())
    assert first["zone_name"] == categories()[entry.category].name
    assert fetch(f"{server.url}/api/morenews-zone-999999-1.html")[0] == 404


def test_home_page_links_newest_articles(server):
    tree = page(server, "/")
    links = tree.xpath("//article[@data-id]/@data-id")
    assert [int(i) for i in links][:10] == server.site.newest(10)
