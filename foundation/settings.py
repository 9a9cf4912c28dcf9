"""Where the archive lives and which site it reads: one place for every command and asset.

The live site is the default target; ``BAOARCHIVE_SITE_URL`` (or ``--site-url``) points
everything at another server that follows the site's URL scheme, such as the replica. Every
setting is read when it is asked for (at run time), never at import.
"""

from __future__ import annotations

import ipaddress
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from foundation.errors import Refused
from foundation.sites import DEFAULT_SITE, site

LIVE_SITE_URL = site(DEFAULT_SITE).live_url  # the default site's, from its profile
DEFAULT_DATA_DIR = "data"


@dataclass(frozen=True)
class ArchivePaths:
    """The layout of a data directory: captures are the record, the database is derived."""

    root: Path

    @property
    def database(self) -> Path:
        """The single DuckDB file of archives made before the lake (``baoarchive move-to-lake``
        moves one into the lake)."""
        return self.root / "archive.duckdb"

    @property
    def lake_dir(self) -> Path:
        """The embedded DuckLake: a SQLite catalog file and the Parquet files it lists."""
        return self.root / "lake"

    @property
    def catalog_file(self) -> Path:
        return self.lake_dir / "catalog.sqlite"

    @property
    def lake_data(self) -> Path:
        return self.lake_dir / "data"

    @property
    def search_dir(self) -> Path:
        """The tantivy search index and the snapshot it was built from; inside the lake, so a
        rebuilt lake is swapped in with its own index."""
        return self.lake_dir / "search"

    @property
    def extensions_dir(self) -> Path:
        """DuckDB extensions installed from their PyPI packages (never downloaded)."""
        return self.root / "extensions"

    @property
    def init_file(self) -> Path:
        """The ATTACH statements for the DuckDB CLI and DBeaver (``duckdb -init``)."""
        return self.root / "duckdb-init.sql"

    @property
    def warc_dir(self) -> Path:
        return self.root / "warc"

    @property
    def captures_dir(self) -> Path:
        """One JSON-lines capture index per crawl run: what was fetched, and where in which WARC."""
        return self.root / "captures"

    @property
    def sitemap_ledger(self) -> Path:
        """Which monthly sitemaps were read whole, and at which lastmod: a later crawl skips a
        sitemap whose lastmod has not moved. Losing it costs one full read of the sitemaps."""
        return self.root / "state" / "sitemaps.json"

    @property
    def check_memo(self) -> Path:
        """The snapshot each integrity check last passed at: a check of tables unchanged since
        passes without reading them. Losing it costs one run of every check."""
        return self.root / "state" / "checks.json"

    @property
    def dagster_home(self) -> Path:
        return self.root / "dagster"

    @property
    def exports_dir(self) -> Path:
        """The datasets the pipeline exports, one directory per configured topic."""
        return self.root / "exports"

    @property
    def report_dir(self) -> Path:
        """The coverage report the pipeline rebuilds after each run (``index.html``)."""
        return self.root / "report"

    def writable(self) -> ArchivePaths:
        """Made and checked before a run starts, so that an unusable data directory is one clear
        error, not a failure half-way through a crawl."""
        try:
            self.ensure()
            with tempfile.TemporaryFile(dir=self.root):  # a name of its own: runs may overlap
                pass
        except OSError as err:
            raise Refused(
                f"data directory {self.root} is not writable: {err.strerror or err}"
            ) from None
        return self

    def ensure(self) -> ArchivePaths:
        for folder in (self.root, self.warc_dir, self.captures_dir):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def data_dir(value: str | os.PathLike | None = None) -> Path:
    """The data directory: the argument, else $BAOARCHIVE_DATA_DIR, else ./data."""
    chosen = value or os.environ.get("BAOARCHIVE_DATA_DIR") or DEFAULT_DATA_DIR
    return Path(chosen).expanduser().resolve()


def site_url(value: str | None = None) -> str:
    """The site to crawl: the argument, else $BAOARCHIVE_SITE_URL, else the live site."""
    return (value or os.environ.get("BAOARCHIVE_SITE_URL") or LIVE_SITE_URL).rstrip("/")


def is_local(url: str) -> bool:
    """True for a server on this machine (the replica): no politeness delay is owed to it."""
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


#: The name of the export that holds every article.
EVERYTHING = "all"


def export_topics(value: str | None = None) -> list[str]:
    """Topics the pipeline exports (comma-separated): the argument, else
    $BAOARCHIVE_EXPORT_TOPICS, else only the dataset of everything."""
    chosen = value or os.environ.get("BAOARCHIVE_EXPORT_TOPICS") or EVERYTHING
    return [topic.strip() for topic in chosen.split(",") if topic.strip()]


#: DuckDB's own memory limit in the pipeline's writer; it spills to ``<database>.tmp`` beyond.
DEFAULT_DUCKDB_MEMORY = "256MB"


def duckdb_memory_limit(value: str | None = None) -> str:
    """The writer's memory limit: the argument, else $BAOARCHIVE_DUCKDB_MEMORY, else 256MB (the
    pipeline's process stays under 1 GiB with Dagster in it; DuckDB would otherwise take up to
    80% of the machine's memory)."""
    return value or os.environ.get("BAOARCHIVE_DUCKDB_MEMORY") or DEFAULT_DUCKDB_MEMORY


def catalog(paths: ArchivePaths, value: str | None = None) -> str:
    """The DuckLake catalog (a DuckLake URL without its ``ducklake:`` prefix): the argument,
    else $BAOARCHIVE_CATALOG (``postgres:dbname=baoarchive host=...`` for several machines),
    else the SQLite file of the data directory."""
    chosen = value or os.environ.get("BAOARCHIVE_CATALOG") or f"sqlite:{paths.catalog_file}"
    return chosen.removeprefix("ducklake:")


def lake_data(paths: ArchivePaths, value: str | None = None) -> str:
    """Where the lake's Parquet files are: the argument, else $BAOARCHIVE_LAKE_DATA (shared
    storage, when several machines write one catalog), else ``lake/data`` of the data
    directory."""
    return value or os.environ.get("BAOARCHIVE_LAKE_DATA") or str(paths.lake_data)


def extensions_dir(paths: ArchivePaths, value: str | None = None) -> Path:
    """Where DuckDB's extensions are installed from their PyPI packages: the argument, else
    $BAOARCHIVE_EXTENSIONS_DIR (one for every archive of a machine: 70 MB each otherwise), else
    ``extensions`` of the data directory."""
    return Path(value or os.environ.get("BAOARCHIVE_EXTENSIONS_DIR") or paths.extensions_dir)


def retention_days(value: int | None = None) -> int:
    """How many days the lake keeps its snapshots: the argument, else
    $BAOARCHIVE_RETENTION_DAYS, else 30 (snapshots an export cites are always kept)."""
    if value is not None:
        return value
    return int(os.environ.get("BAOARCHIVE_RETENTION_DAYS") or 30)


#: The first month a backfill may ask for, when $BAOARCHIVE_FIRST_MONTH does not say.
DEFAULT_FIRST_MONTH = "2020-01"


def first_month(value: str | None = None) -> str:
    """'YYYY-MM': the argument, else $BAOARCHIVE_FIRST_MONTH, else 2020-01."""
    return value or os.environ.get("BAOARCHIVE_FIRST_MONTH") or DEFAULT_FIRST_MONTH
