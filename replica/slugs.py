"""ASCII slugs the way the platform makes them from Vietnamese titles.

Seen on the real site: tone marks dropped, "đ" -> "d", punctuation deleted rather than turned
into a hyphen ("5/1/2026" -> "512026", "50.000" -> "50000", "xuất, nhập cảnh" ->
"xuat-nhap-canh"), spaces -> single hyphens.
"""

from __future__ import annotations

import re
import string
import unicodedata

_PUNCTUATION = str.maketrans({c: None for c in string.punctuation if c != "-"})
_NOT_SLUG = re.compile(r"[^a-z0-9-]")
_HYPHENS = re.compile(r"-{2,}")


def ascii_fold(text: str) -> str:
    """Vietnamese -> plain ASCII (tones and hooks removed, đ -> d, anything else dropped)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode("ascii")


def slugify(text: str) -> str:
    words = ascii_fold(text).lower().translate(_PUNCTUATION).split()
    return _HYPHENS.sub("-", _NOT_SLUG.sub("", "-".join(words))).strip("-")
