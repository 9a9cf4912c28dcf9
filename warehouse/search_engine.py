"""The search index on disk: a tantivy index (``<data dir>/lake/search``, so that a rebuilt
lake is swapped in with its own index) of the search documents' match forms, scored with
tantivy's BM25 (k1 = 1.2, b = 0.75).

Two fields hold each document's match form: ``exact`` as made, ``folded`` without diacritics
(tantivy's ASCII folding, "đ" to "d", done by the index: 0.5 ms an article less in Python). Both
are split on whitespace only, as our text is already normalised: words one space apart, and
``·`` where a sentence ends. That mark is a word of its own in the index, so a phrase query (on
positions) never runs across a sentence. Nothing is stemmed or dropped.

Beside them, what the filters ask: ``published`` (microseconds since the epoch, a fast field for
date ranges), ``topics`` and ``localities`` (ids, one untokenised term each). A search with
filters is then answered by the index alone, like one without.

One process writes (the pipeline's, under tantivy's own writer lock); any number of readers in
any process open the index read-only and keep the commit they opened while the writer commits.
``state.json`` beside the index records the lake snapshot it was built from: the next refresh
reads only what changed since.
"""

from __future__ import annotations

import json
import os
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import tantivy

from foundation.sites import DEFAULT_SITE, all_sites

#: The fields' analyzers: whitespace splitting, then for ``folded`` ASCII folding.
ANALYZERS = {"exact": "words", "folded": "folded_words"}
_STATE = "state.json"
_WRITER_HEAP = 64_000_000  # bytes; tantivy commits a segment internally beyond it


#: What the index holds, as ``state.json`` records it: an index of another layout is rebuilt.
LAYOUT = 5  # 2: the shown fields stored; 3: the filters' fields; 4: folded by the index,
#              the shown fields one each; 5: an article is (site, post_id)

#: The fields a result shows, stored as UTF-8 bytes (no JSON to make: 0.1 ms an article).
SHOWN = ("title", "url", "sapo", "body")


_POST_ID_BITS = 40  # post ids stay far below 2**40; the site takes the bits above


def _site_code(site: str) -> int:
    return zlib.crc32(site.encode()) & 0x7FFFFF


def article_key(site: str, post_id: int) -> int:
    """One integer for (site, post_id): the index deletes and returns articles by one fast
    field (tantivy has no string fast fields)."""
    return (_site_code(site) << _POST_ID_BITS) | post_id


def split_key(key: int) -> tuple[str, int]:
    """(site, post_id) of an ``article_key``."""
    by_code = {_site_code(site): site for site in all_sites()}
    return by_code[key >> _POST_ID_BITS], key & ((1 << _POST_ID_BITS) - 1)


@dataclass(frozen=True)
class Document:
    """One article as the index holds it; ``exact`` None: the article is gone."""

    post_id: int
    exact: str | None
    shown: dict[str, str | None] | None = None  # SHOWN's values
    published_us: int | None = None
    topics: tuple[str, ...] = ()
    localities: tuple[str, ...] = ()
    site: str = DEFAULT_SITE


def schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("key", indexed=True, fast=True)  # article_key(site, post_id)
    builder.add_text_field("site", stored=True, tokenizer_name="raw", index_option="basic")
    for field, analyzer in ANALYZERS.items():
        builder.add_text_field(field, tokenizer_name=analyzer, index_option="position")
    # the result's fields: a search answers from the index alone, not from the lake's Parquet
    # files (560 ms at 30,000 articles)
    for field in SHOWN:
        builder.add_bytes_field(field, stored=True, indexed=False)
    builder.add_integer_field("published", stored=True, indexed=True, fast=True)
    for field in ("topics", "localities"):
        builder.add_text_field(field, tokenizer_name="raw", index_option="basic")
    return builder.build()


