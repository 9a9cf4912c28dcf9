"""Resources: what a run reads (the site) and where it writes (the data directory, DuckDB)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
from dagster import ConfigurableResource
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
    export_topics: list[str] = [settings.EVERYTHING]  # Parquet datasets under <data dir>/exports

    @property
    def paths(self) -> settings.ArchivePaths:
        return settings.ArchivePaths(Path(self.data_dir)).ensure()


@contextmanager
def warehouse_writer(duckdb_resource: DuckDBResource) -> Iterator[duckdb.DuckDBPyConnection]:
    """The single writer connection, schema brought up to date."""
    with duckdb_resource.get_connection() as con:
        migrate(con)
        yield con


def default_resources(data_dir: Path, site_url: str, **archive: object) -> dict[str, object]:
    from dagster import PipesSubprocessClient

    paths = settings.ArchivePaths(data_dir)
    return {
        "archive": ArchiveConfig(
            data_dir=str(data_dir),
            site_url=site_url,
            export_topics=settings.export_topics(),
            **archive,
        ),
        "duckdb": DuckDBResource(
            database=str(paths.database),
            connection_config={"memory_limit": settings.duckdb_memory_limit()},
        ),
        "pipes_subprocess_client": PipesSubprocessClient(),
    }
