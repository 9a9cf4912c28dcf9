"""The offline replica of baolaocai.vn, tested over real HTTP (urllib against ReplicaServer)."""

from __future__ import annotations

import gzip
import json
import re
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import datetime

import pytest
from lxml import html as lxml_html

from replica import (
    RELATED_INSIDE_SIZE,
    TEMPLATE_OF_CATEGORY,
    Layout,
    ReplicaArticle,
    ReplicaServer,
    Site,
    build_site,
    render_article,
)
from replica.places import era_after_merger, era_before_merger, mention
from replica.taxonomy import categories
from replica.text import ARTICLE_PARAGRAPHS
from replica.timefmt import MERGER, VN, month_of

ARTICLES = 300
SEED = 20250701
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # let the 301 itself reach the test


_opener = urllib.request.build_opener(_NoRedirect)


def fetch(url: str, method: str = "GET", **headers: str) -> tuple[int, dict[str, str], bytes]:
    """(status, headers, raw body) without following redirects or decoding gzip."""
    request = urllib.request.Request(url, method=method, headers=headers)
    try:
        with _opener.open(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture(scope="module")
def server():
    with ReplicaServer(articles=ARTICLES, seed=SEED) as running:
        yield running


def page(server: ReplicaServer, path: str) -> lxml_html.HtmlElement:
    status, _, body = fetch(server.url + path)
    assert status == 200, path
    return lxml_html.fromstring(body.decode("utf-8"))


def by_class(cls: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {cls} ')"


def clean(text: str) -> str:
    return " ".join(text.split())


def lines(element: lxml_html.HtmlElement) -> str:
    """An element's text as the ground truth writes it: each ``<br>`` a "\n", lines cleaned."""
    element = lxml_html.fromstring(lxml_html.tostring(element, encoding="unicode"))
    for br in element.iter("br"):
        br.tail = "\ue000" + (br.tail or "")  # markup newlines are spaces; only <br> breaks
    return "\n".join(clean(line) for line in element.text_content().split("\ue000"))


_NOT_CONTENT = ("sda_middle", "rennab", "article-relate", "t1", "article__author", "video-player")


def page_blocks(container: lxml_html.HtmlElement) -> list[tuple[str, str]]:
    """(kind, text) of every content block of a body (``div.article__body`` or
    ``div.emag-content``), read from the markup alone; ads, related boxes, the byline and the
    video player skipped. Anything else is an error, so no stray block goes unnoticed."""
    blocks: list[tuple[str, str]] = []
    for e in container:
        classes = (e.get("class") or "").split()
        if e.tag in ("style", "script", "iframe") or set(classes) & set(_NOT_CONTENT):
            continue
        if e.tag in ("div", "p") and not classes:
            blocks.append(("p", lines(e)))
        elif e.tag in ("h2", "h3"):
            blocks.append((e.tag, lines(e)))
        elif e.tag in ("ul", "ol"):
            kind = "li" if e.tag == "ul" else "oli"
            blocks.extend((kind, lines(li)) for li in e.iterchildren("li"))
        elif e.tag == "blockquote":
            blocks.extend(("quote", lines(q)) for q in e.iterchildren("p"))
        elif e.tag == "div" and "notebox" in classes:
            assert classes == ["notebox", "align-center", "cms-note"]
            blocks.extend(("note", lines(q)) for q in e.iterchildren("p"))
        elif e.tag in ("figure", "table"):
            caption = e.xpath(".//figcaption | .//td[@class='caption']")
            if caption and lines(caption[0]):
                blocks.append(("caption", lines(caption[0])))
        else:
            raise AssertionError(f"unexpected block <{e.tag} class={e.get('class')!r}>")
    return blocks


def content_of(tree: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """The element holding the article's blocks: the platform body, or the e-magazine's."""
    found = tree.xpath(f"//div[{by_class('article__body')}] | //div[@class='emag-content']")
    assert len(found) == 1
    return found[0]


def data_layer(html: str, key: str) -> str:
    return re.search(rf"'{key}': '([^']*)'", html)[1]


def ld_author(tree: lxml_html.HtmlElement) -> str:
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        data = json.loads(script)
        if data.get("@type") == "NewsArticle":
            return data["author"]["name"]
    raise AssertionError("no NewsArticle JSON-LD")


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
        units = [*era.local_units, *era.province_by_id.values()]
        found = {u.locality_id for u in units if _names(mention(u).text, text)}
        assert found == set(article.localities), article.post_id
        assert not any(_names(mention(u).text, text) for u in other.local_units)
        checked += bool(article.localities)
    assert checked > ARTICLES * 0.8


def _names(phrase: str, text: str) -> bool:
    capitalised = phrase[0].upper() + phrase[1:]
    pattern = rf"(?<!\w)(?:{re.escape(phrase)}|{re.escape(capitalised)})(?!\w)"
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


def test_every_layout_variant_renders_its_markup():
    site = build_site(ARTICLES, SEED)
    base = "http://127.0.0.1:1"
    article = site.article(site.ids()[3])
    article = replace(
        article,
        author="Thu Trang",
        paragraphs=[*article.paragraphs[:2], "Chú thích ảnh", *article.paragraphs[2:]],
        kinds=["p", "p", "caption"] + ["p"] * (len(article.paragraphs) - 2),
        images=[("/images/" + "a" * 64 + "/a.jpg.webp", "Chú thích ảnh")],
        related=[],
        layout=Layout(),
    )
    variants = {
        "p": (Layout(paragraphs="p"), "//div[contains(@class,'article__body')]/p"),
        "table": (Layout(images="table"), "//table[@class='picture']//td[@class='caption']"),
        "lazy": (Layout(images="lazy"), "//div[contains(@class,'article__body')]//img[@data-src]"),
        "figure": (Layout(), "//div[contains(@class,'article__body')]//figure/figcaption"),
        "author": (Layout(byline="author"), "//div[@class='article__author']/p[@class='name']"),
        "t1": (Layout(), "//div[@class='t1']/span[@class='t2']"),
        "related": (
            Layout(related_news=True),
            "//div[@class='related-news']/div[@data-source='related-news']/article",
        ),
    }
    for name, (layout, xpath) in variants.items():
        related = site.ids()[30:33] if layout.related_news else []
        html = render_article(replace(article, layout=layout, related=related), site, base)
        tree = lxml_html.fromstring(html)
        assert tree.xpath(xpath), name
        assert page_blocks(content_of(tree)) == article.blocks, name
    colon = render_article(replace(article, layout=Layout(offset_colon=True)), site, base)
    assert re.search(r'article:published_time" content="[^"]+\+07:00"', colon)
    plain = render_article(article, site, base)
    assert re.search(r'article:published_time" content="[^"]+\+0700"', plain)
    seen = {site.article(i).layout.name for i in site.ids()}
    assert len(seen) >= 10  # the generator really mixes them


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


# -- layout variants, paragraph kinds and page templates -----------------------------------------

BASE = "http://127.0.0.1:1"
MOMENT = datetime(2025, 6, 17, 13, 43, 2, tzinfo=VN)


def image(n: int) -> str:
    return f"/images/{'b' * 64}/anh-{n}.jpg.webp"


@pytest.fixture(scope="module")
def small_site() -> Site:
    return build_site(50, SEED)


def hand_made(site: Site, **changes) -> ReplicaArticle:
    """A hand-written article that lists real neighbours of ``site``; ``changes`` override."""
    ids = site.ids()
    article = ReplicaArticle(
        post_id=123456, slug="bai-viet-thu-nghiem", title="Bài viết thử nghiệm",
        sapo="Tóm tắt bài viết.", paragraphs=["Đoạn một.", "Đoạn hai.", "Đoạn ba."],
        published_at=MOMENT, modified_at=MOMENT, category="review-lao-cai", author="Thu Trang",
        suggest=ids[:2], timeline=ids[2:4],
    )  # fmt: skip
    return replace(article, **changes)


def rendered(site: Site, article: ReplicaArticle) -> tuple[str, lxml_html.HtmlElement]:
    html = render_article(article, site, BASE)
    return html, lxml_html.fromstring(html)


def story_ids(container: lxml_html.HtmlElement) -> list[int]:
    links = container.xpath(
        f".//article[{by_class('story')}]/h2[{by_class('story__heading')}]"
        f"/a[{by_class('cms-link')}]/@href"
    )
    return [int(re.search(r"-post(\d+)\.html$", link)[1]) for link in links]


def children(container: lxml_html.HtmlElement) -> list[str]:
    """The container's children as "tag.class" (ads and the opening <style> left out)."""
    out = []
    for e in container:
        classes = (e.get("class") or "").split()
        if e.tag == "style" or {"sda_middle", "rennab"} & set(classes):
            continue
        out.append(".".join([e.tag, *classes]))
    return out


def test_layout_rejects_unknown_variants():
    for field, value in (("byline", "x"), ("template", "gallery"), ("images", "png")):
        with pytest.raises(ValueError, match=field):
            Layout(**{field: value})
    assert Layout().name == "div-figure-t1"  # the real page


def test_notebox_holds_content_in_place(small_site):
    article = hand_made(
        small_site,
        paragraphs=["Mở đầu.", "Thông tin một.", "Thông tin hai.", "Kết thúc."],
        kinds=["p", "note", "note", "p"],
        layout=Layout(notebox=True),
    )
    _, tree = rendered(small_site, article)
    body = content_of(tree)
    box = body.xpath("./div[@class='notebox align-center cms-note']")
    assert len(box) == 1
    assert [lines(q) for q in box[0].xpath("./p")] == ["Thông tin một.", "Thông tin hai."]
    assert children(body) == ["div", "div.notebox.align-center.cms-note", "div", "div.t1"]
    assert page_blocks(body) == article.blocks
    assert (
        article.body
        == article.markdown
        == "Mở đầu.\n\nThông tin một.\n\nThông tin hai.\n\nKết thúc."
    )
    with pytest.raises(ValueError, match="notebox"):
        replace(article, layout=Layout())  # notes without the box
    with pytest.raises(ValueError, match="notebox"):
        replace(article, kinds=[])  # a box without notes


def test_bylines_and_json_ld_author(small_site):
    expected = {
        "t1": f"//div[{by_class('article__body')}]/div[@class='t1']/span[@class='t2']",
        "author": f"//div[{by_class('article__body')}]/div[@class='article__author']"
        "/p[@class='name']",
        "p.author": "//div[@class='article']/div[@class='article__meta']/p[@class='author']"
        "/a[@class='cms-author']",
    }
    for byline in expected:
        article = hand_made(small_site, author="Hồng Duyên", layout=Layout(byline=byline))
        _, tree = rendered(small_site, article)
        found = {b: tree.xpath(x) for b, x in expected.items()}
        assert [clean(e.text_content()) for e in found[byline]] == ["Hồng Duyên"], byline
        assert not any(found[b] for b in expected if b != byline), byline
        assert page_blocks(content_of(tree)) == article.blocks  # the byline is no paragraph
        assert ld_author(tree) == ""  # baolaocai's empty JSON-LD author
    meta = tree.xpath("//p[@class='author']")[0]
    assert meta.xpath("./em[@class='cms-source']/text()") == ["/ Báo Lào Cai"]
    assert "/author-search.html?q=" in meta.xpath("./a/@href")[0]
    _, tree = rendered(small_site, replace(article, layout=Layout(ld_author=True)))
    assert ld_author(tree) == "Hồng Duyên"
    _, tree = rendered(small_site, replace(article, author="", layout=Layout(byline="p.author")))
    assert not tree.xpath("//p[@class='author'] | //a[@class='cms-author']")


def test_related_stories_inside_the_body(small_site):
    others = small_site.ids()[10:15]
    article = hand_made(
        small_site,
        paragraphs=["Một.", "Hai.", "Ba.", "Bốn."],
        related=others[:2],
        layout=Layout(related_inside=True, paragraphs="p"),
    )
    _, tree = rendered(small_site, article)
    body = content_of(tree)
    boxes = body.xpath("./div[@data-source='related-news']")
    assert [b.get("class").split() for b in boxes] == [["article-relate"]] * 2
    assert [story_ids(b) for b in boxes] == [[i] for i in others[:2]]
    assert article.related_in_body == others[:2] and article.related_after_body == []
    order = children(body)
    for at in (i for i, c in enumerate(order) if c == "div.article-relate"):
        assert order[at - 1] == "p" and order[at + 1] == "p"  # between two paragraphs
    assert page_blocks(body) == article.blocks
    assert not tree.xpath(f"//div[{by_class('related-news')}]")

    both = replace(article, related=others, layout=Layout(related_inside=True, related_news=True))
    _, tree = rendered(small_site, both)
    inside = [i for b in content_of(tree).xpath("./div[@data-source='related-news']")
              for i in story_ids(b)]  # fmt: skip
    after = story_ids(tree.xpath(f"//div[{by_class('related-news')}]")[0])
    assert inside == others[:RELATED_INSIDE_SIZE] == both.related_in_body
    assert after == others[RELATED_INSIDE_SIZE:] == both.related_after_body
    with pytest.raises(ValueError, match="related"):
        replace(article, layout=Layout())  # ids the page would not show


def test_headings_lists_and_quotes_give_markdown(small_site):
    paragraphs = [
        "Mở đầu.", "Kết quả nổi bật", "Cụ thể:", "Ý một.", "Ý hai.", "“Trích dẫn”, ông A nói.",
        "Bước một.", "Bước hai.", "Dòng một\nDòng hai", "- Thưa ông, đây là lời thoại.",
    ]  # fmt: skip
    kinds = ["p", "h2", "p", "li", "li", "quote", "oli", "oli", "quote", "p"]
    article = hand_made(small_site, paragraphs=paragraphs, kinds=kinds)
    _, tree = rendered(small_site, article)
    body = content_of(tree)
    assert children(body) == ["div", "h2", "div", "ul", "blockquote", "ol", "blockquote", "div",
                              "div.t1"]  # fmt: skip
    assert body.xpath("./ul/li/text()") == ["Ý một.", "Ý hai."]
    assert body.xpath("./ol/li/text()") == ["Bước một.", "Bước hai."]
    assert len(body.xpath("./blockquote[2]/p/br")) == 1
    assert page_blocks(body) == article.blocks
    assert article.body == "\n\n".join(paragraphs)  # plain text, no Markdown marks
    assert article.markdown == (
        "Mở đầu.\n\n## Kết quả nổi bật\n\nCụ thể:\n\n- Ý một.\n- Ý hai.\n\n"
        "> “Trích dẫn”, ông A nói.\n\n1. Bước một.\n2. Bước hai.\n\n> Dòng một\n> Dòng hai\n\n"
        "\\- Thưa ông, đây là lời thoại."
    )
    plain = hand_made(small_site)
    assert plain.kinds == [] and plain.markdown == plain.body
    assert plain.blocks == [("p", p) for p in plain.paragraphs]
    with pytest.raises(ValueError, match="unknown kinds"):
        replace(article, kinds=["p"] * 9 + ["table"])
    with pytest.raises(ValueError, match="one per paragraph"):
        replace(article, kinds=["p"])


@pytest.mark.parametrize("style", ["figure", "table", "lazy"])
def test_captions_are_paragraphs_at_their_image(small_site, style):
    article = hand_made(
        small_site,
        paragraphs=["Đoạn một.", "Ảnh một.", "Đoạn hai.", "Ảnh ba.", "Đoạn ba."],
        kinds=["p", "caption", "p", "caption", "p"],
        images=[(image(1), "Ảnh một."), (image(2), ""), (image(3), "Ảnh ba.")],
        layout=Layout(images=style),
    )
    _, tree = rendered(small_site, article)
    body = content_of(tree)
    pictures = [e for e in body if e.tag in ("figure", "table")]
    sources = [e.xpath(".//img/@data-src | .//img/@src")[-1].rsplit("/", 1)[1] for e in pictures]
    assert sources == ["anh-1.jpg.webp", "anh-2.jpg.webp", "anh-3.jpg.webp"]
    tag = "table" if style == "table" else "figure"
    assert [c.split(".")[0] for c in children(body)] == [
        "div", tag, "div", tag, tag, "div", "div"  # the uncaptioned image just before "Ảnh ba."
    ]  # fmt: skip
    assert page_blocks(body) == article.blocks
    assert article.markdown == article.body  # captions are plain text
    with pytest.raises(ValueError, match="caption"):
        replace(article, kinds=[])  # captions must be marked as such
    with pytest.raises(ValueError, match="caption"):
        replace(article, images=article.images[:1])  # and match the images


def test_emagazine_template(small_site):
    article = hand_made(
        small_site,
        category="e-magazine",
        paragraphs=["Mở đầu.", "Chương một", "Nội dung.", "Ảnh bìa.", "Kết thúc."],
        kinds=["p", "h2", "p", "caption", "p"],
        images=[(image(1), "Ảnh bìa.")],
        related=small_site.ids()[20:23],
        layout=Layout(template="emagazine", related_news=True, byline="p.author"),
    )
    html, tree = rendered(small_site, article)
    assert tree.xpath("//body/@class") == ["emagazine"]
    assert data_layer(html, "articleType") == "emagazine"
    assert not tree.xpath(f"//div[{by_class('article__body')} or @class='article']")
    wrapper = tree.xpath("//div[@class='emag-wrapper']")
    assert len(wrapper) == 1
    assert children(wrapper[0])[:3] == ["div.emag-top", "div.emag-cover", "div.emag-content"]
    back = wrapper[0].xpath("./div[@class='emag-top']/a[@class='back']")[0]
    assert back.text == "Quay về E-magazine" and back.get("href") == f"{BASE}/e-magazine/"
    assert wrapper[0].xpath("./div[@class='emag-top']/a[@class='gg-news']")
    cover = wrapper[0].xpath("./div[@class='emag-cover']")[0]
    assert children(cover)[:2] == ["h1.emag-title", "div.emag-sapo"]
    assert cover.xpath("./h1/text()") == [article.title]
    assert cover.xpath("./div[@class='emag-sapo']/text()") == [article.sapo]
    assert cover.xpath(".//p[@class='author']/a[@class='cms-author']/text()") == ["Thu Trang"]
    content = wrapper[0].xpath("./div[@class='emag-content']")[0]
    assert children(content) == ["p", "h2", "p", "figure.image.align-center", "p"]  # <p> always
    assert page_blocks(content) == article.blocks
    assert story_ids(wrapper[0].xpath(f".//div[{by_class('related-news')}]")[0]) == article.related
    after = "//div[@class='emag-wrapper']/following::"
    suggest = tree.xpath(f"{after}section[{by_class('suggest')}]")
    timeline = tree.xpath(f"{after}div[{by_class('timeline')}]")
    assert story_ids(suggest[0]) == article.suggest and story_ids(timeline[0]) == article.timeline
    assert tree.xpath(f"{after}div[@class='social']/a/text()") == ["fb", "yt", "zl", "tw"]
    t1 = replace(article, layout=Layout(template="emagazine"), related=[])
    _, tree = rendered(small_site, t1)
    assert tree.xpath("//div[@class='emag-content']/div[@class='t1']/span/text()") == ["Thu Trang"]


def test_photo_template(small_site):
    captions = ["Ảnh một: người dân thu hoạch chè.", "Ảnh hai: phiên chợ vùng cao."]
    article = hand_made(
        small_site,
        category="goc-anh",
        paragraphs=["Mở đầu ngắn.", *captions, "Kết."],
        kinds=["p", "caption", "caption", "p"],
        images=[(image(1), captions[0]), (image(2), captions[1])],
        layout=Layout(template="photo", paragraphs="p"),
    )
    html, tree = rendered(small_site, article)
    assert data_layer(html, "articleType") == "photo"
    body = content_of(tree)
    figures = body.xpath("./figure[@class='picture']")
    assert len(figures) == 2
    for figure, (url, caption) in zip(figures, article.images, strict=True):
        img = figure.xpath("./img[@class='lazyload'][@data-src]")[0]
        assert img.get("data-src") == BASE + url and img.get("src").startswith("data:")
        assert figure.xpath("./figcaption/text()") == [caption]
    assert children(body)[:4] == ["p", "figure.picture", "figure.picture", "p"]
    assert page_blocks(body) == article.blocks


@pytest.mark.parametrize("video", ["player", "iframe"])
def test_video_template(small_site, video):
    from replica.routes import Request, Routes

    article = hand_made(small_site, category="video", layout=Layout(template="video", video=video))
    html, tree = rendered(small_site, article)
    assert data_layer(html, "articleType") == "video"
    body = content_of(tree)
    first = children(body)[0]
    if video == "player":
        assert first == "div.video-player"
        clip = body.xpath("./div[@class='video-player']/video[@data-src][@poster]")[0]
        src = clip.get("data-src")
        assert src.startswith(BASE + "/videos/") and src.endswith(".mp4")
        response = Routes(small_site, BASE).respond(Request("GET", src[len(BASE) :]))
        assert response.status == 200 and response.content_type == "video/mp4"
    else:
        assert first == "iframe" and body.xpath("./iframe/@src")[0].startswith("https://")
    assert page_blocks(body) == article.blocks


def test_every_generated_page_carries_its_ground_truth():
    """Every page of a generated site: the blocks, images, byline, JSON-LD author, related
    boxes and template are exactly what ``ReplicaArticle`` says; and the variants mix."""
    site = build_site(ARTICLES, SEED)
    features: dict[str, int] = {}
    for article in site.articles():
        html, tree = rendered(site, article)
        layout = article.layout
        body = content_of(tree)
        assert page_blocks(body) == article.blocks, article.post_id
        pictures = body.xpath("./figure//img | ./table//img")
        assert [i.get("data-src") or i.get("src") for i in pictures] == [
            BASE + url for url, _ in article.images
        ]
        bylines = tree.xpath(
            "//div[@class='t1']/span | //div[@class='article__author']/p[@class='name']"
            " | //p[@class='author']/a[@class='cms-author']"
        )
        assert [clean(b.text_content()) for b in bylines] == [article.author] * bool(article.author)
        assert ld_author(tree) == (article.author if layout.ld_author else "")
        inside = [i for b in body.xpath("./div[@data-source='related-news']") for i in story_ids(b)]
        assert inside == article.related_in_body
        after = tree.xpath(f"//div[{by_class('related-news')}]")
        assert (story_ids(after[0]) if after else []) == article.related_after_body
        assert data_layer(html, "articleType") == layout.template
        for name, present in (
            ("structured", bool({"h2", "li", "quote"} & set(article.kinds))),
            ("captions", "caption" in article.kinds),
            ("notebox", layout.notebox),
            ("inside", layout.related_inside),
            ("p.author", layout.byline == "p.author"),
            ("ld_author", layout.ld_author),
        ):
            features[name] = features.get(name, 0) + present
    assert 0.15 * ARTICLES < features["structured"] < 0.4 * ARTICLES
    assert all(count >= ARTICLES * 0.05 for count in features.values()), features


def test_templates_follow_the_category():
    site, again = build_site(3000, SEED), build_site(3000, SEED)
    for topic, template in TEMPLATE_OF_CATEGORY.items():
        ids = site.listing(topic)[:4]
        assert ids, topic
        for post_id in ids:
            article = site.article(post_id)
            assert article.layout.template == template
            html, tree = rendered(site, article)
            assert html == render_article(again.article(post_id), again, BASE)  # deterministic
            assert page_blocks(content_of(tree)) == article.blocks
            if template == "photo":
                assert article.kinds.count("caption") >= 2
                assert 1 <= article.kinds.count("p") <= 2
                assert all(k in ("p", "caption") for k in article.kinds)
            if template == "video":
                assert 2 <= len(article.paragraphs) <= 4 and not article.images
    normal = [i for i in site.ids()[:100] if site.entry(i).category not in TEMPLATE_OF_CATEGORY]
    assert {site.article(i).layout.template for i in normal} == {"normal"}


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


def test_hundred_thousand_articles_index_quickly():
    started = time.perf_counter()
    site = build_site(100_000, SEED)
    elapsed = time.perf_counter() - started
    print(f"\nindex of 100,000 articles built in {elapsed:.1f} s")
    assert len(site) == 100_000
    assert len(set(site.ids())) == 100_000
    assert site.article(site.ids()[-1]).paragraphs  # text is generated on demand
