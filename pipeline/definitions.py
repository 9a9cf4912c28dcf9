"""The Dagster code location: ``dagster dev`` in the repo root (``[tool.dagster]`` in
pyproject.toml names this module), or ``baoarchive ui``.

Assets and checks are loaded from their modules. Settings are resources whose values come from
the environment when a run starts: ``BAOARCHIVE_DATA_DIR`` (``EnvVar``), and where each paper
is crawled, ``BAOARCHIVE_SITES`` (``ID=URL,...``) or ``BAOARCHIVE_SITE_URL`` (the default
paper), read by ``foundation.site_choice`` (``baoarchive ui`` sets them); the live sites
otherwise.
"""

from __future__ import annotations

from dagster import (
    AssetSelection,
    Definitions,
    EnvVar,
    PipesSubprocessClient,
    define_asset_job,
    in_process_executor,
    load_asset_checks_from_modules,
    load_assets_from_modules,
)

from pipeline import assets, checks
from pipeline.resources import ArchiveConfig, Warehouse
from pipeline.schedules import JOBS, SCHEDULES

ASSETS = load_assets_from_modules([assets])
ASSET_CHECKS = load_asset_checks_from_modules([checks])

#: A run of the archive: everything but the weekly maintenance.
ARCHIVE_SELECTION = AssetSelection.all() - AssetSelection.groups("maintenance")

archive_job = define_asset_job(
    "archive_job", selection=ARCHIVE_SELECTION, description="crawl, extract, load"
)

defs = Definitions(
    assets=ASSETS,
    asset_checks=ASSET_CHECKS,
    jobs=[archive_job, *JOBS],
    schedules=SCHEDULES,
    resources={
        "archive": ArchiveConfig(data_dir=EnvVar("BAOARCHIVE_DATA_DIR")),
        "warehouse": Warehouse(data_dir=EnvVar("BAOARCHIVE_DATA_DIR")),
        "pipes_subprocess_client": PipesSubprocessClient(),
    },
    # One process writes DuckDB: the steps of a run execute in that one process, in order.
    executor=in_process_executor,
)
