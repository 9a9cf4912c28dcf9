"""The search documents' word splitting: the fast split (plain words between spaces taken as
they are) gives exactly what the rules say, on real pages and on awkward text."""

from __future__ import annotations

import re

import pytest
from real_pages import BAOLAOCAI, NHANDAN, TIENPHONG, TNCK, extracted

from foundation.normalise import match_form
from warehouse import search_engine, search_rules
from warehouse.search import Query
from warehouse.search_documents import document_form, words


def by_the_rules(form: str) -> str:
    """The rules applied the plain way, one pattern over the whole text (three times slower):
    each run between words a space, or " · " when a sentence ends in it."""
    rules = search_rules
    spaced = rules.BETWEEN.sub(lambda m: " · " if rules.BREAK.search(m.group()) else " ", form)
    return f" {spaced.strip(' ·')} "


AWKWARD = [
    "", "...", "a", " .a. ", "a_b c", "x . . y", "hỏi: đáp? ok!\n\nsau", "__", "·", "a · b",
    "1/2;3", "\n\na\n", "a\n.\nb", "a -\n- b", "a\tb\r\nc", "x²y", "a\u00a0b", "(a), b.c",
    "“Nông thôn mới”.", "15/7/2025 - 20/7", "UBND xã;\n\n  Sở GD&ĐT", "e-mail: a@b.vn",
]  # fmt: skip


@pytest.mark.parametrize("text", AWKWARD)
def test_awkward_text_splits_as_the_rules_say(text):
    assert words(match_form(text)) == by_the_rules(match_form(text))


@pytest.mark.parametrize("page", [BAOLAOCAI, NHANDAN, TIENPHONG, TNCK])
def test_real_articles_split_as_the_rules_say(page):
    article = extracted(page)
    form = match_form("\n".join((article.title, article.sapo or "", article.body)))
    made = document_form(article.title, article.sapo or "", article.body)
    assert made == by_the_rules(form)
    assert made.count(" · ") > 3 and "  " not in made.strip()


def test_a_changed_break_rule_is_followed(monkeypatch):
    monkeypatch.setattr(search_rules, "BREAK", re.compile(r"[.!?;:/]"))  # no new line, a slash
    for text in ("15/7/2025\nUBND xã", "a\nb. c"):
        assert words(text) == by_the_rules(text)
    assert words("a\nb/c") == " a b · c "


def test_an_accent_free_query_is_folded_as_the_index_folds():
    """The index folds the document; the query's words are folded by the same analyzer."""
    query = Query.parse('Đà Nẵng "Hòa Bình"', accents=False)
    assert query.syllables == ["da", "nang", "hoa", "binh"]
    assert query.phrases == [["hoa", "binh"]]
    assert search_engine.fold(["đường", "ưu", "ỷ"]) == ["duong", "uu", "y"]
