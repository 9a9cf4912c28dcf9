"""Jobs and schedules: the latest articles every half hour, the current and previous month
every night (a month's sitemap keeps changing while articles are revised)."""

from __future__ import annotations

from datetime import datetime

from dagster import (
    AssetSelection,
    RunRequest,
    ScheduleEvaluationContext,
    define_asset_job,
    schedule,
)

from pipeline.partitions import MONTHS

TIMEZONE = "Asia/Ho_Chi_Minh"

latest_job = define_asset_job(
    "latest_job",
    selection=AssetSelection.keys("latest_pages").downstream(),
    description="RSS and listings: the newest articles, loaded to the end",
    tags={"baoarchive/path": "latest"},
)

monthly_job = define_asset_job(
    "monthly_job",
    selection=AssetSelection.keys("raw_pages").downstream(),
    partitions_def=MONTHS,
    description="one month's sitemap (a backfill: any range), loaded to the end",
    tags={"baoarchive/path": "monthly"},
)


@schedule(job=latest_job, cron_schedule="*/30 * * * *", execution_timezone=TIMEZONE)
def latest_every_half_hour(context: ScheduleEvaluationContext) -> RunRequest:
    stamp = context.scheduled_execution_time.isoformat()
    return RunRequest(run_key=f"latest-{stamp}", tags={"baoarchive/scheduled": stamp})


@schedule(job=monthly_job, cron_schedule="15 2 * * *", execution_timezone=TIMEZONE)
def current_and_previous_month_daily(context: ScheduleEvaluationContext) -> list[RunRequest]:
    """At 02:15 every night: the current month and the one before it."""
    now: datetime = context.scheduled_execution_time
    current = now.replace(day=1).strftime("%Y-%m-%d")
    keys = MONTHS.get_partition_keys(current_time=now)
    months = [key for key in keys if key <= current][-2:]
    return [
        RunRequest(run_key=f"month-{key}-{now:%Y%m%d}", partition_key=key,
                   tags={"baoarchive/scheduled": now.isoformat()})
        for key in months
    ]  # fmt: skip


maintenance_job = define_asset_job(
    "maintenance_job",
    selection=AssetSelection.groups("maintenance"),
    description="merge small files, expire old snapshots, delete unreferenced files",
)


@schedule(job=maintenance_job, cron_schedule="45 3 * * 0", execution_timezone=TIMEZONE)
def lake_maintenance_weekly(context: ScheduleEvaluationContext) -> RunRequest:
    """At 03:45 every Sunday, after the nightly run."""
    stamp = context.scheduled_execution_time.isoformat()
    return RunRequest(run_key=f"maintenance-{stamp}", tags={"baoarchive/scheduled": stamp})


JOBS = [latest_job, monthly_job, maintenance_job]
SCHEDULES = [latest_every_half_hour, current_and_previous_month_daily, lake_maintenance_weekly]
