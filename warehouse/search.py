"""Full-text search in Vietnamese: a tantivy index (``warehouse.search_engine``) over the match
forms of ``search_documents``, scored with tantivy's BM25 and kept in step a batch of changed
documents at a time; the lake stays the record it is built from, and results come back as a
DuckDB relation joinable by post id.

Vietnamese writes one syllable per word-space, so nothing is stemmed and no stop words are
dropped; a query's syllables are all required, and a quoted phrase ("mạng xã hội") must appear
as written (a phrase query on positions, never across a sentence). Diacritics count by
default; ``accents=False`` searches the folded field.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import pyarrow as pa
import tantivy

from foundation.errors import BadValue, NotReady
from foundation.normalise import accent_free, match_form
from foundation.workers import read_ahead
from warehouse import search_documents as documents
from warehouse import search_engine as engine
from warehouse import search_rules as rules
from warehouse.db import sql, written_since
from warehouse.filters import Filters
from warehouse.lake import current_snapshot, cursor
from warehouse.search_documents import by_site

_BATCH = 2_000
_CANDIDATES = 100  # the fewest candidates asked of the index at a time, before the filters


#: The tables the index is made from.
INDEX_READS = ("articles", "search_documents", "article_topics", "article_localities")


def touched_since(con: duckdb.DuckDBPyConnection, snapshot: int) -> bool:
    """Has a table the index reads been written after ``snapshot``? A run that found nothing
    new costs the index 20 ms, not a comparison of every document at two snapshots (0.65 s at
    10,000 articles)."""
    return written_since(con, snapshot, INDEX_READS)


def _index_changes(
    con: duckdb.DuckDBPyConnection, state: dict | None, snapshot: int
) -> list[tuple] | None:
    """The rows (``search_index_documents``' columns) of the documents whose text, shown
    fields, topics or localities differ from what the index holds, exact None for one that is
    gone; None when the index must be built whole (none yet, of another layout, or its
    snapshot is not this lake's any more: expired, or another lake swapped in)."""
    if not state:
        return None
    built = state.get("snapshot")
    found = con.execute(sql("snapshot_time"), [built]).fetchone()
    if not found or str(found[0]) != state.get("snapshot_time"):
        return None
    if built == snapshot or not touched_since(con, built):
        return []
    try:  # the lake's time travel: the documents as the index read them
        return con.execute(
            sql("search_index_changes").replace("$built", str(int(built)))
        ).fetchall()
    except duckdb.Error:
        return None


def _every_document(con: duckdb.DuckDBPyConnection) -> Iterator[tuple]:
    """All of search_documents with their shown fields, a range of post ids at a time (the
    text of 300,000 articles is ~1 GB), the next range read while the index takes this one."""
    reading = cursor(con)
    articles = reading.execute("SELECT site, post_id FROM search_documents ORDER BY 1, 2")

    def batches() -> Iterator[list[tuple]]:
        for site, ids in by_site(articles.fetchall()).items():
            for start in range(0, len(ids), _BATCH):
                first, last = ids[start], ids[min(start + _BATCH, len(ids)) - 1]
                yield reading.execute(sql("search_index_documents"), [site, first, last]).fetchall()

    for batch in read_ahead(batches()):
        yield from batch


def _for_index(row: tuple) -> engine.Document:
    """The index's document from a row of ``search_index_documents``."""
    site, post_id, exact, title, url, sapo, body, published_us, topics, localities = row
    if exact is None:
        return engine.Document(post_id, None, site=site)
    shown = {"title": title, "url": url, "sapo": sapo, "body": body}
    return engine.Document(
        post_id, exact, shown, published_us, tuple(topics or ()), tuple(localities or ()), site
    )


def refresh_index(
    con: duckdb.DuckDBPyConnection, directory: Path, workers: int = 1
) -> dict[str, object]:
    """Bring search_documents in step with articles, then the tantivy index in ``directory``
    with search_documents: only documents whose text (or shown fields) changed since the
    snapshot the index was built from are replaced (or deleted), in one commit; the index is
    built whole when it cannot tell. Returns what it did: ``updated`` documents made again,
    ``indexed`` documents (re)indexed because they changed (every one, when ``rebuilt``)."""
    updated = documents.sync(con, workers)
    snapshot = current_snapshot(con)
    time = con.execute(sql("snapshot_time"), [snapshot]).fetchone()[0]
    changes = _index_changes(con, engine.read_state(directory), snapshot)
    rebuilt = changes is None
    indexed = 0
    if rebuilt or changes:
        rows = _every_document(con) if changes is None else changes
        threads = workers if rebuilt else 1  # a few changes: one segment
        indexed = engine.apply(directory, map(_for_index, rows), rebuilt, threads)
    engine.write_state(directory, {"snapshot": snapshot, "snapshot_time": str(time)})
    return {"documents": engine.document_count(directory), "updated": updated,
            "indexed": indexed, "rebuilt": rebuilt}  # fmt: skip


@dataclass(frozen=True)
class Query:
    """A parsed query in match form: the syllables all required, the quoted phrases."""

    syllables: list[str]
    phrases: list[list[str]]  # each phrase's words as indexed: ["mạng", "xã", "hội"]
    accents: bool

    @classmethod
    def parse(cls, text: str, accents: bool = True) -> Query:
        form = match_form(text)
        syllables = rules.TOKEN.findall(form)
        if not syllables:
            raise BadValue("query", f"{text!r} holds nothing to search for: give a word")
        # as the documents have them: a sentence break in the quotes is the word "·" there too
        quoted = [documents.words(phrase).split() for phrase in rules.QUOTED.findall(form)]
        if not accents:  # as the folded field holds them
            syllables, quoted = engine.fold(syllables), [engine.fold(q) for q in quoted]
        phrases = [words for words in quoted if len(words) > 1]
        return cls(list(dict.fromkeys(syllables)), phrases, accents)

    def engine_query(self, schema: tantivy.Schema, filters: Filters | None = None) -> tantivy.Query:
        """Every syllable a must (their BM25 scores summed), every phrase a must too; with
        ``filters``, each filter a must that adds nothing to the score."""
        field = "exact" if self.accents else "folded"
        musts = [tantivy.Query.term_query(schema, field, s) for s in self.syllables]
        musts += [tantivy.Query.phrase_query(schema, field, words) for words in self.phrases]
        musts += [tantivy.Query.const_score_query(q, 0.0) for q in _filter_queries(schema, filters)]
        return tantivy.Query.boolean_query([(tantivy.Occur.Must, q) for q in musts])


def _filter_queries(schema: tantivy.Schema, filters: Filters | None) -> list[tantivy.Query]:
    """``filtered_post_ids``' conditions on the index's fields: a topic id, a locality id, the
    publication time from ``since`` (included) to ``until`` (excluded)."""
    if filters is None:
        return []
    queries = [tantivy.Query.term_query(schema, field, value)
               for field, value in (("topics", filters.topic), ("localities", filters.locality),
                                    ("site", filters.site))
               if value]  # fmt: skip
    params = filters.params()
    since, until = params["since"], params["until"]
    if since or until:
        queries.append(tantivy.Query.range_query(
            schema, "published", tantivy.FieldType.Integer,
            _epoch_us(since) if since else None, _epoch_us(until) if until else None,
            include_upper=until is None,
        ))  # fmt: skip
    return queries


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _epoch_us(moment: datetime) -> int:
    return (moment - _EPOCH) // timedelta(microseconds=1)


#: Readers opened in this process, by index directory and its inode (a rebuilt lake swapped
#: in is another directory under the same name).
_READERS: dict[tuple[Path, int], tantivy.Index] = {}


def _reader(directory: Path) -> tantivy.Index:
    """The index read-only, at its newest commit (a reader keeps working while the pipeline
    commits)."""
    if not engine.exists(directory):
        raise NotReady("the archive has no search index yet: the pipeline builds it")
    key = (directory, engine.index_identity(directory))
    index = _READERS.get(key)
    if index is None:
        for stale in [k for k in _READERS if k[0] == directory]:
            del _READERS[stale]
        index = _READERS[key] = engine.open_index(directory)
    index.reload()
    return index


def _ranked(
    con: duckdb.DuckDBPyConnection,
    query: Query,
    filters: Filters,
    limit: int,
    directory: Path,
    from_index: bool,
) -> list[tuple[tuple[str, int], float, dict | None]]:
    """((site, post_id), score, shown fields or None) of the best ``limit`` matches that pass the
    filters. ``from_index``: the index applies the filters and gives the shown fields.
    Otherwise the index ranks and the lake keeps the candidates that pass (in the snapshot
    read), the index being asked for more until ``limit`` are kept or it has no more.

    Equal scores rank by site and post id, so the index is asked on while its matches score as high
    as the last one kept: which of two tied matches it returns first depends on how its
    segments were written."""
    index = _reader(directory)
    searcher = index.searcher()
    wanted = query.engine_query(index.schema, filters if from_index else None)
    params = filters.params()
    kept: list[tuple[tuple[str, int], float, int]] = []
    offset, batch = 0, limit + 1 if from_index else max(_CANDIDATES, 2 * limit)
    while True:
        hits = searcher.search(wanted, batch, count=False, offset=offset).hits
        keys = searcher.fast_field_values("key", [address for _, address in hits])
        ids = [engine.split_key(key) for key in keys]
        if from_index:
            passed = set(ids)
        else:
            asked = params | {"sites": [s for s, _ in ids], "ids": [p for _, p in ids]}
            passed = set(cursor(con).execute(sql("search_kept"), asked).fetchall())
        kept += [(p, score, address) for (score, address), p in zip(hits, ids, strict=True)
                 if p in passed]  # fmt: skip
        if len(hits) < batch:  # the index has no more
            break
        if len(kept) >= limit and hits[-1][0] < sorted(s for _, s, _ in kept)[-limit]:
            break  # the rest score lower than the last one kept
        offset, batch = offset + batch, batch * 4
    best = sorted(kept, key=lambda hit: (-hit[1], hit[0]))[:limit]
    if not from_index:
        return [(p, score, None) for p, score, _ in best]
    return [(p, score, engine.shown(searcher.doc(address))) for p, score, address in best]


#: The columns of a search's result, as ``search_results.sql`` gives them from the lake.
RESULT_SCHEMA = pa.schema([
    ("post_id", pa.int64()), ("title", pa.string()), ("published_at", pa.timestamp("us", "UTC")),
    ("url", pa.string()), ("sapo", pa.string()), ("body", pa.string()), ("score", pa.float64()),
    ("site", pa.string()),
])  # fmt: skip


def _index_answers(directory: Path, as_of: int | None) -> bool:
    """May the index alone answer? It holds the snapshot it was built from, the newest the
    pipeline indexed: yes for a search of the newest (``as_of`` None), and for one of that
    very snapshot; an older one is the lake's to answer."""
    state = engine.read_state(directory)
    return state is not None and (as_of is None or state.get("snapshot") == as_of)


def search(
    con: duckdb.DuckDBPyConnection,
    text: str,
    filters: Filters | None = None,
    *,
    index: Path,
    accents: bool = True,
    limit: int = 20,
    as_of: int | None = None,
    through_lake: bool = False,
) -> duckdb.DuckDBPyRelation:
    """Articles matching ``text``, best first: post_id, title, published_at, url, sapo,
    body, score. ``index`` is the search index's directory (``ArchivePaths.search_dir``); the
    connection may be read-only, the pipeline builds the index.

    The index answers alone, filters and rows, as of the snapshot it was built from (the
    pipeline brings it in step at the end of each run). When ``as_of`` (the snapshot ``con``
    was opened at) is another snapshot, or with ``through_lake``, the index only ranks: the
    lake, in the snapshot ``con`` reads, decides which matches pass and gives their rows."""
    if limit < 1:
        raise BadValue("limit", f"must be at least 1, not {limit}")
    chosen = filters or Filters()
    # the index knows the units an article names, not what they are today: across the reform,
    # the lake decides which matches pass
    through_lake = through_lake or chosen.across_reform
    from_index = not through_lake and _index_answers(index, as_of)
    ranked = _ranked(con, Query.parse(text, accents), chosen, limit, index, from_index)
    if not from_index:
        sites, ids = [s for (s, _), _, _ in ranked], [p for (_, p), _, _ in ranked]
        scores = [score for _, score, _ in ranked]
        return con.sql(sql("search_results"), params=[sites, ids, scores])
    rows = [{"post_id": p, "title": shown["title"],
             "published_at": shown["published_us"],
             "url": shown["url"], "sapo": shown["sapo"], "body": shown["body"],
             "score": round(score, 4), "site": site}
            for (site, p), score, shown in ranked]  # fmt: skip
    return con.from_arrow(pa.Table.from_pylist(rows, RESULT_SCHEMA))


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
