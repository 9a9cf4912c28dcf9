"""Several papers in one Scrapy process: two replicas with the same post ids, crawled at once,
each under its own robots.txt and into its own files; a second run resumes each paper apart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from replica.server import ReplicaServer
from tests.crawls import crawl_with
from warc.capture_index import read_index

ARTICLES = 10


def crawl(data_dir: Path, *sites: str) -> dict:
    return crawl_with(*(f"--site={s}" for s in sites), "--data-dir", str(data_dir), "--no-listings")


@pytest.fixture(scope="module")
def two_papers(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("two-papers")
    with (
        ReplicaServer(articles=ARTICLES) as first,
        ReplicaServer(articles=ARTICLES, site_id="tienphong") as second,
    ):
        # the first paper's robots.txt disallows one article whose post id the second paper
        # uses too (for another article); the second's robots.txt allows everything
        shut = next(a for a in first.site.articles() if a.post_id in second.site)
        first.faults.on("robots_disallow", "/robots.txt", arg=shut.path)
        sites = (f"baolaocai={first.url}", f"tienphong={second.url}")
        figures = crawl(data_dir, *sites)
        again = crawl(data_dir, *sites)
        yield {"dir": data_dir, "figures": figures, "again": again, "shut": shut,
               "served": {"baolaocai": first, "tienphong": second}}  # fmt: skip


def test_one_process_crawls_both_papers_each_under_its_own_robots_txt(two_papers):
    figures, shut = two_papers["figures"], two_papers["shut"]
    assert figures["sites"] == "baolaocai,tienphong"
    by_site = figures["by_site"]
    assert (by_site["baolaocai"]["failed"], by_site["tienphong"]["failed"]) == (1, 0)
    assert figures["articles_captured"] == 2 * ARTICLES  # a refused fetch is logged too
    entries = list(read_index(two_papers["dir"] / "captures"))
    archived = {(c.site, c.post_id) for c in entries if c.warc_file}
    assert len(archived) == 2 * ARTICLES - 1
    assert ("tienphong", shut.post_id) in archived  # the same post id, allowed there
    refused = [c for c in entries if (c.site, c.post_id) == ("baolaocai", shut.post_id)]
    assert refused and all("robots.txt" in (c.error or "") for c in refused)
    for site, replica in two_papers["served"].items():
        entries = [c for c in read_index(two_papers["dir"] / "captures") if c.site == site]
        assert {c.final_url.split("/")[2] for c in entries} == {replica.url.split("/")[2]}


def test_each_paper_has_its_own_files(two_papers):
    data_dir, run_id = two_papers["dir"], two_papers["figures"]["run_id"]
    for site in ("baolaocai", "tienphong"):
        assert (data_dir / "captures" / f"{run_id}-{site}.jsonl").is_file()
        assert (data_dir / "captures" / f"{run_id}-{site}.stats.json").is_file()
        assert list((data_dir / "warc").glob(f"{run_id}-{site}-*.warc.gz"))
        written = json.loads((data_dir / "captures" / f"{run_id}-{site}.stats.json").read_text())
        assert written == two_papers["figures"]["by_site"][site]


def test_a_second_run_fetches_no_article_again_on_either_paper(two_papers):
    again = two_papers["again"]["by_site"]
    for site in ("baolaocai", "tienphong"):
        # nothing archived is fetched again; the refused article is tried again (and refused)
        assert again[site]["articles_captured"] == (site == "baolaocai"), site
        # each paper's monthly sitemaps were noted in the one ledger and skipped
        assert again[site]["sitemaps_unchanged"] >= 1, site
