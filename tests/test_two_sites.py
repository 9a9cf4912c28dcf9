"""Two papers whose post ids overlap, crawled into one archive: each article once, under its own
site and host. Two replicas of one seed, one as baolaocai (``.html``), the other as tienphong
(``.tpo``), share about half their post ids, each shared id naming a different article on each
(``replica.id_series``); one Dagster run crawls both in one Scrapy process (real crawls over
HTTP, a real lake)."""

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
        ReplicaServer(articles=ARTICLES, site_id="tienphong") as second,
        DagsterInstance.ephemeral() as instance,
    ):
        targets = [("baolaocai", first.url), ("tienphong", second.url)]
        assert materialize_archive(data_dir, targets, instance=instance).success  # one run
        yield data_dir, {"baolaocai": first, "tienphong": second}


def test_each_article_is_archived_once_under_its_own_site_and_host(two_sites):
    data_dir, replicas = two_sites
    served = {site: set(r.site.ids()) for site, r in replicas.items()}
    shared = served["baolaocai"] & served["tienphong"]
    assert len(served["baolaocai"]) == len(served["tienphong"]) == ARTICLES
    assert 0 < len(shared) < ARTICLES, "the two papers' ids must overlap in part"
    with Archive(data_dir) as archive:
        rows = archive.con.execute("SELECT site, post_id, url, title FROM articles").fetchall()
        assert len(rows) == len({(site, post) for site, post, _, _ in rows}) == 2 * ARTICLES
        for site, post_id, url, title in rows:
            assert post_id in served[site]
            assert title == replicas[site].site.entry(post_id).title, (site, post_id)
            assert urlsplit(url).port == replicas[site].port, (site, url)
            assert url.endswith(".tpo" if site == "tienphong" else ".html")
        titles = {(s, p): t for s, p, _, t in rows}
        assert all(titles["baolaocai", p] != titles["tienphong", p] for p in shared)
        logged = archive.con.execute(
            "SELECT site, count(DISTINCT post_id) FROM crawl_log WHERE post_id IS NOT NULL"
            " GROUP BY site ORDER BY site"
        ).fetchall()
        assert logged == [("baolaocai", ARTICLES), ("tienphong", ARTICLES)]
        for table in ("article_topics", "article_localities", "search_documents"):
            sites = archive.con.execute(f"SELECT DISTINCT site FROM {table} ORDER BY 1").fetchall()
            assert sites == [("baolaocai",), ("tienphong",)], table


def test_filters_and_search_tell_the_sites_apart(two_sites):
    """One post id, two papers' articles: each is found under its own site."""
    data_dir, replicas = two_sites
    post_id = min(set(replicas["baolaocai"].site.ids()) & set(replicas["tienphong"].site.ids()))
    titles = {site: r.site.entry(post_id).title for site, r in replicas.items()}
    with Archive(data_dir) as archive:
        only = archive.articles(site="tienphong").df()
        assert len(only) == ARTICLES and set(only.site) == {"tienphong"}
        for site, title in titles.items():
            top = archive.search(f'"{title}"', limit=10).fetchall()[0]
            assert (top[0], top[-1]) == (post_id, site), title
        one = archive.search(f'"{titles["tienphong"]}"', site="baolaocai", limit=10).fetchall()
        assert {row[-1] for row in one} <= {"baolaocai"}
        assert titles["tienphong"] not in {row[1] for row in one}


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
