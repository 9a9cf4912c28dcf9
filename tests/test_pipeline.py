"""A real Dagster materialization of the whole graph against the replica (the session's
archive), and a run with a newer extractor over it. That a run with nothing new changes no row
is in ``test_revisions``."""

from __future__ import annotations

import pytest
from dagster import DagsterInstance

from extraction import RELATED_HEADINGS, extractor_version
from grouping import reference
from pipeline.run import materialize_archive
from warehouse import connect_reader, connect_writer

TABLES = ["articles", "article_revisions", "related_items", "topics", "article_topics", "tags",
          "article_tags", "localities", "article_localities", "crawl_log",
          "extraction_errors"]  # fmt: skip


def fingerprints(database) -> dict[str, tuple[int, str]]:
    """Row count and a hash of every row of every table: equal fingerprints, equal tables."""
    with connect_reader(database) as con:
        return {
            table: con.execute(
                f"SELECT count(*), md5(coalesce(string_agg(CAST(t AS VARCHAR), chr(10) "
                f"ORDER BY CAST(t AS VARCHAR)), '')) FROM {table} t"
            ).fetchone()
            for table in TABLES
        }


@pytest.fixture(scope="module")
def archive(archive_run):
    return archive_run


def test_one_row_per_replica_article(truth, archive):
    data_dir, _ = archive
    with connect_reader(data_dir) as con:
        rows = {r[0]: r for r in con.execute(
            "SELECT post_id, title, sapo, body, published_at, category, tags, author FROM articles"
        ).fetchall()}  # fmt: skip
    assert set(rows) == {a.post_id for a in truth}
    for article in truth:
        post_id, title, sapo, body, published_at, category, tags, author = rows[article.post_id]
        assert title == article.title
        assert sapo == article.sapo
        cursor = 0
        for paragraph in article.paragraphs:  # every paragraph, in order
            cursor = body.find(paragraph, cursor)
            assert cursor >= 0, (post_id, paragraph)
        assert published_at == article.published_at
        assert category == article.category
        assert tags == article.tags
        assert author == article.author
        if article.author:  # the byline is metadata, never a paragraph of the body
            assert article.author not in body.split("\n\n")


def test_every_extracted_field_is_stored(archive):
    data_dir, _ = archive
    with connect_reader(data_dir) as con:
        empty = con.execute(
            "SELECT count(*) FILTER (body_markdown IS NULL OR body_markdown = ''),"
            " count(*) FILTER (layout IS NULL), count(*) FILTER (word_count IS NULL OR"
            " word_count = 0), count(*) FILTER (extractor_version IS DISTINCT FROM ?),"
            " count(*) FILTER (content_hash IS NULL), count(*) FILTER (authors IS NULL)"
            " FROM articles",
            [extractor_version()],
        ).fetchone()
    assert empty == (0, 0, 0, 0, 0, 0)


def test_no_body_holds_related_block_text(truth, archive):
    data_dir, _ = archive
    titles = {a.post_id: a.title for a in truth}
    with connect_reader(data_dir) as con:
        bodies = dict(con.execute("SELECT post_id, body FROM articles").fetchall())
    for article in truth:
        body = bodies[article.post_id]
        for heading in RELATED_HEADINGS:
            assert heading not in body
        for other in article.suggest + article.timeline + article.related:
            assert titles.get(other, "\0") not in body, f"post {article.post_id} leaks {other}"
        assert "fb yt zl tw" not in body


