"""Three helpers over plain lxml elements.

Pages are parsed with ``lxml.etree.HTMLParser``: plain elements, without the per-element
Python class lookup of ``lxml.html`` (a few percent of the extraction time).
"""

from __future__ import annotations

from lxml import etree

_STRING = etree.XPath("string()", smart_strings=False)


def text_of(element: etree._Element) -> str:
    """All text inside the element, as ``lxml.html``'s ``text_content()`` gives it."""
    return _STRING(element)


def classes(element: etree._Element) -> list[str]:
    """The tokens of the element's ``class`` attribute."""
    return (element.get("class") or "").split()


def drop(element: etree._Element) -> None:
    """Remove the element and its content but keep its tail text in place."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + element.tail
        else:
            previous.tail = (previous.tail or "") + element.tail
    parent.remove(element)
