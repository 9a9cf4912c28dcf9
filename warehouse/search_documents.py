"""The search documents: each article's title, sapo and body in match form, split into words
as the search rules say (``search_rules``), kept in the lake's ``search_documents`` table and
made again only for new or changed articles, or when the rules or the normaliser change.

This is the search's one costly step in Python (about 0.4 ms an article), so it runs in worker
processes when many documents are made at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import duckdb
import pyarrow as pa

from foundation import normalise
from foundation.normalise import match_form
from foundation.sites import DEFAULT_SITE
from foundation.versions import rules_digest, source_digest, stage_version
from foundation.workers import process_pool
from warehouse import search_rules as rules
from warehouse.db import sql
from warehouse.load import stage, transaction

#: Bump when a change to this module's code changes the search documents it makes.
CODE_VERSION = "1"
_BATCH = 2_000
_SENTENCE = "·"


def words(form: str) -> str:
    """Words one space apart, " · " where a sentence or field ends, a space at each end: a
    phrase is then a plain substring (" mạng xã hội ") that cannot run across a sentence.

    Most of a text is plain words between spaces, so only the pieces with something else in
    them go through the rules' patterns (3 times faster than one pattern over the whole text).
    """
    out: list[str] = []
    line_ends = rules.BREAK.search("\n") is not None
    # a piece's words and what lies between them (re caches the compiled pattern)
    word_or_between = re.compile(f"({rules.TOKEN.pattern})|({rules.BETWEEN.pattern})")
    for line in form.split("\n"):
        if line_ends and out and out[-1] != _SENTENCE:
            out.append(_SENTENCE)
        for piece in line.split():
            if piece.isalnum():  # one word, as TOKEN has it
                out.append(piece)
                continue
            for word, between in word_or_between.findall(piece):
                if word:
                    out.append(word)
                elif out and out[-1] != _SENTENCE and rules.BREAK.search(between):
                    out.append(_SENTENCE)
    while out and out[-1] == _SENTENCE:
        out.pop()
    start = 1 if out and out[0] == _SENTENCE else 0
    return f" {' '.join(out[start:])} "


def version() -> str:
    """The version every search document records: this module's code version, the split
    rules (``search_rules``) and the text normaliser."""
    return stage_version(CODE_VERSION, rules_digest(rules), source_digest(normalise))


def document_form(title: str, sapo: str, body: str) -> str:
    """What the index reads of an article."""
    return words(match_form("\n".join((title, sapo, body))))


_SCHEMA = pa.schema([
    ("site", pa.string()), ("post_id", pa.int64()), ("content_hash", pa.string()),
    ("exact", pa.string()), ("version", pa.string()),
])  # fmt: skip


def _document(row: tuple) -> dict:
    site, post_id, content_hash, title, sapo, body = row
    return {"site": site, "post_id": post_id, "content_hash": content_hash,
            "exact": document_form(title, sapo, body)}  # fmt: skip


def by_site(articles: Iterable[tuple[str, int]]) -> dict[str, list[int]]:
    """(site, post_id) pairs as each site's post ids, in order: a batch reads one site's range
    of post ids."""
    grouped: dict[str, list[int]] = {}
    for site, post_id in articles:
        grouped.setdefault(site, []).append(post_id)
    return grouped


def sync(con: duckdb.DuckDBPyConnection, workers: int = 1) -> int:
    """Search documents for new or changed articles (only those are read), made by ``workers``
    processes when there are many (while they make one batch, this process reads the next and
    writes the one before); returns how many."""
    made_by = version()
    stale = con.execute(sql("stale_search_documents"), [made_by]).fetchall()

    def write(made: Iterable[dict]) -> None:
        documents = [document | {"version": made_by} for document in made]
        with transaction(con):
            stage(con, "staged_search_documents", pa.Table.from_pylist(documents, _SCHEMA))
            con.execute(sql("sync_search_documents"))

    pool = None
    if workers > 1 and len(stale) > 500:
        pool = process_pool(workers, ["warehouse.search_documents"])
    try:
        previous: Iterable[dict] | None = None
        batches = [(site, ids[start : start + _BATCH])
                   for site, ids in by_site(stale).items()
                   for start in range(0, len(ids), _BATCH)]  # fmt: skip
        for site, batch in batches or [(DEFAULT_SITE, [])]:  # none: only drop gone ones
            first, last = (batch[0], batch[-1]) if batch else (0, -1)
            sources = con.execute(
                sql("search_document_sources"), [site, batch, first, last]
            ).fetchall()
            made = pool.map(_document, sources, chunksize=50) if pool else map(_document, sources)
            if previous is not None:
                write(previous)
            previous = made
        write(previous)
    finally:
        if pool:
            pool.shutdown()
    return len(stale)
