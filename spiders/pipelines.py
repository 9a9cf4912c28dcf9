"""Item pipeline: the capture index. Each article fetch, successful or not, gets an index entry,
written as a WARC metadata record beside its response record (so the WARC files alone can
rebuild the archive) and as a line of ``captures/<run>.jsonl`` (the fast copy the loaders read).

The response record is already flushed when its entry is written, and the WARC entry before
the line: a line always points at a complete record. A crash between them leaves an unindexed
record, fetched again next run.
"""

from __future__ import annotations

from pathlib import Path

from spiders.items import CaptureItem
from spiders.middlewares import run_warc_files
from warc.capture_index import CaptureIndexFile
from warc.entry import CaptureEntry
from warc.writer import WarcFiles


class CaptureIndexPipeline:
    def __init__(self, warc: WarcFiles) -> None:
        self.warc = warc
        self.sequence = 0
        self._index: CaptureIndexFile | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(run_warc_files(crawler))

    def open_spider(self, spider=None) -> None:
        self._index = CaptureIndexFile(Path(self.warc.data_dir) / "captures", self.warc.run_id)

    def close_spider(self, spider=None) -> None:
        self.warc.close()
        if self._index:
            self._index.close()

    def process_item(self, item: CaptureItem, spider=None) -> CaptureItem:
        assert self._index is not None
        self.sequence += 1
        stored = item.stored
        archived = stored is not None and item.status == 200 and item.error is None
        entry = CaptureEntry(
            capture_id=f"{self.warc.run_id}:{self.sequence:07d}",
            run_id=self.warc.run_id,
            url=item.url,
            final_url=item.final_url,
            post_id=item.post_id,
            status=item.status,
            source=item.source,
            lastmod=item.lastmod,
            fetched_at=item.fetched_at,
            warc_file=stored.warc_file if archived else None,
            warc_offset=stored.offset if archived else None,
            warc_length=stored.length if archived else None,
            sha256=stored.sha256 if stored else None,
            bytes=stored.size if stored else 0,
            error=item.error,
            etag=item.etag,
            last_modified=item.last_modified,
            site=item.site,
        )
        self.warc.write_capture(entry, stored.record_id if stored else None)
        self._index.append(entry)
        return item
