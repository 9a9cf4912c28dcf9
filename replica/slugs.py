"""ASCII slugs the way the platform makes them from Vietnamese titles.

Seen on the real site: tone marks dropped, "đ" -> "d", punctuation deleted rather than turned
into a hyphen ("5/1/2026" -> "512026", "50.000" -> "50000", "xuất, nhập cảnh" ->
"xuat-nhap-canh"), spaces -> single hyphens.
"""

from __future__ import annotations

import re
import unicodedata

_DROP = re.compile(r"[^a-z0-9\s-]")
_SEPARATORS = re.compile(r"[\s-]+")


def ascii_fold(text: str) -> str:
    """Vietnamese -> plain ASCII letters (tones and hooks removed, đ -> d)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slugify(text: str) -> str:
    folded = _DROP.sub("", ascii_fold(text).lower())
    return _SEPARATORS.sub("-", folded).strip("-")
