"""What researchers use: search, the read-only query command, the Python API and exports, on an
archive built by a real Dagster run over the replica."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest

from foundation.normalise import accent_free, match_form
from foundation.settings import ArchivePaths
from warehouse import Archive, connect_reader, connect_writer
from warehouse.export import ExportError, confined, export
from warehouse.migrations import migrate
from warehouse.search import REFERENCE_INDEX, load_fts, refresh_index, search


@pytest.fixture(scope="module")
def data_dir(archive_run) -> Path:
    return archive_run[0]


@pytest.fixture()
def archive(data_dir):
    with Archive(data_dir) as opened:
        yield opened


@contextmanager
def native_copy(data_dir: Path):
    """The search tables and articles of the lake copied into an in-memory DuckDB database,
    where the fts extension can build its own index (it writes tables and macros of its own)."""
    con = connect_reader(data_dir)
    try:
        con.execute("ATTACH ':memory:' AS native")
        con.execute("USE native")
        migrate(con)
        for table in ("articles", "search_documents", "search_terms", "search_lengths",
                      "search_postings", "search_index_state"):  # fmt: skip
            con.execute(f"INSERT INTO native.{table} SELECT * FROM archive.{table}")
        yield con
    finally:
        con.close()


def baoarchive(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "baoarchive.cli", *args, "--data-dir", str(data_dir)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip


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


def index_contents(con: duckdb.DuckDBPyConnection) -> tuple:
    """What the index says, by term text (term ids depend on the order terms came in)."""
    terms = con.execute("SELECT term, df FROM search_terms WHERE df > 0 ORDER BY 1").fetchall()
    lengths = con.execute("SELECT * FROM search_lengths ORDER BY post_id").fetchall()
    postings = con.execute(
        "SELECT t.term, p.post_id, p.tf, p.len FROM search_postings p"
        " JOIN search_terms t USING (termid) ORDER BY 1, 2"
    ).fetchall()
    return terms, lengths, postings


def test_the_pipeline_keeps_the_index_in_step(archive_copy):
    database = archive_copy
    with connect_writer(database) as con:
        nothing = {"documents": 60, "updated": 0, "indexed": 0, "postings_resorted": False}
        assert refresh_index(con) == nothing
        post_id = con.execute("SELECT min(post_id) FROM articles").fetchone()[0]
        con.execute(
            "UPDATE articles SET body = body || ' Táo mèo bán ở xã Khánh Hoà.',"
            " content_hash = 'revised' WHERE post_id = ?",
            [post_id],
        )
        assert refresh_index(con) == nothing | {"updated": 1, "indexed": 1}
        kept_in_step = index_contents(con)
        con.execute("DELETE FROM search_postings; DELETE FROM search_lengths;"
                    " DELETE FROM search_terms; DELETE FROM search_index_state")  # fmt: skip
        assert refresh_index(con)["indexed"] == 60
        assert index_contents(con) == kept_in_step  # as if built from scratch
    with Archive(database) as revised:
        assert [r[0] for r in revised.search('"táo mèo"').fetchall()] == [post_id]
        # old and new tone placement ("Hoà", "Hòa") are one word
        assert post_id in [r[0] for r in revised.search('"táo mèo" Khánh Hòa').fetchall()]


def test_the_index_splits_and_scores_as_the_fts_extension(data_dir):
    with native_copy(data_dir) as con:
        load_fts(con)
        con.execute(REFERENCE_INDEX)
        reference = "fts_main_search_documents"
        assert con.execute(f"SELECT term, df FROM {reference}.dict ORDER BY 1").fetchall() == (
            con.execute("SELECT term, df FROM search_terms WHERE df > 0 ORDER BY 1").fetchall()
        )
        assert con.execute(f"SELECT name, len FROM {reference}.docs ORDER BY 1").fetchall() == (
            con.execute("SELECT post_id, len FROM search_lengths ORDER BY 1").fetchall()
        )
        for words in ("giao thông", "xã", "lào cai tỉnh"):
            theirs = dict(con.execute(
                f"SELECT post_id, {reference}.match_bm25(post_id, ?, conjunctive := 1) AS score"
                " FROM search_documents WHERE score IS NOT NULL", [words],
            ).fetchall())  # fmt: skip
            ours = dict(search(con, words, limit=1000).select("post_id, score").fetchall())
            assert theirs and ours == pytest.approx(theirs, abs=5e-5), words  # shown to 4 places


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


def test_query_reads_the_search_index(data_dir):
    done = baoarchive(
        data_dir, "query",
        "SELECT count(DISTINCT p.post_id) AS n FROM search_postings p"
        " JOIN search_terms t USING (termid) WHERE t.term = 'xã'",
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


# --- exports ------------------------------------------------------------------------------


def test_parquet_export_is_hive_partitioned_and_reads_back(archive, tmp_path):
    out = tmp_path / "all"
    result = export(archive, archive.filters(), "parquet", out)
    total = archive.con.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert result.rows == total
    parts = sorted(out.rglob("*.parquet"))
    assert parts and all(
        p.relative_to(out / "data").parts[0].startswith("topic=")
        and p.relative_to(out / "data").parts[1].startswith("year=")
        and p.relative_to(out / "data").parts[2].startswith("month=")
        for p in parts
    )
    import pandas
    import polars

    frame = pandas.read_parquet(out / "data")
    assert len(frame) == total and {"topic", "year", "month", "title", "body"} <= set(frame)
    lazy = polars.scan_parquet(f"{out}/data/**/*.parquet", hive_partitioning=True)
    assert lazy.collect().height == total
    counted = duckdb.sql(
        f"SELECT count(DISTINCT post_id) FROM read_parquet('{out}/data/**/*.parquet',"
        " hive_partitioning = true) WHERE topic = split_part(topic_id, '/', 1)"
    ).fetchone()[0]
    assert counted == total


def test_data_card_says_what_is_inside(archive, tmp_path):
    out = tmp_path / "economy"
    result = export(archive, archive.filters(topic="kinh-te"), "parquet", out)
    card = json.loads((out / "datacard.json").read_text(encoding="utf-8"))
    assert card["filters"]["topic"] == "kinh-te" and card["rows"] == result.rows > 0
    assert {f["path"] for f in card["files"]} == {
        p.relative_to(out).as_posix() for p in out.rglob("*.parquet")
    }
    for entry in card["files"]:
        data = (out / entry["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"] and len(data) == entry["bytes"]
    assert sum(f["rows"] for f in card["files"]) == card["rows"]
    assert {c["name"] for c in card["columns"]} >= {"post_id", "title", "body", "published_at"}
    assert card["date_range"]["first"] <= card["date_range"]["last"]
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert "topic = kinh-te" in readme and entry["sha256"] in readme


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_re_export_is_byte_identical(archive, tmp_path, fmt):
    first, second = tmp_path / "a", tmp_path / "b"
    export(archive, archive.filters(since="2025-07-01"), fmt, first)
    export(archive, archive.filters(since="2025-07-01"), fmt, second)
    assert tree_digest(first) == tree_digest(second)
    digest = tree_digest(first)
    export(archive, archive.filters(since="2025-07-01"), fmt, first)  # over its own export
    assert tree_digest(first) == digest


def test_an_export_whose_rows_did_not_change_is_not_written_again(archive_copy, tmp_path):
    database, out = archive_copy, tmp_path / "economy"
    with connect_writer(database) as con:
        reader = Archive(database, con=con)
        chosen = reader.filters(topic="kinh-te")
        assert not export(reader, chosen, "parquet", out).reused
        digest = tree_digest(out)
        written = {p: p.stat().st_mtime_ns for p in out.rglob("*")}
        again = export(reader, chosen, "parquet", out)
        assert again.reused and again.rows > 0
        assert {p: p.stat().st_mtime_ns for p in out.rglob("*")} == written
        next(out.rglob("*.parquet")).write_bytes(b"damaged")  # a damaged file: written again
        assert not export(reader, chosen, "parquet", out).reused and tree_digest(out) == digest
        con.execute(
            "UPDATE articles SET title = title || ' (sửa)' WHERE post_id ="
            " (SELECT min(post_id) FROM article_topics WHERE topic_id = 'kinh-te')"
        )
        assert not export(reader, chosen, "parquet", out).reused and tree_digest(out) != digest


def test_csv_and_jsonl_read_back_with_the_same_rows(archive, tmp_path):
    import pandas
    import polars

    export(archive, archive.filters(topic="kinh-te"), "csv", tmp_path / "csv")
    export(archive, archive.filters(topic="kinh-te"), "jsonl", tmp_path / "jsonl")
    from_csv = pandas.read_csv(tmp_path / "csv/data/articles.csv")
    from_jsonl = polars.read_ndjson(tmp_path / "jsonl/data/articles.jsonl")
    expected = archive.articles(topic="kinh-te").df()
    assert list(from_csv.post_id) == list(expected.post_id) == from_jsonl["post_id"].to_list()
    assert list(from_csv.title) == list(expected.title)
    assert json.loads(from_csv.topics[0]) == list(expected.topics[0])
    assert from_jsonl["published_at"][0].endswith("+07:00")


def test_a_narrower_export_replaces_its_own_files_only(archive, tmp_path):
    out = tmp_path / "out"
    export(archive, archive.filters(), "parquet", out)
    mine = out / "notes.txt"
    mine.write_text("a researcher's own file")
    narrower = export(archive, archive.filters(topic="kinh-te"), "parquet", out)
    assert mine.read_text() == "a researcher's own file"
    assert {p.relative_to(out).as_posix() for p in out.rglob("*.parquet")} == {
        f["path"] for f in narrower.files
    }


def test_out_cannot_be_left(tmp_path):
    with pytest.raises(ExportError, match="outside"):
        confined(tmp_path, "../escape.parquet")
    with pytest.raises(ExportError, match="outside"):
        confined(tmp_path, "/etc/passwd")
    (tmp_path / "link").symlink_to(tmp_path.parent)
    with pytest.raises(ExportError, match="outside"):
        confined(tmp_path, "link/escape.parquet")


def test_export_refuses_a_directory_that_is_not_an_export(data_dir, tmp_path):
    (tmp_path / "thesis.docx").write_text("years of work")
    says = one_line_error(baoarchive(data_dir, "export", "--out", str(tmp_path)))
    assert "not empty" in says and (tmp_path / "thesis.docx").read_text() == "years of work"


def test_a_forged_card_cannot_delete_outside_out(data_dir, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    out = tmp_path / "out"
    out.mkdir()
    (out / "datacard.json").write_text(json.dumps({"files": [{"path": "../victim.txt"}]}))
    assert "outside" in one_line_error(baoarchive(data_dir, "export", "--out", str(out)))
    assert victim.read_text() == "keep me"


def test_the_pipeline_materializes_the_configured_exports(data_dir, archive):
    card = json.loads((ArchivePaths(data_dir).exports_dir / "all/datacard.json").read_text())
    assert card["rows"] == archive.con.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert card["filters"] == {"topic": None, "locality": None, "since": None, "until": None}
