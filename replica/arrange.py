"""Arranging an article's written paragraphs into typed blocks: subheadings, lists, quotes,
the info box and image captions (``ReplicaArticle.kinds``).

``replica.text`` writes the words; this decides the body's structure, from the article's own
"blocks" stream, so the structure can change without touching the text and vice versa.
"""

from __future__ import annotations

import random

from . import phrases
from .draw import pick, pick_some

#: Share of normal articles whose body has subheadings, a list or a quote (e-magazines: most).
STRUCTURED_SHARE = 0.25
STRUCTURED_SHARE_EMAGAZINE = 0.8


def structure(
    rng: random.Random, written: list[tuple[str, list[str]]], emagazine: bool
) -> list[tuple[str, str]]:
    """(kind, text) blocks: plain paragraphs, or (some articles) with a quote, a paragraph's
    sentences as a bulleted list after a short intro, and subheadings between paragraphs. The
    text is the written text (plus headings and intros, which name no place)."""
    share = STRUCTURED_SHARE_EMAGAZINE if emagazine else STRUCTURED_SHARE
    structured = rng.random() < share
    want_h2, want_li, want_quote = (rng.random() < x for x in (0.6, 0.4, 0.4))
    if emagazine:
        want_h2 = True
    if structured and not (want_h2 or want_li or want_quote):
        want_h2 = True
    kinds = [kind if structured and want_quote else "p" for kind, _ in written]
    if structured and want_quote and "quote" not in kinds and len(written) > 1:
        kinds[1 + int(rng.random() * (len(written) - 1))] = "quote"
    listed = -1
    if structured and want_li:
        candidates = [
            i for i, (_, sentences) in enumerate(written)
            if i and kinds[i] == "p" and len(sentences) >= 2
        ]  # fmt: skip
        listed = pick(rng, candidates) if candidates else -1
    headings: set[int] = set()
    if structured and want_h2 and len(written) > 1:
        wanted = (2 + int(rng.random() * 2)) if emagazine else 1 + int(rng.random() * 2)
        for i in pick_some(rng, range(1, len(written)), wanted):
            if not headings & {i - 1, i + 1}:
                headings.add(i)
    titles = pick_some(rng, phrases.SUBHEADINGS, len(headings))
    blocks: list[tuple[str, str]] = []
    for i, ((_, sentences), kind) in enumerate(zip(written, kinds, strict=True)):
        if i in headings:
            blocks.append(("h2", titles.pop(0)))
        if i == listed:
            blocks.append(("p", pick(rng, phrases.LIST_INTROS)))
            blocks.extend(("li", sentence) for sentence in sentences)
        else:
            blocks.append((kind, " ".join(sentences)))
    return blocks


def photo_blocks(written: list[tuple[str, list[str]]]) -> list[tuple[str, str]]:
    """A photo story: the first paragraph (and the last, for five or more) as text, every
    other paragraph the caption of a picture."""
    texts = [" ".join(sentences) for _, sentences in written]
    last = len(texts) - 1 if len(texts) >= 5 else len(texts)
    return [("p" if i in (0, last) else "caption", t) for i, t in enumerate(texts)]


def with_notebox(rng: random.Random, blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """One or two consecutive plain paragraphs become the info box's ("note"): at the top of
    the body (as nhandan's) or further down. A list's intro stays with its list."""
    plain = [
        i for i, (kind, _) in enumerate(blocks)
        if kind == "p" and not (i + 1 < len(blocks) and blocks[i + 1][0] == "li")
    ]  # fmt: skip
    if not plain:
        return blocks
    first = plain[0] if rng.random() < 0.5 else pick(rng, plain)
    chosen = {first} | ({first + 1} if first + 1 in plain and rng.random() < 0.5 else set())
    return [("note" if i in chosen else kind, text) for i, (kind, text) in enumerate(blocks)]


def with_captions(blocks: list[tuple[str, str]], captions: list[str]) -> list[tuple[str, str]]:
    """Caption paragraphs spread evenly over the body, the first early, never inside a list or
    an info box nor between a list's intro and its items."""
    grouped = ("li", "oli", "note")
    boundaries = [
        j for j in range(1, len(blocks) + 1)
        if j == len(blocks)
        or not (blocks[j][0] in grouped and blocks[j - 1][0] == blocks[j][0])
        and blocks[j][0] not in ("li", "oli")
    ]  # fmt: skip
    slots: dict[int, list[str]] = {}
    for k, caption in enumerate(captions):
        at = max(1, min(len(boundaries), round((k + 1) * len(boundaries) / (len(captions) + 1))))
        slots.setdefault(boundaries[at - 1], []).append(caption)
    result: list[tuple[str, str]] = []
    for j, block in enumerate(blocks, start=1):
        result.append(block)
        result.extend(("caption", caption) for caption in slots.get(j, []))
    return result
