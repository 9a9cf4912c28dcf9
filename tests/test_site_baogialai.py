"""One more sister paper, added as one profile file (foundation/sites/baogialai.toml): its
replica crawled into an archive beside Báo Lào Cai's in one run, each paper under its own site,
its topics from its own breadcrumbs, no Lào Cai units looked for in it."""

from __future__ import annotations

import json
import subprocess
import sys
from urllib.parse import urlsplit

import pytest
from dagster import DagsterInstance

from foundation.sites import site
from pipeline.run import materialize_archive
from replica.server import ReplicaServer
from warehouse import Archive

ARTICLES = 8


@pytest.mark.fast
def test_the_profile_is_listed_and_gives_its_post_ids():
    profile = site("baogialai")
    assert profile.post_id("https://baogialai.com.vn/le-hoi-mua-xuan-post312345.html") == 312345
    assert profile.post_id("https://baogialai.com.vn/thoi-su/") is None
    listed = subprocess.run([sys.executable, "-m", "baoarchive.cli", "sites", "--format", "json"],
                            capture_output=True, text=True, check=True).stdout  # fmt: skip
    ids = {json.loads(line)["id"] for line in listed.splitlines()}
    assert "baogialai" in ids


@pytest.fixture(scope="module")
def with_gialai(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("gialai")
    with (
        ReplicaServer(articles=ARTICLES) as laocai,
        ReplicaServer(articles=ARTICLES, site_id="baogialai") as gialai,
        DagsterInstance.ephemeral() as instance,
    ):
        targets = [("baolaocai", laocai.url), ("baogialai", gialai.url)]
        assert materialize_archive(data_dir, targets, instance=instance).success
        yield data_dir, {"baolaocai": laocai, "baogialai": gialai}


def test_its_articles_are_its_own_beside_the_other_papers(with_gialai):
    data_dir, replicas = with_gialai
    with Archive(data_dir) as archive:
        rows = archive.con.execute("SELECT site, post_id, title, url FROM articles").fetchall()
        assert len(rows) == 2 * ARTICLES
        for site_id, post_id, title, url in rows:
            assert urlsplit(url).port == replicas[site_id].port
            assert title == replicas[site_id].site.article(post_id).title
        assert len(archive.articles(site="baogialai").df()) == ARTICLES


def test_its_topics_are_its_breadcrumbs_and_no_lao_cai_unit_is_looked_for(with_gialai):
    data_dir, replicas = with_gialai
    served = {a.category for a in replicas["baogialai"].site.articles()}
    with Archive(data_dir) as archive:
        topics = archive.con.execute(
            "SELECT DISTINCT topic_id FROM article_topics JOIN topics USING (site, topic_id)"
            " WHERE site = 'baogialai' AND is_primary"
        ).fetchall()
        assert {t for (t,) in topics} == served
        sources = archive.con.execute(
            "SELECT DISTINCT source FROM topics WHERE site = 'baogialai'"
        ).fetchall()
        assert sources == [("article breadcrumb",)]
        units = archive.con.execute(
            "SELECT site, count(*) FROM article_localities GROUP BY site"
        ).fetchall()
        assert dict(units).get("baogialai", 0) == 0 and dict(units)["baolaocai"] > 0
