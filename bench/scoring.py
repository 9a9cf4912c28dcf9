"""How an extraction is scored against the gold set: token-level body precision/recall/F1,
tokens leaked from related blocks, and metadata fields exactly right."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from extraction.text import clean
from foundation.normalise import match_form

_WORD = re.compile(r"\w+")


def tokens(text: str) -> Counter[str]:
    """Word tokens of the matching form (NFC, lower case, one tone placement)."""
    return Counter(_WORD.findall(match_form(text or "")))


@dataclass(frozen=True)
class BodyScore:
    precision: float
    recall: float
    f1: float
    leaked: int  # extra tokens that come from the page's related blocks


def score_body(predicted: str, gold: str, related_texts: Iterable[str]) -> BodyScore:
    got, want = tokens(predicted), tokens(gold)
    overlap = sum((got & want).values())
    precision = overlap / sum(got.values()) if got else 0.0
    recall = overlap / sum(want.values()) if want else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    related = Counter()
    for text in related_texts:
        related |= tokens(text)
    leaked = sum(((got - want) & related).values())
    return BodyScore(precision, recall, f1, leaked)


def same_value(field: str, predicted: object, expected: object) -> bool:
    """Exact equality, after the one normalisation every field gets: text NFC with whitespace
    collapsed, instants compared as instants (an ISO string in the gold file)."""
    if field in ("published_at", "modified_at"):
        if not isinstance(predicted, datetime) or predicted.tzinfo is None:
            return False
        return predicted == datetime.fromisoformat(str(expected))
    if isinstance(expected, list):
        return isinstance(predicted, list) and [clean(str(p)) for p in predicted] == expected
    if isinstance(expected, str):
        return clean(str(predicted or "")) == clean(expected)
    return predicted == expected
