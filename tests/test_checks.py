"""The asset checks on ``articles`` fail when the table is wrong: planted faults, real Dagster."""

from __future__ import annotations

from contextlib import nullcontext

import pytest
from dagster import AssetSelection, DagsterInstance, materialize

from pipeline.assets import articles
from pipeline.definitions import ASSET_CHECKS
from pipeline.resources import default_resources
from warehouse import connect_writer

pytestmark = pytest.mark.fast


def run_checks(data_dir, instance=None, with_asset=False, **archive) -> dict[str, bool]:
    """Evaluate the checks; the asset itself only ``with_asset`` (no capture is pending here,
    so it only records its metadata)."""
    selection = AssetSelection.checks_for_assets(articles)
    if with_asset:
        selection = selection | AssetSelection.assets(articles)
    with nullcontext(instance) if instance else DagsterInstance.ephemeral() as instance:
        result = materialize(
            [articles, *ASSET_CHECKS],
            selection=selection,
            resources=default_resources(data_dir, "http://127.0.0.1:9", **archive),
            instance=instance,
            raise_on_error=False,  # a failed blocking check fails the run: read its result
        )
    return {e.check_name: e.passed for e in result.get_asset_check_evaluations()}


def plant(data_dir, *statements: str) -> None:
    with connect_writer(data_dir) as con:
        con.execute(
            "INSERT INTO articles (post_id, url, title, body, published_at) VALUES "
            "(1, 'u1', 'Một bài báo', 'Đoạn một.\n\nĐoạn hai.', '2025-07-02 08:00:00+07')"
        )
        for statement in statements:
            con.execute(statement)


def test_checks_pass_on_a_clean_table(tmp_path):
    plant(tmp_path)
    assert run_checks(tmp_path) == {
        "no_duplicate_post_ids": True,
        "keys_are_unique": True,
        "no_related_block_leakage": True,
        "title_and_published_time": True,
        "articles_per_month_do_not_drop": True,
        "newest_article_is_fresh": True,
    }


def test_leaked_heading_fails(tmp_path):
    plant(tmp_path, "UPDATE articles SET body = body || '\n\nTin cùng chuyên mục\n\nBài khác'")
    assert run_checks(tmp_path)["no_related_block_leakage"] is False


def test_leaked_related_title_fails(tmp_path):
    title = "Khai mạc đại hội thể dục thể thao tại xã Lâm Thượng"
    plant(
        tmp_path,
        f"INSERT INTO related_items VALUES (1, 'timeline', 1, 2, '{title}', 'u2', 'baolaocai')",
        f"UPDATE articles SET body = body || '\n\n{title}'",
    )
    assert run_checks(tmp_path)["no_related_block_leakage"] is False


def test_missing_published_time_fails(tmp_path):
    plant(tmp_path, "INSERT INTO articles (post_id, url, title) VALUES (2, 'u2', 'Không có ngày')")
    assert run_checks(tmp_path)["title_and_published_time"] is False


def test_a_month_that_shrinks_fails(tmp_path):
    plant(tmp_path, "INSERT INTO articles (post_id, url, title, body, published_at) VALUES "
                    "(2, 'u2', 'Bài hai', 'Thân bài.', '2025-07-03 08:00:00+07')")  # fmt: skip
    (tmp_path / "dagster").mkdir()
    instance = DagsterInstance.local_temp(tempdir=str(tmp_path / "dagster"))
    assert run_checks(tmp_path, instance, with_asset=True)["articles_per_month_do_not_drop"]
    with connect_writer(tmp_path) as con:
        con.execute("DELETE FROM articles WHERE post_id = 2")
    assert not run_checks(tmp_path, instance, with_asset=True)["articles_per_month_do_not_drop"]


def test_a_stale_archive_fails_freshness(tmp_path):
    plant(tmp_path)  # newest article: 2025-07-02
    assert run_checks(tmp_path, freshness_hours=48)["newest_article_is_fresh"] is False


def test_a_planted_duplicate_fails(tmp_path):
    """The same article archived twice, under a second post id (same canonical URL)."""
    plant(
        tmp_path,
        "INSERT INTO articles (post_id, url, title, body, published_at) SELECT 2, url, title,"
        " body, published_at FROM articles WHERE post_id = 1",
    )
    assert run_checks(tmp_path)["no_duplicate_post_ids"] is False


def evaluations(data_dir) -> dict[str, dict]:
    """Each check's metadata, as the run recorded it."""
    with DagsterInstance.ephemeral() as instance:
        result = materialize(
            [articles, *ASSET_CHECKS],
            selection=AssetSelection.checks_for_assets(articles),
            resources=default_resources(data_dir, "http://127.0.0.1:9"),
            instance=instance,
            raise_on_error=False,
        )
    return {
        e.check_name: {"passed": e.passed, **{k: v.value for k, v in e.metadata.items()}}
        for e in result.get_asset_check_evaluations()
    }


MEMOIZED = ("no_duplicate_post_ids", "keys_are_unique", "no_related_block_leakage",
            "title_and_published_time")  # fmt: skip


def test_a_check_of_unchanged_tables_passes_unread_and_a_write_makes_it_read_again(tmp_path):
    plant(tmp_path)
    first = evaluations(tmp_path)
    assert all(first[c]["passed"] and "unchanged_since_snapshot" not in first[c] for c in MEMOIZED)
    with connect_writer(tmp_path) as con:  # a write to a table only the key check reads
        con.execute("INSERT INTO warc_files VALUES ('x.warc.gz', 0)")
        con.execute("DELETE FROM warc_files")
    second = evaluations(tmp_path)
    assert all(second[c]["passed"] for c in MEMOIZED)
    assert {c for c in MEMOIZED if "unchanged_since_snapshot" in second[c]} == set(MEMOIZED) - {
        "keys_are_unique"
    }
    assert evaluations(tmp_path)["keys_are_unique"]["unchanged_since_snapshot"]
    with connect_writer(tmp_path) as con:
        con.execute("UPDATE articles SET body = body || '\n\nTin cùng chuyên mục\n\nBài khác'")
    third = evaluations(tmp_path)
    assert third["no_related_block_leakage"]["passed"] is False
    assert "unchanged_since_snapshot" not in third["no_related_block_leakage"]
    # a failure is not remembered: with nothing written since, the check reads and fails again
    assert evaluations(tmp_path)["no_related_block_leakage"]["passed"] is False


@pytest.mark.fast
def test_a_month_drops_per_site_and_counts_made_before_sites_are_the_default_sites():
    from warehouse.checks import months_that_dropped

    after = {"baolaocai 2025-07": 10, "tienphong 2025-07": 3}
    assert months_that_dropped({"baolaocai 2025-07": 10, "tienphong 2025-07": 4}, after) == {
        "tienphong 2025-07": (4, 3)}  # fmt: skip
    assert months_that_dropped({"2025-07": 10}, after) == {}  # counted before sites
    assert months_that_dropped({"2025-07": 11}, after) == {"baolaocai 2025-07": (11, 10)}
