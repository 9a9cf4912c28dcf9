"""The fault matrix: the replica misbehaves on one article while the whole pipeline runs, then
behaves again. Each fault must leave a row in the crawl log, no partial or error-page article,
no duplicate, and the article archived once the fault clears."""

from __future__ import annotations

import pytest

from replica.server import ReplicaServer
from replica.timefmt import VN
from tests.archive_runs import crawl, query

ARTICLES = 12
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


@pytest.fixture(scope="module")
def server():
    with ReplicaServer(articles=ARTICLES, seed=SEED) as running:
        running.faults.stall_seconds = 4  # past the crawl's 3 s timeout on 127.0.0.1
        yield running


def crawl_with(server: ReplicaServer, data_dir, fault: str, *paths: str, arg: str = "") -> None:
    """One run with the fault on for each path, which must have been played; then it clears."""
    server.faults.clear()
    for path in paths:
        server.faults.on(fault, path, arg=arg)
    try:
        crawl(server.url, data_dir)
    finally:
        server.faults.clear()
    assert any(played == fault for played, _ in server.faults.served)


def target(server: ReplicaServer):
    article = next(iter(server.site.articles()))
    return article, "/" + article.path.lstrip("/")


def assert_whole_archive(server: ReplicaServer, data_dir) -> None:
    ids = [post_id for (post_id,) in query(data_dir, "SELECT post_id FROM articles")]
    assert sorted(ids) == sorted(server.site.ids())  # every article, each once
    titles = dict(query(data_dir, "SELECT post_id, title FROM articles"))
    assert all(titles[a.post_id] == a.title for a in server.site.articles())


@pytest.mark.parametrize("fault", sorted(FAILING))
def test_a_failing_fetch_is_logged_then_recovered(server, tmp_path, fault):
    article, path = target(server)
    crawl_with(server, tmp_path, fault, path)
    assert (fault, path) in server.faults.served
    logged = query(
        tmp_path,
        "SELECT c.status, c.error, e.error FROM crawl_log c"
        " LEFT JOIN extraction_errors e USING (capture_id) WHERE c.post_id = ?",
        article.post_id,
    )
    assert logged, "no crawl log row for the failed fetch"
    errors = [error or extraction for _, error, extraction in logged]
    assert all(errors) and all("\n" not in e for e in errors)  # one clear line each
    assert any(FAILING[fault] in e for e in errors), errors
    assert query(tmp_path, "SELECT * FROM articles WHERE post_id = ?", article.post_id) == []
    others = query(tmp_path, "SELECT count(*) FROM articles")[0][0]
    assert others == ARTICLES - 1

    crawl(server.url, tmp_path)  # the fault has cleared
    assert_whole_archive(server, tmp_path)


@pytest.mark.parametrize("fault", READ_THROUGH)
def test_a_wrong_or_missing_charset_is_read_right(server, tmp_path, fault):
    article, path = target(server)
    crawl_with(server, tmp_path, fault, path)
    assert (fault, path) in server.faults.served
    assert_whole_archive(server, tmp_path)
    body = query(tmp_path, "SELECT body FROM articles WHERE post_id = ?", article.post_id)[0][0]
    assert body.split("\n")[0] == article.body.split("\n")[0]


def test_an_article_robots_txt_disallows_is_logged_then_fetched(server, tmp_path):
    article, path = target(server)
    crawl_with(server, tmp_path, "robots_disallow", "/robots.txt", arg=path)
    errors = query(tmp_path, "SELECT error FROM crawl_log WHERE post_id = ?", article.post_id)
    assert errors and all("robots.txt" in error for (error,) in errors)
    assert query(tmp_path, "SELECT * FROM articles WHERE post_id = ?", article.post_id) == []
    crawl(server.url, tmp_path)
    assert_whole_archive(server, tmp_path)


@pytest.mark.parametrize("feed", ["sitemap", "rss"])
def test_malformed_xml_is_logged_and_what_it_lists_still_archived(server, tmp_path, feed):
    article, _ = target(server)
    published = article.published_at.astimezone(VN)
    path = (f"/sitemaps/news-{published.year}-{published.month}.xml" if feed == "sitemap"
            else "/rss/home.rss")  # fmt: skip
    crawl_with(server, tmp_path, "malformed_xml", path)
    assert ("malformed_xml", path) in server.faults.served
    logged = query(tmp_path, "SELECT post_id, error FROM crawl_log WHERE url LIKE ?", f"%{path}")
    assert logged and all(post_id is None for post_id, _ in logged)
    assert all(error.startswith(f"malformed {feed} XML") for _, error in logged)
    crawl(server.url, tmp_path)
    assert_whole_archive(server, tmp_path)


def test_the_same_post_under_two_slugs_is_one_article(server, tmp_path):
    listings = [f"/{category}/" for category in {a.category for a in server.site.articles()}]
    crawl_with(server, tmp_path, "alias_slugs", "/rss/home.rss", *listings)
    crawl_with(server, tmp_path, "alias_slugs", "/rss/home.rss", *listings)
    assert_whole_archive(server, tmp_path)
    urls = [url for (url,) in query(tmp_path, "SELECT url FROM articles")]
    assert not any("/ban-khac-" in url for url in urls)  # the canonical URL is kept
