"""The command-line shell shared by the tools that build ``grouping/data/*.csv``."""

from __future__ import annotations

import argparse
import csv
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def build_csv(
    build: Callable[[Path], list[dict[str, str]]], columns: list[str], name: str, doc: str
) -> None:
    """Parse ``--shared``/``--out``, build the rows from ../shared and write them as CSV."""
    parser = argparse.ArgumentParser(description=doc)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--out", type=Path, default=REPO / "grouping" / "data" / name)
    args = parser.parse_args()
    rows = build(args.shared)
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {args.out}")
