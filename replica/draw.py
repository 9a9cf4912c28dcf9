"""Cheap random draws for the index, which makes several per article for 100,000 articles.

``random.Random.choice`` and ``sample`` are pure Python and dominate the index build;
``random()`` is one C call. Same stream in, same picks out, so determinism is unaffected.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def pick(rng: random.Random, items: Sequence[T]) -> T:
    """One item, uniformly."""
    return items[int(rng.random() * len(items))]


def pick_some(rng: random.Random, items: Sequence[T], count: int) -> list[T]:
    """Up to ``count`` distinct items (by position), in draw order."""
    count = min(count, len(items))
    chosen: list[int] = []
    while len(chosen) < count:
        index = int(rng.random() * len(items))
        if index not in chosen:
            chosen.append(index)
    return [items[i] for i in chosen]
