"""Rebuild the archive from its WARC files alone: no network, no capture index, no database.

The capture index entries are read back from the WARC metadata records, the warehouse assets
are materialized into a fresh lake beside the old one, and only then do the new lake and index
files replace the old ones (a crash half-way leaves the archive as it was).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from foundation import settings
from foundation.errors import ArchiveError, NotFound, Refused
from foundation.settings import LIVE_SITE_URL, ArchivePaths
from warc.capture_index import write_capture_index
from warc.reader import capture_entries

#: The assets rebuilt: every table, not the crawl (no network) and not the exports.
REBUILT_GROUPS = ("warehouse", "research")


def reprocess(data_dir: Path) -> dict[str, object]:
    """Rebuild every table of ``data_dir`` from ``data_dir/warc`` into a lake of its own, then
    swap it in for the old one; returns figures. A rebuild that fails or is killed leaves the
    old lake as it was."""
    from dagster import AssetSelection, DagsterInstance, materialize

    from pipeline.definitions import ASSETS
    from pipeline.resources import default_resources

    if os.environ.get("BAOARCHIVE_CATALOG"):
        raise Refused(
            "reprocess rebuilds the data directory's own lake; with BAOARCHIVE_CATALOG set,"
            " rebuild into a new catalog with `baoarchive run` over the same WARC files"
        )
    paths = ArchivePaths(data_dir)
    restore_swapped_lake(paths)
    if not any(paths.warc_dir.glob("*.warc.gz")):
        raise NotFound(f"no WARC files in {paths.warc_dir}: nothing to rebuild from")
    work = ArchivePaths(data_dir / ".reprocess")
    shutil.rmtree(work.root, ignore_errors=True)
    work.root.mkdir()
    (work.root / "warc").symlink_to(paths.warc_dir.resolve(), target_is_directory=True)
    extensions = settings.extensions_dir(paths)
    extensions.mkdir(parents=True, exist_ok=True)
    (work.root / "extensions").symlink_to(extensions.resolve(), target_is_directory=True)
    entries = write_capture_index(capture_entries(paths.warc_dir), work.captures_dir)

    selection = AssetSelection.groups(*REBUILT_GROUPS)
    with DagsterInstance.ephemeral() as instance:
        result = materialize(
            ASSETS, selection=selection, instance=instance,
            resources=default_resources(work.root, LIVE_SITE_URL),  # never fetched
        )  # fmt: skip
    if not result.success:
        raise ArchiveError("the rebuild failed; the archive is left as it was")

    paths.captures_dir.mkdir(parents=True, exist_ok=True)
    for index in sorted(work.captures_dir.glob("*.jsonl")):
        os.replace(index, paths.captures_dir / index.name)
    swap_lake(work.lake_dir, paths)
    shutil.rmtree(work.root)
    return {"capture_entries": entries, "lake": str(paths.lake_dir)}


def _retired(paths: ArchivePaths) -> Path:
    return paths.root / "lake.replaced"


def swap_lake(rebuilt: Path, paths: ArchivePaths) -> None:
    """The rebuilt lake takes the old one's place: the old is moved aside, the new moved in,
    the old deleted. A crash between the two moves is undone by ``restore_swapped_lake``."""
    retired = _retired(paths)
    shutil.rmtree(retired, ignore_errors=True)
    if paths.lake_dir.exists():
        os.replace(paths.lake_dir, retired)
    os.replace(rebuilt, paths.lake_dir)
    shutil.rmtree(retired, ignore_errors=True)


def restore_swapped_lake(paths: ArchivePaths) -> None:
    """A swap cut short (the old lake moved aside, the new not yet in): put the old back."""
    if not paths.lake_dir.exists() and _retired(paths).exists():
        os.replace(_retired(paths), paths.lake_dir)
