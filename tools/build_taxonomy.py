"""Build grouping/data/taxonomy.csv from each menu site's own menu (its real page in ../shared).

One row per (site, category): the same slug on two papers is two topics. The topic ids are the
site's category paths ("kinh-te/thi-truong"): stable, readable and the same string the
breadcrumb URL gives, so a topic id can be cited with its site.  Parents come from the menu's
nesting (``ul.menu > li > ul.sub-menu`` and the "All" big-menu's ``ul.item`` groups), because
some sub-categories live at top-level URLs (``/hoc-tap-va-lam-theo-bac/`` is under Chính trị on
baolaocai.vn, ``/kinh-te-thi-truong/`` under Kinh tế on tienphong.vn).
Run: python tools/build_taxonomy.py [--shared ../shared]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from lxml import html
from reference_csv import build_csv


@dataclass(frozen=True)
class Menu:
    """Where one site's menu is and what the page alone does not say."""

    page: str
    source: str
    sponsored: frozenset[str] = frozenset()
    zones: dict[str, str] = field(default_factory=dict)  # topic -> zone id seen on the page
    parents: dict[str, str] = field(default_factory=dict)  # topic -> parent, where sourced


#: The sites whose profile says ``taxonomy = "menu"``, in the file's order.
MENUS = {
    "baolaocai": Menu(
        page="fixtures/real/baolaocai_song-dep-tu-nhung-dieu-gian-di_post404649.html",
        source="baolaocai.vn main menu (real page post404649, captured 2026-01)",
        sponsored=frozenset({"thong-tin-quang-cao"}),
        # Zone ids seen on the real page (site_structure.md): adsZone/data-zone 141,
        # zone-box-123.
        zones={"review-lao-cai": "141", "epaper": "123"},
        # The "All" menu lists Văn xuôi and Thơ under Văn hóa; site_structure.md (§1, main
        # menu) places them under Văn học - Nghệ thuật, the section they belong to.
        parents={"van-xuoi": "van-hoa/van-hoc-nghe-thuat", "tho": "van-hoa/van-hoc-nghe-thuat"},
    ),
    "tienphong": Menu(
        page="fixtures/real/tienphong_sieu-mau-noi-y-bi-mang-khap-mang-xa-hoi_post1874068.html",
        source="tienphong.vn main menu (real page post1874068, captured 2026-09-06)",
    ),
}
COLUMNS = ["site", "topic_id", "slug", "name", "parent_id", "zone_id", "sponsored", "source"]


def path_of(href: str) -> str:
    return urlsplit(href).path.strip("/")


def menu_rows(site: str, menu: Menu, shared: Path) -> list[dict[str, str]]:
    root = html.parse(str(shared / menu.page)).getroot()
    rows: dict[str, dict[str, str]] = {}

    def add(href: str, name: str, parent: str) -> None:
        topic = path_of(href)
        if not topic or href.startswith("javascript"):
            return
        row = rows.setdefault(topic, {
            "site": site, "topic_id": topic, "slug": topic.rsplit("/", 1)[-1],
            "name": name.strip(), "parent_id": parent, "zone_id": menu.zones.get(topic, ""),
            "sponsored": str(topic in menu.sponsored).lower(), "source": menu.source,
        })  # fmt: skip
        row["parent_id"] = row["parent_id"] or parent

    for li in root.xpath("//ul[@class='menu']/li"):
        top = li.xpath("./a")[0]
        add(top.get("href"), top.get("title") or top.text_content(), "")
        for sub in li.xpath("./ul[contains(@class,'sub-menu')]/li/a"):
            add(sub.get("href"), sub.get("title") or sub.text_content(), path_of(top.get("href")))
    for group in root.xpath("//div[@class='big-menu']//ul[@class='item']"):
        links = group.xpath(".//a")
        head = path_of(links[0].get("href"))
        add(links[0].get("href"), links[0].get("title") or links[0].text_content(), "")
        for sub in links[1:]:
            add(sub.get("href"), sub.get("title") or sub.text_content(), head)
    for topic, parent in menu.parents.items():
        rows[topic]["parent_id"] = parent
        rows[topic]["source"] += "; parent: research/site_structure.md"
    return list(rows.values())


def build(shared: Path) -> list[dict[str, str]]:
    return [row for site, menu in MENUS.items() for row in menu_rows(site, menu, shared)]


if __name__ == "__main__":
    build_csv(build, COLUMNS, "taxonomy.csv", __doc__)
