"""Item pipeline: write each capture to WARC (the archive of record) and to the capture index.

The WARC record is written and flushed before its index line, so an index line always points
at a complete record; a crash between the two leaves an unindexed record, fetched again next run.
"""

from __future__ import annotations

import hashlib
import json
from io import BytesIO
from pathlib import Path
from typing import IO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from spiders.items import CaptureItem

# Scrapy hands the spider a decoded body; the WARC stores that body, so the headers that
# described the transfer encoding would lie about it.
_TRANSFER_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


class WarcCapturePipeline:
    def __init__(self, data_dir: Path, run_id: str, max_warc_bytes: int) -> None:
        self.data_dir = data_dir
        self.run_id = run_id
        self.max_warc_bytes = max_warc_bytes
        self.sequence = 0
        self.part = 0
        self._warc: IO[bytes] | None = None
        self._writer: WARCWriter | None = None
        self._warc_name = ""
        self._index: IO[str] | None = None

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        return cls(
            data_dir=Path(settings["BAOARCHIVE_DATA_DIR"]),
            run_id=settings["BAOARCHIVE_RUN_ID"],
            max_warc_bytes=settings.getint("BAOARCHIVE_WARC_MAX_BYTES"),
        )

    def open_spider(self, spider=None) -> None:
        (self.data_dir / "warc").mkdir(parents=True, exist_ok=True)
        (self.data_dir / "captures").mkdir(parents=True, exist_ok=True)
        index_path = self.data_dir / "captures" / f"{self.run_id}.jsonl"
        self._index = index_path.open("a", encoding="utf-8")

    def close_spider(self, spider=None) -> None:
        if self._warc:
            self._warc.close()
        if self._index:
            self._index.close()

    def _rotate_if_needed(self) -> None:
        if self._warc and self._warc.tell() < self.max_warc_bytes:
            return
        if self._warc:
            self._warc.close()
            self.part += 1
        self._warc_name = f"warc/{self.run_id}-{self.part:05d}.warc.gz"
        self._warc = (self.data_dir / self._warc_name).open("ab")
        self._writer = WARCWriter(self._warc, gzip=True)

    def _write_warc(self, item: CaptureItem) -> tuple[str, int, int]:
        self._rotate_if_needed()
        assert self._warc is not None and self._writer is not None
        headers = [(k, v) for k, v in item.headers if k.lower() not in _TRANSFER_HEADERS]
        headers.append(("Content-Length", str(len(item.body))))
        http_headers = StatusAndHeaders(f"{item.status} OK", headers, protocol="HTTP/1.1")
        record = self._writer.create_warc_record(
            item.final_url,
            "response",
            payload=BytesIO(item.body),
            http_headers=http_headers,
            warc_headers_dict={"WARC-Date": item.fetched_at.replace("+00:00", "Z")},
        )
        offset = self._warc.tell()
        self._writer.write_record(record)
        self._warc.flush()
        return self._warc_name, offset, self._warc.tell() - offset

    def process_item(self, item: CaptureItem, spider=None) -> CaptureItem:
        assert self._index is not None
        self.sequence += 1
        entry = {
            "capture_id": f"{self.run_id}:{self.sequence:07d}",
            "run_id": self.run_id,
            "url": item.url,
            "final_url": item.final_url,
            "post_id": item.post_id,
            "status": item.status,
            "source": item.source,
            "lastmod": item.lastmod,
            "fetched_at": item.fetched_at,
            "warc_file": None,
            "warc_offset": None,
            "warc_length": None,
            "sha256": None,
            "bytes": len(item.body),
            "error": item.error,
        }
        if item.status == 200 and item.error is None:
            warc_file, offset, length = self._write_warc(item)
            entry.update(
                warc_file=warc_file,
                warc_offset=offset,
                warc_length=length,
                sha256=hashlib.sha256(item.body).hexdigest(),
            )
        self._index.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self._index.flush()
        item.body = b""  # the WARC holds it now; do not keep pages in memory
        return item
