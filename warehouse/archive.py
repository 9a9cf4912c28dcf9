"""The Python API for researchers: ``Archive(path).articles(topic=..., since=...)`` gives a
DuckDB relation (``.df()``, ``.pl()``, ``.arrow()``) over a read-only connection."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb

from foundation import settings
from warehouse.db import connect_reader, sql
from warehouse.filters import Filters, resolve
from warehouse.search import search

#: The columns of ``articles()`` (and of every export), with what each holds.
COLUMNS: dict[str, str] = {
    "section": "top of the category path; the export's `topic` partition",
    "year": "year of publication (Asia/Ho_Chi_Minh)",
    "month": "month of publication (Asia/Ho_Chi_Minh)",
    "post_id": "the site's article id (the number in `-post<ID>.html`)",
    "url": "canonical URL as published",
    "title": "title as published (NFC)",
    "sapo": "the lead paragraph",
    "body": "the article text, paragraphs separated by blank lines; related-news blocks removed",
    "author": "the byline as printed",
    "authors": "the byline split into names",
    "published_at": "publication instant (UTC in Parquet; +07:00 offset in CSV and JSONL)",
    "modified_at": "last modification instant the page declares",
    "topic_id": "the article's category path, e.g. `kinh-te/thi-truong`",
    "topic_name": "the category's name as the site writes it",
    "topics": "the category and its ancestors (topic ids)",
    "localities": "ids of the administrative units the text names (see `localities`)",
    "focus_locality": "the one unit the article is about, if any",
    "tags": "the site's tags, in order",
    "word_count": "words in the body",
    "layout": "page template: normal, emagazine, photo, video, ...",
    "content_hash": "sha256 of the normalised title and body; changes with a revision",
    "extractor_version": "version of the extraction rules that made the row",
}


class Archive:
    """Read-only access to an archive database; use as a context manager or ``close()``."""

    def __init__(
        self, path: str | Path | None = None, con: duckdb.DuckDBPyConnection | None = None
    ):
        """Open ``path`` (default: the data directory's database) read-only, or read through
        ``con``, a connection the caller owns (the pipeline's writer)."""
        self.path = Path(path) if path else settings.ArchivePaths(settings.data_dir()).database
        self._owned = con is None
        self.con = con or connect_reader(self.path)

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._owned:
            self.con.close()

    def filters(
        self,
        topic: str | None = None,
        locality: str | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
    ) -> Filters:
        """Checked filters: a topic or locality by id or name, days as YYYY-MM-DD (inclusive)."""
        return resolve(self.con, topic, locality, since, until)

    def articles(
        self,
        topic: str | None = None,
        locality: str | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
    ) -> duckdb.DuckDBPyRelation:
        """Articles with their topics and localities, ordered by section, month, date, id."""
        chosen = self.filters(topic, locality, since, until)
        return self.con.sql(sql("article_records"), params=chosen.params())

    def search(
        self, query: str, *, accents: bool = True, limit: int = 20, **filters: str | date | None
    ) -> duckdb.DuckDBPyRelation:
        """Ranked full-text matches (see ``warehouse.search``); filters as for ``articles``."""
        return search(self.con, query, self.filters(**filters), accents=accents, limit=limit)

    def topics(self) -> duckdb.DuckDBPyRelation:
        return self.con.sql(sql("topic_list"))

    def localities(self) -> duckdb.DuckDBPyRelation:
        return self.con.sql(sql("locality_list"))
