"""Extraction: one article page (HTML bytes + URL) in, one ``Article`` out. Pure, no I/O.

Site knowledge lives in ``rules`` (data); ``core``/``metadata`` apply it.
"""

from .core import ExtractionError, extract_article
from .record import Article, Image, RelatedItem
from .rules import RELATED_HEADINGS
from .version import EXTRACTOR_CODE_VERSION, extractor_version

__all__ = [
    "EXTRACTOR_CODE_VERSION",
    "RELATED_HEADINGS",
    "Article",
    "ExtractionError",
    "Image",
    "RelatedItem",
    "extract_article",
    "extractor_version",
]
