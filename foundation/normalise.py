"""The text forms used for matching and search, never stored as the text: lower case, one
tone placement, look-alike letters mapped, and a copy without diacritics.

Locality matching, the search index and the filters all compare text in these forms; each
stage's version includes this module's source, so a change here re-derives what they made.
"""

from __future__ import annotations

import re
import unicodedata

# Old and new tone placement at the end of a syllable: "hoà" / "hòa", "thuỷ" / "thủy".
_TONED_SECOND = {"à": "a", "á": "a", "ả": "a", "ã": "a", "ạ": "a",
                 "è": "e", "é": "e", "ẻ": "e", "ẽ": "e", "ẹ": "e",
                 "ỳ": "y", "ý": "y", "ỷ": "y", "ỹ": "y", "ỵ": "y"}  # fmt: skip
_TONE_MARK = {ch: unicodedata.normalize("NFD", ch)[1] for ch in _TONED_SECOND}
_OLD_TONE_PLACEMENT = re.compile(r"([ou])([àáảãạèéẻẽẹỳýỷỹỵ])(?!\w)")


def _new_tone_placement(match: re.Match[str]) -> str:
    first, toned = match.group(1), match.group(2)
    return unicodedata.normalize("NFC", first + _TONE_MARK[toned]) + _TONED_SECOND[toned]


# Letters that look like "đ" but are not: Icelandic eth (Ð/ð) and African D (Ɖ/ɖ) turn up in
# text typed on foreign keyboard layouts.
_D_LOOKALIKES = "ðɖ"
_TO_D = str.maketrans(dict.fromkeys(_D_LOOKALIKES, "đ"))


def match_form(value: str) -> str:
    """A copy for matching only (never stored as the text): NFC, lower case, one tone
    placement ("Khánh Hoà" and "Khánh Hòa" both give "khánh hòa") and "đ" for its look-alikes.
    It has the same length as the NFC input, so a match's offsets are offsets in the text."""
    lowered = unicodedata.normalize("NFC", value).lower()
    if any(letter in lowered for letter in _D_LOOKALIKES):  # rare; translate costs 0.3 ms
        lowered = lowered.translate(_TO_D)
    return _OLD_TONE_PLACEMENT.sub(_new_tone_placement, lowered)


def _accent_free_table() -> dict[int, str]:
    """Each Latin letter with diacritics to its base letter, "đ" to "d": one character to one."""
    table = {ord("đ"): "d", ord("Đ"): "D"}
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        base = unicodedata.normalize("NFD", chr(code))[0]
        if base != chr(code) and base.isascii():
            table[code] = base
    return table


_ACCENT_FREE = _accent_free_table()


def accent_free(value: str) -> str:
    """``match_form`` without tones and marks ("Đà Nẵng" gives "da nang"), for searches typed
    without diacritics. Same length as its input, so offsets carry over."""
    return match_form(value).translate(_ACCENT_FREE)
