"""Monthly partitions and schedules: a real DagsterInstance in a temporary directory, a real
crawl of the replica per partition, and each schedule evaluated with a built context."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from dagster import AssetSelection, DagsterInstance, build_schedule_context, materialize

from pipeline.definitions import ASSET_CHECKS, ASSETS, defs
from pipeline.partitions import months_of
from pipeline.resources import default_resources
from pipeline.schedules import current_and_previous_month_daily, latest_every_half_hour
from warehouse import connect_reader

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def test_two_monthly_partitions_fill_exactly_those_months(replica, truth, tmp_path):
    by_month: dict[str, set[int]] = {}
    for article in truth:
        by_month.setdefault(article.published_at.strftime("%Y-%m"), set()).add(article.post_id)
    chosen = sorted(by_month, key=lambda m: -len(by_month[m]))[:2]
    (tmp_path / "dagster").mkdir()
    with DagsterInstance.local_temp(tempdir=str(tmp_path / "dagster")) as instance:
        for month in chosen:
            result = materialize(
                [*ASSETS, *ASSET_CHECKS],
                selection=AssetSelection.keys("raw_pages").downstream(),
                partition_key=f"{month}-01",
                resources=default_resources(tmp_path, replica.url),
                instance=instance,
            )
            assert result.success
        materialized = instance.get_materialized_partitions(result.asset_materializations_for_node(
            "raw_pages")[0].asset_key)  # fmt: skip
    assert materialized == {f"{month}-01" for month in chosen}
    with connect_reader(tmp_path) as con:
        ids = {row[0] for row in con.execute("SELECT post_id FROM articles").fetchall()}
    assert ids == by_month[chosen[0]] | by_month[chosen[1]]


@pytest.mark.fast
def test_nightly_schedule_asks_for_the_current_and_previous_month():
    context = build_schedule_context(
        scheduled_execution_time=datetime(2026, 3, 5, 2, 15, tzinfo=VN)
    )
    requests = current_and_previous_month_daily(context)
    assert [r.partition_key for r in requests] == ["2026-02-01", "2026-03-01"]
    january = build_schedule_context(
        scheduled_execution_time=datetime(2026, 1, 1, 2, 15, tzinfo=VN)
    )
    assert [r.partition_key for r in current_and_previous_month_daily(january)] == [
        "2025-12-01", "2026-01-01"]  # fmt: skip


@pytest.mark.fast
def test_latest_schedule_runs_every_half_hour():
    assert latest_every_half_hour.cron_schedule == "*/30 * * * *"
    context = build_schedule_context(
        scheduled_execution_time=datetime(2026, 3, 5, 9, 30, tzinfo=VN)
    )
    request = latest_every_half_hour(context)
    assert request.run_key == "latest-2026-03-05T09:30:00+07:00"


@pytest.mark.fast
def test_definitions_list_jobs_and_schedules():
    assert {s.name for s in defs.schedules} == {
        "latest_every_half_hour", "current_and_previous_month_daily", "lake_maintenance_weekly",
    }  # fmt: skip
    jobs = {"archive_job", "latest_job", "monthly_job", "maintenance_job"}
    assert jobs <= {j.name for j in defs.jobs}


@pytest.mark.fast
def test_months_of_a_range():
    from dagster import PartitionKeyRange

    assert months_of(PartitionKeyRange("2025-11-01", "2026-02-01")) == [
        "2025-11", "2025-12", "2026-01", "2026-02"]  # fmt: skip
