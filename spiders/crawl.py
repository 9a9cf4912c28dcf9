"""Crawl papers: ``python -m spiders.crawl --site ID=URL [--site ID=URL ...] --data-dir DIR``.

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
from foundation.site_choice import Target, chosen_sites
from foundation.workers import end_process
from spiders.spiders.platform_site import PlatformSpider

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


def crawl_settings(data_dir: Path) -> Settings:
    settings = Settings()
    settings.setmodule("spiders.settings", priority="project")
    settings.set("BAOARCHIVE_DATA_DIR", str(data_dir), priority="cmdline")
    return settings


def site_spider(site: str, run_id: str, site_url: str) -> type[PlatformSpider]:
    """The spider of one site in a crawl of several: named after the site (its log lines say
    which paper), with the settings that differ by site (its part of the run's files, and no
    politeness delay for a server on this machine)."""
    custom = {"BAOARCHIVE_RUN_ID": site_run_id(run_id, site)}
    if is_local(site_url):
        custom |= LOCAL_SETTINGS
    return type(f"{site}_spider", (PlatformSpider,), {"name": site, "custom_settings": custom})


# Start-up listings (middlewares, settings): noise in a scheduled run's log.
QUIET_LOGGERS = ("scrapy.middleware", "scrapy.crawler", "scrapy.addons")

#: Each site's figures: its crawler's stats by the name the run reports them under.
FIGURES = {
    "requests": "downloader/request_count",
    "responses": "downloader/response_count",
    "articles_captured": "item_scraped_count",
    "new": "baoarchive/new",  # posts not archived before
    "updated": "baoarchive/updated",  # archived, fetched again: lastmod moved
    "not_modified": "baoarchive/not_modified",  # a conditional fetch: 304
    "unchanged": "baoarchive/unchanged",  # archived and skipped
    # monthly sitemaps not read: their lastmod has not moved since one was read whole
    "sitemaps_unchanged": "baoarchive/sitemaps_unchanged",
    "failed": "baoarchive/failed",  # article fetches without a page
    "bytes": "downloader/response_bytes",
    "errors": "log_count/ERROR",
    "http_404": "downloader/response_status_count/404",
}


def site_run_id(run_id: str, site: str) -> str:
    """A site's part of a crawl: its WARC, capture index and figures files are named by it."""
    return f"{run_id}-{site}"


def run(targets: list[Target], data_dir: Path, run_id: str, months: str = "",
        listings: bool = True, max_articles: int = 0, sitemaps: bool = True) -> dict:  # fmt: skip
    """Crawl every (site, URL) of ``targets`` at once, in one Scrapy process: a crawler each,
    with its own robots.txt, politeness (its download slot and AutoThrottle) and files. Returns
    the figures, summed and by site (each site's also in captures/<run>-<site>.stats.json)."""
    process = CrawlerProcess(crawl_settings(data_dir))
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    crawlers = {}
    for site, url in targets:
        crawler = process.create_crawler(site_spider(site, run_id, url))
        process.crawl(crawler, site_url=url, data_dir=str(data_dir), months=months,
                      listings="1" if listings else "0", sitemaps="1" if sitemaps else "0",
                      max_articles=str(max_articles), site=site)  # fmt: skip
        crawlers[site] = crawler
    process.start()
    by_site = {}
    for (site, url), crawler in zip(targets, crawlers.values(), strict=True):
        stats = crawler.stats.get_stats()
        figures = {"run_id": site_run_id(run_id, site), "site": site, "site_url": url}
        figures |= {name: stats.get(key, 0) for name, key in FIGURES.items()}
        figures["finish_reason"] = stats.get("finish_reason", "")
        stats_file = data_dir / "captures" / f"{figures['run_id']}.stats.json"
        stats_file.write_text(json.dumps(figures, indent=2))
        by_site[site] = figures
    finished = all(f["finish_reason"] == "finished" for f in by_site.values())
    totals = {
        "run_id": run_id,
        "sites": ",".join(by_site),
        **{name: sum(f[name] for f in by_site.values()) for name in FIGURES},
        "finish_reason": "finished" if finished else "not finished: see by_site",
        "by_site": by_site,
    }
    logging.getLogger("baoarchive.crawl").info("crawl figures: %s", totals)
    return totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", action="append", metavar="ID[=URL]",
                        help="a paper to crawl (repeatable), at URL or its live URL")  # fmt: skip
    parser.add_argument("--site-url", help="the URL of the one --site (default: baolaocai)")
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
    targets = chosen_sites(args.site, args.site_url)

    figures = run(targets, data_dir, run_id, args.months, not args.no_listings,
                  args.max_articles, sitemaps=not args.latest)  # fmt: skip
    if PipesEnvVarParamsLoader().is_dagster_pipes_process():
        with open_dagster_pipes() as pipes:
            pipes.report_asset_materialization(
                metadata={**figures, "by_site": {"raw_value": figures["by_site"], "type": "json"}}
            )
    else:
        print(json.dumps(figures))
    return 0 if figures["finish_reason"] == "finished" else 1


if __name__ == "__main__":
    # the WARC files (closed with the spider), the figures and Pipes' messages are written:
    # every crawl step is a process of its own, and its teardown was a quarter of a small crawl
    end_process(main())
