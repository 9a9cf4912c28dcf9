"""docs/ stays true to the warehouse: a table, view or column added to (or dropped from)
``warehouse/schema/*.sql`` without updating docs/SCHEMA.md fails here, as does an example
query that no longer runs or is missing from docs/QUERIES.md."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from warehouse import connect_reader, connect_writer

pytestmark = pytest.mark.fast

DOCS = Path(__file__).resolve().parents[1] / "docs"
QUERY_FILES = sorted((DOCS / "queries").glob("*.sql"))
QUESTION = re.compile(r"^-- Question: (\S.*)$")
# A "### `name`" heading opens the section describing that table or view.
HEADING = re.compile(r"^#{1,3} ", re.MULTILINE)
SECTION = re.compile(r"^### `(\w+)`")
COLUMN_ROW = re.compile(r"^\| `(\w+)` \|", re.MULTILINE)


@pytest.fixture(scope="module")
def migrated(tmp_path_factory) -> Path:
    """An empty database with every migration of warehouse/schema applied."""
    path = tmp_path_factory.mktemp("docs")
    connect_writer(path).close()
    return path


def relations(path: Path) -> dict[str, list[str]]:
    """Every table and view of schema main (DuckDB's own left out), with its columns."""
    with connect_reader(path) as con:
        rows = con.execute(
            """
            SELECT c.table_name, list(c.column_name ORDER BY c.column_index)
            FROM duckdb_columns() c
            WHERE c.database_name = 'archive' AND c.schema_name = 'main' AND NOT c.internal
              AND c.table_name IN (
                  SELECT table_name FROM duckdb_tables()
                  WHERE database_name = 'archive' AND schema_name = 'main' AND NOT internal
                  UNION ALL
                  SELECT view_name FROM duckdb_views()
                  WHERE database_name = 'archive' AND schema_name = 'main' AND NOT internal)
            GROUP BY c.table_name
            """
        ).fetchall()
    return dict(rows)


def schema_sections() -> dict[str, str]:
    """docs/SCHEMA.md's sections by the table or view their heading names."""
    text = (DOCS / "SCHEMA.md").read_text(encoding="utf-8")
    sections = {}
    for chunk in HEADING.split(text):
        if m := SECTION.match("### " + chunk):
            sections[m.group(1)] = chunk
    return sections


def question(path: Path) -> str | None:
    first = path.read_text(encoding="utf-8").partition("\n")[0]
    return m.group(1) if (m := QUESTION.match(first)) else None


def test_schema_md_documents_every_table_view_and_column(migrated: Path) -> None:
    actual = relations(migrated)
    sections = schema_sections()
    assert actual, "the migrated database has no tables"
    problems = []
    for name, columns in sorted(actual.items()):
        if name not in sections:
            problems.append(f"{name}: no '### `{name}`' section")
            continue
        documented = COLUMN_ROW.findall(sections[name])
        problems += [f"{name}.{c}: not in its column table" for c in columns if c not in documented]
        problems += [
            f"{name}.{c}: documented, not in the schema"
            for c in sorted(set(documented) - set(columns))
        ]
    problems += [
        f"{name}: documented, not in the schema" for name in sorted(set(sections) - set(actual))
    ]
    assert not problems, "docs/SCHEMA.md has drifted:\n" + "\n".join(problems)


def test_there_are_example_queries() -> None:
    assert len(QUERY_FILES) >= 12


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.name)
def test_query_has_a_question_and_runs_read_only(migrated: Path, path: Path) -> None:
    assert question(path), f"{path.name}: the first line must be '-- Question: ...'"
    with connect_reader(migrated) as con:
        cursor = con.execute(path.read_text(encoding="utf-8"))
        assert cursor.description, f"{path.name}: not a query"
        cursor.fetchall()


def test_queries_md_has_a_section_for_every_query() -> None:
    text = (DOCS / "QUERIES.md").read_text(encoding="utf-8")
    headings = set(re.findall(r"^## \d+\. (.+)$", text, re.MULTILINE))
    for path in QUERY_FILES:
        assert f"(queries/{path.name})" in text, f"QUERIES.md: no section for {path.name}"
        assert question(path) in headings, f"QUERIES.md: the question of {path.name} is stale"
    listed = set(re.findall(r"\(queries/(\w+\.sql)\)", text))
    assert listed <= {p.name for p in QUERY_FILES}, "QUERIES.md lists queries that are gone"
