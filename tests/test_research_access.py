"""What researchers use: search, the read-only query command, the Python API and exports, on an
archive built by a real Dagster run over the replica."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import duckdb
import pytest

from foundation.normalise import accent_free, match_form
from foundation.settings import ArchivePaths
from tests.archive_runs import baoarchive
from warehouse import Archive, connect_writer, search_engine
from warehouse import search as search_module
from warehouse.db import sql
from warehouse.search import refresh_index, search, touched_since


def one_line_error(done: subprocess.CompletedProcess) -> str:
    assert done.returncode == 2, done.stdout
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


def text_of(archive: Archive, post_id: int) -> str:
    title, sapo, body = archive.con.execute(
        "SELECT title, coalesce(sapo, ''), coalesce(body, '') FROM articles WHERE post_id = ?",
        [post_id],
    ).fetchone()
    return f"{title}\n{sapo}\n{body}"


EMPTY = hashlib.sha256(b"").hexdigest()


def tree_digest(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


# --- search -------------------------------------------------------------------------------


def test_an_article_is_found_first_by_its_own_title(archive, truth):
    for article in truth[:10]:
        found = archive.search(f'"{article.title}"', limit=3).fetchall()
        assert found and found[0][0] == article.post_id, article.title


def test_every_syllable_is_required_and_diacritics_count(archive):
    found = archive.search("nông thôn mới", limit=50).fetchall()
    assert found
    for post_id, *_ in found:
        words = set(match_form(text_of(archive, post_id)).split())
        assert {"nông", "thôn", "mới"} <= {w.strip('.,:;!?"()') for w in words}
    # without diacritics, the default search finds nothing; the accent-insensitive one finds them
    assert archive.search("nong thon moi").fetchall() == []
    folded = {row[0] for row in archive.search("nong thon moi", accents=False, limit=50).fetchall()}
    assert {row[0] for row in found} <= folded


def test_a_quoted_phrase_must_appear_as_written(archive):
    phrase = [row[0] for row in archive.search('"xã hội"', limit=100).fetchall()]
    loose = [row[0] for row in archive.search("xã hội", limit=100).fetchall()]
    assert phrase
    for post_id in phrase:
        assert "xã hội" in " ".join(match_form(text_of(archive, post_id)).split())
    assert set(phrase) <= set(loose)


def test_search_filters_by_topic_and_dates(archive):
    rows = archive.search(
        "xã", topic="kinh-te", since="2025-07-01", until="2026-06-30", limit=100
    ).fetchall()
    assert rows
    for post_id, _, published_at, *_ in rows:
        assert "2025-07-01" <= published_at.date().isoformat() <= "2026-06-30"
        topics = archive.con.execute(
            "SELECT list(topic_id) FROM article_topics WHERE post_id = ?", [post_id]
        ).fetchone()[0]
        assert "kinh-te" in topics


#: A topic and a locality many articles have, in the session archive.
COMMON_GROUPS = """SELECT
    (SELECT topic_id FROM article_topics GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1),
    (SELECT locality_id FROM article_localities GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1)"""


def answers(archive: Archive, words: str, accents: bool = True, **given: str) -> tuple:
    """The index's answer, given through a DuckDB of its own that holds no table (so nothing
    of it can come from the lake), and the lake's answer to the same search."""
    index = ArchivePaths(archive.data_dir).search_dir
    filters = archive.filters(**given)
    alone = search(duckdb.connect(), words, filters, index=index, accents=accents, limit=50)
    by_lake = search(archive.con, words, filters, index=index, accents=accents, limit=50,
                     through_lake=True)  # fmt: skip
    return alone, by_lake


def test_a_search_answered_from_the_index_alone_equals_the_lakes_rows(archive):
    """The index answers alone, filters included; the lake, asked instead (as it is for an
    older snapshot), gives the same rows, column types included."""
    state = search_engine.read_state(ArchivePaths(archive.data_dir).search_dir)
    assert state["snapshot"] == archive.snapshot  # the run's last commit is the index's
    topic, locality = archive.con.execute(COMMON_GROUPS).fetchone()
    cases = [
        ("xã", True, {}), ('"nông thôn mới"', True, {}), ("lao cai", False, {}),
        ("xã", True, {"topic": topic}), ("xã", True, {"locality": locality}),
        ("xã", True, {"since": "2025-07-01", "until": "2026-03-31"}),
        ("tỉnh", True, {"topic": topic, "since": "2025-03-01"}),
        ("xa", False, {"locality": locality, "until": "2026-01-31"}),
    ]  # fmt: skip
    for words, accents, given in cases:
        alone, by_lake = answers(archive, words, accents, **given)
        assert alone.columns == by_lake.columns and alone.types == by_lake.types
        assert alone.fetchall() == by_lake.fetchall() != [], (words, given)


