"""The fallback path's guard (``extraction.fallback.guarded``) on small pages, with trafilatura's
output given by hand: the walker adds no paragraph trafilatura did not return, keeps the
article's region, and gives the text its structure."""

from __future__ import annotations

import gc
import types

import pytest
from lxml import etree

from extraction import blocks as blocks_module
from extraction.blocks import located
from extraction.fallback import guarded

pytestmark = pytest.mark.fast

P1 = "The council approved the new bus route on Tuesday after a long debate in the chamber."
P2 = "It will run every twenty minutes on weekdays and every half hour on Saturdays from May."
P3 = "Residents of Mill Lane raised concerns about noise, and the council promised a review."
P4 = "Timetables will be published on the council's website and at the library in April."
STRAY = "Subscribe to our newsletter for the latest local news, sport and events every day."


def walk(body: str) -> list:
    tree = etree.fromstring(f"<html><body>{body}</body></html>", etree.HTMLParser())
    return located(tree.find("body"))


def texts(kept) -> list[str]:
    return ["\n".join(block.lines) for block in kept]


def paragraphs(*texts_: str) -> str:
    return "".join(f"<p>{text}</p>" for text in texts_)


def test_a_stray_line_trafilatura_kept_does_not_widen_the_region():
    page = walk(
        f'<div class="col"><div class="article">{paragraphs(P1, P2, P3, P4)}</div>'
        f'<div class="sidebar"><p>{STRAY}</p><p>Tuesday, 4 February 2025</p></div></div>'
    )
    found = [("p", text) for text in (P1, P2, P3, P4, STRAY)]
    assert texts(guarded(page, found)) == [P1, P2, P3, P4]


def test_text_trafilatura_left_out_never_comes_back():
    page = walk(
        '<div class="article"><p>By Rachel Odum · February 4, 2025 at 4:42 pm · 3 min read</p>'
        f"{paragraphs(P1, P2)}<div class='share'>Share this article with your friends today</div>"
        f"{paragraphs(P3, P4)}</div>"
    )
    found = [("p", text) for text in (P1, P2, P3, P4)]
    assert texts(guarded(page, found)) == [P1, P2, P3, P4]


@pytest.mark.parametrize("joined", [False, True])
def test_loose_br_lines_are_found_whether_trafilatura_splits_or_joins_them(joined):
    page = walk(f'<div class="content">{P1}<br>{P2}<br><b>{P3[:20]}</b>{P3[20:]}<br>{P4}</div>')
    lines = [P1, P2, P3, P4]
    found = [("p", " ".join(lines))] if joined else [("p", "\n".join(lines))]
    assert texts(guarded(page, found)) == ["\n".join(lines)]


def test_a_poem_of_short_lines_is_kept():
    lines = [
        "Sương giăng trên núi",
        "Mây trắng lưng đồi",
        "Chiều về bên suối",
        "Nghe tiếng khèn thôi",
    ]
    page = walk(
        f'<div class="poem"><p>{"<br>".join(lines)}</p></div><div class="menu">Trang chủ</div>'
    )
    assert texts(guarded(page, [("p", "\n".join(lines))])) == ["\n".join(lines)]


def test_link_lines_and_chrome_lines_go_even_when_trafilatura_kept_them():
    read_more = "Read more: Hospital car park charges to rise in April, council says"
    follow = "Theo dõi Nhà Nông Online trên Google News để cập nhật tin nhanh nhất"
    page = walk(
        f'<div class="article">{paragraphs(P1, P2)}'
        f'<p>Read more: <a href="/x">{read_more[11:]}</a></p><p>{follow}</p>{paragraphs(P3)}</div>'
    )
    found = [("p", text) for text in (P1, P2, read_more, follow, P3)]
    assert texts(guarded(page, found)) == [P1, P2, P3]


def test_captions_lists_and_headings_trafilatura_dropped_come_back_in_place():
    page = walk(
        f'<div class="article">{paragraphs(P1)}<h2>What changes</h2>'
        "<ul><li>Weekly food waste collection</li><li>A blue bin for paper</li></ul>"
        f"{paragraphs(P2)}<figure><img src='a.jpg'><figcaption>The new bins.</figcaption></figure>"
        f"{paragraphs(P3, P4)}<h3>Related</h3>"
        "<ul><li><a href='/r'>Another story</a></li></ul></div>"
        "<div class='sidebar'><figure><figcaption>Sidebar photo</figcaption></figure></div>"
    )
    found = [("p", text) for text in (P1, P2, P3, P4)]
    kept = guarded(page, found)
    assert texts(kept) == [
        P1, "What changes", "Weekly food waste collection", "A blue bin for paper",
        P2, "The new bins.", P3, P4,
    ]  # fmt: skip
    assert [block.kind for block in kept][1:6] == ["h2", "li", "li", "p", "caption"]


def test_trafilatura_blocks_are_the_body_when_the_walker_cannot_locate_its_text():
    page = walk(paragraphs("Something else entirely, written in another way on this page."))
    found = [("h2", "A heading"), ("p", P1), ("li", P2)]
    kept = guarded(page, found)
    assert [(block.kind, "\n".join(block.lines)) for block in kept] == found
    assert all(block.element is None for block in kept)


def of_the_walker(thing: object) -> bool:
    """Whether a piece of garbage was made by the walker (its closures, frames or blocks)."""
    if isinstance(thing, types.FunctionType):
        return thing.__module__ == blocks_module.__name__
    if isinstance(thing, types.FrameType):
        return thing.f_code.co_filename == blocks_module.__file__
    return isinstance(thing, blocks_module.Located)


def test_the_walker_leaves_no_reference_cycle():
    """A cycle through the walker's closures would keep each page's whole tree alive until the
    cyclic collector runs: +15 MB of resident memory over a thousand pages. Only the walker's own
    garbage counts: other threads of the test process (xdist's, a replica's) make theirs."""
    page = etree.fromstring(f"<html><body>{paragraphs(P1, P2)}</body></html>", etree.HTMLParser())
    located(page.find("body"))  # once first: what a first call sets up (caches) is not a page's
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        blocks = located(page.find("body"))
        gc.collect()
        cycles = [thing for thing in gc.garbage if of_the_walker(thing)]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    assert cycles == []
    assert [block.text for block in blocks] == [P1, P2]
