"""Topics and gazetteers per site, as data: each menu site's menu in taxonomy.csv (built from
its real page), every profile's gazetteers known, a matcher per set of gazetteers; and an
archive made before topics had a site (migration 006) keeps its topics under baolaocai."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from dagster import AssetSelection, DagsterInstance, materialize

from foundation.errors import BadValue
from foundation.sites import all_sites
from grouping import reference
from grouping.locality_match import current_matcher, matcher_version
from pipeline.definitions import ASSETS
from pipeline.resources import default_resources
from tests.conftest import SHARED
from warehouse import connect_reader
from warehouse.keys import duplicate_keys
from warehouse.lake import Lake
from warehouse.migrations import migrate

REPO = Path(__file__).resolve().parents[1]
HOST = {"baolaocai": "baolaocai.vn", "tienphong": "tienphong.vn"}


@pytest.mark.fast
def test_each_menu_site_has_its_own_menu_and_no_other_site_has_one():
    menu_sites = {s.id for s in all_sites().values() if s.taxonomy == "menu"}
    assert menu_sites == set(reference.taxonomy_sites()) == {"baolaocai", "tienphong"}
    for site in menu_sites:
        menu = {t.topic_id: t for t in reference.topics(site)}
        assert len(menu) == len(reference.topics(site)), site  # (site, topic_id) once each
        assert all(t.parent_id in menu for t in menu.values() if t.parent_id), site
        assert all(t.source.startswith(f"{HOST[site]} main menu") for t in menu.values())
    lao_cai, tien_phong = (reference.topics(s) for s in ("baolaocai", "tienphong"))
    shared = {t.topic_id for t in lao_cai} & {t.topic_id for t in tien_phong}
    assert {"kinh-te", "chinh-tri", "the-thao"} <= shared  # one slug, two papers' topics
    parent = {(t.site, t.topic_id): t.parent_id for t in (*lao_cai, *tien_phong)}
    assert parent["baolaocai", "chinh-tri"] == "" and parent["tienphong", "chinh-tri"] == "xa-hoi"


def test_the_taxonomy_file_is_what_its_builder_makes_of_the_real_pages(tmp_path):
    out = tmp_path / "taxonomy.csv"
    done = subprocess.run(
        [sys.executable, "build_taxonomy.py", "--shared", str(SHARED), "--out", str(out)],
        cwd=REPO / "tools", capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == (reference.DATA_DIR / "taxonomy.csv").read_bytes()


@pytest.mark.fast
def test_every_profiles_gazetteers_are_known_and_an_unknown_one_is_an_error():
    known = reference.gazetteers()
    assert all(path.is_file() for path in known.values())
    for site in all_sites().values():
        assert reference.gazetteer_ids(site.gazetteers) == site.gazetteers, site.id
    with pytest.raises(BadValue, match="atlantis"):
        reference.gazetteer_ids(["lao-cai", "atlantis"])


@pytest.mark.fast
def test_a_matcher_is_made_of_the_gazetteers_it_is_given():
    text = {"title": "Nông dân xã Bát Xát thu hoạch lúa", "sapo": "", "body": ""}
    assert current_matcher(["lao-cai"]).match(1, None, text)
    assert current_matcher([]).match(1, None, text) == []
    assert matcher_version([]) != matcher_version(["lao-cai"]) == matcher_version()
    assert current_matcher([]).version == matcher_version([])


def test_an_archive_made_before_migration_006_keeps_its_topics_under_baolaocai(
    archive_run, tmp_path
):
    """The session archive's rows copied into a lake at schema 005 (topics without a site),
    then migrated and run again: its topics are baolaocai's, loading the menu again duplicates
    none, and its filings are as they were."""
    source, data_dir = archive_run[0], tmp_path / "old"
    with connect_reader(source) as con:
        tables = [t for (t,) in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_catalog = 'archive'"
            " AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations'"
        ).fetchall()]  # fmt: skip
        rows = {t: con.execute(f"SELECT * FROM {t}").fetch_arrow_table() for t in tables}
        filings = sorted(con.execute("SELECT * FROM article_topics").fetchall())
    old = Lake.of(data_dir).connect()
    try:
        migrate(old, through=5)
        for table, data in rows.items():
            columns = ", ".join(
                f'"{c}"' for (c,) in old.execute(
                    "SELECT column_name FROM information_schema.columns"
                    " WHERE table_catalog = 'archive' AND table_name = ?", [table]
                ).fetchall()
            )  # fmt: skip
            assert table != "topics" or '"site"' not in columns  # as 005 left it
            where = " WHERE site = 'baolaocai'" if table == "topics" else ""
            old.register("old_rows", data)
            old.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM old_rows{where}")
            old.unregister("old_rows")
        assert migrate(old)[0] == "006_topic_site.sql"
        topics = old.execute(
            "SELECT site, topic_id, name, parent_id, source FROM topics"
        ).fetchall()
    finally:
        old.close()
    menu = reference.topics("baolaocai")
    assert {site for site, *_ in topics} == {"baolaocai"} and len(topics) == len(menu)
    assert {(t, n) for _, t, n, *_ in topics} == {(t.topic_id, t.name) for t in menu}

    with DagsterInstance.ephemeral() as instance:
        result = materialize(
            ASSETS, selection=AssetSelection.assets("topics", "article_topics"),
            instance=instance, resources=default_resources(data_dir, "http://127.0.0.1:9"),
        )  # fmt: skip
    assert result.success
    with connect_reader(data_dir) as con:
        after = con.execute(
            "SELECT site, topic_id, name, parent_id, source FROM topics WHERE site = 'baolaocai'"
        ).fetchall()
        assert sorted(after, key=repr) == sorted(topics, key=repr)
        # an archive of one paper holds that paper's menu alone
        per_site = dict(con.execute("SELECT site, count(*) FROM topics GROUP BY 1").fetchall())
        assert per_site == {"baolaocai": len(menu)}
        assert sorted(con.execute("SELECT * FROM article_topics").fetchall()) == filings
        by_topic = con.execute("SELECT sum(articles) FROM articles_by_topic").fetchone()[0]
        assert by_topic == len(filings)
        assert duplicate_keys(con) == []