def test_ties_rank_by_post_id_however_the_segments_hold_them(archive_copy):
    """The lower half of the post ids indexed again, so that the index holds them after the
    others: asking for fewer results still gives the first of the same ranking (equal scores
    rank by post id, not by where the index holds them)."""
    index = ArchivePaths(archive_copy).search_dir
    with connect_writer(archive_copy) as con:
        low, middle = con.execute("SELECT min(post_id), median(post_id) FROM articles").fetchone()
        asked = ["baolaocai", low, int(middle)]
        rows = con.execute(sql("search_index_documents"), asked).fetchall()
    assert search_engine.apply(index, [search_module._for_index(row) for row in rows]) > 10
    with Archive(archive_copy) as archive:
        for words in ("xã", "tỉnh lào cai"):
            ranking = archive.search(words, limit=60).select("post_id, score").fetchall()
            assert len({score for _, score in ranking}) < len(ranking), words  # ties to break
            for limit in range(1, len(ranking)):
                shorter = archive.search(words, limit=limit).select("post_id, score").fetchall()
                assert shorter == ranking[:limit], (words, limit)


def test_a_changed_topic_or_locality_reaches_the_index(archive_copy):
    """One article leaves the topic, another the locality: the next refresh re-indexes those
    two only, and a search filtered by each no longer finds it, by the index as by the lake."""
    with connect_writer(archive_copy) as con:
        topic, locality = con.execute(COMMON_GROUPS).fetchone()
        (moved, moved_title), (dropped, dropped_title) = con.execute(
            "SELECT post_id, title FROM articles WHERE post_id IN (SELECT post_id FROM"
            " article_topics WHERE topic_id = ? INTERSECT SELECT post_id FROM article_localities"
            " WHERE locality_id = ?) ORDER BY post_id LIMIT 2", [topic, locality],
        ).fetchall()  # fmt: skip
    cases = {moved: (moved_title, {"topic": topic}),
             dropped: (dropped_title, {"locality": locality})}  # fmt: skip

    def found(data_dir: Path) -> dict[int, list[int]]:
        with Archive(data_dir) as archive:
            by_post = {}
            for post_id, (title, given) in cases.items():
                alone, by_lake = answers(archive, f'"{title}"', **given)
                by_post[post_id] = [row[0] for row in alone.fetchall()]
                assert by_post[post_id] == [row[0] for row in by_lake.fetchall()]
            return by_post

    assert all(post_id in ids for post_id, ids in found(archive_copy).items())
    with connect_writer(archive_copy) as con:
        con.execute("UPDATE article_topics SET topic_id = 'the-topic-moved' WHERE post_id = ?"
                    " AND topic_id = ?", [moved, topic])  # fmt: skip
        con.execute("DELETE FROM article_localities WHERE post_id = ? AND locality_id = ?",
                    [dropped, locality])  # fmt: skip
        done = refresh_index(con, ArchivePaths(archive_copy).search_dir)
    assert (done["indexed"], done["rebuilt"]) == (2, False)
    assert all(post_id not in ids for post_id, ids in found(archive_copy).items())


def test_the_index_compares_nothing_after_writes_it_does_not_read(archive_copy):
    """A run that found nothing new writes the crawl's tables only: the index is not touched.
    A changed topic row, a deleted article row, a table made anew: it is."""
    index = ArchivePaths(archive_copy).search_dir
    with connect_writer(archive_copy) as con:
        built = search_engine.read_state(index)["snapshot"]
        assert not touched_since(con, built)
        con.execute("INSERT INTO crawl_log (capture_id, run_id, url, fetched_at)"
                    " VALUES ('r:1', 'r', 'https://example.org/', now())")  # fmt: skip
        con.execute("DELETE FROM crawl_log WHERE capture_id = 'r:1'")
        assert not touched_since(con, built)
        assert refresh_index(con, index)["indexed"] == 0
        built = search_engine.read_state(index)["snapshot"]
        for change in (
            "UPDATE article_topics SET topic_id = topic_id WHERE post_id = (SELECT min(post_id)"
            " FROM article_topics)",
            "DELETE FROM articles WHERE post_id = (SELECT max(post_id) FROM articles)",
            "CREATE OR REPLACE TABLE article_localities AS FROM article_localities",
        ):
            con.execute(change)
            assert touched_since(con, built), change
            built = con.execute("SELECT id FROM current_snapshot()").fetchone()[0]


