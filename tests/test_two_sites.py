"""Two papers whose post ids overlap, crawled into one archive: each article once, under its own
site and host, filed under its own paper's topics and matched against its own profile's
gazetteers. Two replicas of one seed, one as baolaocai (``.html``), the other as tienphong
(``.tpo``), share about half their post ids, each shared id naming a different article on each
(``replica.id_series``); one Dagster run crawls both in one Scrapy process (real crawls over
HTTP, a real lake)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from urllib.parse import urlsplit

import pytest
from dagster import AssetSelection, DagsterInstance, materialize

from foundation.errors import BadValue, UnknownName
from foundation.sites import SITES_DIR
from grouping import reference
from grouping.locality_match import matcher_version
from pipeline.definitions import ASSETS
from pipeline.resources import default_resources
from pipeline.run import materialize_archive
from replica.server import ReplicaServer
from warehouse import Archive, connect_reader
from warehouse.keys import duplicate_keys

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


def expected_topics(site: str, articles: list[tuple[int, str, str]]) -> tuple[set, set]:
    """What a paper's topics and article_topics should be, worked out here from its menu in
    taxonomy.csv (none for a breadcrumbs site) and its articles' categories: (topic rows
    (topic_id, name, parent_id, source), article rows (post_id, topic_id, is_primary))."""
    menu = {t.topic_id: t for t in reference.topics(site)}
    topics = {(t.topic_id, t.name, t.parent_id or None, t.source) for t in menu.values()}
    parent = {t.topic_id: t.parent_id for t in menu.values()}
    for _, category, name in articles:
        if category and category not in parent:
            up = category.rpartition("/")[0]
            topics.add((category, name, up or None, "article breadcrumb"))
            parent[category] = up
    rows = set()
    for post_id, category, _ in articles:
        rows.add((post_id, category, True))
        topic = category
        while parent.get(topic):  # an ancestor without a topic row of its own ends the walk
            topic = parent[topic]
            rows.add((post_id, topic, False))
    return topics, rows


def test_each_papers_topics_are_its_own(two_sites):
    """The same category path on two papers is two topics, each article is filed under its
    own paper's topic and ancestors: tienphong's menu puts Chính trị under Xã hội and knows
    no Học tập và làm theo Bác, baolaocai's does; baolaocai's menu, tienphong's breadcrumbs."""
    data_dir, _ = two_sites
    with Archive(data_dir) as archive:
        con = archive.con
        per_site = {}
        for site in ("baolaocai", "tienphong"):
            articles = con.execute(
                "SELECT post_id, category, category_name FROM articles WHERE site = ?", [site]
            ).fetchall()
            topics, rows = expected_topics(site, articles)
            assert set(con.execute(
                "SELECT topic_id, name, parent_id, source FROM topics WHERE site = ?", [site]
            ).fetchall()) == topics, site  # fmt: skip
            per_site[site] = set(con.execute(
                "SELECT post_id, topic_id, is_primary FROM article_topics WHERE site = ?", [site]
            ).fetchall())  # fmt: skip
            assert per_site[site] == rows, site
        assert per_site["baolaocai"] != per_site["tienphong"]  # one post, two filings
        shared = con.execute(
            "SELECT topic_id, list(site ORDER BY site) FROM topics GROUP BY 1"
            " HAVING count(*) > 1 ORDER BY 1"
        ).fetchall()
        assert ("kinh-te", ["baolaocai", "tienphong"]) in shared
        assert con.execute("SELECT count(*) FROM topics WHERE site IS NULL").fetchone()[0] == 0
        # every filing points at its own paper's topic (menu rows name their site's host)
        sources = con.execute(
            "SELECT DISTINCT x.site, t.source FROM article_topics x"
            " JOIN topics t USING (site, topic_id) WHERE t.source <> 'article breadcrumb'"
        ).fetchall()
        assert {site for site, _ in sources} == {"baolaocai", "tienphong"}
        assert all(source.startswith(f"{site}.vn ") for site, source in sources), sources
        assert duplicate_keys(con) == []


