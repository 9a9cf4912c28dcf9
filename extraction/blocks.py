"""The block walker: an element's text as paragraphs, each with its kind.

Both paths read text with it: the platform path over the CMS body, the fallback path over the
whole pruned page (where each block's element and share of link text tell which blocks to keep).
"""

from __future__ import annotations

from typing import NamedTuple

from lxml import etree

from . import rules
from .text import clean

Block = tuple[str, str]  # (kind, text) of one paragraph


class Located(NamedTuple):
    """One paragraph, where it was: the innermost block element holding it, and how many of
    its characters are link text (``<a>``)."""

    kind: str
    text: str
    element: etree._Element
    link_chars: int


def paragraphs(root: etree._Element) -> list[Block]:
    """One (kind, text) block per block element, in document order; ``<br>`` starts a new line
    inside the paragraph (poems). Inline markup is flattened into its paragraph's text. The
    kind (``rules``: heading level, list item, quote, caption) is what Markdown marks up."""
    return [(block[0], block[1]) for block in located(root)]


def located(root: etree._Element) -> list[Located]:
    """``paragraphs`` with each one's element and link characters."""
    blocks: list[Located] = []
    lines: list[str] = []
    pieces: list[str] = []
    link_pieces: list[str] = []  # the link text among ``pieces`` (rare: kept apart)
    link_chars = 0
    open_blocks: list[etree._Element] = []

    def end_line() -> None:
        nonlocal link_chars
        line = clean("".join(pieces))
        pieces.clear()
        if link_pieces:
            link_chars += len(clean("".join(link_pieces)))
            link_pieces.clear()
        if line:
            lines.append(line)

    def end_paragraph() -> None:
        nonlocal link_chars
        end_line()
        if lines:
            element = open_blocks[-1] if open_blocks else root
            blocks.append(Located(kind(open_blocks), "\n".join(lines), element, link_chars))
            lines.clear()
        link_chars = 0

    def walk(element: etree._Element, in_link: bool) -> None:
        tag = element.tag
        if isinstance(tag, str) and tag not in rules.SKIP_TAGS:  # comments have callable tags
            block = tag in rules.BLOCK_TAGS
            inner = in_link or tag == "a"
            if block:
                end_paragraph()
                open_blocks.append(element)
            elif tag == "br":
                end_line()
            if element.text:
                pieces.append(element.text)
                if inner:
                    link_pieces.append(element.text)
            for child in element:
                walk(child, inner)
            if block:
                end_paragraph()
                open_blocks.pop()
        if element.tail:
            pieces.append(element.tail)
            if in_link:
                link_pieces.append(element.tail)

    if root.text:
        pieces.append(root.text)
    for child in root:
        walk(child, False)
    end_paragraph()
    # ``walk`` refers to itself: a reference cycle through the closures, which hold ``root``.
    # Broken here, or every page's tree would live on until the cyclic collector runs.
    walk = None
    return blocks


def kind(open_blocks: list[etree._Element]) -> str:
    """What the innermost telling block makes of a paragraph: "h2", "li", "oli" (ordered),
    "quote", "caption" or "p"."""
    for element in reversed(open_blocks):
        tag = element.tag
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            return tag
        if tag == "li":
            parent = element.getparent()
            return "oli" if parent is not None and parent.tag == "ol" else "li"
        if tag == "blockquote":
            return "quote"
        if tag in ("figcaption", "caption") or rules.CAPTION_CLASSES.intersection(
            (element.get("class") or "").split()
        ):
            return "caption"
    return "p"
