"""The whole pipeline at archive scale against the replica, politeness off: crawl, extract and
load N articles, then a run with nothing new, then one with 1% new or changed articles.

    baoarchive bench pipeline --articles 10000      (= python -m bench.pipeline --articles N)
    baoarchive bench pipeline --articles 10000 --baseline d7fcee1

Prints, for each run: articles, wall seconds, the end-to-end rate, the peak memory of each
process (this one: Dagster and DuckDB; the Scrapy crawl; the extraction workers; the replica,
which runs in a process of its own so that serving pages is not counted as ours), the lake's
file size, and each Dagster step's share of the time.

``--baseline REF`` first does the same three runs with the code of commit REF (d7fcee1: the
warehouse as one DuckDB file, its size the file's) against the same replica content, then
today's, and prints both sides in one table with today's time over the baseline's for each run
(bench/baseline.py).
"""

from __future__ import annotations

import argparse
import os
import platform
import shlex
import sys
import tempfile
import time
from contextlib import nullcontext
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from dagster import DagsterEventType, DagsterInstance

from bench import baseline
from bench.memory import PeakMemory
from foundation.settings import ArchivePaths
from pipeline.run import materialize_archive
from replica.process import ReplicaProcess
from replica.site_index import Site
from replica.timefmt import VN

#: Steps reported on their own; the rest are summed as "other".
STAGES = ("raw_pages", "latest_pages", "crawl_log", "warc_records", "articles",
          "article_localities", "search_index", "topic_exports")  # fmt: skip


def _step_seconds(instance: DagsterInstance, run_id: str) -> dict[str, float]:
    started: dict[str, float] = {}
    seconds: dict[str, float] = {}
    for entry in instance.all_logs(run_id):
        event = entry.dagster_event
        if event is None or entry.step_key is None:
            continue
        if event.event_type == DagsterEventType.STEP_START:
            started[entry.step_key] = entry.timestamp
        elif event.event_type == DagsterEventType.STEP_SUCCESS:
            step = entry.step_key.split(".")[0]
            seconds[step] = seconds.get(step, 0.0) + entry.timestamp - started[entry.step_key]
    return seconds


def _run(label: str, replica: ReplicaProcess, data_dir: Path, articles: int, size: int) -> dict:
    roles = {os.getpid(): "main", replica.pid: "replica"}

    def role(pid: int, cmdline: str) -> str:
        return roles.get(pid) or ("crawl" if "spiders.crawl" in cmdline else "extraction")

    with DagsterInstance.ephemeral() as instance, PeakMemory(role) as memory:
        started = time.perf_counter()
        result = materialize_archive(data_dir, replica.url, instance=instance)
        wall = time.perf_counter() - started
        steps = _step_seconds(instance, result.run_id)
    total = sum(steps.values()) or 1.0
    shares = {s: steps.get(s, 0.0) / total for s in STAGES}
    shares["other"] = 1.0 - sum(shares.values())
    return {
        "size": size,
        "run": label,
        "articles": articles,
        "seconds": wall,
        "rate": articles / wall if articles else 0.0,
        "peak_mb": memory.peaks_mb(),
        "db_mb": sum(
            p.stat().st_size for p in ArchivePaths(data_dir).lake_dir.rglob("*") if p.is_file()
        )
        / 2**20,  # the lake: catalog and data files
        "shares": shares,
        "ok": result.success,
    }


