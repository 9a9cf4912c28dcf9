"""Monthly partitions, aligned with the site's monthly news sitemaps (``news-YYYY-M.xml``):
a partition is the month of publication in Asia/Ho_Chi_Minh."""

from __future__ import annotations

import os
from datetime import date

from dagster import MonthlyPartitionsDefinition, PartitionKeyRange

#: The first month a backfill may ask for (env BAOARCHIVE_FIRST_MONTH, YYYY-MM).
FIRST_MONTH = os.environ.get("BAOARCHIVE_FIRST_MONTH", "2020-01")

MONTHS = MonthlyPartitionsDefinition(
    start_date=f"{FIRST_MONTH}-01",
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