QUERIES = ("giao thông", "xã", "lào cai tỉnh", "nông thôn mới", "huyện", '"xã hội"')


def results(data_dir: Path) -> dict[str, list[tuple[int, float]]]:
    with Archive(data_dir) as archive:
        return {
            words: archive.search(words, limit=1000).select("post_id, score").fetchall()
            for words in QUERIES
        } | {
            f"{words} (no accents)": archive.search(words, accents=False, limit=1000)
            .select("post_id, score")
            .fetchall()
            for words in ("nong thon", "lao cai")
        }


def rebuild(data_dir: Path) -> dict[str, object]:
    """The index made again from scratch, from the lake alone."""
    index = ArchivePaths(data_dir).search_dir
    shutil.rmtree(index)
    with connect_writer(data_dir) as con:
        return refresh_index(con, index)


def test_the_pipeline_keeps_the_index_in_step(archive_copy):
    database = archive_copy
    index = ArchivePaths(database).search_dir
    with connect_writer(database) as con:
        nothing = {"documents": 60, "updated": 0, "indexed": 0, "rebuilt": False}
        assert refresh_index(con, index) == nothing
        post_id, gone = con.execute("SELECT min(post_id), max(post_id) FROM articles").fetchone()
        con.execute(
            "UPDATE articles SET body = body || ' Táo mèo bán ở xã Khánh Hoà.',"
            " content_hash = 'revised' WHERE post_id = ?",
            [post_id],
        )
        con.execute("DELETE FROM articles WHERE post_id = ?", [gone])
        assert refresh_index(con, index) == nothing | {
            "documents": 59, "updated": 1, "indexed": 2,
        }  # fmt: skip
    kept_in_step = results(database)
    assert rebuild(database) == {"documents": 59, "updated": 0, "indexed": 59, "rebuilt": True}
    rebuilt = results(database)
    assert rebuilt.keys() == kept_in_step.keys()
    for words, found in rebuilt.items():
        # the same articles; their scores differ by what tantivy's statistics (N, df) still
        # count of the replaced and deleted documents until their segment is merged
        assert found and dict(found) == pytest.approx(dict(kept_in_step[words]), rel=0.05), words
    with connect_writer(database) as con:  # new articles only: the very same results
        con.execute(
            "INSERT INTO articles SELECT * REPLACE (post_id + 1000000 AS post_id,"
            " title || ' Táo mèo' AS title) FROM articles"
            " WHERE post_id IN (SELECT post_id FROM articles ORDER BY post_id LIMIT 2)"
        )
        assert refresh_index(con, index) == nothing | {
            "documents": 61, "updated": 2, "indexed": 2,
        }  # fmt: skip
    added = results(database)
    rebuild(database)
    assert results(database) == added
    with Archive(database) as revised:
        found = {r[0] for r in revised.search('"táo mèo" khánh').fetchall()}
        assert found == {post_id, post_id + 1000000}
        assert gone not in [r[0] for r in revised.search("xã", limit=1000).fetchall()]
        # old and new tone placement ("Hoà", "Hòa") are one word
        assert post_id in [r[0] for r in revised.search('"táo mèo" Khánh Hòa').fetchall()]


#: tantivy's fieldnorm: a document's length kept in one byte, as the largest of these at most
#: the length (the first 40 exact, then 8 steps of each power of two).
def _fieldnorms() -> list[int]:
    norms, step, value = list(range(40)), 1, 40
    while len(norms) < 256:
        for _ in range(8):
            if len(norms) < 256:
                norms.append(value)
                value += step * 2
        step *= 2
    return norms


