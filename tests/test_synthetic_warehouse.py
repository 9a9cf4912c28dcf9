"""The synthetic benchmark warehouse (``bench/synthetic_warehouse.py``), built small: its rows
are what the pipeline would store, and the same seed gives the same rows."""

from __future__ import annotations

import shutil
import unicodedata
from datetime import datetime

import pytest

from bench.synthetic_warehouse import build
from extraction.text import content_hash
from grouping import reference
from replica.timefmt import VN
from warehouse import checks, connect_reader, connect_writer, load

pytestmark = pytest.mark.fast

ARTICLES = 1_000
SEED = 3


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    path = tmp_path_factory.mktemp("synthetic")
    build(path, ARTICLES, SEED)
    return path


@pytest.fixture
def con(built):
    con = connect_reader(built)
    yield con
    con.close()


def count(con, query: str) -> int:
    return con.execute(f"SELECT count(*) FROM {query}").fetchone()[0]


def hashes(path) -> list[str]:
    with connect_reader(path) as con:
        rows = con.execute("SELECT content_hash FROM articles ORDER BY post_id").fetchall()
    return [h for (h,) in rows]


def test_row_counts(con):
    assert count(con, "articles") == ARTICLES
    assert count(con, "crawl_log") == ARTICLES
    assert count(con, "articles JOIN crawl_log USING (capture_id, post_id)") == ARTICLES
    assert count(con, "topics") == len(reference.topics())
    assert count(con, "localities") == len(reference.localities())
    assert count(con, "article_topics") > ARTICLES  # most categories have a parent
    assert count(con, "article_localities") > ARTICLES
    assert count(con, "(SELECT DISTINCT tag_id FROM article_tags)") == count(con, "tags")


def test_every_article_has_one_primary_topic_from_the_taxonomy(con):
    rows = con.execute(
        "SELECT a.post_id, list(x.topic_id) FILTER (WHERE x.is_primary), any_value(a.category)"
        " FROM articles a JOIN article_topics x USING (post_id) GROUP BY a.post_id"
    ).fetchall()
    assert len(rows) == ARTICLES
    taxonomy = {t.topic_id for t in reference.topics()}
    assert all(primary == [category] and category in taxonomy for _, primary, category in rows)


def test_topics_and_tags_are_what_the_pipeline_derives(built, tmp_path):
    """The project's own sync SQL, run over the articles, changes nothing."""
    copy = tmp_path / "copy"
    shutil.copytree(built, copy)
    tables = "article_topics", "tags", "article_tags"

    def snapshot(con) -> dict[str, list]:
        return {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall()) for t in tables}

    with connect_writer(copy) as con:
        before = snapshot(con)
        load.sync_article_topics(con)
        load.sync_article_tags(con)
        assert snapshot(con) == before
        assert count(con, "topics") == len(reference.topics())  # no category was unknown


def test_localities_have_evidence_and_one_focus(con):
    per_article = con.execute(
        "SELECT post_id, count(*), count(*) FILTER (WHERE is_focus) FROM article_localities"
        " GROUP BY post_id"
    ).fetchall()
    assert per_article
    assert all(1 <= n <= 5 and focus == 1 for _, n, focus in per_article)  # 5: commune, district
    misplaced = con.execute(
        "SELECT count(*) FROM article_localities x JOIN articles a USING (post_id)"
        " JOIN localities l USING (locality_id)"
        " WHERE x.mentions < 1 OR NOT ends_with(x.evidence, l.name) OR x.evidence <> substr("
        "  CASE x.first_field WHEN 'title' THEN a.title WHEN 'sapo' THEN a.sapo ELSE a.body END,"
        "  x.first_offset + 1, length(x.evidence))"
    ).fetchone()[0]
    assert misplaced == 0


def test_text_is_nfc_whole_and_hashed(con):
    rows = con.execute(
        "SELECT title, sapo, body, body_markdown, word_count, content_hash FROM articles"
    ).fetchall()
    for title, sapo, body, markdown, words, digest in rows:
        for text in (title, sapo, body, markdown):
            assert text and unicodedata.is_normalized("NFC", text)
            assert "qq" not in text.lower() and "{" not in text  # no placeholder left
        assert words == len(body.split())
        assert digest == content_hash(title, body)
    mean_words = sum(row[4] for row in rows) / len(rows)
    assert 400 < mean_words < 1000


def test_published_within_the_period_and_ids_follow_the_days(con):
    query = "SELECT min(published_at), max(published_at) FROM articles"
    first, last = con.execute(query).fetchone()
    assert datetime(2020, 1, 1, tzinfo=VN) <= first and last < datetime(2026, 1, 1, tzinfo=VN)
    years = con.execute("SELECT DISTINCT year(published_at) FROM articles ORDER BY 1").fetchall()
    assert [y for (y,) in years] == list(range(2020, 2026))
    days = con.execute("SELECT published_at::DATE FROM articles ORDER BY post_id").fetchall()
    assert days == sorted(days)  # within a day, as on the site, ids need not follow the hours


def test_passes_the_archive_checks(con):
    assert checks.duplicate_post_ids(con) == []
    assert checks.missing_required_fields(con) == []
    assert checks.related_leakage(con) == []


def test_same_seed_same_rows(built, tmp_path):
    build(tmp_path / "again", ARTICLES, SEED)
    build(tmp_path / "other", 200, SEED + 1)  # small: only its texts are compared
    assert hashes(tmp_path / "again") == hashes(built)
    assert not set(hashes(tmp_path / "other")) & set(hashes(built))  # no text in common
