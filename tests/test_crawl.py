"""A real Scrapy crawl of the replica over real HTTP, in a subprocess as the pipeline runs it."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from replica.timefmt import VN
from tests.crawls import crawl
from warc.capture_index import read_index
from warc.reader import read_payload


@pytest.fixture(scope="module")
def first_crawl(replica, tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("crawl")
    figures = crawl(replica.url, data_dir)
    return data_dir, figures


def test_every_article_is_captured_once(truth, first_crawl):
    data_dir, figures = first_crawl
    captures = [c for c in read_index(data_dir / "captures") if c.status == 200]
    ids = [c.post_id for c in captures]
    assert len(ids) == len(set(ids)), "a post id was fetched twice in one run"
    assert set(ids) == {a.post_id for a in truth}
    assert figures["articles_captured"] == figures["new"] == len(truth)
    assert figures["updated"] == figures["failed"] == 0


def test_warc_holds_the_page(truth, first_crawl):
    data_dir, _ = first_crawl
    capture = next(c for c in read_index(data_dir / "captures") if c.status == 200)
    page = read_payload(data_dir, capture.warc_file, capture.warc_offset).decode("utf-8")
    article = next(a for a in truth if a.post_id == capture.post_id)
    assert article.title in page
    assert f"-post{article.post_id}.html" in capture.final_url


def test_second_crawl_fetches_no_article_again(replica, first_crawl):
    data_dir, _ = first_crawl
    before = sum(1 for _ in read_index(data_dir / "captures"))
    figures = crawl(replica.url, data_dir)
    assert figures["articles_captured"] == figures["new"] == 0
    # no monthly sitemap moved since the first crawl read it whole: none is read again
    assert figures["sitemaps_unchanged"] == len(replica.site.months())
    assert sum(1 for _ in read_index(data_dir / "captures")) == before


def test_only_sitemaps_that_moved_or_missed_an_article_are_read_again(tmp_path):
    """A month whose article failed is read again until it is archived; a month whose lastmod
    moved is read again; every other month is skipped."""
    from replica.server import ReplicaServer

    with ReplicaServer(articles=40, seed=11) as server:
        months = len(server.site.months())
        failing, edited = (server.site.article(i) for i in server.site.ids()[:2])
        server.faults.on("status_500", failing.path, times=3)  # the first try and two retries
        first = crawl(server.url, tmp_path, "--no-listings")
        assert first["failed"] == 1 and first["sitemaps_unchanged"] == 0

        again = crawl(server.url, tmp_path, "--no-listings")
        assert again["new"] == 1  # its month was read again, the article archived
        assert again["sitemaps_unchanged"] == months - 1

        server.site.add(replace(edited, title=edited.title + " (sửa)",
                                modified_at=datetime.now(VN)))  # fmt: skip
        third = crawl(server.url, tmp_path, "--no-listings")
        assert third["updated"] == 1 and third["sitemaps_unchanged"] == months - 1


def test_interrupted_crawl_resumes_where_it_stopped(replica, truth, tmp_path):
    crawl(replica.url, tmp_path, "--max-articles", "10", "--no-listings")
    assert len({c.post_id for c in read_index(tmp_path / "captures")}) == 10
    crawl(replica.url, tmp_path, "--no-listings")
    ids = [c.post_id for c in read_index(tmp_path / "captures") if c.status == 200]
    assert len(ids) == len(set(ids)) == len(truth)


def test_month_filter_fetches_only_that_sitemap(replica, truth, tmp_path):
    month = truth[0].published_at.strftime("%Y-%m")
    crawl(replica.url, tmp_path, "--months", month, "--no-listings")
    fetched = {c.post_id for c in read_index(tmp_path / "captures")}
    expected = {a.post_id for a in truth
                if a.published_at.strftime("%Y-%m") == month}  # fmt: skip
    assert expected and fetched == expected  # a monthly backfill reads no RSS, no listings


def test_a_server_with_only_the_url_scheme_is_crawled(replica, truth, tmp_path):
    """No category pages, no "load more" API, no RSS: 404s are logged and skipped, and the
    sitemaps alone bring every article."""
    from replica.routes import Response
    from replica.server import ReplicaServer

    def bare(request, response):
        path = request.path
        if path.startswith(("/api/", "/rss/")) or (path.endswith("/") and path != "/"):
            return Response(404, b"not here")
        return response

    with ReplicaServer(site=replica.site, transform=bare) as server:
        figures = crawl(server.url, tmp_path)
    ids = [c.post_id for c in read_index(tmp_path / "captures") if c.status == 200]
    assert sorted(ids) == sorted(a.post_id for a in truth)
    assert figures["http_404"] > 0 and figures["finish_reason"] == "finished"