def reference_bm25(con, words: str) -> list[tuple[int, float]]:
    """BM25 as tantivy defines it (k1 = 1.2, b = 0.75, idf ln(1 + (N - n + 0.5)/(n + 0.5)),
    the sentence mark a word, lengths as fieldnorms), computed in SQL over search_documents:
    every syllable required, scores summed; best first."""
    syllables = list(dict.fromkeys(match_form(words).split()))
    return con.execute(
        """
        WITH docs AS (
            SELECT post_id, string_split(trim(exact), ' ') AS tokens FROM search_documents
        ),
        stats AS (SELECT count(*) AS n_docs, sum(len(tokens)) / count(*) AS avgdl FROM docs),
        norms AS (SELECT unnest($norms::INTEGER[]) AS norm),
        lengths AS (
            SELECT post_id, (SELECT max(norm) FROM norms WHERE norm <= len(tokens)) AS dl
            FROM docs
        ),
        tf AS (
            SELECT post_id, token, count(*) AS tf
            FROM (SELECT post_id, unnest(tokens) AS token FROM docs)
            WHERE token IN (SELECT unnest($syllables::VARCHAR[]))
            GROUP BY ALL
        ),
        df AS (SELECT token, count(*) AS df FROM tf GROUP BY token)
        SELECT post_id, sum(
            ln(1 + (n_docs - df + 0.5) / (df + 0.5)) * 2.2 * tf
            / (tf + 1.2 * (1 - 0.75 + 0.75 * dl / avgdl))
        ) AS score
        FROM tf JOIN df USING (token) JOIN lengths USING (post_id), stats
        GROUP BY post_id
        HAVING count(*) = len($syllables::VARCHAR[])
        ORDER BY score DESC, post_id
        """,
        {"norms": _fieldnorms(), "syllables": syllables},
    ).fetchall()


def test_the_index_ranks_as_bm25_computed_apart(archive):
    """The same matches and scores, and the same order wherever the scores differ: tantivy
    scores in f32, so two articles a double apart may tie in it (then post id decides)."""
    for words in ("giao thông", "xã", "lào cai tỉnh", "huyện", "tỉnh"):
        theirs = reference_bm25(archive.con, words)
        ours = archive.search(words, limit=1000).select("post_id, score").fetchall()
        assert len(theirs) > 0 and sorted(p for p, _ in ours) == sorted(p for p, _ in theirs)
        assert dict(ours) == pytest.approx(dict(theirs), abs=5e-4), words  # f32, 4 places
        place = {post_id: rank for rank, (post_id, _) in enumerate(ours)}
        for i, (a, score_a) in enumerate(theirs):
            for b, score_b in theirs[i + 1 :]:
                if score_a > score_b + 1e-3:
                    assert place[a] < place[b], (words, a, b)


def test_a_phrase_never_runs_across_a_sentence(archive):
    """The last word of a sentence and the first of the next, quoted: not found there."""
    checked = 0
    documents = archive.con.execute("SELECT post_id, exact FROM search_documents").fetchall()
    for post_id, exact in documents:
        sentences = [s.split() for s in exact.split(" · ") if s.split()]
        for before, after in pairwise(sentences):
            pair = f"{before[-1]} {after[0]}"
            if f" {pair} " not in exact:
                assert post_id in {r[0] for r in archive.search(pair, limit=1000).fetchall()}
                quoted = {r[0] for r in archive.search(f'"{pair}"', limit=1000).fetchall()}
                assert post_id not in quoted, pair
                checked += 1
                break
        if checked >= 10:
            break
    assert checked == 10


