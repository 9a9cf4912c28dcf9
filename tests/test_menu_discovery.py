"""Which section listings a crawl reads: the ones the site's own home page menu links to,
through its profile's ``menu_links`` (real pages of three papers, and the replica over HTTP)."""

from __future__ import annotations

import csv
import urllib.request
from pathlib import Path

import pytest
from real_pages import BAOLAOCAI, REAL, TIENPHONG
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from replica.server import ReplicaServer
from replica.taxonomy import category, children, roots
from spiders.spiders.platform_site import PlatformSpider

TAXONOMY = Path(__file__).resolve().parents[1] / "grouping" / "data" / "taxonomy.csv"
TNCK_LISTING = "tinnhanhchungkhoan_listing_chung-khoan.html"


def sections(site: str, base_url: str, body: bytes, tmp_path: Path) -> list[str]:
    spider = PlatformSpider.from_crawler(
        get_crawler(PlatformSpider), site_url=base_url, data_dir=str(tmp_path), site=site
    )
    response = HtmlResponse(url=base_url + "/", body=body, encoding="utf-8",
                            request=Request(base_url + "/"))  # fmt: skip
    requests = list(spider.parse_home(response))
    assert all(r.callback.__name__ == "parse_listing" for r in requests)
    return [r.url for r in requests]


@pytest.mark.fast
@pytest.mark.skipif(not REAL.is_dir(), reason=f"real fixtures not found at {REAL}")
def test_the_real_menus_give_each_papers_own_sections_once(tmp_path):
    found = sections("baolaocai", "https://baolaocai.vn", (REAL / BAOLAOCAI).read_bytes(), tmp_path)
    # the taxonomy was read off this very menu by hand: the same 46 sections
    with TAXONOMY.open(encoding="utf-8") as rows:
        menu = {
            r["topic_id"] for r in csv.DictReader(rows) if r.get("site", "baolaocai") == "baolaocai"
        }
    assert len(found) == len(set(found)) == 46
    assert {url.removeprefix("https://baolaocai.vn/").strip("/") for url in found} == menu
    tienphong = sections("tienphong", "https://tienphong.vn", (REAL / TIENPHONG).read_bytes(),
                         tmp_path)  # fmt: skip
    assert len(tienphong) == 69 and "https://tienphong.vn/xa-hoi/" in tienphong
    base = "https://www.tinnhanhchungkhoan.vn"
    v3 = sections("tinnhanhchungkhoan", base, (REAL / TNCK_LISTING).read_bytes(), tmp_path)
    assert len(v3) == 30 and v3[0] == f"{base}/chung-khoan/"
    assert all(url.startswith(base + "/") for url in v3)  # the e-paper's other host is left


@pytest.mark.parametrize("site", ["baolaocai", "tinnhanhchungkhoan"])
def test_the_replicas_home_menu_gives_its_sections(site, tmp_path):
    with ReplicaServer(articles=30, site_id=site) as server:
        body = urllib.request.urlopen(server.url + "/", timeout=10).read()
        found = sections(site, server.url, body, tmp_path)
    # the replica's menu: each top section and its subsections
    listed = {
        server.url + c.path
        for root in roots()
        for c in (root, *map(category, children(root.topic_id)))
    }
    assert found and set(found) == listed
