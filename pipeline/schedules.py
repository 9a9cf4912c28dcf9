"""Jobs and schedules, per enabled site: its latest articles every half hour, its current and
previous month every night (a month's sitemap keeps changing while articles are revised)."""

from __future__ import annotations

from datetime import datetime

from dagster import (
    AssetSelection,
    RunRequest,
    ScheduleDefinition,
    ScheduleEvaluationContext,
    define_asset_job,
    schedule,
)

from foundation.sites import enabled_sites
from pipeline.partitions import MONTHS, SITE_MONTHS, SITE_TAG, site_month

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
    partitions_def=SITE_MONTHS,
    description="a site's month, its sitemap (a backfill: any sites and months), loaded to the end",
    tags={"baoarchive/path": "monthly"},
)


def site_schedules(site_ids: list[str]) -> list[ScheduleDefinition]:
    """Two schedules a site: its latest articles every half hour and its current and previous
    month every night at 02:15. Each site starts a few minutes after the one before, so the
    runs of several papers do not all queue for the lake's writer at once."""
    schedules = []
    for index, site in enumerate(site_ids):
        schedules += [
            _latest_schedule(site, 5 * index % 30),
            _nightly_schedule(site, 2 * 60 + 15 + 10 * index),
        ]
    return schedules


def _latest_schedule(site: str, minute: int) -> ScheduleDefinition:
    cron = f"{minute},{minute + 30} * * * *"

    @schedule(name=f"{site}_latest_every_half_hour", job=latest_job, cron_schedule=cron,
              execution_timezone=TIMEZONE)  # fmt: skip
    def latest(context: ScheduleEvaluationContext) -> RunRequest:
        stamp = context.scheduled_execution_time.isoformat()
        return RunRequest(run_key=f"latest-{site}-{stamp}",
                          tags={"baoarchive/scheduled": stamp, SITE_TAG: site})  # fmt: skip

    return latest


def _nightly_schedule(site: str, minute_of_day: int) -> ScheduleDefinition:
    hour, minute = divmod(minute_of_day, 60)

    @schedule(name=f"{site}_current_and_previous_month_daily", job=monthly_job,
              cron_schedule=f"{minute} {hour} * * *", execution_timezone=TIMEZONE)  # fmt: skip
    def nightly(context: ScheduleEvaluationContext) -> list[RunRequest]:
        """Every night: the site's current month and the one before it."""
        now: datetime = context.scheduled_execution_time
        current = now.replace(day=1).strftime("%Y-%m-%d")
        keys = MONTHS.get_partition_keys(current_time=now)
        months = [key for key in keys if key <= current][-2:]
        return [
            RunRequest(run_key=f"month-{site}-{key}-{now:%Y%m%d}",
                       partition_key=str(site_month(site, key)),
                       tags={"baoarchive/scheduled": now.isoformat(), SITE_TAG: site})
            for key in months
        ]  # fmt: skip

    return nightly


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
SCHEDULES = [*site_schedules([site.id for site in enabled_sites()]), lake_maintenance_weekly]
