"""Text normalisation shared by every field, the page decoding, and the content hash.

Stored text is NFC with whitespace collapsed: Vietnamese may arrive decomposed (NFD) from some
editors, and the same words must compare and index equal. Nothing else is rewritten: we keep
what the paper published.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata

#: Invisible characters that are never content (zero-width space, BOM).
_INVISIBLE = str.maketrans("", "", "\u200b\ufeff")

_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def clean(value: str | None) -> str:
    """One line of text as stored: invisible chars dropped, whitespace collapsed, NFC."""
    if not value:
        return ""
    if "\u200b" in value or "\ufeff" in value:
        value = value.translate(_INVISIBLE)
    collapsed = " ".join(value.split())  # str.split() splits on Unicode whitespace, NBSP too
    return unicodedata.normalize("NFC", collapsed)


def fold(value: str) -> str:
    """Comparison key: NFC, casefolded, whitespace collapsed (case or spacing is no revision)."""
    folded = unicodedata.normalize("NFC", value).casefold()
    return " ".join(unicodedata.normalize("NFC", folded).split())


def content_hash(title: str, body: str) -> str:
    """sha256 of the folded title + body: equal for a re-fetch, different for a real revision."""
    return hashlib.sha256(f"{fold(title)}\x1f{fold(body)}".encode()).hexdigest()


class UndecodableError(ValueError):
    """The bytes are valid neither in the declared charset nor in UTF-8."""


def declared_charset(data: bytes) -> str | None:
    """The charset a BOM or ``<meta charset>`` / ``http-equiv`` declares, if Python knows it."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    match = _CHARSET.search(data, 0, 4096)
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def page_encoding(data: bytes) -> str:
    """The codec a page decodes with, strictly: the declared charset, else UTF-8 (the
    platform's default).

    Valid UTF-8 with non-ASCII text wins over a declared legacy single-byte charset, which
    would decode anything into mojibake without an error. Undecodable bytes raise instead of
    being replaced: a page with U+FFFD in its text must be re-fetched, not archived.
    """
    declared = declared_charset(data)
    candidates = [declared] if declared else []
    if declared not in ("utf-8", "utf-8-sig"):
        candidates.insert(0 if _is_utf8_text(data) else len(candidates), "utf-8")
    for codec in candidates:
        try:
            data.decode(codec)
        except UnicodeDecodeError:
            continue
        return codec
    raise UndecodableError(f"bytes are not valid {' or '.join(candidates)}")


def decode_html(data: bytes) -> str:
    """The page as text, decoded by ``page_encoding``."""
    return data.decode(page_encoding(data))


def _is_utf8_text(data: bytes) -> bool:
    """True when the bytes hold multi-byte UTF-8 and nothing invalid."""
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


_MARKDOWN_LEAD = re.compile(r"^([#>*+-]|\d+[.)])(\s)")


def markdown(blocks: list[tuple[str, str]]) -> str:
    """Headings, lists and quotes marked up; captions and plain paragraphs as text. List items
    of one list are joined by one newline, every other block by a blank line."""
    out: list[str] = []
    number = 0
    for index, (kind, text) in enumerate(blocks):
        previous = blocks[index - 1][0] if index else ""
        number = number + 1 if kind == "oli" and previous == "oli" else 1
        if kind.startswith("h") and kind[1:].isdigit():
            piece = "#" * int(kind[1:]) + " " + text.replace("\n", " ")
        elif kind == "li":
            piece = "- " + text.replace("\n", " ")
        elif kind == "oli":
            piece = f"{number}. " + text.replace("\n", " ")
        elif kind == "quote":
            piece = "\n".join("> " + line for line in text.split("\n"))
        else:
            piece = _MARKDOWN_LEAD.sub(r"\\\1\2", text)  # "- Thưa ông" is dialogue, not a list
        joiner = "\n" if kind in ("li", "oli") and previous == kind else "\n\n"
        out.append((joiner if out else "") + piece)
    return "".join(out)