def change_one_percent(site: Site, count: int) -> int:
    """Edit half of ``count`` articles and date them now; add as many new ones, old ones
    rewritten under new ids (what a day of news looks like to the crawl). Runs in the
    replica's process."""
    ids = site.ids()
    step = max(1, len(ids) // max(1, count))
    now = datetime.now(VN)
    changed = 0
    for post_id in ids[::step][: max(1, count // 2)]:
        article = site.article(post_id)
        site.add(replace(article, title=article.title + " (cập nhật)", modified_at=now))
        changed += 1
    for offset, post_id in enumerate(ids[: max(1, count - changed)], start=1):
        article = site.article(post_id)
        new_id = max(ids) + offset
        site.add(replace(
            article, post_id=new_id, published_at=now, modified_at=now,
            title=f"{article.title} (tin mới {offset})",
            paragraphs=[f"Tin mới số {offset} trong ngày.", *article.paragraphs[1:]],
        ))  # fmt: skip
        changed += 1
    return changed


def _machine() -> str:
    import dagster
    import duckdb
    import scrapy
    import trafilatura

    return (f"{os.cpu_count()} cores, Python {platform.python_version()}, Scrapy"
            f" {scrapy.__version__}, Dagster {dagster.__version__}, DuckDB {duckdb.__version__},"
            f" trafilatura {trafilatura.__version__}")  # fmt: skip


def _bench(size: int, seed: int, data_dir: Path) -> list[dict]:
    """The three runs against one replica of ``size`` articles."""
    started = time.perf_counter()
    runs = []
    with ReplicaProcess(size, seed) as replica:
        print(f"replica: {size} articles, serving after {time.perf_counter() - started:.1f} s")
        runs.append(_run("full", replica, data_dir, size, size))
        runs.append(_run("nothing new", replica, data_dir, 0, size))
        changed = replica.apply(change_one_percent, max(1, size // 100))
        runs.append(_run("1% new or changed", replica, data_dir, changed, size))
    return runs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--articles",
        type=int,
        nargs="+",
        default=[1000],
        help="replica sizes, each benchmarked in turn (e.g. 1000 10000 100000)",
    )
    parser.add_argument("--seed", type=int, default=20250701)
    parser.add_argument(
        "--baseline",
        metavar="REF",
        help="first the same runs by the code of commit REF (e.g. d7fcee1, the single DuckDB"
        " file) against the same replica content; both sides are printed side by side",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        help="where each size's data directory goes (default: a temporary one)",
    )
    args = parser.parse_args(argv)
    print("command:", shlex.join(["baoarchive", "bench", "pipeline", *(argv or sys.argv[1:])]))
    print("machine:", _machine())
    root = args.data_dir or Path(tempfile.mkdtemp(prefix="bench-pipeline-"))
    if args.baseline:
        print("baseline:", baseline.describe(args.baseline))
    runs = []
    with baseline.old_tree(args.baseline) if args.baseline else nullcontext() as tree:
        for size in args.articles:
            if tree is not None:  # the old code first, each side in a data directory of its own
                old_dir = root / f"baseline-{args.baseline.replace('/', '_')}" / f"articles-{size}"
                print(f"baseline {args.baseline}: code in {tree}, data in {old_dir}")
                old = baseline.bench(tree, size, args.seed, old_dir, change_one_percent)
                runs += [dict(r, side=args.baseline) for r in old]
            today = _bench(size, args.seed, root / f"articles-{size}")
            runs += [dict(r, side="today") for r in today]
    print("data:", root)
    _print(runs)
    for side in dict.fromkeys(r["side"] for r in runs):
        _print_growth(side, [r for r in runs if r["run"] == "full" and r["side"] == side])
    if args.baseline:
        _print_ratios(runs, args.baseline)
    return 0 if all(r["ok"] for r in runs) else 1


def _print_growth(side: str, full: list[dict]) -> None:
    """Seconds per 1,000 articles at each size, against the smallest: a ratio at or under 1
    means time grows linearly or better."""
    if len(full) < 2:
        return
    base = full[0]["seconds"] / full[0]["articles"]
    print(f"growth of the full run, {side} (seconds per 1,000 articles; ratio to the smallest):")
    for r in full:
        each = r["seconds"] / r["articles"]
        print(f"  {r['articles']:>7} articles: {r['seconds']:7.1f} s,"
              f" {1000 * each:5.2f} s per 1,000, ratio {each / base:.2f}")  # fmt: skip


def _print_ratios(runs: list[dict], ref: str) -> None:
    """Today's wall time and size on disk over the baseline's, run by run: the target is a
    time ratio at or under 1."""
    old = {(r["size"], r["run"]): r for r in runs if r["side"] == ref}
    print(f"today / baseline {ref} (wall time; size on disk: the lake / archive.duckdb):")
    for r in runs:
        if r["side"] == "today" and (b := old.get((r["size"], r["run"]))):
            now, then = r["seconds"], b["seconds"]
            print(f"  {r['size']:>7} {r['run']:<17}: {now:7.1f} s / {then:7.1f} s ="
                  f" {now / then:.2f}; {r['db_mb']:.1f} MB / {b['db_mb']:.1f} MB ="
                  f" {r['db_mb'] / b['db_mb']:.2f}")  # fmt: skip


def _print(runs: list[dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    sides = len({r["side"] for r in runs}) > 1
    caption = "MB on disk: today's lake (catalog and data files), the baseline's archive.duckdb"
    table = Table(title="baoarchive pipeline benchmark", caption=caption if sides else None)
    columns = ("size", "run", "articles", "wall s", "rate", "peak MB by process",
               "MB on disk" if sides else "lake MB", "time by step")  # fmt: skip
    for column in ("side", *columns) if sides else columns:
        table.add_column(column)
    for r in runs:
        shares = ", ".join(f"{s} {v:.0%}" for s, v in r["shares"].items() if v >= 0.01)
        table.add_row(*([r["side"]] if sides else []), str(r["size"]), r["run"],
                      str(r["articles"]), f"{r['seconds']:.1f}",
                      f"{r['rate']:.0f} articles/s",
                      ", ".join(f"{who} {mb}" for who, mb in sorted(r["peak_mb"].items())),
                      f"{r['db_mb']:.1f}", shares)  # fmt: skip
    Console(width=160).print(table)


if __name__ == "__main__":
    sys.exit(main())
