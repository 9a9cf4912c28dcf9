"""Build grouping/data/gazetteer.csv from the sourced files in ../shared/fixtures/gazetteer/.

Names are facts: every name comes from those files by script, never typed by hand. Run again
whenever the sources change:  python tools/build_gazetteer.py [--shared ../shared]
"""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

from reference_csv import build_csv

S1 = "thanglequoc/vietnamese-provinces-database@cd58063 (units 2026-07-25, Tỉnh Lào Cai code 15)"
S2 = "thanglequoc/vietnamese-provinces-database@v2.4.1 fc33b74 (pre-merger three-level units)"
SITE = "baolaocai.vn 'Tin địa phương' menu (real page post404649, captured 2026-01)"
MERGER = "2025-07-01"
COLUMNS = [
    "locality_id", "name", "kind", "parent_id", "former_province", "valid_from", "valid_to",
    "gso_code", "site_dia_phuong_id", "aliases", "source",
]  # fmt: skip

# Spelling variants named in SOURCES.md ("Spelling notes"), keyed by the official name.
KNOWN_VARIANTS = {
    "Tà Xi Láng": ["Tả Xi Láng"],
    "Mù Cang Chải": ["Mù Căng Chải"],
    "Mù Căng Chải": ["Mù Cang Chải"],
    "Sa Pa": ["Sapa", "SaPa"],
    "Nậm Chày": ["Nậm Chảy"],
}


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


# How the papers abbreviate a unit's kind before its name ("TP. Lào Cai", "TX Sa Pa", "H. Bắc Hà").
ABBREVIATIONS = {"thanh_pho": ("TP.", "TP"), "thi_xa": ("TX.", "TX"), "huyen": ("H.",)}


def aliases(name: str, kind: str = "") -> str:
    names = [name, *KNOWN_VARIANTS.get(name, [])]
    names += [f"{short} {n}" for short in ABBREVIATIONS.get(kind, ()) for n in list(names)]
    out: list[str] = []
    for n in names:
        for form in (n, strip_accents(n)):
            if form != name and form not in out:
                out.append(form)
    return ";".join(out)


def build(shared: Path) -> list[dict[str, str]]:
    def read(name: str) -> list[dict[str, str]]:
        with (shared / "fixtures" / "gazetteer" / name).open(encoding="utf-8") as fh:
            return list(csv.DictReader(fh))

    detail = read("lao_cai_units_2025_detail.csv")
    units = read("lao_cai_units.csv")
    old = read("pre2025_communes_lao_cai_yen_bai.csv")
    links = read("baolaocai_dia_phuong_links.csv")

    site_ids: dict[str, str] = {}
    # "Xã Nậm Chảy" (id 71) duplicates "Xã Nậm Chày" (id 114): the first one listed wins.
    for link in links:
        slug = link["url"].rstrip("/").split("/")[-2]
        site_ids.setdefault(slug, link["data_id"])

    rows: list[dict[str, str]] = [
        dict(locality_id="LC25-15", name="Lào Cai", kind="tinh", parent_id="",
             former_province="", valid_from=MERGER, valid_to="", gso_code="15",
             site_dia_phuong_id="", aliases=aliases("Lào Cai"), source=S1),
        dict(locality_id="OLD-10", name="Lào Cai", kind="tinh", parent_id="",
             former_province="Lào Cai", valid_from="", valid_to="2025-06-30", gso_code="10",
             site_dia_phuong_id="", aliases=aliases("Lào Cai"), source=S2),
        dict(locality_id="OLD-15", name="Yên Bái", kind="tinh", parent_id="",
             former_province="Yên Bái", valid_from="", valid_to="2025-06-30", gso_code="15",
             site_dia_phuong_id="", aliases=aliases("Yên Bái"), source=S2),
    ]  # fmt: skip
    for unit in detail:
        prefix = "phuong" if unit["kind"] == "phuong" else "xa"
        slug = f"{prefix}-{strip_accents(unit['name']).lower().replace(' ', '-')}"
        rows.append(
            dict(locality_id=f"LC25-{unit['code']}", name=unit["name"], kind=unit["kind"],
                 parent_id="LC25-15", former_province=unit["former_province"],
                 valid_from=MERGER, valid_to="", gso_code=unit["code"],
                 site_dia_phuong_id=site_ids.get(slug, ""), aliases=aliases(unit["name"]),
                 source=f"{S1}; former_province: {S2}; site id: {SITE}")
        )  # fmt: skip

    district_codes = {
        (o["former_district"], o["former_province"]): o["former_district_code"] for o in old
    }
    kind_words = {"huyen": "Huyện", "thi_xa": "Thị xã", "thanh_pho": "Thành phố"}
    for unit in units:
        if unit["kind"] not in kind_words:
            continue
        full = f"{kind_words[unit['kind']]} {unit['name']}"
        code = district_codes[(full, unit["former_province"])]
        parent = "OLD-10" if unit["former_province"] == "Lào Cai" else "OLD-15"
        rows.append(
            dict(locality_id=f"OLD-{code}", name=unit["name"], kind=unit["kind"],
                 parent_id=parent, former_province=unit["former_province"], valid_from="",
                 valid_to="2025-06-30", gso_code=code, site_dia_phuong_id="",
                 aliases=aliases(unit["name"], unit["kind"]), source=S2)
        )  # fmt: skip
    for row in rows:
        row["name"] = unicodedata.normalize("NFC", row["name"])
    return rows


if __name__ == "__main__":
    build_csv(build, COLUMNS, "gazetteer.csv", __doc__)
