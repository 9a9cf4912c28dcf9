"""The crawl's own memory: the capture index files of earlier runs, and the sitemap ledger.

Reading them makes the crawl incremental (skip what is archived and unchanged) and resumable
(a run killed half-way left its index lines; the next run fetches only the rest). The ledger
lets a run skip the monthly sitemaps that did not change since one was read whole.
"""

from __future__ import annotations

import json
import os
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


def archive_state(captures_dir: Path) -> tuple[dict[int, str], dict[int, dict[str, str]]]:
    """One pass over the capture index (100,000 lines and more at archive scale) for both:

    - post_id -> the newest version archived (sitemap lastmod, else fetch time), ISO strings; a
      304 Not Modified confirms the version archived as current at that time;
    - post_id -> the ETag and Last-Modified its newest archived page came with, for a
      conditional request when the post is fetched again.
    """
    versions: dict[int, str] = {}
    validators: dict[int, dict[str, str]] = {}
    for rec in read_index(captures_dir):
        post_id = rec.get("post_id")
        if post_id is None:
            continue
        fetched = rec.get("status") == 200 and rec.get("warc_file")
        if fetched and (kept := {k: rec[k] for k in ("etag", "last_modified") if rec.get(k)}):
            validators[post_id] = kept
        if rec.get("error") or not (fetched or rec.get("status") == 304):
            continue
        version = rec.get("lastmod") or rec["fetched_at"]
        if version > versions.get(post_id, ""):
            versions[post_id] = version
    return versions, validators


def read_sitemap_ledger(path: Path) -> dict[str, str]:
    """sitemap URL -> the lastmod at which every article it listed was archived; a missing or
    broken ledger is an empty one (every sitemap is read)."""
    try:
        ledger = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(ledger, dict):
        return {}
    return {k: v for k, v in ledger.items() if isinstance(v, str)}


def write_sitemap_ledger(path: Path, ledger: dict[str, str]) -> None:
    """Replace the ledger at once (a crash leaves the old one whole)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    partial.write_text(json.dumps(ledger, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(partial, path)
