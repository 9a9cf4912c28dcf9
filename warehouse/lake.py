"""The warehouse is a DuckLake: a SQL catalog (a SQLite file by default, PostgreSQL for several
machines) and the Parquet files it lists. Many readers while one process writes; every commit
is a snapshot a reader can open again (``as_of``).

DuckDB would download its extensions at run time; here they come from their PyPI packages
(``duckdb-extension-ducklake``, ``-sqlite``, ``-postgres-scanner``, pinned to DuckDB's version),
installed from the package's file into an extension directory of ours (the data directory's,
or ``BAOARCHIVE_EXTENSIONS_DIR``), then loaded.
"""

from __future__ import annotations

import importlib
import os
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import duckdb

from foundation import settings
from foundation.errors import ArchiveError, NoArchive

#: The name the lake is attached under; ``USE`` makes its tables answer to their plain names.
ATTACHED = "archive"
#: Where a reader looks up a plain name: the lake's tables and views, but functions and
#: DuckDB's own objects first. Each statement that looks a name up in the lake loads its
#: catalog (about 9 ms on a SQLite catalog); a search's result rows, a table function or a
#: literal then cost nothing of it (a search: 17 ms -> 4 ms).
READER_SEARCH_PATH = f"memory.main,system.main,{ATTACHED}.main"
#: Instants are stored as TIMESTAMPTZ; sessions show them in the paper's own zone.
SITE_TIME_ZONE = "Asia/Ho_Chi_Minh"
#: extension name -> (PyPI package module, file in it). The sqlite extension's file is
#: ``sqlite.duckdb_extension``; DuckDB knows it as ``sqlite_scanner``.
EXTENSIONS = {
    "ducklake": ("duckdb_extension_ducklake", "ducklake.duckdb_extension"),
    "sqlite_scanner": ("duckdb_extension_sqlite", "sqlite.duckdb_extension"),
    "postgres_scanner": ("duckdb_extension_postgres_scanner", "postgres_scanner.duckdb_extension"),
}
#: The catalog kinds and the extension that reads each.
SCANNER = {"sqlite": "sqlite_scanner", "postgres": "postgres_scanner", "duckdb": None}


def extension_file(name: str) -> Path:
    """The extension's file in its PyPI package, for this very DuckDB version."""
    module, filename = EXTENSIONS[name]
    package = importlib.import_module(module)
    path = Path(package.__file__).parent / "extensions" / f"v{duckdb.__version__}" / filename
    if not path.is_file():
        raise ArchiveError(
            f"{module} has no {filename} for DuckDB {duckdb.__version__}: install the same"
            " version of both"
        )
    return path


#: Extension files this process has loaded with DuckDB's signature check: (directory, name) ->
#: (path, size, mtime). DuckDB hashes the whole file (35 MB each) on every LOAD, 0.12 s an
#: extension on every new instance; a file checked once and unchanged since is trusted.
_VERIFIED: dict[tuple[Path, str], tuple[str, int, int]] = {}


def _file_key(path: str) -> tuple[int, int] | None:
    try:
        found = os.stat(path)
    except FileNotFoundError:
        return None
    return found.st_size, found.st_mtime_ns


def _verified_before(directory: Path, names: list[str]) -> bool:
    for name in names:
        known = _VERIFIED.get((directory, name))
        if known is None or _file_key(known[0]) != known[1:]:
            return False
    return True


