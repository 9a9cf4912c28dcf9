"""The lake enforces no key: the loaders keep them, and the ``keys_are_unique`` check fails on
a duplicate planted in any table of the archive."""

from __future__ import annotations

import pytest

from tests.test_checks import run_checks
from warehouse import connect_writer
from warehouse.keys import KEYS, duplicate_keys

#: A row for the tables the replica's archive leaves empty.
ROW = {
    "article_revisions": "(1, 'h', 't', NULL, NULL, NULL, NULL, NULL, 'c1', 'c2', NULL)",
    "extraction_errors": "('c1', 1, 'not an article page')",
}


def test_the_archive_keeps_every_key(archive_run):
    with connect_writer(archive_run[0]) as con:
        assert duplicate_keys(con) == []


@pytest.mark.parametrize("table", sorted(KEYS))
def test_a_planted_duplicate_fails_the_check(archive_copy, table):
    with connect_writer(archive_copy) as con:
        if table in ROW:
            con.execute(f"INSERT INTO {table} VALUES {ROW[table]}")
        copied = con.execute(f"INSERT INTO {table} SELECT * FROM {table} LIMIT 1").fetchone()[0]
        assert copied == 1
        found = duplicate_keys(con)
    assert [t for t, *_ in found] == [table]
    assert run_checks(archive_copy)["keys_are_unique"] is False
