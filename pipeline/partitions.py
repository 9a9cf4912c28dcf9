"""Partitions: site x month. A month is the month of publication in Asia/Ho_Chi_Minh, aligned
with the sites' monthly news sitemaps (``news-YYYY-M.xml``); a site is a profile of the
registry (``foundation/sites``), so each paper's months are materialized, failed and backfilled
apart.

Partitions are part of the definitions Dagster loads (not of a run's configuration), so their
first month (``BAOARCHIVE_FIRST_MONTH``) and the sites are read when the code location loads."""

from __future__ import annotations

from collections.abc import Sequence

from dagster import (
    MonthlyPartitionsDefinition,
    MultiPartitionKey,
    MultiPartitionsDefinition,
    PartitionKeyRange,
    StaticPartitionsDefinition,
)

from foundation import settings, sites

MONTHS = MonthlyPartitionsDefinition(
    start_date=f"{settings.first_month()}-01",
    timezone="Asia/Ho_Chi_Minh",
    end_offset=1,  # the current month too: its sitemap grows every day
)
#: The tag of a run of one site (its schedules' runs): the site id.
SITE_TAG = "baoarchive/site"
SITES = StaticPartitionsDefinition(sorted(sites.all_sites()))
SITE_MONTHS = MultiPartitionsDefinition({"site": SITES, "month": MONTHS})


def site_month(site: str, month_key: str) -> MultiPartitionKey:
    return MultiPartitionKey({"site": site, "month": month_key})


def sites_and_months(keys: Sequence[str]) -> tuple[list[str], list[str]]:
    """The sites and the 'YYYY-MM' months of a run's site x month partition keys."""
    split = [SITE_MONTHS.get_partition_key_from_str(str(key)) for key in keys]
    site_ids = sorted({key.keys_by_dimension["site"] for key in split})
    months = sorted({key.keys_by_dimension["month"][:7] for key in split})
    return site_ids, months


def whole_range(site_ids: Sequence[str]) -> PartitionKeyRange:
    """Every month of the sites from the first of ``site_ids`` to the last (a range of
    multi-partitions is a rectangle: the sites between them are in it too)."""
    months = MONTHS.get_partition_keys()
    first, last = min(site_ids), max(site_ids)
    return PartitionKeyRange(str(site_month(first, months[0])), str(site_month(last, months[-1])))
