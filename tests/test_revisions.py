"""Revisions: a page whose text changed keeps its old version in article_revisions; a page
fetched again unchanged changes no text and records nothing; the WARC files rebuild both."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from datetime import datetime

import pytest

from baoarchive.reprocess import reprocess
from replica.server import ReplicaServer
from replica.timefmt import VN
from tests.archive_runs import crawl, query
from tests.test_pipeline import fingerprints


@pytest.fixture(scope="module")
def revised(tmp_path_factory):
    """Four crawls of one replica. After the first, the paper edits one article and re-dates
    another without editing it; then the sitemap says the re-dated one changed again while its
    page did not (a conditional fetch answered 304); the fourth finds nothing new."""
    data_dir = tmp_path_factory.mktemp("revisions")
    bumped: dict[int, str] = {}  # post id -> the lastmod the sitemaps claim for it

    def bump_lastmod(request, response):
        if not bumped:
            return response
        body = response.body.decode()
        if request.path == "/sitemap.xml":  # the index: every month says it changed
            stamp = max(bumped.values())
            body = re.sub(r"(news-[\d-]+\.xml</loc><lastmod>)[^<]+", rf"\g<1>{stamp}", body)
        elif request.path.startswith("/sitemaps/news-"):
            for post_id, lastmod in bumped.items():
                entry = rf"(-post{post_id}\.html</loc><lastmod>)[^<]+"
                body = re.sub(entry, rf"\g<1>{lastmod}", body)
        return replace(response, body=body.encode())

    with ReplicaServer(articles=10, seed=13, transform=bump_lastmod) as server:
        crawl(server.url, data_dir)
        edited, touched = list(server.site.articles())[:2]
        now = datetime.now(VN)  # edited after our first fetch, as on the live site
        new_text = replace(
            edited,
            title=edited.title + " (cập nhật)",
            paragraphs=["Bài viết đã được cập nhật.", *edited.paragraphs[1:]],
            modified_at=now,
        )
        server.site.add(new_text)
        server.site.add(replace(touched, modified_at=now))
        crawl(server.url, data_dir)
        after_second = fingerprints(data_dir)
        bumped[touched.post_id] = datetime.now(VN).isoformat(timespec="seconds")
        crawl(server.url, data_dir)
        after_third = fingerprints(data_dir)
        crawl(server.url, data_dir)
    return {
        "data_dir": data_dir, "edited": edited, "new_text": new_text, "touched": touched,
        "after_second": after_second, "after_third": after_third,
        "after_fourth": fingerprints(data_dir),
    }  # fmt: skip


def test_the_old_version_goes_to_article_revisions(revised):
    data_dir, edited, new_text = revised["data_dir"], revised["edited"], revised["new_text"]
    kept = query(data_dir, "SELECT title, body, superseded_by FROM article_revisions")
    assert [(title, body.split("\n")[0]) for title, body, _ in kept] == [
        (edited.title, edited.paragraphs[0])
    ]
    title, body = query(data_dir, "SELECT title, body FROM articles WHERE post_id = ?",
                        edited.post_id)[0]  # fmt: skip
    assert title == new_text.title and body.startswith("Bài viết đã được cập nhật.")
    newest_capture = query(
        data_dir, "SELECT capture_id FROM articles WHERE post_id = ?", edited.post_id
    )[0][0]
    assert kept[0][2] == newest_capture


def test_a_page_fetched_again_unchanged_records_nothing(revised):
    data_dir, touched = revised["data_dir"], revised["touched"]
    statuses = query(data_dir, "SELECT status FROM crawl_log WHERE post_id = ?"
                     " ORDER BY capture_id", touched.post_id)  # fmt: skip
    assert statuses[:2] == [(200,), (200,)]  # the new lastmod made the crawl fetch it again
    assert query(data_dir, "SELECT * FROM article_revisions WHERE post_id = ?",
                 touched.post_id) == []  # fmt: skip
    title = query(data_dir, "SELECT title FROM articles WHERE post_id = ?", touched.post_id)
    assert title[0][0] == touched.title


def test_a_run_with_nothing_new_changes_no_table(revised):
    assert revised["after_fourth"] == revised["after_third"]


def test_reprocess_rebuilds_the_revisions_too(revised, tmp_path):
    data_dir = revised["data_dir"]
    copy = tmp_path / "copy"
    shutil.copytree(data_dir, copy, ignore=shutil.ignore_patterns("dagster"))
    shutil.rmtree(copy / "lake")
    reprocess(copy)
    assert fingerprints(copy) == fingerprints(data_dir)


def test_an_unchanged_page_answers_a_conditional_request_with_304(revised):
    data_dir, touched = revised["data_dir"], revised["touched"]
    fetches = query(
        data_dir, "SELECT status, error, warc_file FROM crawl_log WHERE post_id = ?"
        " ORDER BY capture_id", touched.post_id,
    )  # fmt: skip
    # fetched, fetched again (re-dated), asked conditionally (the sitemap alone moved): 304;
    # and not asked a fourth time by the fourth crawl
    assert [status for status, *_ in fetches] == [200, 200, 304]
    assert fetches[2][1] is None and fetches[2][2] is None  # no error, nothing to extract
    assert {t: v for t, v in revised["after_third"].items() if t != "crawl_log"} == {
        t: v for t, v in revised["after_second"].items() if t != "crawl_log"
    }
