"""The extraction benchmark: ours against trafilatura, readability-lxml and goose3.

    python -m bench.extraction [--pages 1000] [--seed 20250701] [--only ours,trafilatura]

Three data sets: the gold set (``bench.gold``, fields checked by hand), N generated replica
pages (``replica``, whose ``ReplicaArticle`` is the ground truth) and the offsite set
(``bench.offsite_pages``: other sites' news pages, which our extractor reads by its fallback
path; body and title only). For every extractor it reports body precision/recall/F1 (token
level, ``bench.scoring``), tokens leaked from the related blocks, metadata fields exactly right,
pages per second on one core and peak memory; and, on the offsite set, ours against plain
``trafilatura.extract(html)`` (the ``trafilatura-extract`` worker).

Each extractor runs in its own process (``bench.run_extractor``), one after the other, pinned
to the same single CPU: speed is comparable across libraries, and peak memory is each
library's own. Pages are rendered and written to a temporary directory before any worker
starts, so generating the replica is never on the clock. Scoring happens here, after the
workers, against the ground truth the workers never see.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from statistics import fmean
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from bench.machine import machine
from bench.run_extractor import EXTRACTORS, PACKAGES
from bench.scoring import BodyScore, same_value, score_body

REPO = Path(__file__).resolve().parents[1]
BASE_URL = "https://baolaocai.vn"
#: Fields every extractor is asked about (the gold files' "layout" is ours alone: not scored).
FIELDS = (
    "title",
    "author",
    "published_at",
    "modified_at",
    "tags",
    "sapo",
    "category",
    "post_id",
    "url",
)
INSTANTS = ("published_at", "modified_at")
INSTALL_HINT = "pip install -e '.[bench]'"
WORKER_TIMEOUT = 4 * 3600  # seconds; a hung library is reported, not waited on forever


@dataclass
class Page:
    """One page to extract, with what a perfect extractor would give."""

    name: str
    html: bytes
    url: str | None  # what the extractor is told (None: it must find the URL itself)
    expected: dict[str, object]  # field -> exact value, instants as ISO strings
    body: str
    related: list[str]  # texts of the items of the page's related blocks


# -- data --------------------------------------------------------------------------------------


def gold_pages() -> list[Page]:
    """The hand-checked gold set (real pages only when ../shared is there)."""
    from bench import gold

    return [
        Page(p.name, p.html, p.url, p.expected, p.body_text, list(p.related)) for p in gold.load()
    ]


def offsite_pages() -> list[Page]:
    """Other sites' pages (``bench/offsite``): the fallback path. Only the title is scored
    besides the body (the pages have no post id, sapo or tags of the platform's kind)."""
    from bench import offsite_pages as offsite

    return [
        Page(p.name, p.html, p.url, {"title": p.title}, p.body_text, []) for p in offsite.load()
    ]


def replica_pages(count: int, seed: int) -> list[Page]:
    """``count`` generated pages, rendered to bytes now so that rendering is never timed. The
    related texts are the title and sapo of every article listed in a related block."""
    from replica import build_site, render_article

    site = build_site(articles=count, seed=seed)
    pages = []
    for article in site.articles():
        listed = [*article.suggest, *article.timeline, *article.related]
        url = article.url(BASE_URL)
        pages.append(
            Page(
                name=f"replica/{article.post_id}-{article.layout.name}",
                html=render_article(article, site, BASE_URL).encode("utf-8"),
                url=url,
                expected={
                    "title": article.title,
                    "author": article.author,
                    "published_at": article.published_at.isoformat(),
                    "modified_at": article.modified_at.isoformat(),
                    "tags": list(article.tags),
                    "sapo": article.sapo,
                    "category": article.category,
                    "post_id": article.post_id,
                    "url": url,
                },
                body=article.body,
                related=[text for i in listed for text in (site.entry(i).title, site.sapo(i))],
            )
        )
    return pages


def write_pages(directory: Path, sets: dict[str, list[Page]]) -> None:
    """One file per page plus ``manifest.json``: workers read a page just before extracting
    it, so the pages do not weigh on the worker's peak memory."""
    manifest: dict[str, list[dict]] = {}
    for set_name, pages in sets.items():
        (directory / set_name).mkdir()
        manifest[set_name] = []
        for index, page in enumerate(pages):
            file = f"{set_name}/{index:05d}.html"
            (directory / file).write_bytes(page.html)
            manifest[set_name].append({"file": file, "url": page.url})
    (directory / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def html_mb(pages: list[Page]) -> float:
    return sum(len(p.html) for p in pages) / 1e6


# -- workers -----------------------------------------------------------------------------------


def run_worker(name: str, data: Path, cpu: int, warmup: int, console: Console) -> dict[str, Any]:
    """Run one extractor in a fresh interpreter and read its JSON result. A crash or a hang is
    reported as the extractor's status instead of ending the benchmark."""
    out = data / f"result-{name}.json"
    command = [
        sys.executable,
        "-m",
        "bench.run_extractor",
        name,
        "--data",
        str(data),
        "--out",
        str(out),
        "--cpu",
        str(cpu),
        "--warmup",
        str(warmup),
    ]
    started = time.monotonic()
    try:
        done = subprocess.run(
            command, cwd=REPO, capture_output=True, text=True, timeout=WORKER_TIMEOUT
        )
    except subprocess.TimeoutExpired:
        return {"name": name, "status": f"timed out after {WORKER_TIMEOUT} s"}
    wall = time.monotonic() - started
    if done.returncode != 0 or not out.exists():
        tail = done.stderr.strip().splitlines()[-3:]
        return {"name": name, "status": f"crashed (exit {done.returncode}): " + " | ".join(tail)}
    result = json.loads(out.read_text(encoding="utf-8"))
    result["worker_wall_seconds"] = wall
    result["worker_stderr_lines"] = len(done.stderr.splitlines())
    if result["status"] == "not installed":
        result["status"] = f"not installed ({INSTALL_HINT})"
    console.print(Text(f"{name}: {result['status']} in {wall:.1f} s", style="dim"))
    return result


# -- scoring -----------------------------------------------------------------------------------


def predicted(output: dict[str, Any], field: str) -> object:
    """The extractor's value for a field; instants come back from JSON as ISO strings."""
    value = output.get(field)
    if field in INSTANTS and isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            return None
    return value


def _spread(values: list[float]) -> dict[str, float]:
    return {"mean": fmean(values), "min": min(values)} if values else {"mean": 0.0, "min": 0.0}


def score_set(pages: list[Page], outputs: list[dict[str, Any]]) -> dict[str, Any]:
    """Body and metadata figures of one extractor over one data set. A field the library
    does not give (or a page it failed on) is wrong, even where the expected value is ""."""
    bodies: list[BodyScore] = [
        score_body(out.get("body") or "", page.body, page.related)
        for page, out in zip(pages, outputs, strict=True)
    ]
    by_field = {field: [0, 0] for field in FIELDS}
    for page, out in zip(pages, outputs, strict=True):
        for field in FIELDS:
            if field in page.expected:
                by_field[field][1] += 1
                by_field[field][0] += field in out and same_value(
                    field, predicted(out, field), page.expected[field]
                )
    worst = min(range(len(pages)), key=lambda i: bodies[i].f1, default=None)
    worst_page = None  # named only when some page is not perfect
    if worst is not None and bodies[worst].f1 < 1.0:
        worst_page = f"{pages[worst].name} ({bodies[worst].f1:.3f})"
    return {
        "pages": len(pages),
        "precision": _spread([b.precision for b in bodies]),
        "recall": _spread([b.recall for b in bodies]),
        "f1": _spread([b.f1 for b in bodies]),
        "worst_page": worst_page,
        "leaked_tokens": sum(b.leaked for b in bodies),
        "leaked_pages": sum(1 for b in bodies if b.leaked),
        "fields_right": sum(right for right, _ in by_field.values()),
        "fields_total": sum(total for _, total in by_field.values()),
        "by_field": {f: rt for f, rt in by_field.items() if rt[1]},
    }


def score_result(result: dict[str, Any], sets: dict[str, list[Page]]) -> dict[str, Any]:
    """Replace a worker's raw outputs by the figures (the outputs are not kept)."""
    if result.get("status") != "ok":
        return result
    for set_name, pages in sets.items():
        raw = result[set_name]
        figures = score_set(pages, raw.pop("outputs"))
        raw.update(figures)
    return result


# -- printing ----------------------------------------------------------------------------------


def _status_row(table: Table, result: dict[str, Any]) -> None:
    """An extractor that did not run: dashes, and why in the last column."""
    cells = ["-"] * (len(table.columns) - 2)
    table.add_row(result["name"], *cells, Text(result["status"], style="yellow"))


def _quality_table(title: str, set_name: str, results: list[dict[str, Any]]) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("extractor")
    for column in ("P mean", "P min", "R mean", "R min", "F1 mean", "F1 min"):
        table.add_column(column, justify="right")
    table.add_column("leaked tok (pages)", justify="right")
    table.add_column("fields right", justify="right")
    table.add_column("errors", justify="right")
    table.add_column("worst page (F1) / status")
    for result in results:
        if result.get("status") != "ok":
            _status_row(table, result)
            continue
        s = result[set_name]
        spreads = [f"{s[m][k]:.3f}" for m in ("precision", "recall", "f1") for k in ("mean", "min")]
        table.add_row(
            result["name"],
            *spreads,
            f"{s['leaked_tokens']} ({s['leaked_pages']})",
            f"{s['fields_right']}/{s['fields_total']}",
            str(s["errors"]),
            s["worst_page"] or "",
        )
    return table


def _fields_table(results: list[dict[str, Any]], set_names: list[str]) -> Table:
    table = Table(title="Metadata fields exactly right (right/total)", title_justify="left")
    table.add_column("extractor")
    table.add_column("set")
    for field in FIELDS:
        table.add_column(field, justify="right")
    for result in results:
        if result.get("status") != "ok":
            continue
        for index, set_name in enumerate(set_names):
            by_field = result[set_name]["by_field"]
            cells = [f"{by_field[f][0]}/{by_field[f][1]}" if f in by_field else "-" for f in FIELDS]
            table.add_row(
                result["name"] if index == 0 else "",
                set_name,
                *cells,
                end_section=index == len(set_names) - 1,
            )
    return table


def _speed_table(results: list[dict[str, Any]], pages: int, cpu: int) -> Table:
    table = Table(
        title=f"Speed and memory: {pages} replica pages, one core (CPU {cpu}), "
        "extraction calls only",
        title_justify="left",
    )
    table.add_column("extractor")
    columns = (
        "pages/s",
        "timed s",
        "RSS start MB",
        "RSS imported MB",
        "RSS before loop MB",
        "peak RSS MB (VmHWM)",
        "status",
    )
    for column in columns:
        table.add_column(column, justify="left" if column == "status" else "right")
    for result in results:
        if result.get("status") != "ok":
            _status_row(table, result)
            continue
        replica = result["replica"]
        table.add_row(
            result["name"],
            f"{replica['pages_per_second']:.1f}" if replica["pages_per_second"] else "-",
            f"{replica['seconds']:.1f}",
            f"{result['rss_start_mb']:.0f}",
            f"{result['rss_imported_mb']:.0f}",
            f"{replica['rss_before_loop_mb']:.0f}",
            f"{result['peak_rss_mb']:.0f}",
            Text(result["status"]),
        )
    return table


def print_errors(console: Console, results: list[dict[str, Any]], set_names: list[str]) -> None:
    """A page that made a library raise is scored as empty; say what the library said."""
    for result in results:
        if result.get("status") != "ok":
            continue
        for set_name in set_names:
            figures = result[set_name]
            for sample in figures["error_samples"][:2]:
                console.print(
                    f"{result['name']} on {set_name} ({figures['errors']} errors), e.g.: {sample}",
                    highlight=False,
                    markup=False,
                    soft_wrap=True,
                )


def print_offsite(console: Console, results: list[dict[str, Any]], pages: int) -> None:
    """The offsite set's body figures, ours beside plain ``trafilatura.extract(html)``."""
    done = {r["name"]: r["offsite"] for r in results if r.get("status") == "ok"}
    parts = []
    for name, label in (("ours", "ours"), ("trafilatura-extract", "trafilatura.extract(html)")):
        if name in done:
            p, r, f = (done[name][m]["mean"] for m in ("precision", "recall", "f1"))
            parts.append(f"{label} P {p:.3f} R {r:.3f} F1 {f:.3f}")
        else:
            parts.append(f"{label} n/a (not run)")
    console.print(
        f"Offsite set ({pages} pages), body means: " + "; ".join(parts),
        highlight=False,
        markup=False,
    )


def speed_ratio(results: list[dict[str, Any]]) -> float | None:
    """ours pages/s ÷ trafilatura (default) pages/s, when both ran."""
    speed = {
        r["name"]: r["replica"]["pages_per_second"] for r in results if r.get("status") == "ok"
    }
    if speed.get("ours") and speed.get("trafilatura"):
        return speed["ours"] / speed["trafilatura"]
    return None


def print_header(console: Console, command: str, sets: dict[str, list[Page]], info: dict) -> None:
    console.print(f"$ {command}", highlight=False, markup=False, soft_wrap=True)
    sizes = ", ".join(f"{n}: {len(p)} pages, {html_mb(p):.1f} MB of HTML" for n, p in sets.items())
    console.print(f"Data: {sizes}", highlight=False, markup=False)
    console.print(
        f"Machine: nproc {info['nproc']} (allowed {info['cpus_allowed']}), {info['cpu_model']}, "
        f"{info['ram_gb']} GB RAM, load average {_load(info['load_average_start'])}",
        highlight=False,
        markup=False,
    )
    versions = ", ".join(f"{k} {v}" for k, v in info["libraries"].items())
    console.print(f"Python {info['python']}; {versions}", highlight=False, markup=False)


def _load(values: tuple[float, ...]) -> str:
    return " ".join(f"{v:.2f}" for v in values)


# -- main --------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000, help="replica pages (default 1000)")
    parser.add_argument("--seed", type=int, default=20250701, help="replica seed")
    parser.add_argument(
        "--only", default=",".join(EXTRACTORS), help=f"comma-separated, of {','.join(EXTRACTORS)}"
    )
    parser.add_argument("--json", type=Path, help="also save the figures here")
    parser.add_argument(
        "--cpu",
        type=int,
        default=max(os.sched_getaffinity(0)),
        help="the CPU every worker is pinned to (default: the last allowed)",
    )
    parser.add_argument("--warmup", type=int, default=5, help="untimed replica pages first")
    args = parser.parse_args(argv)
    args.only = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = [name for name in args.only if name not in PACKAGES]
    if unknown:
        parser.error(f"unknown extractor(s) {unknown}; known: {', '.join(EXTRACTORS)}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.monotonic()
    console = Console(width=None if sys.stdout.isatty() else 180)
    python = os.path.relpath(sys.executable) if sys.executable.startswith(os.getcwd()) else "python"
    command = shlex.join([python, "-m", "bench.extraction", *(argv or sys.argv[1:])])

    sets = {
        "gold": gold_pages(),
        "replica": replica_pages(args.pages, args.seed),
        "offsite": offsite_pages(),
    }
    info = machine()
    print_header(console, command, sets, info)
    with tempfile.TemporaryDirectory(prefix="bench-extraction-") as tmp:
        data = Path(tmp)
        write_pages(data, sets)
        results = [
            score_result(run_worker(name, data, args.cpu, args.warmup, console), sets)
            for name in args.only
        ]
    info["load_average_end"] = os.getloadavg()

    console.print(_quality_table(f"Gold set ({len(sets['gold'])} pages)", "gold", results))
    console.print(_quality_table(f"Replica ({len(sets['replica'])} pages)", "replica", results))
    offsite_title = f"Offsite ({len(sets['offsite'])} pages of other sites: our fallback path)"
    console.print(_quality_table(offsite_title, "offsite", results))
    console.print(_fields_table(results, list(sets)))
    console.print(_speed_table(results, len(sets["replica"]), args.cpu))
    print_errors(console, results, list(sets))
    print_offsite(console, results, len(sets["offsite"]))
    ratio = speed_ratio(results)
    console.print(
        "ours pages/s ÷ trafilatura default pages/s: "
        + (f"{ratio:.2f}" if ratio is not None else "n/a (both must run)"),
        highlight=False,
        markup=False,
    )
    wall = time.monotonic() - started
    console.print(
        f"Wall time {wall:.0f} s; load average at the end {_load(info['load_average_end'])}",
        highlight=False,
        markup=False,
    )
    if args.json:
        figures = {
            "command": command,
            "machine": info,
            "wall_seconds": wall,
            "data": {n: {"pages": len(p), "html_mb": html_mb(p)} for n, p in sets.items()},
            "results": results,
            "ours_over_trafilatura": ratio,
        }
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
        console.print(f"Figures saved to {args.json}", highlight=False, markup=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
