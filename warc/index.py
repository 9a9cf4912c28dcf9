"""Index the WARC files: one row per record, read from the files alone.

Files only grow, so each is read on from where the last indexing stopped. A record cut short
at the end of a file (a crawl killed mid-write) ends the reading there; it is retried next time
and never indexed while incomplete.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from foundation.post_ids import post_id


def records(
    data_dir: Path, warc_file: str, start: int, batch: int = 20_000
) -> Iterator[tuple[list[dict], int]]:
    """The complete records of ``warc_file`` from byte ``start``, ``batch`` at a time, each
    batch with the offset where its last record ends (a 1 GB file holds some 200,000 records:
    their rows are not all kept in memory)."""
    found: list[dict] = []
    end = start
    with (data_dir / warc_file).open("rb") as handle, (data_dir / warc_file).open("rb") as raw:
        handle.seek(start)
        iterator = ArchiveIterator(handle)
        try:
            for record in iterator:
                row = _row(warc_file, record)
                payload = record.raw_stream.read()
                iterator.read_to_end(record)
                row.update(
                    offset=start + iterator.get_record_offset(),
                    length=iterator.get_record_length(),
                    sha256=hashlib.sha256(payload).hexdigest(),
                )
                raw.seek(row["offset"])
                if not _whole_member(raw.read(row["length"])):
                    break  # warcio reads a cut gzip member without a word: stop before it
                found.append(row)
                end = row["offset"] + row["length"]
                if len(found) == batch:
                    yield found, end
                    found = []
        except Exception:  # a torn last record: stop before it
            pass
    if found:
        yield found, end


def _whole_member(member: bytes) -> bool:
    """Does this gzip member reach its end (its trailer)?"""
    inflater = zlib.decompressobj(wbits=31)
    try:
        inflater.decompress(member)
    except zlib.error:
        return False
    return inflater.eof


def _row(warc_file: str, record) -> dict:
    headers = record.rec_headers
    http = record.http_headers
    url = headers.get_header("WARC-Target-URI")
    is_response = record.rec_type == "response" and http is not None
    return {
        "warc_file": warc_file,
        "record_type": record.rec_type,
        "record_id": headers.get_header("WARC-Record-ID"),
        "url": url,
        "post_id": post_id(url) if url else None,
        "status": int(http.get_statuscode()) if is_response else None,
        "content_type": (
            http.get_header("Content-Type")
            if http is not None
            else headers.get_header("Content-Type")
        ),  # fmt: skip
        "fetched_at": headers.get_header("WARC-Date"),
    }


def warc_files(data_dir: Path) -> Iterator[tuple[str, int]]:
    """Every WARC file (relative path) with its size now."""
    for path in sorted((data_dir / "warc").glob("*.warc.gz")):
        yield f"warc/{path.name}", path.stat().st_size
