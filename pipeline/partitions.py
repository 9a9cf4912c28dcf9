"""Monthly partitions, aligned with the site's monthly news sitemaps (``news-YYYY-M.xml``):
a partition is the month of publication in Asia/Ho_Chi_Minh.

Partitions are part of the definitions Dagster loads (not of a run's configuration), so their
first month (``BAOARCHIVE_FIRST_MONTH``) is read when the code location loads."""

from __future__ import annotations

from datetime import date

from dagster import MonthlyPartitionsDefinition, PartitionKeyRange

from foundation import settings

MONTHS = MonthlyPartitionsDefinition(
    start_date=f"{settings.first_month()}-01",
    timezone="Asia/Ho_Chi_Minh",
    end_offset=1,  # the current month too: its sitemap grows every day
)


def months_of(keys: PartitionKeyRange) -> list[str]:
    """The 'YYYY-MM' months of a partition key range (keys are 'YYYY-MM-01')."""
    first = date.fromisoformat(keys.start)
    last = date.fromisoformat(keys.end)
    months = []
    while first <= last:
        months.append(first.strftime("%Y-%m"))
        first = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    return months
