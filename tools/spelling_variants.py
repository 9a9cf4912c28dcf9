"""Write tools/data/spelling_variants.csv: how a second source spells the former units.

The PyPI package ``vietnamadminunits`` 1.0.4 (MIT) writes ten of the 319 former communes,
wards and towns of Lào Cai and Yên Bái differently from the GSO list (S2): "Nậm Dạng" for
"Nậm Rạng", "Nông trường Phong Hải" for "N.T Phong Hải" (../shared/fixtures/gazetteer/
SOURCES.md, S4). Articles use both, so the gazetteer keeps them as aliases. The package is no
dependency of ours (SOURCES.md says why): this script reads its data file once, from a wheel
unpacked by hand, and the CSV is what tools/build_gazetteer.py reads.

    pip download --no-deps vietnamadminunits==1.0.4 && unzip vietnamadminunits-1.0.4-*.whl
    python tools/spelling_variants.py vietnamadminunits/data/dataset.db [--shared ../shared]

Tone placement (Hoà/Hòa) and the package's "(Xã)"/"(Thị trấn)" suffixes are left out: the
gazetteer makes both tone placements itself, and the suffixes are no spelling.
"""

from __future__ import annotations

import argparse
import csv
import re
import sqlite3
from pathlib import Path

from build_gazetteer import tone_placements
from reference_csv import REPO

SOURCE = "vietnamadminunits==1.0.4 (MIT) data/dataset.db admin_units_legacy.wardShort"
OUT = REPO / "tools" / "data" / "spelling_variants.csv"


def variants(db: Path, shared: Path) -> list[dict[str, str]]:
    with (shared / "fixtures" / "gazetteer" / "pre2025_communes_lao_cai_yen_bai.csv").open(
        encoding="utf-8"
    ) as fh:
        names = {row["code"]: row["name"] for row in csv.DictReader(fh)}
    con = sqlite3.connect(db)
    rows = con.execute("SELECT wardCode, wardShort FROM admin_units_legacy ORDER BY wardCode")
    out = []
    for code, spelled in rows:
        spelled = re.sub(r"\s*\((?:Xã|Thị trấn|Phường)\)$", "", spelled or "")
        name = names.get(code)
        if name and spelled != name and spelled not in tone_placements(name):
            out.append({"gso_code": code, "name": name, "variant": spelled, "source": SOURCE})
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()
    rows = variants(args.db, args.shared)
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT}")