def _tantivy_document(document: Document) -> tantivy.Document:
    fields: dict[str, object] = {
        "key": article_key(document.site, document.post_id), "site": document.site,
        "exact": document.exact, "folded": document.exact,
    }  # fmt: skip
    for field, value in (document.shown or {}).items():
        if value is not None:
            fields[field] = value.encode()
    if document.published_us is not None:
        fields["published"] = document.published_us
    if document.topics:
        fields["topics"] = list(document.topics)
    if document.localities:
        fields["localities"] = list(document.localities)
    return tantivy.Document(**fields)


def _analyzers() -> dict[str, tantivy.TextAnalyzer]:
    def words() -> tantivy.TextAnalyzerBuilder:
        return tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace())

    folding = words().filter(tantivy.Filter.ascii_fold())
    return {"words": words().build(), "folded_words": folding.build()}


_FOLDING = _analyzers()["folded_words"]


def fold(words: list[str]) -> list[str]:
    """``words`` as the ``folded`` field holds them (a query's, to search it)."""
    return [_FOLDING.analyze(word)[0] for word in words]


def shown(document: tantivy.Document) -> dict[str, object]:
    """A stored document's shown fields (None where the article has none) and
    ``published_us``."""
    values: dict[str, object] = {field: document.get_first(field) for field in SHOWN}
    return {field: value.decode() if value is not None else None for field, value in values.items()
            } | {"published_us": document.get_first("published")}  # fmt: skip


def _index_dir(directory: Path) -> Path:
    return directory / "index"


def exists(directory: Path) -> bool:
    """Has an index been committed here?"""
    return (_index_dir(directory) / "meta.json").is_file()


def index_identity(directory: Path) -> int:
    """The index directory's inode: another one after a rebuilt lake was swapped in."""
    return _index_dir(directory).stat().st_ino


def open_index(directory: Path, create: bool = False) -> tantivy.Index:
    """The index of ``directory`` (made empty when ``create`` and there is none)."""
    path = _index_dir(directory)
    if create and not exists(directory):
        path.mkdir(parents=True, exist_ok=True)
        index = tantivy.Index(schema(), path=str(path))
    else:
        index = tantivy.Index.open(str(path))
    for name, analyzer in _analyzers().items():
        index.register_tokenizer(name, analyzer)
    return index


def read_state(directory: Path) -> dict | None:
    """What the index was built from (``{"snapshot": ..., "snapshot_time": ..., "layout":
    ...}``), or None when there is none or it is of another layout."""
    try:
        state = json.loads((directory / _STATE).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return None
    return state if isinstance(state, dict) and state.get("layout") == LAYOUT else None


def write_state(directory: Path, state: dict) -> None:
    """Written after the index's commit, by rename: a crash before it leaves the older state,
    and the next refresh applies the same changes again (a replace by post id is idempotent)."""
    temporary = directory / f".{_STATE}.tmp"
    temporary.write_text(json.dumps({**state, "layout": LAYOUT}, sort_keys=True), encoding="utf-8")
    os.replace(temporary, directory / _STATE)


def apply(
    directory: Path, changes: Iterable[Document], rebuild: bool = False, threads: int = 1
) -> int:
    """Replace or delete documents by (site, post id) and commit once (a document whose ``exact`` is
    None is deleted). ``rebuild`` empties the index first. ``threads``: tantivy's indexing
    threads (a whole build on 2 cores: 40% less time). Returns how many changes were
    applied."""
    index = open_index(directory, create=True)
    writer = index.writer(_WRITER_HEAP * threads, threads)
    applied = 0
    try:
        if rebuild:
            writer.delete_all_documents()
        for document in changes:
            if not rebuild:
                writer.delete_documents_by_term("key", article_key(document.site, document.post_id))
            if document.exact is not None:
                writer.add_document(_tantivy_document(document))
            applied += 1
        writer.commit()
        writer.wait_merging_threads()
    except BaseException:
        writer.rollback()
        raise
    return applied


def document_count(directory: Path) -> int:
    if not exists(directory):
        return 0
    index = open_index(directory)
    return index.searcher().num_docs
