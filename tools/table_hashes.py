"""A content hash of every table of an archive, over the columns that do not depend on when or
in which run it was built: ``python tools/table_hashes.py data`` (a data directory: its lake),
or ``python tools/table_hashes.py data/archive.duckdb`` (an archive made before the lake).

Two builds of the same replica at different times differ in run ids, fetch times, WARC file
names and offsets, record ids and the replica's port (in URLs, which are compared with the
port replaced); every other column must be equal. A refactoring that claims
"no behaviour change" is checked with this: the hashes before and after must be the same.
Columns left out are listed with the hashes, so nothing is hidden.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from warehouse import connect_reader  # noqa: E402  (run as a script from the repo)

#: Columns whose values depend on the run (times, run ids, places in WARC files) or name the
#: version of the code that made the row, not on what the archive holds.
VOLATILE = {
    "capture_id", "run_id", "fetched_at", "warc_file", "warc_offset", "warc_length",
    "record_id", "offset", "length", "applied_at", "sorted_at", "indexed_bytes",
    "superseded_by", "matcher", "extractor_version", "version", "built_at",
}  # fmt: skip
#: Per table: digests and sizes of stored bytes that hold a fetch time or the server's address
#: (a replica's port is in its pages' links), and how a URL was found (RSS and the listings are
#: read concurrently: which of them lists a post first changes from run to run).
RUN_DEPENDENT = {"warc_records": ["sha256"], "crawl_log": ["sha256", "bytes", "source"]}
#: The address of a server on this machine: a replica's port differs from run to run.
LOCAL_ORIGIN = r"http://127\.0\.0\.1:[0-9]+"


def table_hashes(path: str, skip: set[str] = frozenset()) -> dict[str, dict]:
    if path.endswith(".duckdb"):
        con, catalog = duckdb.connect(path, read_only=True), Path(path).stem
    else:
        con, catalog = connect_reader(path), "archive"
    con.execute("SET TimeZone = 'UTC'")  # instants are compared as text: one zone for both
    tables = [
        name
        for (name,) in con.execute(
            "SELECT table_name FROM information_schema.tables"
            " WHERE table_type = 'BASE TABLE' AND table_catalog = ? ORDER BY 1",
            [catalog],
        ).fetchall()
    ]
    found = {}
    for table in tables:
        columns = [
            name
            for (name,) in con.execute(
                "SELECT column_name FROM information_schema.columns"
                " WHERE table_name = ? AND table_catalog = ? ORDER BY ordinal_position",
                [table, catalog],
            ).fetchall()
        ]
        left_out = [c for c in columns if c in VOLATILE | skip]
        left_out += RUN_DEPENDENT.get(table, [])
        kept = [c for c in columns if c not in left_out]
        select = ", ".join(f'"{c}"' for c in kept) or "NULL AS nothing"
        rows, digest = con.execute(
            f"SELECT count(*), md5(coalesce(string_agg(line, chr(10) ORDER BY line), ''))"
            f" FROM (SELECT regexp_replace(r::VARCHAR, ?, 'http://replica', 'g') AS line"
            f" FROM (SELECT {select} FROM {table}) r)",
            [LOCAL_ORIGIN],
        ).fetchone()
        found[table] = {"rows": rows, "md5": digest, "left_out": left_out}
    con.close()
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("database")
    parser.add_argument("--skip", default="", help="more columns to leave out, comma-separated")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    found = table_hashes(args.database, {c for c in args.skip.split(",") if c})
    if args.json:
        print(json.dumps(found, indent=1))
    else:
        for table, info in found.items():
            print(f"{table:22} {info['rows']:>7} {info['md5']}  (left out: "
                  f"{', '.join(info['left_out']) or '-'})")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
