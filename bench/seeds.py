"""The two seed documents (``../shared/seeds/``): a real article as a naive extractor saw it,
followed by the junk that must never be archived. Read here into article and junk."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

JUNK_STARTS = "Có thể bạn quan tâm"


@dataclass
class Seed:
    title: str
    sapo: str
    paragraphs: list[str]  # the article as published, image file names left out
    junk: list[str]  # every line after the article's last paragraph
    listed: list[tuple[str, str]]  # (title, summary) of the items of "Tin cùng chuyên mục"

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


def read_seed(path: Path) -> Seed:
    # stored text has its whitespace collapsed (NBSP, double spaces), in NFC
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line and not line.startswith("Quay về E-magazine")]
    end = lines.index(JUNK_STARTS)
    article, junk = lines[:end], lines[end:]
    title = article[0]
    rest = article[2:] if article[1] == title else article[1:]
    paragraphs = [line for line in rest[1:] if not line.lower().endswith((".png", ".jpg"))]
    tail = junk[junk.index("Tin cùng chuyên mục") + 1 :]
    listed = [(tail[i], tail[i + 2]) for i in range(len(tail) - 2) if tail[i] == tail[i + 1]]
    return Seed(title, rest[0], paragraphs, junk, listed)
