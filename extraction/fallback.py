"""The fallback path: the body of a page without the platform body (an e-magazine piece, a page
of another site).

trafilatura decides which text is the article's; the block walker gives that text its
structure (headings, list items, quotes, captions, poem lines) from the page itself. The walker
is guarded so that it never adds a paragraph trafilatura did not return:

- it keeps a line only if trafilatura returned it (each of trafilatura's lines once);
- it drops blocks that are mostly link text (a "Read more: <a>…</a>" line, a related list) and
  lines that ``rules.FALLBACK_CHROME_LINES`` says are furniture (follow-us calls, view counts);
- it keeps only the region that holds most of the paragraph text (``FALLBACK_REGION_SHARE``),
  so a stray sidebar or newsletter line trafilatura kept is left out instead of widening the
  region to a whole page column.

The one text it adds is structure that trafilatura's own fallback extractors often drop, in
that region, in place and never with links: image captions, lists beside text trafilatura
kept, and headings over kept text. When the walker cannot locate most of trafilatura's text,
trafilatura's own blocks (from its XML, with their kinds) are the body.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from lxml import etree

from . import rules
from .blocks import Block, Located, located
from .metadata import Page, xpath
from .text import fold
from .trafilatura_xml import trafilatura_blocks
from .tree import drop

_PAGE_PRUNE_UNION = " | ".join(rules.PAGE_PRUNE_XPATHS)
_CHROME_LINE = re.compile("|".join(f"(?:{p})" for p in rules.FALLBACK_CHROME_LINES), re.I)
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})


@dataclass
class _Kept:
    """A block of the body and the element it came from (None: one of trafilatura's own)."""

    kind: str
    lines: list[str]
    element: etree._Element | None


def fallback_blocks(page: Page, title: str, sapo: str) -> list[Block]:
    """The article's blocks, without the title (and sapo) an e-magazine cover repeats on top.
    Prunes ``page.tree`` in place."""
    import trafilatura  # heavy import, only for pages without a platform body

    for node in xpath(_PAGE_PRUNE_UNION)(page.tree):
        drop(node)
    found_xml = trafilatura.extract(  # trafilatura wants lxml.html elements: hand it the markup
        etree.tostring(page.tree, encoding="unicode"), url=page.url, include_comments=False,
        include_tables=True, include_images=False, include_links=False, output_format="xml",
    )  # fmt: skip
    body = page.tree.find("body")
    walked = located(body if body is not None else page.tree)
    kept = guarded(walked, trafilatura_blocks(found_xml), fold(title))
    _drop_repeated_top(kept, fold(title), fold(sapo))
    return [(block.kind, "\n".join(block.lines)) for block in kept if block.lines]


def guarded(walked: list[Located], found: list[Block], title: str = "") -> list[_Kept]:
    """The walked blocks cut down to trafilatura's text (see the module's docstring); its own
    blocks when the walker locates too little of that text. The (folded) title weighs nothing
    in choosing the region: it is no part of the text."""
    found_lines = [line for _, text in found for line in text.split("\n")]
    matched = _match(walked, found_lines)
    located_chars = sum(len(line) for lines in matched for line in lines)
    if located_chars < rules.FALLBACK_MIN_LOCATED * sum(map(len, found_lines)):
        return [_Kept(kind, _not_chrome(text.split("\n")), None) for kind, text in found]
    keep = [
        _not_chrome(lines) if lines and _link_share(block) < rules.FALLBACK_MAX_LINK_SHARE else []
        for block, lines in zip(walked, matched, strict=True)
    ]
    text = [[line for line in lines if fold(line) != title] for lines in keep]
    weights = [(b.element, _paragraph_chars(lines)) for b, lines in zip(walked, text, strict=True)]
    if not any(chars for _, chars in weights):  # short lines only (a poem): all of them weigh
        weights = [(b.element, sum(map(len, lines))) for b, lines in zip(walked, text, strict=True)]
    region = _region([(element, chars) for element, chars in weights if chars])
    if region is None:
        return []
    inside = [_inside(block.element, region) for block in walked]
    keep = _restored(walked, [lines if ok else [] for lines, ok in zip(keep, inside, strict=True)])
    return [
        _Kept(block.kind, lines, block.element)
        for block, lines, ok in zip(walked, keep, inside, strict=True)
        if ok and lines
    ]


def _match(walked: list[Located], found_lines: list[str]) -> list[list[str]]:
    """For each walked block, its lines that trafilatura returned, each of trafilatura's lines
    taken once: whole lines first, then (for lines trafilatura joined into one of its own, as
    some of its extractors do with ``<br>`` lines) as parts of what whole lines left."""
    left: dict[str, int] = defaultdict(int)
    for line in found_lines:
        left[line] += 1
    walked_lines = [block.text.split("\n") for block in walked]
    hit = [[False] * len(lines) for lines in walked_lines]
    for b, lines in enumerate(walked_lines):
        for i, line in enumerate(lines):
            if left[line] > 0:
                left[line] -= 1
                hit[b][i] = True
    rest = []
    for line in found_lines:
        if left[line] > 0:
            left[line] -= 1
            rest.append(line)
    for b, lines in enumerate(walked_lines):
        for i, line in enumerate(lines):
            if hit[b][i] or len(line) < rules.FALLBACK_MIN_PART_CHARS:
                continue
            for r, text in enumerate(rest):
                at = text.find(line)
                if at >= 0:  # that part is taken
                    rest[r] = text[:at] + "\0" * len(line) + text[at + len(line) :]
                    hit[b][i] = True
                    break
    return [
        [line for line, ok in zip(lines, hits, strict=True) if ok]
        for lines, hits in zip(walked_lines, hit, strict=True)
    ]


def _not_chrome(lines: list[str]) -> list[str]:
    return [
        line
        for line in lines
        if len(line) > rules.FALLBACK_CHROME_LINE_MAX or not _CHROME_LINE.search(line)
    ]


def _link_share(block: Located) -> float:
    return block.link_chars / max(1, len(block.text))


def _paragraph_chars(lines: list[str]) -> int:
    """What a block weighs in choosing the region: its paragraph-length lines only, so that
    columns of short lines (menus, counters, teasers) weigh nothing."""
    return sum(len(line) for line in lines if len(line) >= rules.FALLBACK_PARAGRAPH_CHARS)


def _restored(walked: list[Located], keep: list[list[str]]) -> list[list[str]]:
    """``keep`` with what trafilatura dropped in the region that the walker brings back: image
    captions, lists next to text trafilatura kept, then headings whose next block is kept.
    Never anything with links (related lists, share bars)."""
    out = list(keep)

    def back(index: int) -> None:
        out[index] = walked[index].text.split("\n")

    def free(index: int) -> bool:
        return not keep[index] and not walked[index].link_chars

    for index, block in enumerate(walked):
        if free(index) and block.kind in rules.FALLBACK_UNGUARDED_KINDS:
            back(index)
    for start, end in _list_runs(walked):
        beside = (start > 0 and keep[start - 1]) or (end < len(walked) and keep[end])
        if beside and all(free(i) or keep[i] for i in range(start, end)):
            for index in range(start, end):
                back(index)
    for index in range(len(walked) - 2, -1, -1):  # from the end: a heading over a heading
        if free(index) and walked[index].kind in _HEADINGS and out[index + 1]:
            back(index)
    return out


def _list_runs(walked: list[Located]) -> list[tuple[int, int]]:
    """[start, end) of each run of consecutive list items."""
    runs: list[tuple[int, int]] = []
    start = None
    for index, block in enumerate([*walked, None]):
        is_item = block is not None and block.kind in ("li", "oli")
        if is_item and start is None:
            start = index
        elif not is_item and start is not None:
            runs.append((start, index))
            start = None
    return runs


def _region(weights: list[tuple[etree._Element, int]]) -> etree._Element | None:
    """The deepest element holding ``FALLBACK_REGION_SHARE`` of the weight, walking down from
    the page through the one child that holds that much."""
    weight: dict[etree._Element, int] = defaultdict(int)
    top = None
    for element, chars in weights:
        for node in (element, *element.iterancestors()):
            weight[node] += chars
            top = node
    enough = rules.FALLBACK_REGION_SHARE * sum(chars for _, chars in weights)
    node = top
    while node is not None:
        heavy = next((child for child in node if weight.get(child, 0) >= enough), None)
        if heavy is None:
            return node
        node = heavy
    return None


def _inside(element: etree._Element, region: etree._Element) -> bool:
    return element is region or any(node is region for node in element.iterancestors())


def _drop_repeated_top(kept: list[_Kept], title: str, sapo: str) -> None:
    """An e-magazine cover repeats the title and the sapo above the text: leading lines equal to
    the title go, and a leading block equal to the sapo unless it is the first paragraph of the
    text itself (a sibling of the next block: the page's description is then an excerpt)."""
    while kept:
        first = kept[0]
        if title and first.lines and fold(first.lines[0]) == title:
            first.lines.pop(0)
        elif (
            not first.lines
            or sapo
            and fold("\n".join(first.lines)) == sapo
            and not _text_starts(kept)
        ):
            kept.pop(0)
        else:
            return


def _text_starts(kept: list[_Kept]) -> bool:
    """The first block is a paragraph beside the next one (same parent element)."""
    if len(kept) < 2 or kept[0].element is None or kept[1].element is None:
        return False
    return kept[0].element.getparent() is kept[1].element.getparent()
