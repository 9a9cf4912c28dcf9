"""Run the ``baolaocai`` spider: ``python -m spiders.crawl --site-url URL --data-dir DIR``.

Twisted's reactor cannot restart in one process, so the Dagster step runs this module as a
subprocess (through Dagster Pipes, which carries the crawl's figures back as asset metadata).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
from datetime import UTC, datetime
from pathlib import Path

from dagster_pipes import PipesEnvVarParamsLoader, open_dagster_pipes
from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from foundation.settings import is_local
from foundation.sites import DEFAULT_SITE
from foundation.workers import end_process
from spiders.spiders.baolaocai import BaolaocaiSpider

# A server on this machine (the replica) owes us no politeness delay.
LOCAL_SETTINGS = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS": 16,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
    "DOWNLOAD_TIMEOUT": 2,  # it answers in milliseconds; a stall is a fault under test
}


def new_run_id() -> str:
    """A sortable, unique run id: the start time (UTC, microseconds) and the process id, so two
    crawls started together (overlapping scheduled runs) never share WARC or index files."""
    return f"{datetime.now(UTC):%Y%m%dT%H%M%S%fZ}-{os.getpid()}"


def crawl_settings(data_dir: Path, run_id: str, site_url: str) -> Settings:
    settings = Settings()
    settings.setmodule("spiders.settings", priority="project")
    settings.set("BAOARCHIVE_DATA_DIR", str(data_dir), priority="cmdline")
    settings.set("BAOARCHIVE_RUN_ID", run_id, priority="cmdline")
    if is_local(site_url):
        settings.update(LOCAL_SETTINGS, priority="cmdline")
    return settings


# Start-up listings (middlewares, settings): noise in a scheduled run's log.
QUIET_LOGGERS = ("scrapy.middleware", "scrapy.crawler", "scrapy.addons")


def run(site_url: str, data_dir: Path, run_id: str, months: str = "", listings: bool = True,
        max_articles: int = 0, sitemaps: bool = True,
        site: str = DEFAULT_SITE) -> dict:  # fmt: skip
    """Crawl once; returns the run's figures (also written to captures/<run_id>.stats.json)."""
    process = CrawlerProcess(crawl_settings(data_dir, run_id, site_url))
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    crawler = process.create_crawler(BaolaocaiSpider)
    process.crawl(
        crawler,
        site_url=site_url,
        data_dir=str(data_dir),
        months=months,
        listings="1" if listings else "0",
        sitemaps="1" if sitemaps else "0",
        max_articles=str(max_articles),
        site=site,
    )
    process.start()
    stats = crawler.stats.get_stats()
    figures = {
        "run_id": run_id,
        "site": site,
        "site_url": site_url,
        "requests": stats.get("downloader/request_count", 0),
        "responses": stats.get("downloader/response_count", 0),
        "articles_captured": stats.get("item_scraped_count", 0),
        "new": stats.get("baoarchive/new", 0),  # posts not archived before
        "updated": stats.get("baoarchive/updated", 0),  # archived, fetched again: lastmod moved
        "not_modified": stats.get("baoarchive/not_modified", 0),  # a conditional fetch: 304
        "unchanged": stats.get("baoarchive/unchanged", 0),  # archived and skipped
        # monthly sitemaps not read: their lastmod has not moved since one was read whole
        "sitemaps_unchanged": stats.get("baoarchive/sitemaps_unchanged", 0),
        "failed": stats.get("baoarchive/failed", 0),  # article fetches without a page
        "bytes": stats.get("downloader/response_bytes", 0),
        "errors": stats.get("log_count/ERROR", 0),
        "http_404": stats.get("downloader/response_status_count/404", 0),
        "finish_reason": stats.get("finish_reason", ""),
    }
    (data_dir / "captures" / f"{run_id}.stats.json").write_text(json.dumps(figures, indent=2))
    logging.getLogger("baoarchive.crawl").info("crawl figures: %s", figures)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site-url", required=True)
    parser.add_argument("--site", default=DEFAULT_SITE, help="the paper's profile id")
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--run-id", default=None)
    parser.add_argument("--months", default="", help="YYYY-MM[,YYYY-MM...]: only these sitemaps")
    parser.add_argument("--no-listings", action="store_true", help="skip category listings")
    parser.add_argument("--latest", action="store_true", help="RSS and listings only, no sitemaps")
    parser.add_argument("--max-articles", type=int, default=0)
    args = parser.parse_args(argv)
    data_dir = args.data_dir.resolve()
    (data_dir / "captures").mkdir(parents=True, exist_ok=True)
    run_id = args.run_id or new_run_id()

    figures = run(args.site_url, data_dir, run_id, args.months, not args.no_listings,
                  args.max_articles, sitemaps=not args.latest, site=args.site)  # fmt: skip
    if PipesEnvVarParamsLoader().is_dagster_pipes_process():
        with open_dagster_pipes() as pipes:
            pipes.report_asset_materialization(metadata=figures)
    else:
        print(json.dumps(figures))
    return 0 if figures["finish_reason"] == "finished" else 1


if __name__ == "__main__":
    # the WARC files (closed with the spider), the figures and Pipes' messages are written:
    # every crawl step is a process of its own, and its teardown was a quarter of a small crawl
    end_process(main())
