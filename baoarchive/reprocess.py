"""Rebuild the archive from its WARC files alone: no network, no capture index, no database.

The capture index entries are read back from the WARC metadata records, the warehouse assets
are materialized into a fresh database beside the old one, and only then do the new database
and index files replace the old ones (a crash half-way leaves the archive as it was).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from foundation.errors import ArchiveError, NotFound
from foundation.settings import LIVE_SITE_URL, ArchivePaths
from warc.capture_index import write_capture_index
from warc.reader import capture_entries

#: The assets rebuilt: every table, not the crawl (no network) and not the exports.
REBUILT_GROUPS = ("warehouse", "research")


def reprocess(data_dir: Path) -> dict[str, object]:
    """Rebuild every table of ``data_dir`` from ``data_dir/warc``; returns figures."""
    from dagster import AssetSelection, DagsterInstance, materialize

    from pipeline.definitions import ASSETS
    from pipeline.resources import default_resources

    paths = ArchivePaths(data_dir)
    if not any(paths.warc_dir.glob("*.warc.gz")):
        raise NotFound(f"no WARC files in {paths.warc_dir}: nothing to rebuild from")
    work = ArchivePaths(data_dir / ".reprocess")
    shutil.rmtree(work.root, ignore_errors=True)
    work.root.mkdir()
    (work.root / "warc").symlink_to(paths.warc_dir.resolve(), target_is_directory=True)
    entries = write_capture_index(capture_entries(paths.warc_dir), work.captures_dir)

    selection = AssetSelection.groups(*REBUILT_GROUPS)
    with DagsterInstance.ephemeral() as instance:
        result = materialize(
            ASSETS, selection=selection, instance=instance,
            resources=default_resources(work.root, LIVE_SITE_URL),  # never fetched
        )  # fmt: skip
    if not result.success:
        raise ArchiveError("the rebuild failed; the archive is left as it was")

    for index in sorted(work.captures_dir.glob("*.jsonl")):
        os.replace(index, paths.captures_dir / index.name)
    os.replace(work.database, paths.database)
    shutil.rmtree(work.root)
    return {"capture_entries": entries, "database": str(paths.database)}