def test_topics_and_localities_are_filled(truth, archive):
    data_dir, _ = archive
    with connect_reader(data_dir) as con:
        per_topic = dict(
            con.execute(
                "SELECT topic_id, count(*) FROM article_topics WHERE is_primary GROUP BY ALL"
            ).fetchall()
        )
        ancestors = set(
            con.execute(
                "SELECT post_id, topic_id FROM article_topics WHERE NOT is_primary"
            ).fetchall()
        )
        focus = dict(
            con.execute(
                "SELECT post_id, count(*) FILTER (WHERE is_focus)"
                " FROM article_localities GROUP BY ALL"
            ).fetchall()
        )
        tags = con.execute("SELECT count(*) FROM article_tags").fetchone()[0]
        found = con.execute("SELECT post_id, locality_id FROM article_localities").fetchall()
        known = {r[0] for r in con.execute("SELECT locality_id FROM localities").fetchall()}
    expected_topics = {}
    for a in truth:
        expected_topics[a.category] = expected_topics.get(a.category, 0) + 1
    assert per_topic == expected_topics
    parent = {t.topic_id: t.parent_id for t in reference.topics()}
    expected_ancestors = set()
    for a in truth:
        topic = parent.get(a.category)
        while topic:
            expected_ancestors.add((a.post_id, topic))
            topic = parent.get(topic)
    assert ancestors == expected_ancestors
    assert set(focus.values()) == {1}  # one focus per article that names a unit
    assert tags == sum(len(a.tags) for a in truth)
    assert found and {loc for _, loc in found} <= known
    matched = {}
    for post_id, locality_id in found:
        matched.setdefault(post_id, set()).add(locality_id)
    for a in truth:  # every unit the generator wrote in is found
        assert set(a.localities) <= matched.get(a.post_id, set()), a.post_id


def test_asset_checks_pass(archive):
    _, result = archive
    evaluations = result.get_asset_check_evaluations()
    assert {e.check_name for e in evaluations} == {
        "no_duplicate_post_ids",
        "keys_are_unique",
        "no_related_block_leakage",
        "title_and_published_time",
        "articles_per_month_do_not_drop",
        "newest_article_is_fresh",
    }
    assert all(e.passed for e in evaluations)


def test_a_newer_extractor_reads_the_captures_again(replica, archive_copy):
    """Rows an older extractor made are extracted again from the WARC files, without fetching."""
    data_dir = archive_copy
    database = data_dir
    with connect_writer(database) as con:
        con.execute("UPDATE articles SET extractor_version = '0', body_markdown = NULL")
    with DagsterInstance.ephemeral() as instance:
        result = materialize_archive(data_dir, replica.url, instance=instance)
    extracted = result.asset_materializations_for_node("articles")[0].metadata["extracted"]
    assert extracted.value == len(list(replica.site.ids()))
    with connect_reader(database) as con:
        assert (
            con.execute(
                "SELECT count(*) FROM articles WHERE extractor_version = ? AND body_markdown <> ''",
                [extractor_version()],
            ).fetchone()[0]
            == extracted.value
        )


def test_views_count_what_the_tables_hold(archive):
    data_dir, _ = archive
    with connect_reader(data_dir) as con:
        by_topic = con.execute("SELECT sum(articles) FROM articles_by_topic").fetchone()[0]
        topic_rows = con.execute("SELECT count(*) FROM article_topics").fetchone()[0]
        by_locality = con.execute(
            "SELECT sum(articles), sum(focus_articles) FROM articles_by_locality"
        ).fetchone()
        locality_rows = con.execute(
            "SELECT count(*), count(*) FILTER (WHERE is_focus) FROM article_localities"
        ).fetchone()
        matrix = con.execute("SELECT sum(articles) FROM locality_topic_matrix").fetchone()[0]
        focus_not_sponsored = con.execute(
            "SELECT count(*) FROM article_localities x JOIN article_topics y"
            " ON x.site = y.site AND x.post_id = y.post_id AND y.is_primary"
            " JOIN topics t ON t.site = y.site AND t.topic_id = y.topic_id"
            " WHERE x.is_focus AND NOT t.sponsored"
        ).fetchone()[0]
        months = con.execute(
            "SELECT count(*) FROM articles_by_topic WHERE month <> date_trunc('month', month)"
        ).fetchone()[0]
    assert by_topic == topic_rows
    assert tuple(by_locality) == tuple(locality_rows)
    assert matrix == focus_not_sponsored > 0
    assert months == 0
