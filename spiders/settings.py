"""Scrapy settings of the project: polite by default, for the live site.

``spiders.crawl`` relaxes politeness only for a server on this machine (the replica).
"""

from foundation.sites import all_sites

BOT_NAME = "baoarchive"
SPIDER_MODULES = ["spiders.spiders"]
NEWSPIDER_MODULE = "spiders.spiders"

USER_AGENT = "baoarchive/0.1 (research archive of Vietnamese local news)"
ROBOTSTXT_OBEY = True

# Politeness towards the live site: one request at a time, at least a second apart, slower
# when the server slows down.
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
#: Each paper's own politeness, from its profile (foundation/sites): a download slot per host.
DOWNLOAD_SLOTS = {
    host: {"concurrency": site.concurrency, "delay": site.delay_seconds}
    for site in all_sites().values()
    for host in site.hosts
}

DOWNLOAD_TIMEOUT = 30
# An article page is ~200 kB; anything past 16 MB (a runaway page, a gzip bomb, which Scrapy
# stops while inflating) is refused with a clear error rather than archived.
DOWNLOAD_MAXSIZE = 16 * 2**20
DOWNLOAD_WARNSIZE = 4 * 2**20
REDIRECT_MAX_TIMES = 5  # an article moves once or twice; more is a loop
RETRY_ENABLED = True
RETRY_TIMES = 2
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
LOG_LEVEL = "INFO"
LOGSTATS_INTERVAL = 10.0
LOG_VERSIONS: list[str] = []  # no list of library versions at start
STATS_DUMP = False  # spiders.crawl reports its own figures

ITEM_PIPELINES = {"spiders.pipelines.CaptureIndexPipeline": 300}
# Every request and response into WARC, as received (before decompression and redirects).
DOWNLOADER_MIDDLEWARES = {"spiders.middlewares.WarcRecorderMiddleware": 950}

# Set per run by spiders.crawl.
BAOARCHIVE_DATA_DIR = "data"
BAOARCHIVE_RUN_ID = "manual"
BAOARCHIVE_WARC_MAX_BYTES = 1_000_000_000  # rotate WARC files at about 1 GB
