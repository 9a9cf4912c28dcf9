"""Resources: what a run reads (the papers) and where it writes (the data directory, DuckDB).

Their values are given when a run starts: by ``EnvVar`` in the code location
(``pipeline.definitions``), or by the caller of ``materialize`` (``default_resources``). An
optional setting left empty is read from the environment then (``foundation.settings``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
from dagster import ConfigurableResource, InitResourceContext, PipesSubprocessClient
from pydantic import PrivateAttr

from foundation import settings
from foundation.site_choice import Target, format_targets, reachable_sites
from foundation.sites import DEFAULT_SITE, SITES_DIR, Site, all_sites, enabled_sites
from warehouse import connect_writer
from warehouse.load import commit_as

#: The concurrency pool of every step that writes the lake (limit 1 in dagster.yaml): one
#: writer per table at a time, as a MERGE racing another writer's commit would fail.
DUCKDB_POOL = "duckdb_writer"


class ArchiveConfig(ConfigurableResource):
    """The papers to crawl and the data directory that holds WARC files, indexes and the lake."""

    data_dir: str
    # "ID=URL,ID=URL": the papers a run may crawl, and where (foundation.site_choice); empty:
    # any profiled site at its live URL, as $BAOARCHIVE_SITES and $BAOARCHIVE_SITE_URL say
    sites: str = ""
    listings: bool = True  # also read the first page of category listings
    max_articles: int = 0  # 0: no limit
    workers: int = 2  # extraction processes
    freshness_hours: int = 0  # the newest article's age limit; 0: not checked (the replica)
    # Parquet datasets under <data dir>/exports, comma-separated; empty: $BAOARCHIVE_EXPORT_TOPICS
    export_topics: str = ""
    # The site registry the grouping assets read each site's taxonomy source and gazetteers
    # from; empty: foundation/sites
    sites_dir: str = ""

    @property
    def paths(self) -> settings.ArchivePaths:
        return settings.ArchivePaths(Path(self.data_dir)).ensure()

    @property
    def registry(self) -> dict[str, Site]:
        """Every profiled site, by id, from ``sites_dir``."""
        return all_sites(Path(self.sites_dir) if self.sites_dir else SITES_DIR)

    @property
    def reachable(self) -> dict[str, str]:
        """site id -> the URL this run crawls it at."""
        return reachable_sites(self.sites)

    @property
    def latest_sites(self) -> list[str]:
        """The sites whose latest articles a run without a site tag reads: the run's ``sites``,
        else every enabled site."""
        if self.sites:
            return list(self.reachable)
        return [site.id for site in enabled_sites()]

    @property
    def topics_to_export(self) -> list[str]:
        return settings.export_topics(self.export_topics or None)


class Warehouse(ConfigurableResource):
    """The lake of the data directory (catalog: ``BAOARCHIVE_CATALOG``). Every commit a run
    makes names the run in its snapshot's commit message."""

    data_dir: str
    memory_limit: str = ""  # empty: $BAOARCHIVE_DUCKDB_MEMORY, else 256MB
    _run_id: str = PrivateAttr(default="")

    def setup_for_execution(self, context: InitResourceContext) -> None:
        self._run_id = context.run_id or ""

    @contextmanager
    def connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection for the checks, at the newest snapshot (what the assets committed):
        a cursor of the run's own writing instance, which is open already."""
        con = connect_writer(self.data_dir, settings.duckdb_memory_limit(self.memory_limit or None))
        try:
            yield con
        finally:
            con.close()

    @contextmanager
    def writer(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """The writer connection, schema brought up to date."""
        con = connect_writer(self.data_dir, settings.duckdb_memory_limit(self.memory_limit or None))
        try:
            commit_as(con, self._run_id)
            yield con
        finally:
            con.close()


def default_resources(
    data_dir: Path, targets: str | list[Target], **archive: object
) -> dict[str, object]:
    """The resources of a run started from Python (``baoarchive run``, ``reprocess``, tests):
    ``targets`` are (site, URL) pairs, or the default site's URL alone."""
    if isinstance(targets, str):
        targets = [(DEFAULT_SITE, targets.rstrip("/"))]
    return {
        "archive": ArchiveConfig(data_dir=str(data_dir), sites=format_targets(targets), **archive),
        "warehouse": Warehouse(data_dir=str(data_dir)),
        "pipes_subprocess_client": PipesSubprocessClient(),
    }
