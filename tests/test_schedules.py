"""Site x month partitions and each site's schedules: a real DagsterInstance in a temporary
directory, a real crawl of the replica per partition, and each schedule evaluated with a built
context."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from dagster import AssetSelection, DagsterInstance, build_schedule_context, materialize

from pipeline.definitions import ASSET_CHECKS, ASSETS, defs
from pipeline.partitions import SITE_TAG, site_month
from pipeline.resources import default_resources
from pipeline.schedules import site_schedules
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
                partition_key=str(site_month("baolaocai", f"{month}-01")),
                resources=default_resources(tmp_path, replica.url),
                instance=instance,
            )
            assert result.success
        materialized = instance.get_materialized_partitions(result.asset_materializations_for_node(
            "raw_pages")[0].asset_key)  # fmt: skip
    assert materialized == {str(site_month("baolaocai", f"{month}-01")) for month in chosen}
    with connect_reader(tmp_path) as con:
        ids = {row[0] for row in con.execute("SELECT post_id FROM articles").fetchall()}
    assert ids == by_month[chosen[0]] | by_month[chosen[1]]


def _schedules(site: str) -> tuple:
    by_name = {s.name: s for s in site_schedules(["baolaocai", "tienphong"])}
    return by_name[f"{site}_latest_every_half_hour"], by_name[
        f"{site}_current_and_previous_month_daily"]  # fmt: skip


@pytest.mark.fast
def test_nightly_schedule_asks_for_the_sites_current_and_previous_month():
    _, nightly = _schedules("tienphong")
    assert nightly.cron_schedule == "25 2 * * *"  # ten minutes after the first site's
    context = build_schedule_context(
        scheduled_execution_time=datetime(2026, 3, 5, 2, 25, tzinfo=VN)
    )
    requests = nightly(context)
    assert [r.partition_key for r in requests] == [
        "2026-02-01|tienphong", "2026-03-01|tienphong"]  # fmt: skip
    assert {r.tags[SITE_TAG] for r in requests} == {"tienphong"}
    january = build_schedule_context(
        scheduled_execution_time=datetime(2026, 1, 1, 2, 15, tzinfo=VN)
    )
    assert [r.partition_key for r in _schedules("baolaocai")[1](january)] == [
        "2025-12-01|baolaocai", "2026-01-01|baolaocai"]  # fmt: skip


@pytest.mark.fast
def test_latest_schedule_runs_every_half_hour_for_its_site():
    latest, _ = _schedules("baolaocai")
    assert latest.cron_schedule == "0,30 * * * *"
    assert _schedules("tienphong")[0].cron_schedule == "5,35 * * * *"
    context = build_schedule_context(
        scheduled_execution_time=datetime(2026, 3, 5, 9, 30, tzinfo=VN)
    )
    request = latest(context)
    assert request.run_key == "latest-baolaocai-2026-03-05T09:30:00+07:00"
    assert request.tags[SITE_TAG] == "baolaocai"


@pytest.mark.fast
def test_definitions_list_jobs_and_a_schedule_pair_per_enabled_site():
    from foundation.sites import enabled_sites

    expected = {"lake_maintenance_weekly"} | {
        f"{s.id}_{kind}" for s in enabled_sites()
        for kind in ("latest_every_half_hour", "current_and_previous_month_daily")
    }  # fmt: skip
    assert {s.name for s in defs.schedules} == expected
    jobs = {"archive_job", "latest_job", "monthly_job", "maintenance_job"}
    assert jobs <= {j.name for j in defs.jobs}


def test_a_sites_latest_run_crawls_that_site_alone(tmp_path):
    """A run tagged with one site (its schedule's run) crawls only that site, though the run
    may reach two."""
    from replica.server import ReplicaServer

    with (
        ReplicaServer(articles=6) as first,
        ReplicaServer(articles=6, site_id="tienphong") as second,
    ):
        targets = [("baolaocai", first.url), ("tienphong", second.url)]
        result = materialize(
            [*ASSETS, *ASSET_CHECKS],
            selection=AssetSelection.keys("latest_pages").downstream(),
            resources=default_resources(tmp_path, targets),
            tags={SITE_TAG: "tienphong"},
        )
        assert result.success
    with connect_reader(tmp_path) as con:
        sites = con.execute("SELECT site, count(*) FROM articles GROUP BY site").fetchall()
    assert sites == [("tienphong", 6)]
