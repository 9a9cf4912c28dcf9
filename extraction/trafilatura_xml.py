"""trafilatura's XML output (``output_format="xml"``) read as blocks: the fallback path's view
of which text trafilatura kept, with the kinds it gives it (heading, list item, quote)."""

from __future__ import annotations

from lxml import etree

from . import rules
from .blocks import Block, kind
from .text import clean

#: trafilatura's own block elements, and the HTML ones it sometimes leaves in (a table's rows).
_TRAFILATURA_BLOCKS = rules.BLOCK_TAGS | {"head", "item", "quote", "cell", "list", "row"}


def trafilatura_blocks(xml: str | None) -> list[Block]:
    """trafilatura's ``output_format="xml"`` as blocks: ``head`` (its ``rend`` level), list
    ``item``, ``quote``, table ``cell`` and ``p``; ``<lb/>`` starts a new line."""
    if not xml:
        return []
    main = etree.fromstring(xml.encode("utf-8")).find("main")
    if main is None:
        return []
    blocks: list[Block] = []
    lines: list[str] = []
    pieces: list[str] = []
    open_blocks: list[etree._Element] = []

    def end_line() -> None:
        line = clean("".join(pieces))
        pieces.clear()
        if line:
            lines.append(line)

    def end_block() -> None:
        end_line()
        if lines:
            blocks.append((_trafilatura_kind(open_blocks), "\n".join(lines)))
            lines.clear()

    def walk(element: etree._Element) -> None:
        if isinstance(element.tag, str):
            block = element.tag in _TRAFILATURA_BLOCKS
            if block:
                end_block()
                open_blocks.append(element)
            elif element.tag == "lb":
                end_line()
            pieces.append(element.text or "")
            for child in element:
                walk(child)
            if block:
                end_block()
                open_blocks.pop()
        pieces.append(element.tail or "")

    for child in main:
        walk(child)
    end_block()
    return blocks


def _trafilatura_kind(open_blocks: list[etree._Element]) -> str:
    """The kind the innermost telling element gives, as ``blocks.kind`` does for HTML."""
    for element in reversed(open_blocks):
        if element.tag == "head":
            rend = element.get("rend") or ""
            return rend if rend in ("h1", "h2", "h3", "h4", "h5", "h6") else "h2"
        if element.tag == "item":
            parent = element.getparent()
            return "oli" if parent is not None and parent.get("rend") == "ol" else "li"
        if element.tag == "quote":
            return "quote"
        html_kind = kind([element])  # an HTML element trafilatura left as it was
        if html_kind != "p":
            return html_kind
    return "p"
