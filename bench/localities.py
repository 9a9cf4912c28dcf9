"""Evaluation of locality matching against a labelled set written by hand.

    python -m bench.localities [--labels tests/localities/labelled.json] [--errors]

Each labelled item is a text (title, sapo, body; or a real page or seed document in
``../shared``, read at run time) with the units it names and the one it is about, labelled by
reading the text, never by our matcher. The script prints mention precision and recall
(micro, over (item, unit) pairs) and focus accuracy, and with ``--errors`` every miss.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bench.gold import SHARED_DIR
from bench.seeds import read_seed
from extraction import extract_article
from grouping.locality_match import match_localities

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


def evaluate(items: list[Item]) -> Scores:
    scores = Scores(len(items), 0, 0, 0, 0, 0, [])
    for item in items:
        rows = match_localities(0, item.published_at, item.fields)
        found = {row["locality_id"] for row in rows}
        focus = next((row["locality_id"] for row in rows if row["is_focus"]), None)
        scores.true_positives += len(found & item.mentions)
        scores.false_positives += len(found - item.mentions)
        scores.false_negatives += len(item.mentions - found)
        for extra in sorted(found - item.mentions):
            evidence = next(r["evidence"] for r in rows if r["locality_id"] == extra)
            scores.errors.append(f"{item.id}: found {extra} ({evidence!r}), not labelled")
        for missed in sorted(item.mentions - found):
            scores.errors.append(f"{item.id}: missed {missed}")
        if item.focus is not None:
            scores.focus_total += 1
            scores.focus_right += focus == item.focus
            if focus != item.focus:
                scores.errors.append(f"{item.id}: focus {focus}, labelled {item.focus}")
    return scores


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
        print(f"{name}: {scores.items} items, {labelled} expected mentions")
        print(f"  mentions  precision {scores.precision:.3f}  recall {scores.recall:.3f}"
              f"  (tp {scores.true_positives}, fp {scores.false_positives},"
              f" fn {scores.false_negatives})")  # fmt: skip
        if scores.focus_total:
            print(f"  focus     accuracy  {scores.focus_accuracy:.3f}"
                  f"  ({scores.focus_right}/{scores.focus_total})")  # fmt: skip
        if args.errors:
            print("\n".join("  " + e for e in scores.errors[:200]) or "  no errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
