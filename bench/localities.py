"""Evaluation of locality matching against a labelled set written by hand.

    python -m bench.localities [--labels tests/localities/labelled.json] [--errors]

Each labelled item is a text (title, sapo, body; or a real page or seed document in
``../shared``, read at run time) with the units it names and the one it is about, labelled by
reading the text, never by our matcher. The script prints mention precision and recall
(micro, over (item, unit) pairs), the same on the former units alone (those of before the
2025-07-01 merger), focus accuracy, and with ``--errors`` every miss; then whether every
former commune's successor is the one of the official conversion table.
"""

from __future__ import annotations

import argparse
import csv
import json
import shlex
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bench.gold import SHARED_DIR
from bench.seeds import read_seed
from extraction import extract_article
from grouping.locality_match import match_localities
from grouping.locality_rules import MERGER
from grouping.reference import localities

REPO = Path(__file__).resolve().parents[1]
LABELS = REPO / "tests" / "localities" / "labelled.json"


@dataclass
class Item:
    id: str
    published_at: datetime
    fields: dict[str, str]
    mentions: set[str]
    focus: str | None


@dataclass
class Scores:
    items: int
    true_positives: int
    false_positives: int
    false_negatives: int
    focus_right: int
    focus_total: int
    errors: list[str]

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0

    @property
    def focus_accuracy(self) -> float:
        return self.focus_right / self.focus_total if self.focus_total else 1.0


def _fields(spec: dict, shared: Path) -> dict[str, str] | None:
    """The item's title, sapo and body; None when its source in ../shared is not there."""
    source = spec.get("source")
    if source is None:
        return {k: spec.get(k, "") for k in ("title", "sapo", "body")}
    path = shared / source.removeprefix("shared:")
    if not path.exists():
        return None
    if path.suffix == ".txt":
        seed = read_seed(path)
        return {"title": seed.title, "sapo": seed.sapo, "body": seed.body}
    article = extract_article(path.read_bytes())
    return {"title": article.title, "sapo": article.sapo, "body": article.body}


def load(labels: Path = LABELS, shared: Path = SHARED_DIR) -> list[Item]:
    items = []
    for spec in json.loads(labels.read_text(encoding="utf-8")):
        fields = _fields(spec, shared)
        if fields is not None:
            items.append(Item(spec["id"], datetime.fromisoformat(spec["published_at"]), fields,
                              set(spec["mentions"]), spec.get("focus")))  # fmt: skip
    return items


def replica_items(articles: int = 300, seed: int = 20250701) -> list[Item]:
    """Generated articles, whose ground truth lists every unit the generator wrote in: an
    independent check on text the labelled set's author never saw. (The generator names places
    with their kind word only, and has no focus.)"""
    from replica import build_site

    return [
        Item(f"replica-{a.post_id}", a.published_at,
             {"title": a.title, "sapo": a.sapo, "body": a.body}, set(a.localities), None)
        for a in build_site(articles=articles, seed=seed).articles()
    ]  # fmt: skip


def former(locality_id: str) -> bool:
    """A unit of before the 2025-07-01 merger (a former commune, district or province)."""
    return locality_id.startswith("OLD-")


def evaluate(items: list[Item], scope: Callable[[str], bool] = lambda unit: True) -> Scores:
    """Mentions over (item, unit) pairs of the units in ``scope`` (e.g. ``former``); the focus
    over every item that has one labelled."""
    scores = Scores(len(items), 0, 0, 0, 0, 0, [])
    for item in items:
        rows = match_localities(0, item.published_at, item.fields)
        found = {row["locality_id"] for row in rows if scope(row["locality_id"])}
        wanted = {unit for unit in item.mentions if scope(unit)}
        focus = next((row["locality_id"] for row in rows if row["is_focus"]), None)
        scores.true_positives += len(found & wanted)
        scores.false_positives += len(found - wanted)
        scores.false_negatives += len(wanted - found)
        for extra in sorted(found - wanted):
            evidence = next(r["evidence"] for r in rows if r["locality_id"] == extra)
            scores.errors.append(f"{item.id}: found {extra} ({evidence!r}), not labelled")
        for missed in sorted(wanted - found):
            scores.errors.append(f"{item.id}: missed {missed}")
        if item.focus is not None:
            scores.focus_total += 1
            scores.focus_right += focus == item.focus
            if focus != item.focus:
                scores.errors.append(f"{item.id}: focus {focus}, labelled {item.focus}")
    return scores


def successor_mismatches(shared: Path = SHARED_DIR) -> tuple[int, list[str]]:
    """The gazetteer's successor of each former commune against the official conversion table
    (../shared/fixtures/gazetteer/pre2025_to_2025.csv): how many rows, and every difference."""
    units = {u.locality_id: u for u in localities()}
    path = shared / "fixtures" / "gazetteer" / "pre2025_to_2025.csv"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    wrong = []
    for row in rows:
        unit = units.get(f"OLD-{row['old_code']}")
        got = unit.successor_id if unit else "no such unit"
        if got != f"LC25-{row['new_code']}":
            wrong.append(
                f"OLD-{row['old_code']} {row['old_name']}: {got}, not LC25-{row['new_code']}"
            )
    return len(rows), wrong


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--replica", type=int, default=300, help="generated articles (0: none)")
    parser.add_argument("--errors", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    print("$", shlex.join(["python", "-m", "bench.localities", *(argv or sys.argv[1:])]))
    sets = [(f"labelled by hand ({args.labels.name})", load(args.labels))]
    if args.replica:
        name = f"replica ground truth ({args.replica} articles)"
        sets.append((name, replica_items(args.replica)))
    for name, items in sets:
        scores = evaluate(items)
        labelled = scores.true_positives + scores.false_negatives
        before = sum(item.published_at.date() < MERGER for item in items)
        print(
            f"{name}: {scores.items} items ({before} before 2025-07-01), "
            f"{labelled} expected mentions"
        )
        for label, kept in (("mentions", scores), ("former  ", evaluate(items, former))):
            print(f"  {label}  precision {kept.precision:.3f}  recall {kept.recall:.3f}"
                  f"  (tp {kept.true_positives}, fp {kept.false_positives},"
                  f" fn {kept.false_negatives})")  # fmt: skip
        if scores.focus_total:
            print(f"  focus     accuracy  {scores.focus_accuracy:.3f}"
                  f"  ({scores.focus_right}/{scores.focus_total})")  # fmt: skip
        if args.errors:
            print("\n".join("  " + e for e in scores.errors[:200]) or "  no errors")
    if args.replica:  # the matcher's speed on the generated articles, one process
        items = sets[-1][1]
        match_localities(0, items[0].published_at, items[0].fields)  # compiled once, untimed
        started = time.perf_counter()
        for item in items:
            match_localities(0, item.published_at, item.fields)
        seconds = time.perf_counter() - started
        chars = sum(len(text) for item in items for text in item.fields.values())
        print(f"speed: {len(items) / seconds:.0f} articles/s ({chars / 1e6:.2f} M characters"
              f" in {seconds:.2f} s)")  # fmt: skip
    rows, wrong = successor_mismatches()
    print(
        f"successor mapping: {rows - len(wrong)}/{rows} former communes as in pre2025_to_2025.csv"
    )
    print("\n".join("  " + w for w in wrong))
    return 0


if __name__ == "__main__":
    sys.exit(main())
