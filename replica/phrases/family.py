"""The shape of one kind of news in the phrase bank (``replica.phrases``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Family:
    """Templates for one kind of news."""

    name: str
    things: tuple[str, ...]
    titles: tuple[str, ...]
    sapos: tuple[str, ...]
    sentences: tuple[str, ...]
    tags: tuple[str, ...]
    captions: tuple[str, ...] = ()
    local: bool = True  # False: the text names no place of the province
    common: bool = True  # also draw from COMMON_SENTENCES and QUOTES (newsroom voice)
