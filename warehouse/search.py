"""Full-text search in Vietnamese: DuckDB's BM25 index (the fts extension, loaded from its pip
package so nothing is downloaded at run time) over the match forms of ``search_documents``.

Vietnamese writes one syllable per word-space, so nothing is stemmed and no stop words are
dropped; a query's syllables are all required, and a quoted phrase ("mạng xã hội") must appear
as written. Diacritics count by default; ``accents=False`` searches the folded forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from extraction.text import accent_free, match_form
from warehouse.db import sql
from warehouse.filters import Filters
from warehouse.load import stage, transaction

#: Index settings: the documents are already in match form, so the index only splits them.
INDEX_PRAGMA = (
    "PRAGMA create_fts_index('search_documents', 'post_id', 'exact', 'folded', stemmer = 'none',"
    r" stopwords = 'none', ignore = '[^\p{L}\p{N}]+', strip_accents = 0, lower = 0, overwrite = 1)"
)
_TOKEN = re.compile(r"[^\W_]+")
_QUOTED = re.compile(r'"([^"]*)"')
_BETWEEN = re.compile(r"[\W_]+")
_BREAK = re.compile(r"[.!?;:\n]")
_BATCH = 5_000


class SearchError(ValueError):
    """A query that cannot be searched; the message is one line for the user."""


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


def _words(form: str) -> str:
    """Words one space apart, " · " where a sentence or field ends, a space at each end: a
    phrase is then a plain substring (" mạng xã hội ") that cannot run across a sentence."""
    spaced = _BETWEEN.sub(lambda m: " · " if _BREAK.search(m.group()) else " ", form)
    return f" {spaced.strip(' ·')} "


def document_forms(title: str, sapo: str, body: str) -> tuple[str, str]:
    """The two match forms of an article: with diacritics, and without."""
    exact = _words(match_form("\n".join((title, sapo, body))))
    return exact, accent_free(exact)


_DOCUMENT_SCHEMA = pa.schema([
    ("post_id", pa.int64()), ("content_hash", pa.string()),
    ("exact", pa.string()), ("folded", pa.string()),
])  # fmt: skip


def refresh_index(con: duckdb.DuckDBPyConnection) -> dict[str, object]:
    """Bring search_documents in step with articles (only new or changed articles are read),
    then rebuild the BM25 index if any document changed: the fts extension builds an index
    whole. Returns what it did."""
    stale = [row[0] for row in con.execute(sql("stale_search_documents")).fetchall()]
    for start in range(0, max(len(stale), 1), _BATCH):
        rows = con.execute(sql("search_document_sources"), [stale[start : start + _BATCH]])
        documents = [
            (post_id, content_hash, *document_forms(title, sapo, body))
            for post_id, content_hash, title, sapo, body in rows.fetchall()
        ]
        staged = pa.Table.from_pylist(
            [dict(zip(_DOCUMENT_SCHEMA.names, d, strict=True)) for d in documents],
            _DOCUMENT_SCHEMA,
        )
        with transaction(con):
            stage(con, "staged_search_documents", staged)
            con.execute(sql("sync_search_documents"))
    fingerprint = con.execute(sql("search_fingerprint")).fetchone()[0]
    state = con.execute("SELECT fingerprint FROM search_index_state").fetchone()
    rebuilt = state is None or state[0] != fingerprint
    if rebuilt:
        load_fts(con)
        con.execute(INDEX_PRAGMA)
        con.execute(sql("save_search_index_state"), [fingerprint])
    documents = con.execute("SELECT count(*) FROM search_documents").fetchone()[0]
    return {"documents": documents, "updated": len(stale), "index_rebuilt": rebuilt}


@dataclass(frozen=True)
class Query:
    """A parsed query in match form: syllables to rank by, phrases to require."""

    terms: str
    phrases: list[str]  # one per quoted phrase, as in the documents: " mạng xã hội "
    field: str  # "exact" or "folded"

    @classmethod
    def parse(cls, text: str, accents: bool = True) -> Query:
        form = match_form(text) if accents else accent_free(text)
        syllables = _TOKEN.findall(form)
        if not syllables:
            raise SearchError(f"nothing to search for in {text!r}: give at least one word")
        phrases = [
            _words(quoted) for quoted in _QUOTED.findall(form) if len(_TOKEN.findall(quoted)) > 1
        ]
        return cls(" ".join(syllables), phrases, "exact" if accents else "folded")

    def params(self) -> dict[str, object]:
        return {"terms": self.terms, "phrases": self.phrases, "field": self.field}


def search(
    con: duckdb.DuckDBPyConnection,
    text: str,
    filters: Filters | None = None,
    *,
    accents: bool = True,
    limit: int = 20,
) -> duckdb.DuckDBPyRelation:
    """Articles matching ``text``, best first: post_id, title, published_at, url, sapo, body,
    score. The connection may be read-only; the index must have been built by the pipeline."""
    if limit < 1:
        raise SearchError(f"--limit must be at least 1, not {limit}")
    if not con.execute(sql("search_index_exists")).fetchone()[0]:
        raise SearchError("the archive has no search index yet: run the pipeline (baoarchive run)")
    load_fts(con)
    query = Query.parse(text, accents)
    params = query.params() | (filters or Filters()).params() | {"limit": limit}
    return con.sql(sql("search"), params=params)


def snippet(text: str, query: str, accents: bool = True, width: int = 160) -> str:
    """About ``width`` characters of ``text`` around the query's first match, as published:
    a quoted phrase first, then the whole query, then any one of its words."""
    form = match_form(text) if accents else accent_free(text)  # same length as text
    wanted = match_form(query) if accents else accent_free(query)
    words = _TOKEN.findall(wanted)
    phrases = [" ".join(_TOKEN.findall(quoted)) for quoted in _QUOTED.findall(wanted)]
    at = 0
    for candidates in ([p for p in phrases if p], [" ".join(words)], words):
        if found := [i for c in candidates if (i := form.find(c)) >= 0]:
            at = min(found)
            break
    start = max(0, at - width // 3)
    end = min(len(text), start + width)
    shown = " ".join(text[start:end].split())
    return ("…" if start else "") + shown + ("…" if end < len(text) else "")
