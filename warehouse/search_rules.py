"""How search splits text into words, as data: what a word is, where a sentence breaks (a
phrase never runs across one), and how a query quotes a phrase.

A change here is a new search document version: every document is made again, and the index
takes the ones whose text changed, on the next run.
"""

from __future__ import annotations

import re

#: A word (a syllable, in Vietnamese): letters and digits.
TOKEN = re.compile(r"[^\W_]+")
#: What lies between words.
BETWEEN = re.compile(r"[\W_]+")
#: Where, between words, a sentence or field ends.
BREAK = re.compile(r"[.!?;:\n]")
#: A quoted phrase in a query.
QUOTED = re.compile(r'"([^"]*)"')