def listing(data_dir, what: str, *options: str) -> list[dict]:
    done = subprocess.run(
        [sys.executable, "-m", "baoarchive.cli", what, "--format", "json", *options,
         "--data-dir", str(data_dir)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_topics_and_localities_of_one_paper_count_what_its_rows_hold(two_sites):
    data_dir, _ = two_sites
    with Archive(data_dir) as archive:
        con = archive.con
        every = listing(data_dir, "localities")
        for site in ("baolaocai", "tienphong"):
            topics = listing(data_dir, "topics", "--site", site)
            assert {r["site"] for r in topics} == {site}
            assert {r["topic_id"]: r["articles"] for r in topics} == dict(con.execute(
                "SELECT t.topic_id, count(x.post_id) FROM topics t LEFT JOIN article_topics x"
                " USING (site, topic_id) WHERE t.site = ? GROUP BY 1", [site]
            ).fetchall())  # fmt: skip
            assert sum(r["articles"] for r in topics) > ARTICLES  # most categories have a parent
            assert [tuple(r.values()) for r in topics] == archive.topics(site=site).fetchall()
            units = listing(data_dir, "localities", "--site", site)
            counts = {
                r["locality_id"]: (r["articles"], r["focus_articles"])
                for r in units
                if r["articles"]
            }
            assert counts == {
                unit: tuple(n) for unit, *n in con.execute(
                    "SELECT locality_id, count(*), count(*) FILTER (WHERE is_focus)"
                    " FROM article_localities WHERE site = ? GROUP BY 1", [site]
                ).fetchall()
            }  # fmt: skip
            assert counts and len(units) == len(every)  # every unit, this paper's counts
        both = {r["locality_id"]: r["articles"] for r in every}
        assert (
            sum(both.values())
            == con.execute("SELECT count(*) FROM article_localities").fetchone()[0]
        )


def test_a_topic_with_a_site_is_that_papers_and_alone_any_papers(two_sites):
    data_dir, _ = two_sites
    with Archive(data_dir) as archive:
        assert set(archive.articles(topic="kinh-te").df().site) == {"baolaocai", "tienphong"}
        one = archive.articles(topic="kinh-te", site="tienphong").df()
        assert set(one.site) == {"tienphong"} and 0 < len(one) < ARTICLES
        # tienphong's menu has Hoa hậu, baolaocai's has no such topic
        assert archive.articles(topic="hoa-hau", site="tienphong").df().empty
        with pytest.raises(UnknownName):
            archive.articles(topic="hoa-hau", site="baolaocai")
        with pytest.raises(BadValue):
            archive.topics(site="nowhere")


def derive_localities(data_dir, **archive: object) -> dict:
    """The article_localities asset alone (nothing crawled, nothing extracted): its figures."""
    with DagsterInstance.ephemeral() as instance:
        result = materialize(
            ASSETS, selection=AssetSelection.assets("article_localities"), instance=instance,
            resources=default_resources(data_dir, "http://127.0.0.1:9", **archive),
        )  # fmt: skip
    assert result.success
    found = result.asset_materializations_for_node("article_localities")[0].metadata
    return {name: value.value for name, value in found.items()}


def test_a_site_whose_profile_lists_no_gazetteer_gets_no_localities(two_sites, tmp_path):
    """A registry of our own where tienphong lists no gazetteer: its articles are matched
    again (its matcher's version changed) and lose their units, baolaocai's are not read; back
    to the registry as it is, tienphong's units come back."""
    copy = tmp_path / "archive"
    shutil.copytree(two_sites[0], copy, ignore=shutil.ignore_patterns("dagster"))
    registry = tmp_path / "sites"
    shutil.copytree(SITES_DIR, registry, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    profile = registry / "tienphong.toml"
    text = profile.read_text(encoding="utf-8")
    assert 'gazetteers = ["lao-cai"]' in text
    profile.write_text(text.replace('gazetteers = ["lao-cai"]', "gazetteers = []"), "utf-8")

    def units() -> dict[str, list]:
        with connect_reader(copy) as con:
            rows = con.execute(
                "SELECT site, post_id, locality_id, mentions, is_focus FROM article_localities"
                " ORDER BY ALL"
            ).fetchall()
        return {site: [r for r in rows if r[0] == site] for site in ("baolaocai", "tienphong")}

    before = units()
    assert before["baolaocai"] and before["tienphong"]  # a national paper names Lào Cai's units
    figures = derive_localities(copy, sites_dir=str(registry))
    assert figures["matched_per_site"] == {"tienphong": ARTICLES}
    after = units()
    assert after == {"baolaocai": before["baolaocai"], "tienphong": []}
    with connect_reader(copy) as con:
        versions = dict(con.execute(
            "SELECT site, list(DISTINCT matcher) FROM locality_matches GROUP BY 1"
        ).fetchall())  # fmt: skip
    assert versions == {"baolaocai": [matcher_version(["lao-cai"])],
                        "tienphong": [matcher_version([])]}  # fmt: skip
    assert all(r["articles"] == 0 for r in listing(copy, "localities", "--site", "tienphong"))
    assert derive_localities(copy, sites_dir=str(registry))["articles_matched"] == 0

    assert derive_localities(copy)["matched_per_site"] == {"tienphong": ARTICLES}
    assert units() == before
