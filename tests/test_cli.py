"""The ``baoarchive`` command as a user runs it: a subprocess, its output and exit code."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
REAL_PAGE = SHARED / "fixtures/real/baolaocai_song-dep-tu-nhung-dieu-gian-di_post404649.html"


def baoarchive(*args: str, data_dir: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if data_dir is not None:
        env["BAOARCHIVE_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [sys.executable, "-m", "baoarchive.cli", *args],
        capture_output=True, text=True, timeout=600, env=env,
    )  # fmt: skip


@pytest.mark.fast
@pytest.mark.skipif(not REAL_PAGE.exists(), reason="needs ../shared/fixtures/real")
def test_extract_prints_the_fields_of_a_real_page():
    done = baoarchive("extract", str(REAL_PAGE))
    assert done.returncode == 0, done.stderr
    article = json.loads(done.stdout)
    assert list(article)[:11] == [
        "post_id",
        "url",
        "title",
        "sapo",
        "body",
        "author",
        "published_at",
        "modified_at",
        "category",
        "tags",
        "images",
    ]
    assert article["post_id"] == 404649
    assert article["title"] == "Sống đẹp từ những điều giản dị"
    assert article["published_at"] == "2025-06-17T13:43:02+07:00"
    assert article["author"] == "Anh Dũng"
    assert article["tags"] == ["Thiếu tá Đoàn Thị Hạnh"]
    assert "Có thể bạn quan tâm" not in article["body"]


@pytest.mark.fast
def test_extract_of_a_missing_file_is_one_line_error(tmp_path):
    done = baoarchive("extract", str(tmp_path / "nope.html"))
    assert done.returncode != 0
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr


def test_demo_then_read_only_query(tmp_path):
    done = baoarchive("demo", "--articles", "10", data_dir=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "articles" in done.stdout
    count = baoarchive("query", "SELECT count(*) AS n FROM articles", "--format", "json",
                       data_dir=tmp_path)  # fmt: skip
    assert json.loads(count.stdout) == {"n": 10}
    write = baoarchive("query", "DELETE FROM articles", data_dir=tmp_path)
    assert write.returncode != 0
    assert "read-only" in write.stderr.lower()
    again = baoarchive("query", "SELECT count(*) AS n FROM articles", "--format", "json",
                       data_dir=tmp_path)  # fmt: skip
    assert json.loads(again.stdout) == {"n": 10}


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("bad")
    pdf = root / "article.html"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
    blocker = root / "a-file"
    blocker.write_text("a data directory cannot live under a file")
    empty = root / "empty"
    empty.mkdir()
    return {"pdf": pdf, "under_a_file": blocker / "data", "empty": empty, "root": root}


BAD_COMMANDS = {
    "extract a missing file": (["extract", "{root}/nope.html"], "No such file"),
    "extract a PDF given as HTML": (["extract", "{pdf}"], "not"),
    "demo into an unwritable data directory": (["demo", "--articles", "5", "--data-dir",
                                                "{under_a_file}"], "data directory"),
    "query without a database": (["query", "SELECT 1", "--data-dir", "{empty}"], "no archive"),
    "query with bad SQL on an archive": (["query", "SELEC 1", "--data-dir", "{archive}"],
                                          "syntax error"),
    "search without a database": (["search", "xã", "--data-dir", "{empty}"], "no archive"),
    "export with a bad date from an archive": (["export", "--out", "{root}/out", "--since",
                                                "2025-02-30", "--data-dir", "{archive}"],
                                               "--since '2025-02-30' is not a date"),
    "search with a limit of 0 on an archive": (["search", "xã", "--limit", "0", "--data-dir",
                                                "{archive}"], "--limit must be at least 1"),
    "export without a database": (["export", "--out", "{root}/out", "--data-dir", "{empty}"],
                                  "no archive"),
    "topics without a database": (["topics", "--data-dir", "{empty}"], "no archive"),
    "reprocess without WARC files": (["reprocess", "--data-dir", "{empty}"], "no WARC"),
    "replica on a port out of range": (["replica", "--port", "70000"], "port"),
    "an unknown option": (["search", "xã", "--colour"], "unrecognized arguments"),
    "an unknown command": (["frobnicate"], "invalid choice"),
    "a mistyped command": (["serach", "xã"], "did you mean `search`?"),
    "a mistyped option": (["search", "xã", "--localty", "x"], "did you mean `--locality`?"),
    "a mistyped option of export": (["export", "--out", "x", "--acros-reform"],
                                    "did you mean `--across-reform`?"),
}  # fmt: skip


@pytest.mark.parametrize("case", [
    pytest.param(case, marks=[] if "archive" in case else [pytest.mark.fast])
    for case in BAD_COMMANDS
])  # fmt: skip
def test_bad_input_gets_one_line_and_a_non_zero_exit(bad_inputs, case, request):
    args, says = BAD_COMMANDS[case]
    if "on an archive" in case or "from an archive" in case:
        bad_inputs = bad_inputs | {"archive": request.getfixturevalue("archive_run")[0]}
    done = baoarchive(*(a.format(**bad_inputs) for a in args))
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert says.lower() in lines[0].lower(), lines[0]
