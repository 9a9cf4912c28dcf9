"""Full-text search in Vietnamese: a BM25 index over the match forms of ``search_documents``,
kept in step a batch of documents at a time (``search_terms``, ``search_lengths``,
``search_postings``). It splits and scores as DuckDB's fts extension does; the extension (from
its pip package, never downloaded) builds the reference the tests compare the index with, since
its PRAGMA can only build an index whole.

Vietnamese writes one syllable per word-space, so nothing is stemmed and no stop words are
dropped; a query's syllables are all required, and a quoted phrase ("mạng xã hội") must appear
as written. Diacritics count by default; ``accents=False`` goes through the folded terms.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from foundation import normalise
from foundation.errors import BadValue, NotReady
from foundation.normalise import accent_free, match_form
from foundation.versions import rules_digest, source_digest, stage_version
from foundation.workers import process_pool
from warehouse import search_rules as rules
from warehouse.db import sql
from warehouse.filters import Filters
from warehouse.lake import cursor
from warehouse.load import stage, transaction

#: Bump when a change to this module's code changes the search documents it makes.
DOCUMENT_CODE_VERSION = "1"
_BATCH = 2_000
_UNSORTED_SHARE = 0.1  # of the postings, appended since the last sort
_POINT_CHECKS = 400  # candidates checked for the phrases one by one, before one scan


def _words(form: str) -> str:
    """Words one space apart, " · " where a sentence or field ends, a space at each end: a
    phrase is then a plain substring (" mạng xã hội ") that cannot run across a sentence."""
    spaced = rules.BETWEEN.sub(lambda m: " · " if rules.BREAK.search(m.group()) else " ", form)
    return f" {spaced.strip(' ·')} "


def document_version() -> str:
    """The version every search document records: this module's code version, the split
    rules (``search_rules``) and the text normaliser."""
    return stage_version(DOCUMENT_CODE_VERSION, rules_digest(rules), source_digest(normalise))


def document_form(title: str, sapo: str, body: str) -> str:
    """What the index reads of an article."""
    return _words(match_form("\n".join((title, sapo, body))))


_DOCUMENT_SCHEMA = pa.schema([
    ("post_id", pa.int64()), ("content_hash", pa.string()), ("exact", pa.string()),
    ("version", pa.string()),
])  # fmt: skip


def _document(row: tuple) -> dict:
    post_id, content_hash, title, sapo, body = row
    return {"post_id": post_id, "content_hash": content_hash,
            "exact": document_form(title, sapo, body)}  # fmt: skip


def _sync_documents(con: duckdb.DuckDBPyConnection, workers: int = 1) -> int:
    """Search documents for new or changed articles (only those are read), made by ``workers``
    processes when there are many; returns how many."""
    version = document_version()
    stale = [row[0] for row in con.execute(sql("stale_search_documents"), [version]).fetchall()]
    pool = process_pool(workers, ["warehouse.search"]) if workers > 1 and len(stale) > 500 else None
    try:
        for start in range(0, max(len(stale), 1), _BATCH):
            rows = con.execute(sql("search_document_sources"), [stale[start : start + _BATCH]])
            sources = rows.fetchall()
            documents = [
                document | {"version": version}
                for document in (
                    pool.map(_document, sources, chunksize=50) if pool else map(_document, sources)
                )
            ]
            with transaction(con):
                stage(
                    con,
                    "staged_search_documents",
                    pa.Table.from_pylist(documents, _DOCUMENT_SCHEMA),
                )
                con.execute(sql("sync_search_documents"))
    finally:
        if pool:
            pool.shutdown()
    return len(stale)


def _index_batch(con: duckdb.DuckDBPyConnection, post_ids: list[int]) -> None:
    """(Re)index these documents in one transaction: out with what the index held of them, in
    with their terms now. New terms get the next term ids, and their folded form."""
    with transaction(con):
        stage(con, "staged_index_ids", pa.table({"post_id": pa.array(post_ids, pa.int64())}))
        con.execute(sql("unindex_search_documents"))
        con.execute(sql("tokenize_search_documents"))
        new = [term for (term,) in con.execute(sql("new_search_terms")).fetchall()]
        first = con.execute("SELECT coalesce(max(termid) + 1, 0) FROM search_terms").fetchone()[0]
        terms = pa.table({
            "termid": pa.array(range(first, first + len(new)), pa.int32()),
            "term": new, "folded": [accent_free(term) for term in new],
            "df": pa.array([0] * len(new), pa.int32()),
        })  # fmt: skip
        stage(con, "staged_terms", terms)
        con.execute("INSERT INTO search_terms SELECT * FROM staged_terms")
        con.execute(sql("index_search_documents"))


def refresh_index(con: duckdb.DuckDBPyConnection, workers: int = 1) -> dict[str, object]:
    """Bring search_documents in step with articles, then the index with search_documents,
    a batch of documents at a time: only new, changed or removed documents are read. The
    postings are re-sorted by term when more than ``_UNSORTED_SHARE`` of them came after the
    last sort. Returns what it did."""
    updated = _sync_documents(con, workers)
    pending = [row[0] for row in con.execute(sql("unindexed_search_documents")).fetchall()]
    for start in range(0, len(pending), _BATCH):
        _index_batch(con, pending[start : start + _BATCH])
    unsorted, total = con.execute(
        "SELECT (SELECT unsorted_rows FROM search_index_state), count(*) FROM search_postings"
    ).fetchone()
    resorted = bool(unsorted) and unsorted > _UNSORTED_SHARE * total
    if resorted:
        with transaction(con):
            con.execute(sql("sort_search_postings"))
    documents = con.execute("SELECT count(*) FROM search_lengths").fetchone()[0]
    return {"documents": documents, "updated": updated, "indexed": len(pending),
            "postings_resorted": resorted}  # fmt: skip


def fts_extension() -> Path:
    """The fts extension shipped by ``duckdb-extension-fts`` for this very DuckDB version."""
    import duckdb_extension_fts

    root = Path(duckdb_extension_fts.__file__).parent / "extensions"
    path = root / f"v{duckdb.__version__}" / "fts.duckdb_extension"
    if not path.is_file():
        found = ", ".join(p.name for p in root.glob("v*")) or "none"
        raise RuntimeError(
            f"duckdb-extension-fts has no build for DuckDB {duckdb.__version__} (it has {found}):"
            " install the same version of both"
        )
    return path


def load_fts(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"LOAD '{fts_extension()}'")  # our own path, not user input


#: The extension's index with the settings ours follows (documents already in match form).
REFERENCE_INDEX = (
    "PRAGMA create_fts_index('search_documents', 'post_id', 'exact', stemmer = 'none',"
    r" stopwords = 'none', ignore = '[^\p{L}\p{N}]+', strip_accents = 0, lower = 0, overwrite = 1)"
)


@dataclass(frozen=True)
class Query:
    """A parsed query in match form: the syllables all required, the quoted phrases."""

    syllables: list[str]
    phrases: list[str]  # as in the documents: " mạng xã hội "
    accents: bool

    @classmethod
    def parse(cls, text: str, accents: bool = True) -> Query:
        form = match_form(text) if accents else accent_free(text)
        syllables = list(dict.fromkeys(rules.TOKEN.findall(form)))
        if not syllables:
            raise BadValue("query", f"{text!r} holds nothing to search for: give a word")
        phrases = [
            _words(quoted)
            for quoted in rules.QUOTED.findall(form)
            if len(rules.TOKEN.findall(quoted)) > 1
        ]
        return cls(syllables, phrases, accents)


def _ranked(con: duckdb.DuckDBPyConnection, query: Query, filters: Filters, limit: int):
    """(post_id, score) of the best ``limit`` matches. Candidates come in score order; the
    phrases are checked one candidate at a time by primary key (most phrases are found among
    the first few), and past ``_POINT_CHECKS`` candidates in one scan of all the rest."""
    pairs = con.execute(sql("search_term_ids"), [query.syllables, query.accents]).fetchall()
    if {position for position, _ in pairs} != set(range(1, len(query.syllables) + 1)):
        return []  # a syllable no article holds
    params = {"termids": [t for _, t in pairs]} | filters.params()
    if query.accents:  # one term per syllable
        candidates = cursor(con).execute(sql("search"), params)
    else:
        folded = {"groups": [p for p, _ in pairs], "syllables": len(query.syllables)}
        candidates = cursor(con).execute(sql("search_folded"), params | folded)
    if not query.phrases:
        return candidates.fetchmany(limit)
    checker, chosen = cursor(con), []
    phrases = [query.phrases, query.accents]
    for _ in range(_POINT_CHECKS):
        if len(chosen) == limit or not (row := candidates.fetchone()):
            return chosen
        if checker.execute(sql("search_phrase_holds"), [row[0], *phrases]).fetchone()[0]:
            chosen.append(row)
    rest = candidates.fetchall()
    kept = checker.execute(sql("search_phrase_check"), [[p for p, _ in rest], *phrases])
    kept_ids = {post_id for (post_id,) in kept.fetchall()}
    return (chosen + [row for row in rest if row[0] in kept_ids])[:limit]


def search(
    con: duckdb.DuckDBPyConnection,
    text: str,
    filters: Filters | None = None,
    *,
    accents: bool = True,
    limit: int = 20,
) -> duckdb.DuckDBPyRelation:
    """Articles matching ``text``, best first: post_id, title, published_at, url, sapo,
    body, score. The connection may be read-only; the pipeline builds the index."""
    if limit < 1:
        raise BadValue("limit", f"must be at least 1, not {limit}")
    if not con.execute(sql("search_index_exists")).fetchone()[0]:
        raise NotReady("the archive has no search index yet: the pipeline builds it")
    ranked = _ranked(con, Query.parse(text, accents), filters or Filters(), limit)
    ids, scores = [p for p, _ in ranked], [s for _, s in ranked]
    return con.sql(sql("search_results"), params=[ids, scores])


def snippet(text: str, query: str, accents: bool = True, width: int = 160) -> str:
    """About ``width`` characters of ``text`` around the query's first match, as published:
    a quoted phrase first, then the whole query, then any one of its words."""
    form = match_form(text) if accents else accent_free(text)  # same length as text
    wanted = match_form(query) if accents else accent_free(query)
    words = rules.TOKEN.findall(wanted)
    phrases = [" ".join(rules.TOKEN.findall(quoted)) for quoted in rules.QUOTED.findall(wanted)]
    at = 0
    for candidates in ([p for p in phrases if p], [" ".join(words)], words):
        if found := [i for c in candidates if (i := form.find(c)) >= 0]:
            at = min(found)
            break
    start = max(0, at - width // 3)
    end = min(len(text), start + width)
    shown = " ".join(text[start:end].split())
    return ("…" if start else "") + shown + ("…" if end < len(text) else "")
