"""The WARC files of a crawl run, the archive of record: every request and every response as it
came over the wire (robots.txt, sitemaps, feeds, listings, articles, redirects, errors), and one
metadata record per article capture holding its capture index entry. The WARC files alone are
then enough to rebuild the whole archive (``baoarchive reprocess``).

WARC/1.1, one gzip member per record, files rotated at about ``max_bytes``. Each record is
flushed before anything points at it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from http import HTTPStatus
from io import BytesIO
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from warc.entry import CAPTURE_CONTENT_TYPE, CaptureEntry

# Twisted hands over the body with its chunked transfer coding removed; the length changes too.
_REWRITTEN_HEADERS = {"transfer-encoding", "content-length"}


@dataclass(frozen=True)
class Stored:
    """Where a response record is, and the digest of the body it holds."""

    warc_file: str  # relative to the data directory
    offset: int
    length: int
    record_id: str
    sha256: str
    size: int  # bytes of the body as received
    fetched_at: str


def _http_date(iso: str) -> str:
    return iso.replace("+00:00", "Z")


class WarcFiles:
    """One writer per crawl run (the crawl's recording middleware and its item pipeline share
    it)."""

    def __init__(self, data_dir: Path, run_id: str, max_bytes: int) -> None:
        self.data_dir = data_dir
        self.run_id = run_id
        self.max_bytes = max_bytes
        self.part = -1
        self._file: IO[bytes] | None = None
        self._writer: WARCWriter | None = None
        self.name = ""

    def close(self) -> None:
        if self._file:
            self._file.close()
            self._file = None

    def _open(self) -> tuple[IO[bytes], WARCWriter]:
        if self._file is None or self._file.tell() >= self.max_bytes:
            self.close()
            self.part += 1
            self.name = f"warc/{self.run_id}-{self.part:05d}.warc.gz"
            (self.data_dir / "warc").mkdir(parents=True, exist_ok=True)
            self._file = (self.data_dir / self.name).open("ab")
            self._writer = WARCWriter(self._file, gzip=True, warc_version="1.1")
        assert self._writer is not None
        return self._file, self._writer

    def _write(self, records: list) -> tuple[int, int]:
        """Write records in order; returns the offset and length of the last one."""
        handle, writer = self._open()
        for record in records:
            offset = handle.tell()
            writer.write_record(record)
        handle.flush()
        return offset, handle.tell() - offset

    def write_exchange(
        self,
        url: str,
        method: str,
        request_headers: list[tuple[str, str]],
        request_body: bytes,
        status: int,
        response_headers: list[tuple[str, str]],
        body: bytes,
        fetched_at: str,
    ) -> Stored:
        """A request record and its response record; returns where the response is."""
        _, writer = self._open()
        try:
            reason = HTTPStatus(status).phrase
        except ValueError:
            reason = "Unknown"
        headers = [(k, v) for k, v in response_headers if k.lower() not in _REWRITTEN_HEADERS]
        headers.append(("Content-Length", str(len(body))))
        date = {"WARC-Date": _http_date(fetched_at)}
        response = writer.create_warc_record(
            url, "response", payload=BytesIO(body), warc_headers_dict=date,
            http_headers=StatusAndHeaders(f"{status} {reason}", headers, protocol="HTTP/1.1"),
        )  # fmt: skip
        record_id = response.rec_headers.get_header("WARC-Record-ID")
        parts = urlsplit(url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        request = writer.create_warc_record(
            url, "request", payload=BytesIO(request_body),
            warc_headers_dict=date | {"WARC-Concurrent-To": record_id},
            http_headers=StatusAndHeaders(
                f"{method} {target} HTTP/1.1", [("Host", parts.netloc), *request_headers],
                is_http_request=True,
            ),
        )  # fmt: skip
        offset, length = self._write([request, response])
        digest = hashlib.sha256(body).hexdigest()
        return Stored(self.name, offset, length, record_id, digest, len(body), fetched_at)

    def write_capture(self, entry: CaptureEntry, concurrent_to: str | None) -> None:
        """The capture index entry of an article fetch, as a metadata record."""
        _, writer = self._open()
        headers = {"WARC-Date": _http_date(entry.fetched_at)}
        if concurrent_to:
            headers["WARC-Concurrent-To"] = concurrent_to
        payload = entry.to_json().encode()
        record = writer.create_warc_record(
            entry.final_url or entry.url, "metadata", payload=BytesIO(payload),
            warc_content_type=CAPTURE_CONTENT_TYPE, warc_headers_dict=headers,
        )  # fmt: skip
        self._write([record])