def test_readers_keep_working_while_the_writer_commits(archive_copy):
    """A reader in another process and one in this one, open across a commit of the writer."""
    index = ArchivePaths(archive_copy).search_dir
    reader = search_engine.open_index(index)
    before = reader.searcher()
    script = (
        "import sys; from pathlib import Path; from warehouse import search_engine as e\n"
        "index = e.open_index(Path(sys.argv[1])); searcher = index.searcher()\n"
        "print(searcher.num_docs, flush=True); sys.stdin.readline(); index.reload()\n"
        "print(searcher.num_docs, index.searcher().num_docs, flush=True)\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script, str(index)], stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert child.stdout.readline().strip() == "60"
    with connect_writer(archive_copy) as con:
        con.execute("DELETE FROM articles WHERE post_id = (SELECT min(post_id) FROM articles)")
        assert refresh_index(con, index)["documents"] == 59
    out, _ = child.communicate("\n", timeout=60)
    assert out.split() == ["60", "59"] and child.returncode == 0  # its commit whole, then new
    assert before.num_docs == 60
    reader.reload()
    assert reader.searcher().num_docs == 59


def test_search_command_prints_ranked_results_with_snippets(data_dir, truth):
    title = truth[0].title
    done = baoarchive(data_dir, "search", f'"{title}"', "--format", "json", "--limit", "2")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert rows[0]["rank"] == 1 and rows[0]["title"] == title
    assert rows[0]["url"].endswith(f"-post{truth[0].post_id}.html")
    assert set(rows[0]) >= {"date", "snippet", "score"}
    done = baoarchive(data_dir, "search", "da nang lao cai", "--no-accents", "--format", "csv")
    assert done.returncode == 0 and done.stdout.startswith("rank,date,title,url,snippet")


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["search", "xã", "--topic", "kinhte"], "unknown topic 'kinhte'"),
        (["search", "xã", "--since", "2025-02-30"], "is not a date"),
        (["search", "xã", "--locality", "Hà Nội"], "unknown locality"),
        (["search", "xã", "--locality", "Bát Xát"], "ambiguous"),
        (["search", "?!"], "nothing to search for"),
        (["export", "--out", "x", "--until", "yesterday"], "is not a date"),
    ],
)
def test_bad_filters_get_one_line(data_dir, args, says):
    assert says in one_line_error(baoarchive(data_dir, *args))


# --- query --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "statement",
    [
        "DELETE FROM articles",
        "CREATE TABLE mine AS SELECT 1",
        "COPY (SELECT * FROM articles) TO 'leak.csv'",
        "ATTACH 'other.duckdb' AS other",
        "SET enable_external_access = true",
    ],
)
def test_query_cannot_write(data_dir, statement, tmp_path):
    def lake_files() -> dict[str, str]:
        """The catalog and data files; SQLite's shared-memory index of its write-ahead log is
        a reader's too, and the log must hold no commit."""
        found = tree_digest(ArchivePaths(data_dir).lake_dir)
        log = found.pop("catalog.sqlite-wal", EMPTY)
        found.pop("catalog.sqlite-shm", None)
        return found | {"log": log}

    before = lake_files()
    one_line_error(baoarchive(data_dir, "query", statement))
    assert lake_files() == before
    assert not Path("leak.csv").exists() and not Path("other.duckdb").exists()


def test_query_reads_the_search_documents(data_dir):
    done = baoarchive(
        data_dir, "query",
        "SELECT count(*) AS n FROM search_documents WHERE contains(exact, ' xã ')",
        "--format", "json",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["n"] > 0


# --- Python API ---------------------------------------------------------------------------


def test_articles_relation_matches_sql_and_converts(archive):
    relation = archive.articles(topic="kinh-te", since="2025-07-01")
    expected = archive.con.execute(
        "SELECT count(*) FROM articles a JOIN article_topics t USING (post_id)"
        " WHERE t.topic_id = 'kinh-te' AND a.published_at >= TIMESTAMPTZ '2025-07-01 00:00:00+07'"
    ).fetchone()[0]
    assert expected > 0
    assert len(relation.df()) == expected
    assert relation.pl().height == expected
    assert relation.arrow().read_all().num_rows == expected  # a RecordBatchReader in 1.5
    assert isinstance(relation, duckdb.DuckDBPyRelation)


def test_articles_of_a_locality_by_name_or_id(archive):
    unit, name = archive.con.execute(
        "SELECT locality_id, name FROM localities JOIN article_localities USING (locality_id)"
        " WHERE kind = 'xa' GROUP BY ALL ORDER BY count(*) DESC, locality_id LIMIT 1"
    ).fetchone()
    by_id = archive.articles(locality=unit).df()
    by_name = archive.articles(locality=f"xã {name}").df()
    assert len(by_id) > 0 and list(by_id.post_id) == list(by_name.post_id)
    assert all(unit in units for units in by_id.localities)
    by_folded = archive.articles(locality=accent_free(f"xã {name}")).df()
    assert list(by_folded.post_id) == list(by_id.post_id)
