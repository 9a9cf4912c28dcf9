"""The lake under use: readers beside a writing run, and the space many small runs take.

    baoarchive bench lake --articles 10000 --runs 20     (= python -m bench.lake ...)

Against a replica of N articles (politeness off, the replica in its own process):
1. a full run;
2. a run of 1% new or changed articles with nobody reading, then one with a reader process
   holding ``Archive()`` open and querying every second, and ``baoarchive query`` started every
   2 s beside it: failed queries, whether a snapshot ever went back, query latency, and the
   busy run's wall time against the quiet one's;
3. more 1% runs up to ``--runs`` in all, then ``maintain --retention-days 0`` (every snapshot
   but the newest expired): the lake's bytes before and after, against a fresh build of the
   same content (``reprocess`` of a copy).
"""

from __future__ import annotations

import argparse
import json
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path

from dagster import DagsterInstance

from bench.pipeline import _machine, change_one_percent
from foundation.settings import ArchivePaths
from pipeline.run import materialize_archive
from replica.process import ReplicaProcess

#: A researcher's session: ``Archive()`` held open, a count every ``interval`` seconds, until
#: the file ``stop`` appears; then a refresh. Prints what it saw as one JSON line.
READER = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from warehouse import Archive

    data_dir, stop, interval = sys.argv[1], Path(sys.argv[2]), float(sys.argv[3])
    seen, errors = [], []
    with Archive(data_dir) as archive:
        print("open", flush=True)
        while not stop.exists():
            try:
                count = archive.con.execute("SELECT count(*) FROM articles").fetchone()[0]
                seen.append((archive.snapshot, count))
            except Exception as err:
                errors.append(str(err).splitlines()[0])
            time.sleep(interval)
        before = archive.snapshot
        after = archive.refresh()
    print(json.dumps({"seen": seen, "errors": errors, "before": before, "after": after}))
    """
)


def went_back(seen: list[list[int]]) -> bool:
    """Did the session ever read an older snapshot than it had read before?"""
    snapshots = [snapshot for snapshot, _ in seen]
    return any(later < earlier for earlier, later in zip(snapshots, snapshots[1:], strict=False))


def lake_bytes(data_dir: Path) -> int:
    """The lake's catalog and data files (its write-ahead log included); not the search index,
    which tantivy keeps apart."""
    paths = ArchivePaths(data_dir)
    files = [*paths.lake_data.rglob("*"), *paths.lake_dir.glob("catalog.sqlite*")]
    return sum(p.stat().st_size for p in files if p.is_file())


def run(replica: ReplicaProcess, data_dir: Path) -> float:
    with DagsterInstance.ephemeral() as instance:
        started = time.perf_counter()
        assert materialize_archive(data_dir, replica.url, instance=instance).success
        return time.perf_counter() - started


def query_loop(data_dir: Path, stop: threading.Event, results: list) -> None:
    """``baoarchive query`` every 2 s, as a researcher at a terminal: (seconds, exit code)."""
    command = [sys.executable, "-m", "baoarchive.cli", "query", "SELECT count(*) FROM articles",
               "--data-dir", str(data_dir), "--format", "json"]  # fmt: skip
    while not stop.is_set():
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
        results.append((time.perf_counter() - started, done.returncode, done.stderr.strip()))
        stop.wait(max(0.0, 2.0 - (time.perf_counter() - started)))


def busy_run(replica: ReplicaProcess, data_dir: Path) -> dict:
    """A run with a reader process and the query loop beside it."""
    flag = data_dir / "stop-reader"
    flag.unlink(missing_ok=True)
    reader = subprocess.Popen([sys.executable, "-c", READER, str(data_dir), str(flag), "1.0"],
                              stdout=subprocess.PIPE, text=True)  # fmt: skip
    assert reader.stdout.readline().strip() == "open"
    stop, queries = threading.Event(), []
    loop = threading.Thread(target=query_loop, args=(data_dir, stop, queries))
    loop.start()
    seconds = run(replica, data_dir)
    stop.set()
    loop.join()
    flag.touch()
    held = json.loads(reader.communicate(timeout=120)[0].splitlines()[-1])
    latencies = [s for s, _, _ in queries]
    return {
        "seconds": seconds, "queries": len(queries),
        "failed": [err for _, code, err in queries if code != 0],
        "query_median_s": statistics.median(latencies) if latencies else 0.0,
        "query_max_s": max(latencies, default=0.0), "reader": held,
    }  # fmt: skip


def fresh_build_bytes(data_dir: Path, root: Path) -> int:
    """The lake's bytes when the same content is built anew from the WARC files."""
    copy = root / "fresh"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(data_dir, copy, ignore=shutil.ignore_patterns("dagster", "lake", "exports"))
    subprocess.run([sys.executable, "-m", "baoarchive.cli", "reprocess", "--data-dir", str(copy)],
                   check=True, capture_output=True)  # fmt: skip
    return lake_bytes(copy)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=20, help="1%% runs in all")
    parser.add_argument("--seed", type=int, default=20250701)
    parser.add_argument("--data-dir", type=Path, help="default: a temporary directory")
    args = parser.parse_args(argv)
    print("command:", shlex.join(["baoarchive", "bench", "lake", *(argv or sys.argv[1:])]))
    print("machine:", _machine())
    root = args.data_dir or Path(tempfile.mkdtemp(prefix="bench-lake-"))
    data_dir = root / f"articles-{args.articles}"
    one_percent = max(1, args.articles // 100)
    with ReplicaProcess(args.articles, args.seed) as replica:
        full = run(replica, data_dir)
        print(f"full run: {args.articles} articles in {full:.1f} s")
        replica.apply(change_one_percent, one_percent)
        quiet = run(replica, data_dir)
        replica.apply(change_one_percent, one_percent)
        busy = busy_run(replica, data_dir)
        print(f"1% run, nobody reading: {quiet:.1f} s; with a reader and a query every 2 s:"
              f" {busy['seconds']:.1f} s ({busy['seconds'] / quiet:.2f}x)")  # fmt: skip
        print(
            f"  baoarchive query: {busy['queries']} started, {len(busy['failed'])} failed,"
            f" median {busy['query_median_s']:.2f} s, slowest {busy['query_max_s']:.2f} s"
        )
        held = busy["reader"]
        print(f"  the open Archive: {len(held['seen'])} queries, {len(held['errors'])} errors,"
              f" a snapshot went back: {went_back(held['seen'])}")  # fmt: skip
        for _ in range(args.runs - 2):
            replica.apply(change_one_percent, one_percent)
            run(replica, data_dir)
    before = lake_bytes(data_dir)
    done = subprocess.run([sys.executable, "-m", "baoarchive.cli", "maintain",
                           "--retention-days", "0", "--data-dir", str(data_dir)],
                          capture_output=True, text=True)  # fmt: skip
    after = lake_bytes(data_dir)
    fresh = fresh_build_bytes(data_dir, root)
    print(f"after {args.runs} runs of 1%: lake {before / 2**20:.1f} MB; after maintain"
          f" {after / 2**20:.1f} MB (exit {done.returncode}); a fresh build of the same content"
          f" {fresh / 2**20:.1f} MB: {after / fresh:.2f}x")  # fmt: skip
    return 0 if done.returncode == 0 and not busy["failed"] else 1


if __name__ == "__main__":
    sys.exit(main())
