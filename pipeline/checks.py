"""Asset checks on ``articles``: what must hold for researchers to trust the table."""

from dagster import AssetCheckResult, AssetCheckSeverity, asset_check
from dagster_duckdb import DuckDBResource

from pipeline.assets import articles
from warehouse import checks


def _result(problems: list[tuple], what: str) -> AssetCheckResult:
    return AssetCheckResult(
        passed=not problems,
        severity=AssetCheckSeverity.ERROR,
        metadata={"failing_rows": len(problems), "sample": repr(problems[:5]), "rule": what},
    )


@asset_check(asset=articles, blocking=True)
def no_duplicate_post_ids(duckdb: DuckDBResource) -> AssetCheckResult:
    with duckdb.get_connection() as con:
        return _result(checks.duplicate_post_ids(con), "one row per post id")


@asset_check(asset=articles)
def no_related_block_leakage(duckdb: DuckDBResource) -> AssetCheckResult:
    with duckdb.get_connection() as con:
        return _result(
            checks.related_leakage(con),
            "no body holds a related-block heading or a title from its own related blocks",
        )


@asset_check(asset=articles)
def title_and_published_time(duckdb: DuckDBResource) -> AssetCheckResult:
    with duckdb.get_connection() as con:
        return _result(checks.missing_required_fields(con), "every article has title and time")


ARTICLE_CHECKS = [no_duplicate_post_ids, no_related_block_leakage, title_and_published_time]
