"""The fault matrix: the replica misbehaves while the whole pipeline runs, then behaves again.

Every fault is played in one run, each on an article of its own (the feeds' faults on a feed,
in a month no other fault's article was published in); a second run follows with every fault
cleared, and the same post offered under a second slug. After the first run each fault must
have left a row in the crawl log with its one-line error, and no partial or error-page article;
after the second, every article is archived once, under its canonical URL.
"""

from __future__ import annotations

import shutil
from collections import Counter

import pytest

from replica.server import ReplicaServer
from replica.timefmt import VN
from tests.archive_runs import crawl, query

ARTICLES = 30
SEED = 11
#: Faults after which the article must be missing until the fault clears, and what the crawl
#: log's error (or extraction error) says.
FAILING = {
    "status_500": "HTTP 500 Internal Server Error",
    "status_503": "HTTP 503 Service Unavailable (Retry-After: 1)",
    "gone_404": "HTTP 404 Not Found",
    "gone_410": "HTTP 410 Gone",
    "timeout": "took longer than",
    "reset": "ConnectionLost: Connection to the other side was lost",
    "truncated": "couldn't get a complete response",
    "gzip_bomb": "DOWNLOAD_MAXSIZE",
    "huge": "DOWNLOAD_MAXSIZE",
    "redirect_loop": "max redirections",
    "error_page_200": "not an article page",
}
#: Faults the crawl reads through: the article is archived, as published.
READ_THROUGH = ("no_charset", "wrong_charset")
FEEDS = ("sitemap", "rss")


def month_sitemap(article) -> str:
    published = article.published_at.astimezone(VN)
    return f"/sitemaps/news-{published.year}-{published.month}.xml"


@pytest.fixture(scope="module")
def matrix(tmp_path_factory):
    """Two runs into one data directory; ``after_faults`` is a copy taken between them."""
    with ReplicaServer(articles=ARTICLES, seed=SEED) as server:
        server.faults.stall_seconds = 2.5  # past the crawl's 2 s timeout on 127.0.0.1
        articles = list(server.site.articles())
        months = Counter(month_sitemap(a) for a in articles)
        broken_month = max(months, key=lambda m: (months[m], m))  # the feeds' month
        others = [a for a in articles if month_sitemap(a) != broken_month]
        needed = [*FAILING, *READ_THROUGH, "robots_disallow"]
        assert len(others) >= len(needed), "the replica is too small for the matrix"
        targets = dict(zip(needed, others, strict=False))
        path = {fault: "/" + a.path.lstrip("/") for fault, a in targets.items()}
        feed_paths = {"sitemap": broken_month, "rss": "/rss/home.rss"}

        for fault in [*FAILING, *READ_THROUGH]:
            server.faults.on(fault, path[fault])
        server.faults.on("robots_disallow", "/robots.txt", arg=path["robots_disallow"])
        for feed_path in feed_paths.values():
            server.faults.on("malformed_xml", feed_path)
        data_dir = tmp_path_factory.mktemp("faults")
        crawl(server.url, data_dir)
        played = set(server.faults.served)
        server.faults.clear()
        after_faults = tmp_path_factory.mktemp("after_faults")
        shutil.copytree(data_dir, after_faults, dirs_exist_ok=True)

        listings = [f"/{category}/" for category in {a.category for a in articles}]
        for listing in ["/rss/home.rss", *listings]:
            server.faults.on("alias_slugs", listing)
        crawl(server.url, data_dir)
        aliased = any(fault == "alias_slugs" for fault, _ in server.faults.served)
        server.faults.clear()
        yield {
            "server": server, "targets": targets, "paths": path, "feeds": feed_paths,
            "played": played, "aliased": aliased, "after_faults": after_faults,
            "final": data_dir,
        }  # fmt: skip


def test_every_fault_was_played(matrix):
    expected = {(fault, matrix["paths"][fault]) for fault in [*FAILING, *READ_THROUGH]}
    expected |= {("robots_disallow", "/robots.txt")}
    expected |= {("malformed_xml", feed_path) for feed_path in matrix["feeds"].values()}
    assert expected <= matrix["played"]
    assert matrix["aliased"]


@pytest.mark.parametrize("fault", sorted(FAILING))
def test_a_failing_fetch_is_logged_and_nothing_partial_is_archived(matrix, fault):
    post_id = matrix["targets"][fault].post_id
    logged = query(
        matrix["after_faults"],
        "SELECT c.status, c.error, e.error FROM crawl_log c"
        " LEFT JOIN extraction_errors e USING (capture_id) WHERE c.post_id = ?",
        post_id,
    )
    assert logged, "no crawl log row for the failed fetch"
    errors = [error or extraction for _, error, extraction in logged]
    assert all(errors) and all("\n" not in e for e in errors)  # one clear line each
    assert any(FAILING[fault] in e for e in errors), errors
    found = query(matrix["after_faults"], "SELECT * FROM articles WHERE post_id = ?", post_id)
    assert found == []


def test_the_faulty_run_archived_every_article_no_fault_touched(matrix):
    server, targets = matrix["server"], matrix["targets"]
    failing = {targets[f].post_id for f in [*FAILING, "robots_disallow"]}
    untouched = {
        a.post_id for a in server.site.articles() if month_sitemap(a) != matrix["feeds"]["sitemap"]
    } - failing
    archived = {
        post_id for (post_id,) in query(matrix["after_faults"], "SELECT post_id FROM articles")
    }
    assert untouched <= archived
    assert not archived & failing


@pytest.mark.parametrize("fault", READ_THROUGH)
def test_a_wrong_or_missing_charset_is_read_right(matrix, fault):
    article = matrix["targets"][fault]
    rows = query(
        matrix["after_faults"], "SELECT body FROM articles WHERE post_id = ?", article.post_id
    )
    assert rows, "the article was not archived through the fault"
    assert rows[0][0].split("\n")[0] == article.body.split("\n")[0]


def test_an_article_robots_txt_disallows_is_logged(matrix):
    post_id = matrix["targets"]["robots_disallow"].post_id
    errors = query(matrix["after_faults"], "SELECT error FROM crawl_log WHERE post_id = ?", post_id)
    assert errors and all("robots.txt" in error for (error,) in errors)


@pytest.mark.parametrize("feed", FEEDS)
def test_malformed_xml_is_logged(matrix, feed):
    path = matrix["feeds"][feed]
    logged = query(
        matrix["after_faults"], "SELECT post_id, error FROM crawl_log WHERE url LIKE ?", f"%{path}"
    )
    assert logged and all(post_id is None for post_id, _ in logged)
    assert all(error.startswith(f"malformed {feed} XML") for _, error in logged)


def test_once_the_faults_clear_every_article_is_archived_once(matrix):
    server, final = matrix["server"], matrix["final"]
    ids = [post_id for (post_id,) in query(final, "SELECT post_id FROM articles")]
    assert sorted(ids) == sorted(server.site.ids())  # every article, each once
    titles = dict(query(final, "SELECT post_id, title FROM articles"))
    assert all(titles[a.post_id] == a.title for a in server.site.articles())


def test_the_same_post_under_two_slugs_is_one_article(matrix):
    final = matrix["final"]
    crawled = [
        url for (url,) in query(final, "SELECT url FROM crawl_log WHERE post_id IS NOT NULL")
    ]
    assert any("/ban-khac-" in url for url in crawled)  # the second slug was fetched
    urls = [url for (url,) in query(final, "SELECT url FROM articles")]
    assert not any("/ban-khac-" in url for url in urls)  # the canonical URL is kept
