"""Reading archived records back: one response's body by its place, and every capture index
entry the WARC files hold (enough to rebuild the archive from the files alone)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from warc.entry import CAPTURE_CONTENT_TYPE, CaptureEntry


def read_payload(data_dir: Path, warc_file: str, offset: int) -> bytes:
    """The HTTP body of the WARC record at ``offset`` in ``data_dir/warc_file``."""
    with (data_dir / warc_file).open("rb") as fh:
        fh.seek(offset)
        record = next(iter(ArchiveIterator(fh)))
        return record.content_stream().read()


def capture_entries(warc_dir: Path) -> Iterator[CaptureEntry]:
    """Every capture index entry the WARC files hold, file by file, in writing order."""
    for path in sorted(warc_dir.glob("*.warc.gz")):
        with path.open("rb") as handle:
            for record in ArchiveIterator(handle):
                if (
                    record.rec_type == "metadata"
                    and record.rec_headers.get_header("Content-Type") == CAPTURE_CONTENT_TYPE
                ):
                    yield CaptureEntry.from_json(record.content_stream().read())
