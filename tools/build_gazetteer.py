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
S3 = "vietnam-provinces==2026.9.0 _ward_conversion_2025.OLD_TO_NEW (successor, by code)"
S4 = "vietnamadminunits==1.0.4 admin_units (lat, lon)"
SITE = "baolaocai.vn 'Tin địa phương' menu (real page post404649, captured 2026-01)"
MERGER = "2025-07-01"
BEFORE = "2025-06-30"  # the former units' last day
COLUMNS = [
    "locality_id", "name", "kind", "parent_id", "former_province", "valid_from", "valid_to",
    "gso_code", "site_dia_phuong_id", "aliases", "successor_id", "lat", "lon", "source",
]  # fmt: skip
VARIANTS = Path(__file__).with_name("data") / "spelling_variants.csv"

# Spelling variants named in SOURCES.md ("Spelling notes"), keyed by the official name.
KNOWN_VARIANTS = {
    "Tà Xi Láng": ["Tả Xi Láng"],
    "Mù Cang Chải": ["Mù Căng Chải"],
    "Mù Căng Chải": ["Mù Cang Chải"],
    "Sa Pa": ["Sapa", "SaPa"],
    "Nậm Chày": ["Nậm Chảy"],
}


#: Vietnamese tone marks (combining, as NFD writes them).
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
#: Syllable ends where sources put the tone on either vowel: "Hoà"/"Hòa", "Thuỷ"/"Thủy".
SWING_ENDS = ("oa", "oe", "uy")


def tone_placements(name: str) -> list[str]:
    """``name`` with each syllable's tone on the other vowel where both placements are
    written ("Khánh Hoà" -> "Khánh Hòa"): only at the syllable's end ("Hoàng" has one
    placement) and never in "quy", whose u belongs to the consonant."""
    syllables = name.split(" ")
    forms = []
    for i, syllable in enumerate(syllables):
        decomposed = unicodedata.normalize("NFD", syllable)
        tones = [ch for ch in decomposed if ch in TONE_MARKS]
        bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in tones))
        low = bare.lower()
        if len(tones) != 1 or not low.endswith(SWING_ENDS) or low.endswith("quy"):
            continue
        for at in (len(bare) - 2, len(bare) - 1):
            placed = bare[:at] + unicodedata.normalize("NFC", bare[at] + tones[0]) + bare[at + 1 :]
            if placed != unicodedata.normalize("NFC", syllable):
                forms.append(" ".join([*syllables[:i], placed, *syllables[i + 1 :]]))
    return forms


def state_farm_forms(name: str) -> list[str]:
    """A state-farm town ("N.T Phong Hải", "NT Liên Sơn") as articles write it: with "NT",
    "N.T" or "Nông trường" spelled out."""
    for short in ("N.T ", "NT "):
        if name.startswith(short):
            rest = name[len(short) :]
            return [f"{form} {rest}" for form in ("NT", "N.T", "Nông trường") if form != short[:-1]]
    return []


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


# How the papers abbreviate a unit's kind before its name ("TP. Lào Cai", "TX Sa Pa", "H. Bắc Hà").
ABBREVIATIONS = {"thanh_pho": ("TP.", "TP"), "thi_xa": ("TX.", "TX"), "huyen": ("H.",)}


def aliases(name: str, kind: str = "", variants: tuple[str, ...] = ()) -> str:
    """Every other way of writing a unit's name: the sources' variants, both tone placements,
    "NT"/"Nông trường", the kind's abbreviation, and each form without diacritics."""
    names = [name, *KNOWN_VARIANTS.get(name, []), *variants, *state_farm_forms(name)]
    names += [form for n in list(names) for form in tone_placements(n)]
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
    successors = {row["old_code"]: row["new_code"] for row in read("pre2025_to_2025.csv")}
    points = {row["code"]: row for row in read("lao_cai_units_2025_coords.csv")}
    links = read("baolaocai_dia_phuong_links.csv")
    with VARIANTS.open(encoding="utf-8") as fh:
        variants: dict[str, tuple[str, ...]] = {}
        for row in csv.DictReader(fh):
            variants[row["gso_code"]] = (*variants.get(row["gso_code"], ()), row["variant"])

    site_ids: dict[str, str] = {}
    # "Xã Nậm Chảy" (id 71) duplicates "Xã Nậm Chày" (id 114): the first one listed wins.
    for link in links:
        slug = link["url"].rstrip("/").split("/")[-2]
        site_ids.setdefault(slug, link["data_id"])

    def row(**values: str) -> dict[str, str]:
        return {column: values.get(column, "") for column in COLUMNS}

    rows = [
        row(locality_id="LC25-15", name="Lào Cai", kind="tinh", valid_from=MERGER,
            gso_code="15", aliases=aliases("Lào Cai"), source=S1),
        row(locality_id="OLD-10", name="Lào Cai", kind="tinh", former_province="Lào Cai",
            valid_to=BEFORE, gso_code="10", aliases=aliases("Lào Cai"), successor_id="LC25-15",
            source=S2),
        row(locality_id="OLD-15", name="Yên Bái", kind="tinh", former_province="Yên Bái",
            valid_to=BEFORE, gso_code="15", aliases=aliases("Yên Bái"), successor_id="LC25-15",
            source=S2),
    ]  # fmt: skip
    for unit in detail:
        prefix = "phuong" if unit["kind"] == "phuong" else "xa"
        slug = f"{prefix}-{strip_accents(unit['name']).lower().replace(' ', '-')}"
        point = points[unit["code"]]
        rows.append(
            row(locality_id=f"LC25-{unit['code']}", name=unit["name"], kind=unit["kind"],
                parent_id="LC25-15", former_province=unit["former_province"],
                valid_from=MERGER, gso_code=unit["code"],
                site_dia_phuong_id=site_ids.get(slug, ""), aliases=aliases(unit["name"]),
                lat=point["lat"], lon=point["lon"],
                source=f"{S1}; former_province: {S2}; site id: {SITE}; lat, lon: {S4}")
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
            row(locality_id=f"OLD-{code}", name=unit["name"], kind=unit["kind"],
                parent_id=parent, former_province=unit["former_province"], valid_to=BEFORE,
                gso_code=code, aliases=aliases(unit["name"], unit["kind"]), source=S2)
        )  # fmt: skip
    for unit in old:  # the 319 former communes, wards and towns, each with its one successor
        spelled = variants.get(unit["code"], ())
        rows.append(
            row(locality_id=f"OLD-{unit['code']}", name=unit["name"], kind=unit["kind"],
                parent_id=f"OLD-{unit['former_district_code']}",
                former_province=unit["former_province"], valid_to=BEFORE,
                gso_code=unit["code"], aliases=aliases(unit["name"], "", spelled),
                successor_id=f"LC25-{successors[unit['code']]}",
                source=f"{S2}; successor: {S3}; variants: tools/data/spelling_variants.csv")
        )  # fmt: skip
    for unit in rows:
        unit["name"] = unicodedata.normalize("NFC", unit["name"])
    # a form without diacritics that is another unit's own name is that unit's: "Sa Pa" is no
    # alias of phường Sa Pả
    taken = {unit["name"] for unit in rows}
    for unit in rows:
        kept = [a for a in unit["aliases"].split(";") if a not in taken or a != strip_accents(a)]
        unit["aliases"] = ";".join(kept)
    return rows


if __name__ == "__main__":
    build_csv(build, COLUMNS, "gazetteer.csv", __doc__)
