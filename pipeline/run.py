"""Materialize the whole asset graph in this process (the CLI's ``demo`` and ``run``)."""

from __future__ import annotations

import fcntl
import os
import shutil
import socket
from pathlib import Path

from dagster import (
    DagsterInstance,
    DagsterRunStatus,
    ExecuteInProcessResult,
    RunsFilter,
    materialize,
)

from foundation.settings import ArchivePaths
from foundation.site_choice import Target, format_targets
from foundation.sites import DEFAULT_SITE
from pipeline.definitions import ARCHIVE_SELECTION, ASSET_CHECKS, ASSETS
from pipeline.partitions import whole_range
from pipeline.resources import default_resources

REPO_DAGSTER_YAML = Path(__file__).resolve().parents[1] / "dagster.yaml"


def instance_for(paths: ArchivePaths) -> DagsterInstance:
    """A persistent Dagster instance under the data directory, configured by the repo's file.

    Two runs starting together on a new data directory would both create the instance's SQLite
    storage and its schema version table; a file lock makes the first one do it alone."""
    home = paths.dagster_home
    home.mkdir(parents=True, exist_ok=True)
    with (home / ".instance.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if REPO_DAGSTER_YAML.exists():
            shutil.copyfile(REPO_DAGSTER_YAML, home / "dagster.yaml")
        instance = DagsterInstance.from_config(str(home))
        instance.get_runs_count()  # run storage created and migrated under the lock
        instance.event_log_storage.get_concurrency_keys()  # event log storage too
        instance.all_instigator_state()  # and schedule storage
        release_dead_runs(instance)
    return instance


#: Tags naming the process that runs a materialization of ours, to tell later if it died.
HOST_TAG, PID_TAG = "baoarchive/host", "baoarchive/pid"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def release_dead_runs(instance: DagsterInstance) -> list[str]:
    """A run killed without a word (kill -9, a power cut) stays STARTED and keeps its slot in
    the ``duckdb_writer`` pool for ever: the next run would wait on it without end. Our runs on
    this machine whose process is gone are marked failed and their slots freed."""
    released = []
    alive = RunsFilter(
        statuses=[DagsterRunStatus.STARTED, DagsterRunStatus.STARTING],
        tags={HOST_TAG: socket.gethostname()},
    )
    for run in instance.get_runs(alive):
        if _alive(int(run.tags.get(PID_TAG, "0") or 0)):
            continue
        instance.report_run_failed(run, "its process is gone: killed or crashed")
        instance.event_log_storage.free_concurrency_slots_for_run(run.run_id)
        released.append(run.run_id)
    return released


def materialize_archive(
    data_dir: Path,
    targets: str | list[Target],
    instance: DagsterInstance | None = None,
    **archive: object,
) -> ExecuteInProcessResult:
    """Crawl ``targets`` ((site, URL) pairs, or the default site's URL alone) in one Scrapy
    process (every month, and the latest articles) and load everything into ``data_dir``, in
    one run; raises if a step fails."""
    if isinstance(targets, str):
        targets = [(DEFAULT_SITE, targets.rstrip("/"))]
    paths = ArchivePaths(data_dir).ensure()
    instance = instance or instance_for(paths)
    keys = whole_range([site for site, _ in targets])
    return materialize(
        [*ASSETS, *ASSET_CHECKS],
        selection=ARCHIVE_SELECTION,
        resources=default_resources(data_dir, targets, **archive),
        instance=instance,
        tags={
            "baoarchive/sites": format_targets(targets),
            HOST_TAG: socket.gethostname(),
            PID_TAG: str(os.getpid()),
            # one run over the whole site x month range (raw_pages has a single-run backfill
            # policy); sites in the range that the run does not name are not crawled
            "dagster/asset_partition_range_start": keys.start,
            "dagster/asset_partition_range_end": keys.end,
        },
        run_config={"loggers": {"console": {"config": {"log_level": "INFO"}}}},
    )
