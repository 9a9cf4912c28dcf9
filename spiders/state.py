"""The crawl's own memory: the capture index files of earlier runs, and the sitemap ledger.

Reading them makes the crawl incremental (skip what is archived and unchanged) and resumable
(a run killed half-way left its index lines; the next run fetches only the rest). The ledger
lets a run skip the monthly sitemaps that did not change since one was read whole.
"""

from __future__ import annotations

import fcntl
import json
import os
from pathlib import Path

from foundation.sites import DEFAULT_SITE
from warc.capture_index import read_index


def archive_state(
    captures_dir: Path, site: str = DEFAULT_SITE
) -> tuple[dict[int, str], dict[int, dict[str, str]]]:
    """One pass over the capture index (100,000 lines and more at archive scale) for both, of
    ``site``'s posts (post ids of other papers are other articles):

    - post_id -> the newest version archived (``CaptureEntry.version``), ISO strings;
    - post_id -> the ETag and Last-Modified its newest archived page came with, for a
      conditional request when the post is fetched again.
    """
    versions: dict[int, str] = {}
    validators: dict[int, dict[str, str]] = {}
    for entry in read_index(captures_dir):
        if entry.post_id is None or entry.site != site:
            continue
        kept = {"etag": entry.etag, "last_modified": entry.last_modified}
        if entry.archived and (kept := {k: v for k, v in kept.items() if v}):
            validators[entry.post_id] = kept
        version = entry.version
        if version is not None and version > versions.get(entry.post_id, ""):
            versions[entry.post_id] = version
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


def note_in_sitemap_ledger(path: Path, done: dict[str, str]) -> None:
    """Add ``done`` to the ledger on disk, replaced at once (a crash leaves the old one whole).
    The ledger is read again under a lock: the crawlers of several sites in one process, and
    crawls running side by side, each add their own sitemaps."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.with_name(f"{path.name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        ledger = read_sitemap_ledger(path) | done
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        partial.write_text(json.dumps(ledger, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(partial, path)
