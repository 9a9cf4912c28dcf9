"""The whole pipeline at archive scale against the replica, politeness off: crawl, extract and
load N articles, then a run with nothing new, then one with 1% new or changed articles.

    baoarchive bench pipeline --articles 10000      (= python -m bench.pipeline --articles N)

Prints, for each run: articles, wall seconds, the end-to-end rate, the peak memory of each
process (this one: Dagster and DuckDB; the Scrapy crawl; the extraction workers; the replica,
which runs in a process of its own so that serving pages is not counted as ours), the DuckDB
file size, and each Dagster step's share of the time.
"""

from __future__ import annotations

import argparse
import os
import platform
import shlex
import sys
import tempfile
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from dagster import DagsterEventType, DagsterInstance

from baoarchive.config import ArchivePaths
from bench.memory import PeakMemory
from pipeline.run import materialize_archive
from replica.content import Site
from replica.process import ReplicaProcess
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


def _run(label: str, replica: ReplicaProcess, data_dir: Path, articles: int) -> dict:
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
        "run": label,
        "articles": articles,
        "seconds": wall,
        "rate": articles / wall if articles else 0.0,
        "peak_mb": memory.peaks_mb(),
        "db_mb": ArchivePaths(data_dir).database.stat().st_size / 2**20,
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=20250701)
    parser.add_argument("--data-dir", type=Path, help="default: a new temporary directory")
    args = parser.parse_args(argv)
    print("command:", shlex.join(["baoarchive", "bench", "pipeline", *(argv or sys.argv[1:])]))
    print("machine:", _machine())
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="bench-pipeline-"))

    started = time.perf_counter()
    runs = []
    with ReplicaProcess(args.articles, args.seed) as replica:
        ready = time.perf_counter() - started
        print(f"replica: {args.articles} articles, serving after {ready:.1f} s")
        runs.append(_run("full", replica, data_dir, args.articles))
        runs.append(_run("nothing new", replica, data_dir, 0))
        changed = replica.apply(change_one_percent, max(1, args.articles // 100))
        runs.append(_run("1% new or changed", replica, data_dir, changed))
    _print(runs)
    return 0 if all(r["ok"] for r in runs) else 1


def _print(runs: list[dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="baoarchive pipeline benchmark")
    for column in ("run", "articles", "wall s", "rate", "peak MB by process", "DuckDB MB",
                   "time by step"):  # fmt: skip
        table.add_column(column)
    for r in runs:
        shares = ", ".join(f"{s} {v:.0%}" for s, v in r["shares"].items() if v >= 0.01)
        table.add_row(r["run"], str(r["articles"]), f"{r['seconds']:.1f}",
                      f"{r['rate']:.0f} articles/s",
                      ", ".join(f"{who} {mb}" for who, mb in sorted(r["peak_mb"].items())),
                      f"{r['db_mb']:.0f}", shares)  # fmt: skip
    Console(width=160).print(table)


if __name__ == "__main__":
    sys.exit(main())
