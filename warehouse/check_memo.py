"""What the integrity checks last found, so that a check of tables nobody has written since it
passed passes again without reading them.

Most scheduled runs find nothing new, and every check reads whole tables: at 10,000 articles
the checks took 0.7 s of a 8 s run that changed nothing, and they grow with the archive. A
check is skipped only when it passed at a snapshot of this very lake (its id and commit time
match), the code and rules it runs are the same (``version``), and none of its tables was
written since (``written_since``). Anything else runs it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

import duckdb

from extraction import rules as extraction_rules
from foundation.versions import file_digest, rules_digest, source_digest, stage_version
from warehouse import checks, keys
from warehouse.db import SQL_DIR, sql, written_since
from warehouse.lake import current_snapshot


def version() -> str:
    """The checks' code, keys and SQL, and the extraction rules (the related-block headings)."""
    files = sorted(SQL_DIR.glob("check_*.sql"))
    return stage_version(
        "1", source_digest(checks), source_digest(keys), rules_digest(extraction_rules),
        *map(file_digest, files),
    )  # fmt: skip


class CheckMemo:
    """``<data dir>/state/checks.json``: by check, the snapshot it last passed at."""

    def __init__(self, path: Path):
        self.path = path

    def _read(self) -> dict:
        try:
            found = json.loads(self.path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return {}
        return found if isinstance(found, dict) else {}

    def passed_unchanged(
        self, con: duckdb.DuckDBPyConnection, check: str, tables: Iterable[str]
    ) -> int | None:
        """The snapshot ``check`` passed at, when it would find the same again now; else
        None."""
        entry = self._read().get(check)
        if not isinstance(entry, dict) or entry.get("version") != version():
            return None
        snapshot = entry.get("snapshot")
        found = con.execute(sql("snapshot_time"), [snapshot]).fetchone()
        if not found or str(found[0]) != entry.get("snapshot_time"):
            return None  # expired, or another lake swapped in
        return None if written_since(con, snapshot, tables) else snapshot

    def record(self, con: duckdb.DuckDBPyConnection, check: str, passed: bool) -> None:
        """Remember a pass at the snapshot ``con`` reads; a failure forgets the check."""
        memo = self._read()
        memo.pop(check, None)
        if passed:
            snapshot = current_snapshot(con)
            time = con.execute(sql("snapshot_time"), [snapshot]).fetchone()[0]
            memo[check] = {"snapshot": snapshot, "snapshot_time": str(time), "version": version()}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps(memo, sort_keys=True, indent=1), encoding="utf-8")
        os.replace(temporary, self.path)
