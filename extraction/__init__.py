"""Extraction: one article page (HTML bytes + URL) in, one ``Article`` out. Pure, no I/O.

Site knowledge lives in ``rules`` (data); ``core``/``metadata`` apply it.
"""

from .core import ExtractionError, extract_article
from .record import Article, Image, RelatedItem
from .rules import RELATED_HEADINGS

#: Bump when the rules change what extraction gives: archived captures are then read again.
EXTRACTOR_VERSION = "4"

__all__ = [
    "EXTRACTOR_VERSION",
    "RELATED_HEADINGS",
    "Article",
    "ExtractionError",
    "Image",
    "RelatedItem",
    "extract_article",
]