def with_extensions(
    directory: Path, names: list[str], config: dict[str, str] | None = None
) -> duckdb.DuckDBPyConnection:
    """A new in-memory DuckDB instance with ``names`` loaded: each INSTALLed once from its
    package's file into ``directory``, then LOADed; nothing is ever downloaded. The signature
    check runs on a process's first load of a file, not again while the file is unchanged."""
    trusted = _verified_before(directory, names)
    con = duckdb.connect(config={**(config or {}), "allow_unsigned_extensions": trusted})
    try:
        directory.mkdir(parents=True, exist_ok=True)
        con.execute(f"SET extension_directory = '{_quoted(str(directory))}'")
        con.execute("SET autoinstall_known_extensions = false")
        installed = {
            name
            for (name,) in con.execute(
                "SELECT extension_name FROM duckdb_extensions() WHERE installed"
            ).fetchall()
        }
        for name in names:
            if name not in installed:
                con.execute(f"INSTALL '{extension_file(name)}'")
            con.execute(f"LOAD {name}")
        if not trusted:
            query = "SELECT extension_name, install_path FROM duckdb_extensions()"
            paths = dict(con.execute(query).fetchall())
            for name in names:
                if (key := _file_key(paths[name])) is not None:
                    _VERIFIED[directory, name] = (paths[name], *key)
    except BaseException:
        con.close()
        raise
    return con


@dataclass(frozen=True)
class Lake:
    """Where one archive's lake is: its catalog, its data files and our extension directory."""

    catalog: str  # a DuckLake URL without "ducklake:": "sqlite:/…/catalog.sqlite", "postgres:…"
    data_path: str
    extensions: Path

    @classmethod
    def of(cls, data_dir: str | Path) -> Lake:
        """The lake of a data directory, with the catalog and data path the settings name."""
        paths = settings.ArchivePaths(Path(data_dir))
        return cls(
            settings.catalog(paths), settings.lake_data(paths), settings.extensions_dir(paths)
        )

    @property
    def kind(self) -> str:
        kind = self.catalog.split(":", 1)[0]
        if kind not in SCANNER:
            raise ArchiveError(f"catalog {self.catalog!r}: not one of {', '.join(SCANNER)}")
        return kind

    def exists(self) -> bool:
        """Has a lake been made here? (A file catalog must exist; a server's is asked.)"""
        if self.kind in ("sqlite", "duckdb"):
            return Path(self.catalog.split(":", 1)[1]).is_file()
        try:
            self.connect(read_only=True).close()
        except duckdb.Error:
            return False
        return True

    def attach_sql(self, read_only: bool = False, snapshot: int | None = None) -> str:
        """The ATTACH statement of this lake (also written into the DuckDB CLI's init file)."""
        options = [f"DATA_PATH '{_quoted(self.data_path.rstrip('/') + '/')}'"]
        options.append("OVERRIDE_DATA_PATH true")  # a data directory may move or be copied
        if read_only:
            options.append("READ_ONLY")
        if snapshot is not None:
            options.append(f"SNAPSHOT_VERSION {int(snapshot)}")
        return f"ATTACH 'ducklake:{_quoted(self.catalog)}' AS {ATTACHED} ({', '.join(options)})"

    def writer(
        self,
        memory_limit: str | None = None,
        on_open: Callable[[duckdb.DuckDBPyConnection], object] | None = None,
    ) -> duckdb.DuckDBPyConnection:
        """A writing connection: a cursor on this process's one DuckDB instance with the lake
        attached, made on first use (``on_open`` then runs on it: the migrations). Loading the
        extensions and attaching cost 0.3 s, and a pipeline run opens a connection per step;
        the instance is made again when the catalog file was replaced (a rebuild swapped in)."""
        key = (self.catalog, self.data_path, memory_limit, self._catalog_identity())
        instance = _WRITERS.get(key)
        if instance is None:
            for stale in [k for k in _WRITERS if k[:2] == key[:2]]:
                _WRITERS.pop(stale).close()
            instance = self.connect(memory_limit=memory_limit)
            try:
                if on_open is not None:
                    with closing(cursor(instance, ATTACHED)) as first:
                        on_open(first)
            except BaseException:
                instance.close()
                raise
            _WRITERS[key] = instance
        # never a statement on the instance itself: its catalog read would hold SQLite's lock
        return cursor(instance, ATTACHED)

    def _catalog_identity(self) -> tuple[int, int] | None:
        if self.kind not in ("sqlite", "duckdb"):
            return None
        try:
            found = Path(self.catalog.split(":", 1)[1]).stat()
        except FileNotFoundError:
            return None
        return found.st_dev, found.st_ino

    def connect(
        self,
        read_only: bool = False,
        snapshot: int | None = None,
        memory_limit: str | None = None,
    ) -> duckdb.DuckDBPyConnection:
        """A connection of its own with the lake attached and in use; read-only (and at
        ``snapshot``, when given) for readers. A writer's catalog and data directory are made
        if missing."""
        if not read_only and self.kind == "sqlite":
            _sqlite_in_wal_mode(Path(self.catalog.split(":", 1)[1]))
        if not read_only and "://" not in self.data_path:
            Path(self.data_path).mkdir(parents=True, exist_ok=True)
        config = {"memory_limit": memory_limit} if memory_limit else {}
        scanner = SCANNER[self.kind]
        con = with_extensions(
            self.extensions, ["ducklake", *([scanner] if scanner else [])], config
        )
        try:
            con.execute(self.attach_sql(read_only, snapshot))
            con.execute(f"USE {ATTACHED}")
            if read_only:
                con.execute(f"SET search_path = '{READER_SEARCH_PATH}'")
            con.execute(f"SET TimeZone = '{SITE_TIME_ZONE}'")
        except BaseException:
            con.close()
            raise
        return con

    def init_sql(self) -> str:
        """Statements that open this lake read-only in the DuckDB CLI (``duckdb -init FILE``)
        or in DBeaver's DuckDB driver (its init SQL), with the extensions of this machine."""
        scanner = SCANNER[self.kind]
        loads = "".join(f"LOAD {name};\n" for name in ["ducklake", scanner] if name)
        return (
            f"-- The baoarchive lake, read-only: duckdb -init {{this file}} (DuckDB"
            f" {duckdb.__version__})\n"
            f"SET extension_directory = '{_quoted(str(self.extensions))}';\n"
            f"SET autoinstall_known_extensions = false;\n{loads}"
            f"{self.attach_sql(read_only=True)};\nUSE {ATTACHED};\n"
            f"SET search_path = '{READER_SEARCH_PATH}';\n"
            f"SET TimeZone = '{SITE_TIME_ZONE}';\n"
        )

    def reader(self, snapshot: int | None = None) -> duckdb.DuckDBPyConnection:
        if not self.exists():
            raise NoArchive(self.catalog)
        return self.connect(read_only=True, snapshot=snapshot)


