"""Shared fixtures: the replica site on a free port, one archive built from it that every test
that only reads an archive shares, and the path of ../shared."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
REPLICA_ARTICLES = 60
REPLICA_SEED = 7


#: Set by the process that made it: the run's one extension directory (see pytest_configure).
_MADE_EXTENSIONS_DIR: list[str] = []


def pytest_configure(config) -> None:
    """One DuckDB extension directory for the whole run, its extensions installed before any
    test (and before pytest-xdist starts its workers, which inherit the variable): each of the
    suite's many data directories would otherwise install its own 70 MB.

    The archive's first month is the replica's: Dagster writes two events for each month of a
    run's partition range, and the 60 months before the replica's first article would cost every
    pipeline run of the suite about 3 s for months without an article."""
    from replica.site_index import FIRST_DAY

    os.environ.setdefault("BAOARCHIVE_FIRST_MONTH", FIRST_DAY.strftime("%Y-%m"))
    if os.environ.get("BAOARCHIVE_EXTENSIONS_DIR"):
        return
    from warehouse.lake import EXTENSIONS, with_extensions

    made = tempfile.mkdtemp(prefix="baoarchive-extensions-")
    with_extensions(Path(made), list(EXTENSIONS)).close()
    os.environ["BAOARCHIVE_EXTENSIONS_DIR"] = made
    _MADE_EXTENSIONS_DIR.append(made)


def pytest_unconfigure(config) -> None:
    for made in _MADE_EXTENSIONS_DIR:
        os.environ.pop("BAOARCHIVE_EXTENSIONS_DIR", None)
        shutil.rmtree(made, ignore_errors=True)


#: The files that take longest (30-50 s each in ``make test`` on 2 cores, 2026-12-01; the
#: pipeline bench about twice its 30 s since it runs the baseline's side too), longest first.
#: A file not named here follows them: those that run the pipeline, then the fast ones.
LONGEST_FILES = (
    "test_bench_pipeline.py", "test_crash.py", "test_revisions.py", "test_cli.py", "test_lake.py",
    "test_concurrency.py", "test_faults.py", "test_reprocess.py", "test_crawl.py",
    "test_research_access.py", "test_synthetic_warehouse.py", "test_two_sites.py",
    "test_topics_per_site.py", "test_v3_theme.py", "test_schedules.py", "test_site_baogialai.py",
    "test_crawl_sites.py",
)  # fmt: skip


def pytest_collection_modifyitems(config, items) -> None:
    """The longest files first, the quick ones last: pytest-xdist hands out files in this order
    (``make test`` turns off its own, most tests first), so quick files left to the end fill the
    gaps instead of one long file keeping a worker busy while the other waits."""
    slow_files = {item.path for item in items if item.get_closest_marker("fast") is None}

    def order(item) -> tuple[int, bool]:
        name = item.path.name
        rank = LONGEST_FILES.index(name) if name in LONGEST_FILES else len(LONGEST_FILES)
        return rank, item.path not in slow_files

    items.sort(key=order)  # stable: a file's tests stay in order


@pytest.fixture(scope="session")
def replica():
    """A running replica of baolaocai.vn (real HTTP on 127.0.0.1) with its ground truth."""
    from replica.server import ReplicaServer

    with ReplicaServer(articles=REPLICA_ARTICLES, seed=REPLICA_SEED) as server:
        yield server


@pytest.fixture(scope="session")
def truth(replica) -> list:
    """The replica's articles as generated: the ground truth the archive is compared with."""
    return list(replica.site.articles())


@pytest.fixture(scope="session")
def archive_run(replica, tmp_path_factory):
    """One real Dagster materialization of the whole graph over the session's replica, as
    ``baoarchive run`` does it: (data directory, result). Read it only; a test that changes an
    archive takes ``archive_copy``."""
    from dagster import DagsterInstance

    from pipeline.run import materialize_archive

    data_dir = tmp_path_factory.mktemp("archive")
    with DagsterInstance.ephemeral() as instance:
        result = materialize_archive(data_dir, replica.url, instance=instance)
    assert result.success
    return data_dir, result


@pytest.fixture()
def archive_copy(archive_run, tmp_path) -> Path:
    """A data directory of the test's own, holding what the session's archive holds."""
    copy = tmp_path / "archive"
    shutil.copytree(archive_run[0], copy, ignore=shutil.ignore_patterns("dagster"))
    return copy


@pytest.fixture(scope="module")
def data_dir(archive_run) -> Path:
    """The session archive's data directory, for tests that only read it."""
    return archive_run[0]


@pytest.fixture()
def archive(data_dir):
    """The session archive opened as researchers open it (``warehouse.Archive``)."""
    from warehouse import Archive

    with Archive(data_dir) as opened:
        yield opened


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED
