"""The site registry: one profile file per paper, every real page's id read through its own
site's profile, a broken profile a one-line error, and ``baoarchive sites`` listing them."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from parsel import Selector
from real_pages import REAL

from foundation.errors import BadValue
from foundation.post_ids import article_url_pattern, post_id
from foundation.sites import SITES_DIR, all_sites, enabled_sites, site

pytestmark = pytest.mark.fast

PROFILED = {"baolaocai", "baoyenbai", "nhandan", "tienphong", "vietnamplus", "tinnhanhchungkhoan"}


def test_every_paper_the_issue_names_has_a_profile_of_its_own():
    assert set(all_sites()) >= PROFILED
    assert sorted(p.stem for p in SITES_DIR.glob("*.toml")) == sorted(all_sites())
    assert [s.id for s in enabled_sites()] == ["baolaocai"]  # the others are opted into
    assert site("baolaocai").live_url == "https://baolaocai.vn"


@pytest.mark.parametrize("page", sorted(p.name for p in REAL.glob("*_post*.html")))
def test_a_real_pages_canonical_url_gives_its_id_through_its_own_sites_profile(page):
    """The file is named <site>_<slug>_post<ID>.html; its canonical link is the live URL."""
    site_id, expected = page.split("_", 1)[0], int(re.search(r"_post(\d+)\.html$", page)[1])
    html = (REAL / page).read_text(encoding="utf-8", errors="replace")
    canonical = re.search(r'<link[^>]+rel="canonical"[^>]+href="([^"]+)"', html)[1]
    profile = site(site_id)
    assert canonical.startswith(profile.base_urls), canonical
    assert profile.post_id(canonical) == expected
    assert post_id(canonical) == expected  # chosen by its host
    others = [s for s in all_sites().values() if s.theme != "other" and s.id != site_id]
    assert all(s.post_id(canonical) in (None, expected) for s in others)


def profile_of_host(url: str):
    """The one profile whose base URLs name the URL's host."""
    found = [s for s in all_sites().values() if urlsplit(url).hostname in s.hosts]
    assert len(found) == 1, url
    return found[0]


@pytest.mark.parametrize(
    "name", sorted(p.name for p in REAL.glob("*") if p.suffix in (".html", ".xml"))
)
def test_every_real_page_is_read_through_the_profile_its_host_names(name):
    """Article pages give their own id; the listing its main list and the sitemap its posts,
    through the profile of the host they are on (the file's name starts with its id)."""
    text = (REAL / name).read_text(encoding="utf-8", errors="replace")
    if name.endswith(".xml"):  # a sitemap: the home page, then articles
        urls = re.findall(r"<loc>([^<]+)</loc>", text)
        profile = profile_of_host(urls[0])
        ids = [profile.post_id(url) for url in urls]
        assert ids[0] is None and None not in ids[1:] and len(set(ids[1:])) == len(ids) - 1
        assert all(profile_of_host(url) is profile for url in urls)
    else:
        canonical = re.search(r'<link[^>]+rel="canonical"[^>]+href="([^"]+)"', text)[1]
        profile = profile_of_host(canonical)
        expected = re.search(r"_post(\d+)\.html$", name)
        assert profile.post_id(canonical) == (int(expected[1]) if expected else None)
        if not expected:  # a category listing: its main list, all the site's articles
            links = Selector(text=text).css(profile.listing_links).getall()
            assert links and all(profile_of_host(u) is profile for u in links)
            assert None not in [profile.post_id(u) for u in links]
    assert name.startswith(f"{profile.id}_"), (name, profile.id)


def test_every_profile_states_its_listing_selectors_and_they_parse():
    page = Selector(text="<html><body><p>x</p></body></html>")
    for profile in all_sites().values():
        raw = (SITES_DIR / f"{profile.id}.toml").read_text(encoding="utf-8")
        assert re.search(r"^listing_links = ", raw, re.M), profile.id  # stated, not defaulted
        assert re.search(r"^load_more_zone = ", raw, re.M), profile.id
        for selector in filter(None, (profile.listing_links, profile.load_more_zone)):
            assert page.css(selector).getall() == [], (profile.id, selector)
        described = profile.describe()
        assert (described["listing_links"], described["load_more_zone"]) == (
            profile.listing_links, profile.load_more_zone
        )  # fmt: skip
    assert site("tinnhanhchungkhoan").listing_links != site("baolaocai").listing_links


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://tienphong.vn/sieu-mau-post1874068.tpo", 1874068),
        ("https://www.vietnamplus.vn/mot-bai-bao-post1003.vnp?utm=x#top", 1003),
        ("https://baolaocai.vn/mot-bai-bao-post404649.html", 404649),
        ("http://127.0.0.1:8080/mot-bai-bao-post12.tpo", 12),  # a replica: every pattern
        ("https://baolaocai.vn/mot-bai-bao-post12.vnp", None),  # not this site's ending
        ("https://baolaocai.vn/kinh-te/", None),
        ("https://baolaocai.vn/tu-khoa/lao-cai-tag40212.html", None),
    ],
)
def test_post_ids_follow_each_sites_url_endings(url, expected):
    assert post_id(url) == expected
    if expected:  # the spider's sitemap rule takes it (any site's ending, on any host)
        assert article_url_pattern().search(url.split("?")[0].split("#")[0])


def test_the_sitemap_rule_leaves_listings_and_tags():
    for url in (
        "https://baolaocai.vn/kinh-te/",
        "https://baolaocai.vn/tu-khoa/a-tag4.html",
        "https://baolaocai.vn/sitemaps/news-2025-7.xml",
        "https://nhandan.vn/",
    ):
        assert not article_url_pattern().search(url), url


def write_profile(directory: Path, name: str, **changes: object) -> None:
    """baolaocai's profile with some lines changed (a value of None leaves the line out)."""
    text = (SITES_DIR / "baolaocai.toml").read_text(encoding="utf-8")
    for key, value in changes.items():
        line = "" if value is None else f"{key} = {value}"
        text = re.sub(rf"^{key} = .*$", lambda _, line=line: line, text, flags=re.M)
    (directory / f"{name}.toml").write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"theme": '"2030"'}, "theme '2030' is none of"),
        ({"post_url_patterns": "['-post\\d+\\.html$']"}, "without one group"),
        ({"base_urls": "[]"}, "no base URL"),
        ({"delay_seconds": '"fast"'}, "ValueError"),
        ({"id": '"another"'}, "is not the file's name"),
        ({"listing_links": '""'}, "no listing_links selector"),
        ({"load_more_zone": None}, "KeyError: 'load_more_zone'"),
    ],
)
def test_a_broken_profile_is_a_one_line_error_naming_its_file(tmp_path, changes, message):
    write_profile(tmp_path, "baolaocai", **changes)
    with pytest.raises(BadValue, match=message) as raised:
        all_sites(tmp_path)
    assert "baolaocai.toml" in str(raised.value) and "\n" not in str(raised.value)


def test_an_unknown_site_names_the_known_ones():
    with pytest.raises(BadValue, match="'baonoi' is not a profiled site; known: ") as raised:
        site("baonoi")
    known = str(raised.value).split("known: ")[1].split(", ")
    assert known == sorted(all_sites())


def test_baoarchive_sites_lists_every_profile():
    command = [sys.executable, "-m", "baoarchive.cli", "sites", "--format", "json"]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    listed = [json.loads(line) for line in done.stdout.splitlines()]
    assert {s["id"] for s in listed} == set(all_sites())
    tienphong = next(s for s in listed if s["id"] == "tienphong")
    assert tienphong["publisher"].startswith("Báo điện tử Tiền Phong")
    assert "-post(\\d+)\\.tpo$" in tienphong["post_url_patterns"]
    table = subprocess.run(command[:-2], capture_output=True, text=True, check=True).stdout
    assert all(site_id[:8] in table for site_id in all_sites())


def test_each_site_is_crawled_with_its_own_politeness():
    from spiders import settings

    for profile in all_sites().values():
        for host in profile.hosts:
            assert settings.DOWNLOAD_SLOTS[host] == {
                "concurrency": profile.concurrency, "delay": profile.delay_seconds
            }  # fmt: skip


def test_run_crawls_each_site_asked_for_at_its_url_or_its_live_one():
    from foundation.site_choice import chosen_sites

    asked = ["tienphong=http://127.0.0.1:8001/", "vietnamplus"]
    assert chosen_sites(asked, None) == [
        ("tienphong", "http://127.0.0.1:8001"), ("vietnamplus", "https://www.vietnamplus.vn")
    ]  # fmt: skip
    assert chosen_sites(None, "http://127.0.0.1:9") == [("baolaocai", "http://127.0.0.1:9")]
    assert chosen_sites(["nhandan"], "http://127.0.0.1:9") == [("nhandan", "http://127.0.0.1:9")]
    with pytest.raises(BadValue, match="goes with one --site ID at most"):
        chosen_sites(["nhandan", "tienphong"], "http://127.0.0.1:9")
    with pytest.raises(BadValue, match="named twice"):
        chosen_sites(["nhandan=http://127.0.0.1:9", "nhandan"], None)
    assert chosen_sites(["nhandan=http://127.0.0.1:9,tienphong"], None) == [
        ("nhandan", "http://127.0.0.1:9"), ("tienphong", "https://tienphong.vn")
    ]  # fmt: skip
    with pytest.raises(BadValue, match="not a profiled site"):
        chosen_sites(["baonoi=http://x"], None)


def test_a_launched_run_reaches_every_site_live_unless_told_otherwise(monkeypatch):
    from foundation.site_choice import reachable_sites

    monkeypatch.delenv("BAOARCHIVE_SITE_URL", raising=False)
    monkeypatch.delenv("BAOARCHIVE_SITES", raising=False)
    live = reachable_sites()
    assert live == {s.id: s.live_url for s in all_sites().values()}
    monkeypatch.setenv("BAOARCHIVE_SITES", "tienphong=http://127.0.0.1:8001")
    monkeypatch.setenv("BAOARCHIVE_SITE_URL", "http://127.0.0.1:8000")
    told = reachable_sites()
    assert told["tienphong"] == "http://127.0.0.1:8001"
    assert told["baolaocai"] == "http://127.0.0.1:8000"
    assert told["nhandan"] == live["nhandan"]
    # a run's own setting names the only sites it may crawl
    assert reachable_sites("nhandan=http://127.0.0.1:9") == {"nhandan": "http://127.0.0.1:9"}
