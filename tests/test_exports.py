"""Exports for colleagues and models: Parquet, CSV and JSONL with their data cards, written
only inside their directory, byte-identical for the same archive, on an archive built by a real
Dagster run over the replica."""

from __future__ import annotations

import hashlib
import json

import duckdb
import pytest

from foundation.settings import ArchivePaths
from tests.test_research_access import baoarchive, one_line_error, tree_digest
from warehouse import Archive, connect_writer
from warehouse import export as export_module
from warehouse.export import ExportError, confined, export
from warehouse.report import coverage

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
        p.relative_to(out).as_posix() for p in (*out.rglob("*.parquet"), *out.rglob("*.png"))
    }
    for entry in card["files"]:
        data = (out / entry["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"] and len(data) == entry["bytes"]
    assert sum(f["rows"] for f in card["files"]) == card["rows"]
    assert {c["name"] for c in card["columns"]} >= {"post_id", "title", "body", "published_at"}
    assert card["date_range"]["first"] <= card["date_range"]["last"]
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert "topic = kinh-te" in readme and entry["sha256"] in readme


def test_the_data_card_carries_the_subsets_coverage_charts(archive, tmp_path):
    out = tmp_path / "economy"
    chosen = archive.filters(topic="kinh-te")
    export(archive, chosen, "csv", out)
    card = json.loads((out / "datacard.json").read_text(encoding="utf-8"))
    readme = (out / "README.md").read_text(encoding="utf-8")
    charts = {chart.name: chart for chart in coverage(archive, chosen).charts}
    assert [c["file"] for c in card["coverage"]] == [f"coverage/{n}.png" for n in charts]
    for listed in card["coverage"]:
        assert f"![{listed['chart']}]({listed['file']})" in readme
    for name, chart in charts.items():  # the subset's own numbers, not the archive's
        assert (out / "coverage" / f"{name}.png").read_bytes() == chart.png
    everything = {chart.name: chart for chart in coverage(archive, archive.filters()).charts}
    assert charts["topics"].rows != everything["topics"].rows


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_re_export_is_byte_identical(archive, tmp_path, fmt, monkeypatch):
    first, second = tmp_path / "a", tmp_path / "b"
    chosen = archive.filters(since="2025-07-01")
    export(archive, chosen, fmt, first)
    monkeypatch.setattr(export_module, "_CHUNK_ROWS", 3)  # read in many chunks this time
    assert len(export_module._chunks(archive, chosen)) > 2
    export(archive, chosen, fmt, second)
    monkeypatch.undo()
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
    written = (*out.rglob("*.parquet"), *out.rglob("*.png"))
    assert {p.relative_to(out).as_posix() for p in written} == {f["path"] for f in narrower.files}


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
    assert card["filters"] == {
        "topic": None,
        "locality": None,
        "since": None,
        "until": None,
        "site": None,
        "across_reform": False,
    }
