"""Downloader middleware: record every request and response in the run's WARC files.

Placed next to the downloader (950, after HttpCompressionMiddleware's 590 and RedirectMiddleware's
600 in the response direction), it sees each response as it came over the wire: still
compressed, and every hop of a redirect and every retried error on its own.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from scrapy.http import Headers, Request, Response

from warc.writer import WarcFiles

#: The request meta key where the response's WARC location is left for the spider.
WARC_META = "baoarchive_warc"


def header_pairs(headers: Headers) -> list[tuple[str, str]]:
    return [
        (k.decode("latin-1"), v.decode("latin-1")) for k, values in headers.items() for v in values
    ]


def run_warc_files(crawler) -> WarcFiles:
    """The run's WARC writer, made on first use: this middleware and the capture index pipeline
    write into the same files."""
    if not hasattr(crawler, "baoarchive_warc"):
        settings = crawler.settings
        crawler.baoarchive_warc = WarcFiles(
            Path(settings["BAOARCHIVE_DATA_DIR"]),
            settings["BAOARCHIVE_RUN_ID"],
            settings.getint("BAOARCHIVE_WARC_MAX_BYTES"),
        )
    return crawler.baoarchive_warc


class WarcRecorderMiddleware:
    def __init__(self, warc: WarcFiles) -> None:
        self.warc = warc

    @classmethod
    def from_crawler(cls, crawler):
        return cls(run_warc_files(crawler))

    def process_response(self, request: Request, response: Response, spider=None) -> Response:
        request.meta[WARC_META] = self.warc.write_exchange(
            url=response.url,
            method=request.method,
            request_headers=header_pairs(request.headers),
            request_body=request.body or b"",
            status=response.status,
            response_headers=header_pairs(response.headers),
            body=response.body,
            fetched_at=datetime.now(UTC).isoformat(),
        )
        return response
