"""Two papers whose post ids overlap, crawled into one archive: each article once, under its own
site and host. Two replicas of one seed serve the same post ids, one as baolaocai (``.html``),
the other as tienphong (``.tpo``); one Dagster run crawls both in one Scrapy process (real
crawls over HTTP, a real lake)."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest
from dagster import DagsterInstance

from pipeline.run import materialize_archive
from replica.server import ReplicaServer
from warehouse import Archive

ARTICLES = 12


@pytest.fixture(scope="module")
def two_sites(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("two-sites")
    with (
        ReplicaServer(articles=ARTICLES) as first,
        ReplicaServer(articles=ARTICLES, suffix=".tpo") as second,
        DagsterInstance.ephemeral() as instance,
    ):
        targets = [("baolaocai", first.url), ("tienphong", second.url)]
        assert materialize_archive(data_dir, targets, instance=instance).success  # one run
        yield data_dir, {"baolaocai": first, "tienphong": second}


def test_each_article_is_archived_once_under_its_own_site_and_host(two_sites):
    data_dir, replicas = two_sites
    served = {site: {e.post_id for e in r.site.articles()} for site, r in replicas.items()}
    assert served["baolaocai"] == served["tienphong"] and len(served["baolaocai"]) == ARTICLES
    with Archive(data_dir) as archive:
        rows = archive.con.execute("SELECT site, post_id, url FROM articles").fetchall()
        assert len(rows) == len({(site, post) for site, post, _ in rows}) == 2 * ARTICLES
        for site, post_id, url in rows:
            assert post_id in served[site]
            assert urlsplit(url).port == replicas[site].port, (site, url)
            assert url.endswith(".tpo" if site == "tienphong" else ".html")
        logged = archive.con.execute(
            "SELECT site, count(DISTINCT post_id) FROM crawl_log WHERE post_id IS NOT NULL"
            " GROUP BY site ORDER BY site"
        ).fetchall()
        assert logged == [("baolaocai", ARTICLES), ("tienphong", ARTICLES)]
        for table in ("article_topics", "article_localities", "search_documents"):
            sites = archive.con.execute(f"SELECT DISTINCT site FROM {table} ORDER BY 1").fetchall()
            assert sites == [("baolaocai",), ("tienphong",)], table


def test_filters_and_search_tell_the_sites_apart(two_sites):
    data_dir, _ = two_sites
    with Archive(data_dir) as archive:
        only = archive.articles(site="tienphong").df()
        assert len(only) == ARTICLES and set(only.site) == {"tienphong"}
        title = only.title.iloc[0]
        both = archive.search(f'"{title}"', limit=10).fetchall()
        assert sorted(row[-1] for row in both[:2]) == ["baolaocai", "tienphong"]
        assert {row[0] for row in both[:2]} == {int(only.post_id.iloc[0])}
        one = archive.search(f'"{title}"', site="baolaocai", limit=10).fetchall()
        assert one and {row[-1] for row in one} == {"baolaocai"}


def test_an_export_names_each_paper_and_its_publisher(two_sites, tmp_path):
    from warehouse.export import export

    data_dir, _ = two_sites
    with Archive(data_dir) as archive:
        both = export(archive, archive.filters(), "jsonl", tmp_path / "both")
        one = export(archive, archive.filters(site="tienphong"), "jsonl", tmp_path / "one")
    card = json.loads((both.out / "datacard.json").read_text(encoding="utf-8"))
    assert [p["site"] for p in card["papers"]] == ["baolaocai", "tienphong"]
    assert card["title"].startswith("2 papers'") and "Tiền Phong" in card["publisher"]
    assert card["rows"] == 2 * ARTICLES
    single = json.loads((one.out / "datacard.json").read_text(encoding="utf-8"))
    assert single["title"].startswith("Tiền Phong articles") and single["rows"] == ARTICLES
    assert single["filters"]["site"] == "tienphong"
    lines = (one.out / "README.md").read_text(encoding="utf-8")
    assert "Báo điện tử Tiền Phong" in lines and "Báo Lào Cai" not in lines
