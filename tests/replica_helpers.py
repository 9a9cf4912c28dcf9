"""Reading the replica's pages back for its tests: fetching over HTTP without following
redirects, and a body's blocks as the markup alone shows them (to compare with the ground truth).
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request

from lxml import html as lxml_html

from replica import ReplicaServer

ARTICLES = 300
SEED = 20250701


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
