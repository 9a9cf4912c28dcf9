"""The Dagster code location: ``dagster dev -m pipeline.definitions``.

Settings come from the environment (BAOARCHIVE_DATA_DIR, BAOARCHIVE_SITE_URL), as for every
command of the project.
"""

from __future__ import annotations

from dagster import Definitions, define_asset_job, in_process_executor

from foundation import settings
from pipeline.assets import (
    article_localities,
    article_tags,
    article_topics,
    articles,
    crawl_log,
    latest_pages,
    localities,
    raw_pages,
    search_index,
    topic_exports,
    topics,
    warc_records,
)
from pipeline.checks import ARTICLE_CHECKS
from pipeline.resources import default_resources
from pipeline.schedules import JOBS, SCHEDULES

ASSETS = [
    raw_pages, latest_pages, crawl_log, warc_records, articles, topics, article_topics,
    article_tags, localities, article_localities, search_index, topic_exports,
]  # fmt: skip

archive_job = define_asset_job("archive_job", selection="*", description="crawl, extract, load")

defs = Definitions(
    assets=ASSETS,
    asset_checks=ARTICLE_CHECKS,
    jobs=[archive_job, *JOBS],
    schedules=SCHEDULES,
    resources=default_resources(settings.data_dir(), settings.site_url()),
    # One process writes DuckDB: the steps of a run execute in that one process, in order.
    executor=in_process_executor,
)
