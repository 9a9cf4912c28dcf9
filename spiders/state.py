"""The crawl's own memory: the capture index files of earlier runs.

Reading them makes the crawl incremental (skip what is archived and unchanged) and resumable
(a run killed half-way left its index lines; the next run fetches only the rest).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path


def read_index(captures_dir: Path) -> Iterator[dict]:
    """Every capture line of every run; a torn last line (a crash mid-write) is skipped."""
    for path in sorted(captures_dir.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                try:
                    yield json.loads(line)
                except json.JSONDecodeError:
                    continue


def archived_versions(captures_dir: Path) -> dict[int, str]:
    """post_id -> the newest version archived (sitemap lastmod, else fetch time), ISO strings.
    A 304 Not Modified confirms the version archived as current at that time."""
    versions: dict[int, str] = {}
    for rec in read_index(captures_dir):
        if rec.get("post_id") is None or rec.get("error"):
            continue
        if not (rec.get("status") == 200 and rec.get("warc_file")) and rec.get("status") != 304:
            continue
        version = rec.get("lastmod") or rec["fetched_at"]
        if version > versions.get(rec["post_id"], ""):
            versions[rec["post_id"]] = version
    return versions


def validators(captures_dir: Path) -> dict[int, dict[str, str]]:
    """post_id -> the ETag and Last-Modified its newest archived page came with, for a
    conditional request when the post is fetched again."""
    found: dict[int, dict[str, str]] = {}
    for rec in read_index(captures_dir):
        if rec.get("post_id") is None or rec.get("status") != 200 or not rec.get("warc_file"):
            continue
        kept = {k: rec[k] for k in ("etag", "last_modified") if rec.get(k)}
        if kept:
            found[rec["post_id"]] = kept
    return found
