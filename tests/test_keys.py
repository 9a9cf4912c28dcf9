"""The lake enforces no key: the loaders keep them, and the ``keys_are_unique`` check fails on
a duplicate planted in any table of the archive."""

from __future__ import annotations

from tests.test_checks import run_checks
from warehouse import connect_writer
from warehouse.keys import KEYS, duplicate_keys

#: A row for the tables the replica's archive leaves empty.
ROW = {
    "article_revisions": "(1, 'h', 't', NULL, NULL, NULL, NULL, NULL, 'c1', 'c2', NULL,"
    " 'baolaocai')",
    "extraction_errors": "('c1', 1, 'not an article page')",
}


def test_the_archive_keeps_every_key(archive_run):
    with connect_writer(archive_run[0]) as con:
        assert duplicate_keys(con) == []


def test_a_duplicate_planted_in_each_table_is_found_and_fails_the_check(archive_copy):
    """One copy of the archive, a duplicate in every table: each is found on its own line."""
    with connect_writer(archive_copy) as con:
        for table in KEYS:
            if table in ROW:
                con.execute(f"INSERT INTO {table} VALUES {ROW[table]}")
            copied = con.execute(f"INSERT INTO {table} SELECT * FROM {table} LIMIT 1").fetchone()
            assert copied[0] == 1, table
        found = duplicate_keys(con)
    assert sorted(t for t, *_ in found) == sorted(KEYS)  # one duplicate key in each table
    assert all(rows == 2 for *_, rows in found)
    assert run_checks(archive_copy)["keys_are_unique"] is False
