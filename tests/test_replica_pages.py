"""The replica's article pages against their ground truth: every layout variant, paragraph
kind and page template (normal, e-magazine, photo, video), hand-made and generated."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

import pytest
from lxml import html as lxml_html

from replica import (
    RELATED_INSIDE_SIZE,
    TEMPLATE_OF_CATEGORY,
    Layout,
    ReplicaArticle,
    Site,
    build_site,
    render_article,
)
from replica.timefmt import VN
from tests.replica_helpers import (
    ARTICLES,
    SEED,
    by_class,
    clean,
    content_of,
    data_layer,
    ld_author,
    lines,
    page_blocks,
)

pytestmark = pytest.mark.fast


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