#: This process's writing DuckDB instances, by lake (see ``Lake.writer``).
_WRITERS: dict[tuple, duckdb.DuckDBPyConnection] = {}


def close_writers() -> None:
    """Close this process's writing instances (a process about to end without its teardown)."""
    while _WRITERS:
        _WRITERS.popitem()[1].close()


def cursor(con: duckdb.DuckDBPyConnection, catalog: str | None = None) -> duckdb.DuckDBPyConnection:
    """Another cursor on ``con``'s database, reading ``catalog`` (default: where ``con`` looks
    names up); a new cursor starts in the in-memory catalog."""
    other = con.cursor()
    if catalog:
        other.execute(f"USE {catalog}")
    else:
        path = con.execute("SELECT current_setting('search_path')").fetchone()[0]
        other.execute(f"SET search_path = '{path}'")
    other.execute(f"SET TimeZone = '{SITE_TIME_ZONE}'")
    return other


def current_snapshot(con: duckdb.DuckDBPyConnection) -> int:
    """The snapshot a connection reads (the one it was attached at, or the newest)."""
    return con.execute(f"SELECT id FROM {ATTACHED}.current_snapshot()").fetchone()[0]


def _sqlite_in_wal_mode(path: Path) -> None:
    """A SQLite catalog in write-ahead-log mode: readers then never block the writer's commit,
    nor it them (the mode stays with the file). Made so before DuckLake first opens it."""
    if path.is_file():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(path)) as catalog:
        catalog.execute("PRAGMA journal_mode = WAL")


def _quoted(text: str) -> str:
    return text.replace("'", "''")
