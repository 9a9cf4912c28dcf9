"""Resources: what a run reads (the site) and where it writes (the data directory, DuckDB).

Their values are given when a run starts: by ``EnvVar`` in the code location
(``pipeline.definitions``), or by the caller of ``materialize`` (``default_resources``). An
optional setting left empty is read from the environment then (``foundation.settings``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
from dagster import ConfigurableResource, PipesSubprocessClient
from dagster_duckdb import DuckDBResource

from foundation import settings
from warehouse.migrations import migrate

#: The concurrency pool of every step that opens the DuckDB file (limit 1 in dagster.yaml).
DUCKDB_POOL = "duckdb_writer"


class ArchiveConfig(ConfigurableResource):
    """The site to crawl and the data directory that holds WARC files, indexes and the database."""

    data_dir: str
    site_url: str = settings.LIVE_SITE_URL
    listings: bool = True  # also read the first page of category listings
    max_articles: int = 0  # 0: no limit
    workers: int = 2  # extraction processes
    freshness_hours: int = 0  # the newest article's age limit; 0: not checked (the replica)
    # Parquet datasets under <data dir>/exports, comma-separated; empty: $BAOARCHIVE_EXPORT_TOPICS
    export_topics: str = ""

    @property
    def paths(self) -> settings.ArchivePaths:
        return settings.ArchivePaths(Path(self.data_dir)).ensure()

    @property
    def topics_to_export(self) -> list[str]:
        return settings.export_topics(self.export_topics or None)


class Warehouse(ConfigurableResource):
    """The DuckDB database of the data directory. Connections come from dagster-duckdb's
    resource, which retries while another process holds the file's lock."""

    data_dir: str
    memory_limit: str = ""  # empty: $BAOARCHIVE_DUCKDB_MEMORY, else 256MB

    @property
    def database(self) -> Path:
        return settings.ArchivePaths(Path(self.data_dir)).database

    @contextmanager
    def connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        limit = settings.duckdb_memory_limit(self.memory_limit or None)
        resource = DuckDBResource(
            database=str(self.database), connection_config={"memory_limit": limit}
        )
        with resource.get_connection() as con:
            yield con

    @contextmanager
    def writer(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """The single writer connection, schema brought up to date."""
        with self.connection() as con:
            migrate(con)
            yield con


def default_resources(data_dir: Path, site_url: str, **archive: object) -> dict[str, object]:
    """The resources of a run started from Python (``baoarchive run``, ``reprocess``, tests)."""
    return {
        "archive": ArchiveConfig(data_dir=str(data_dir), site_url=site_url, **archive),
        "warehouse": Warehouse(data_dir=str(data_dir)),
        "pipes_subprocess_client": PipesSubprocessClient(),
    }
