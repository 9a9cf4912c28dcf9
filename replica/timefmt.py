"""The date and time spellings the platform uses, in one place.

The site writes the same instant several ways on one page: ``2025-06-17T13:43:02+0700`` in
meta tags (no colon in the offset), ``+07:00`` in sitemaps and on some themes, epoch seconds in
``data-time``, ``17/06/2025 13:43`` as visible text, RFC 822 in RSS and RFC 1123 (GMT) in HTTP
headers. All are Asia/Ho_Chi_Minh (a fixed +07:00, no DST).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from email.utils import format_datetime

VN = timezone(timedelta(hours=7), "+07")

#: The day Lào Cai and Yên Bái merged and the districts were abolished.
MERGER = datetime(2025, 7, 1, tzinfo=VN)


def iso_no_colon(moment: datetime) -> str:
    """``2025-06-17T13:43:02+0700``, baolaocai's meta-tag form."""
    return moment.astimezone(VN).strftime("%Y-%m-%dT%H:%M:%S%z")


def iso_colon(moment: datetime) -> str:
    """``2025-06-17T13:43:02+07:00``, the sitemap (and nhandan) form."""
    return moment.astimezone(VN).isoformat(timespec="seconds")


def iso(moment: datetime, colon: bool) -> str:
    return iso_colon(moment) if colon else iso_no_colon(moment)


def epoch(moment: datetime) -> int:
    return int(moment.timestamp())


def visible(moment: datetime) -> str:
    """``17/06/2025 13:43``, the text readers see."""
    return moment.astimezone(VN).strftime("%d/%m/%Y %H:%M")


def rfc822(moment: datetime) -> str:
    """``Tue, 17 Jun 2025 13:43:02 +0700`` for RSS pubDate."""
    return format_datetime(moment.astimezone(VN))


def http_date(moment: datetime) -> str:
    """``Tue, 17 Jun 2025 06:43:02 GMT`` for Last-Modified."""
    return format_datetime(moment.astimezone(UTC), usegmt=True)


def month_of(moment: datetime) -> tuple[int, int]:
    """(year, month) in Asia/Ho_Chi_Minh: the sitemap a URL belongs to."""
    local = moment.astimezone(VN)
    return local.year, local.month
