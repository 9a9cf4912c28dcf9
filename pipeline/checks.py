"""Asset checks on ``articles``: what must hold for researchers to trust the table."""

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path

import duckdb
from dagster import (
    AssetCheckExecutionContext,
    AssetCheckResult,
    AssetCheckSeverity,
    MetadataValue,
    asset_check,
)

from foundation.settings import ArchivePaths
from pipeline.assets import articles
from pipeline.resources import DUCKDB_POOL, ArchiveConfig, Warehouse
from warehouse import checks
from warehouse.check_memo import CheckMemo
from warehouse.keys import KEYS, duplicate_keys


def _result(problems: list[tuple], what: str) -> AssetCheckResult:
    return AssetCheckResult(
        passed=not problems,
        severity=AssetCheckSeverity.ERROR,
        metadata={"failing_rows": len(problems), "sample": repr(problems[:5]), "rule": what},
    )


def _checked(
    warehouse: Warehouse,
    check: str,
    tables: Iterable[str],
    problems: Callable[[duckdb.DuckDBPyConnection], list[tuple]],
    what: str,
) -> AssetCheckResult:
    """``problems`` found on the newest snapshot, unless ``tables`` are unchanged since the
    check last passed (``warehouse.check_memo``): then it passes again, unread."""
    memo = CheckMemo(ArchivePaths(Path(warehouse.data_dir)).check_memo)
    with warehouse.connection() as con:
        if (since := memo.passed_unchanged(con, check, tables)) is not None:
            return AssetCheckResult(
                passed=True,
                severity=AssetCheckSeverity.ERROR,
                metadata={"failing_rows": 0, "rule": what, "unchanged_since_snapshot": since},
            )
        found = problems(con)
        memo.record(con, check, passed=not found)
    return _result(found, what)


@asset_check(asset=articles, blocking=True, pool=DUCKDB_POOL)
def no_duplicate_post_ids(warehouse: Warehouse) -> AssetCheckResult:
    return _checked(warehouse, "no_duplicate_post_ids", ["articles"],
                    checks.duplicate_post_ids, "one row per post id")  # fmt: skip


@asset_check(asset=articles, blocking=True, pool=DUCKDB_POOL)
def keys_are_unique(warehouse: Warehouse) -> AssetCheckResult:
    """Every table's key (warehouse/keys.py) names one row: the lake enforces none."""
    return _checked(warehouse, "keys_are_unique", KEYS, duplicate_keys,
                    "one row per key in every table")  # fmt: skip


@asset_check(asset=articles, pool=DUCKDB_POOL)
def no_related_block_leakage(warehouse: Warehouse) -> AssetCheckResult:
    return _checked(
        warehouse, "no_related_block_leakage", ["articles", "related_items"],
        checks.related_leakage,
        "no body holds a related-block heading or a title from its own related blocks",
    )  # fmt: skip


@asset_check(asset=articles, pool=DUCKDB_POOL)
def title_and_published_time(warehouse: Warehouse) -> AssetCheckResult:
    return _checked(warehouse, "title_and_published_time", ["articles"],
                    checks.missing_required_fields, "every article has title and time")  # fmt: skip


@asset_check(asset=articles)
def articles_per_month_do_not_drop(context: AssetCheckExecutionContext) -> AssetCheckResult:
    """No month has fewer articles than the run before counted (from the asset's metadata)."""
    records = context.instance.fetch_materializations(articles.key, limit=2).records
    counts = [r.asset_materialization.metadata.get("articles_per_month") for r in records]
    if len(counts) < 2 or None in counts:
        return AssetCheckResult(passed=True, metadata={"note": "no earlier run to compare"})
    dropped = checks.months_that_dropped(counts[1].value, counts[0].value)
    return AssetCheckResult(
        passed=not dropped,
        severity=AssetCheckSeverity.ERROR,
        metadata={"months_dropped": len(dropped), "sample": repr(sorted(dropped.items())[:5])},
    )


@asset_check(asset=articles, pool=DUCKDB_POOL)
def newest_article_is_fresh(archive: ArchiveConfig, warehouse: Warehouse) -> AssetCheckResult:
    """Each paper the run reads has an article at most ``freshness_hours`` old (0: not checked,
    as against the replica, whose articles are generated for fixed dates)."""
    with warehouse.connection() as con:
        newest = checks.newest_articles(con)
    shown = {site: str(when) for site, when in newest.items()}
    if not archive.freshness_hours:
        return AssetCheckResult(
            passed=True, metadata={"newest": MetadataValue.json(shown), "note": "not checked"}
        )
    now = datetime.now(UTC)
    ages = {site: round((now - newest[site]).total_seconds() / 3600, 1) if newest.get(site)
            else -1 for site in archive.latest_sites}  # fmt: skip
    stale = {site: age for site, age in ages.items() if age < 0 or age > archive.freshness_hours}
    return AssetCheckResult(
        passed=not stale,
        severity=AssetCheckSeverity.WARN,
        metadata={"newest": MetadataValue.json(shown), "age_hours": MetadataValue.json(ages),
                  "stale": ", ".join(stale) or "none", "limit_hours": archive.freshness_hours},
    )  # fmt: skip
