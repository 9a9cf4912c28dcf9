"""The Python API for researchers: ``Archive(path).articles(topic=..., since=...)`` gives a
DuckDB relation (``.df()``, ``.pl()``, ``.arrow()``) over a read-only connection."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pyarrow as pa

from foundation import settings
from warehouse.db import connect_reader, sql
from warehouse.filters import Filters, resolve
from warehouse.lake import current_snapshot
from warehouse.search import search

#: The columns of ``articles()`` (and of every export), with what each holds.
COLUMNS: dict[str, str] = {
    "site": "the paper (its profile id, `baoarchive sites`); an article is (site, post_id)",
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
    "localities_today": "today's units of those (a former commune's successor; see "
    "`article_localities_today`)",
    "tags": "the site's tags, in order",
    "word_count": "words in the body",
    "layout": "page template: normal, emagazine, photo, video, ...",
    "content_hash": "sha256 of the normalised title and body; changes with a revision",
    "extractor_version": "version of the extraction rules that made the row",
}


class Archive:
    """Read-only access to an archive's lake, at its newest snapshot or at ``as_of``; use as a
    context manager or ``close()``. ``.con`` answers plain ``SELECT ... FROM articles``."""

    def __init__(
        self,
        data_dir: str | Path | None = None,
        con: duckdb.DuckDBPyConnection | None = None,
        as_of: int | None = None,
    ):
        """Open the lake of ``data_dir`` (default: $BAOARCHIVE_DATA_DIR, else ./data)
        read-only, at snapshot ``as_of`` when given; or read through ``con``, a connection the
        caller owns (the pipeline's writer)."""
        self.data_dir = Path(data_dir) if data_dir else settings.data_dir()
        self.as_of = as_of
        self._owned = con is None
        self.con = con or connect_reader(self.data_dir, as_of=as_of)

    @property
    def snapshot(self) -> int:
        """The snapshot this archive reads: cite it, and ``as_of`` it gives the same rows."""
        return current_snapshot(self.con)

    def refresh(self) -> int:
        """Read the newest snapshot from now on (a session left open across runs); a snapshot
        asked for with ``as_of`` stays. Returns the snapshot read."""
        if self._owned and self.as_of is None:
            seen = self.snapshot
            fresh = connect_reader(self.data_dir)
            if current_snapshot(fresh) < seen:  # never back: keep what was read
                fresh.close()
                return seen
            self.con.close()
            self.con = fresh
        return self.snapshot

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
        site: str | None = None,
        across_reform: bool = False,
    ) -> Filters:
        """Checked filters: a topic or locality by id or name, days as YYYY-MM-DD (inclusive),
        a site by its profile id. ``across_reform``: the locality is the area it is today, so
        the articles naming the former communes it was formed from count too."""
        return resolve(self.con, topic, locality, since, until, site, across_reform)

    def articles(
        self,
        topic: str | None = None,
        locality: str | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
        site: str | None = None,
        across_reform: bool = False,
    ) -> duckdb.DuckDBPyRelation:
        """Articles with their topics and localities, ordered by section, month, date, id."""
        chosen = self.filters(topic, locality, since, until, site, across_reform)
        return self.con.sql(sql("article_records"), params=chosen.params())

    def search(
        self,
        query: str,
        *,
        accents: bool = True,
        limit: int = 20,
        **filters: str | date | bool | None,
    ) -> duckdb.DuckDBPyRelation:
        """Ranked full-text matches (see ``warehouse.search``); filters as for ``articles``."""
        chosen = self.filters(**filters)
        index = settings.ArchivePaths(self.data_dir).search_dir
        return search(self.con, query, chosen, index=index, accents=accents, limit=limit,
                      as_of=self.as_of)  # fmt: skip

    def snapshots(self) -> duckdb.DuckDBPyRelation:
        """One row per pipeline run, newest first: the snapshot to cite (the run's last), when
        it was committed, the run id, and how many articles the run added and changed."""
        runs = self.con.execute(sql("snapshot_runs")).fetchall()
        rows = []
        for snapshot, committed_at, run, first, commits in runs:
            changes = self._article_changes(first, snapshot)
            rows.append({
                "snapshot": snapshot, "committed_at": committed_at, "run": run,
                "commits": commits, "articles_added": changes.get("insert", 0),
                "articles_changed": changes.get("update_postimage", 0),
            })  # fmt: skip
        schema = pa.schema([
            ("snapshot", pa.int64()), ("committed_at", pa.timestamp("us", tz="UTC")),
            ("run", pa.string()), ("commits", pa.int64()), ("articles_added", pa.int64()),
            ("articles_changed", pa.int64()),
        ])  # fmt: skip
        return self.con.from_arrow(pa.Table.from_pylist(rows, schema))

    def _article_changes(self, first: int, last: int) -> dict[str, int]:
        """Rows of ``articles`` inserted and updated from snapshot ``first`` to ``last``."""
        try:
            return dict(
                self.con.execute(
                    "SELECT change_type, count(*) FROM archive.table_changes('articles', ?, ?)"
                    " GROUP BY 1",
                    [first, last],
                ).fetchall()
            )
        except duckdb.Error:  # the table did not exist yet (the schema's own snapshots)
            return {}

    def topics(self, site: str | None = None) -> duckdb.DuckDBPyRelation:
        """Every paper's topics (``site``: one paper's), each with its articles: its own and
        its descendants'. The same topic id on two papers is two rows."""
        return self.con.sql(sql("topic_list"), params={"site": self._site(site)})

    def localities(self, site: str | None = None) -> duckdb.DuckDBPyRelation:
        """Every unit with how many articles name it and are about it (``site``: counting one
        paper's articles only)."""
        return self.con.sql(sql("locality_list"), params={"site": self._site(site)})

    def _site(self, site: str | None) -> str | None:
        return self.filters(site=site).site if site else None
