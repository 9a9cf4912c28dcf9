"""Researchers' access at archive scale: search, counts and a full export over a synthetic
archive (``bench.synthetic_warehouse``), each stage in its own process so that its peak memory
is its own.

    python -m bench.access --articles 300000 [--database PATH] [--runs 5]

Targets: a topic x month count < 50 ms, a full Parquet export < 30 s, peak memory < 1 GiB
(issue 7); search over 300,000 articles median < 10 ms, slowest < 50 ms, at least 10x the
plain scan, the index built in < 150 s (issue 15). Search (the tantivy index) is shown beside a
plain scan (``ILIKE`` over title, sapo and body), which is what a researcher without the index
would run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

#: Queries as researchers type them: syllables, a multi-syllable word, phrases, no diacritics,
#: with filters. (words, accents, filters)
QUERIES: list[tuple[str, bool, dict[str, str]]] = [
    ("giao thông", True, {}),
    ("chè quế", True, {}),
    ("nông thôn mới", True, {}),
    ('"nông thôn mới"', True, {}),
    ('"chuyển đổi số"', True, {}),
    ("học sinh nghèo", True, {}),
    ("Bát Xát", True, {}),
    ("du lịch Sa Pa", True, {}),
    ("giải ngân vốn đầu tư công", True, {}),
    ("thanh nien tinh nguyen", False, {}),
    ("mu cang chai", False, {}),
    ("OCOP", True, {"topic": "kinh-te"}),
    ("an sinh xã hội", True, {"since": "2025-07-01"}),
]
#: A writer committing beside the searches, as the pipeline does during a run: a row of its own
#: table per commit (a snapshot each), until told to stop; the table goes at the end.
WRITER = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from warehouse import connect_writer

    data_dir, stop, interval = sys.argv[1], Path(sys.argv[2]), float(sys.argv[3])
    commits = 0
    with connect_writer(data_dir) as con:
        con.execute("CREATE OR REPLACE TABLE bench_writer (n BIGINT, committed TIMESTAMPTZ)")
        print("writing", flush=True)
        while not stop.exists():
            con.execute(f"INSERT INTO bench_writer VALUES ({commits}, now())")
            commits += 1
            time.sleep(interval)
        con.execute("DROP TABLE bench_writer")
    print(json.dumps({"commits": commits}))
    """
)
#: A count a dashboard asks for: one topic's articles by month.
COUNT_SQL = "SELECT month, articles FROM articles_by_topic WHERE topic_id = ? ORDER BY month"
MEMORY_LIMIT = "400MB"  # DuckDB's own buffer limit in every stage; Python's share comes on top


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def _peak_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def stage_index(database: Path, _: int) -> dict:
    """The pipeline's step from scratch (every search document, then the tantivy index), then
    again with nothing changed."""
    from foundation.settings import ArchivePaths
    from pipeline.resources import ArchiveConfig
    from warehouse import connect_writer
    from warehouse.search import refresh_index

    workers = ArchiveConfig.model_fields["workers"].default  # as the pipeline's step runs

    index = ArchivePaths(database).search_dir
    with connect_writer(database) as con:
        con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
        con.execute("DELETE FROM search_documents")
        shutil.rmtree(index, ignore_errors=True)
        started = time.perf_counter()
        done = refresh_index(con, index, workers=workers)
        seconds = time.perf_counter() - started
        started = time.perf_counter()
        refresh_index(con, index, workers=workers)
        again = time.perf_counter() - started
    size = sum(p.stat().st_size for p in index.rglob("*") if p.is_file())
    return {"seconds": round(seconds, 1), "no_op_seconds": round(again, 2),
            "index_mb": round(size / 2**20), **done}  # fmt: skip


def _timed(run, runs: int) -> float:
    run()  # warm: the first call loads the extension and reads the file's pages
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


class _Writer:
    """The ``WRITER`` process, committing every ``interval`` seconds while the block runs."""

    def __init__(self, database: Path, interval: float = 0.1):
        self.stop = Path(tempfile.mkdtemp(prefix="bench-writer-")) / "stop"
        self.command = [sys.executable, "-c", WRITER, str(database), str(self.stop), str(interval)]
        self.commits = 0

    def __enter__(self) -> _Writer:
        self.process = subprocess.Popen(self.command, stdout=subprocess.PIPE, text=True)
        if self.process.stdout.readline().strip() != "writing":
            raise SystemExit("the committing writer did not start")
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.touch()
        out, _ = self.process.communicate(timeout=120)
        self.commits = json.loads(out.strip().splitlines()[-1])["commits"]
        shutil.rmtree(self.stop.parent, ignore_errors=True)


def stage_search(database: Path, runs: int) -> dict:
    """Every query timed while a writer commits beside it (a snapshot every 0.1 s)."""
    from foundation.normalise import match_form
    from warehouse import Archive

    per_query, scans, hits = [], [], []
    with _Writer(database) as writer, Archive(database) as archive:
        archive.con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
        for words, accents, filters in QUERIES:

            def ranked(words=words, accents=accents, filters=filters):
                return archive.search(words, accents=accents, **filters).fetchall()

            per_query.append(_timed(ranked, runs))
            hits.append(len(ranked()))
        # the same words found by a plain scan, as a researcher runs it (with memory to spare:
        # at 300,000 articles the scan needs more than the 400 MB the searches get)
        archive.con.execute("SET memory_limit = '4GB'")
        for words, accents, filters in QUERIES:
            if accents and not filters:
                pattern = "%" + match_form(words.strip('"')) + "%"

                def scan(pattern=pattern):
                    return archive.con.execute(
                        "SELECT post_id FROM articles WHERE lower(title || ' ' || coalesce(sapo,"
                        " '') || ' ' || coalesce(body, '')) LIKE ? LIMIT 20",
                        [pattern],
                    ).fetchall()

                scans.append(_timed(scan, 1))
    return {
        "median_ms": _ms(statistics.median(per_query)),
        "slowest_ms": _ms(max(per_query)),
        "per_query_ms": {q[0]: _ms(t) for q, t in zip(QUERIES, per_query, strict=True)},
        "results": dict(zip([q[0] for q in QUERIES], hits, strict=True)),
        "scan_median_ms": _ms(statistics.median(scans)),
        "writer_commits": writer.commits,
    }


def stage_count(database: Path, runs: int) -> dict:
    from warehouse import connect_reader

    with connect_reader(database) as con:
        topics = [r[0] for r in con.execute("SELECT topic_id FROM topics ORDER BY 1").fetchall()]
        times = [_timed(lambda t=t: con.execute(COUNT_SQL, [t]).fetchall(), runs) for t in topics]
    return {"median_ms": _ms(statistics.median(times)), "slowest_ms": _ms(max(times)),
            "topics": len(topics)}  # fmt: skip


def stage_export(database: Path, _: int) -> dict:
    from warehouse import Archive
    from warehouse.export import export

    out = Path(tempfile.mkdtemp(prefix="bench-export-"))
    try:
        with Archive(database) as archive:
            archive.con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
            archive.con.execute(f"SET temp_directory = '{out}.spill'")
            started = time.perf_counter()
            result = export(archive, archive.filters(), "parquet", out)
            seconds = time.perf_counter() - started
        size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    finally:
        shutil.rmtree(out)
    return {"seconds": round(seconds, 1), "rows": result.rows, "files": len(result.files),
            "mb": round(size / 2**20)}  # fmt: skip


STAGES = {"index": stage_index, "search": stage_search, "count": stage_count,
          "export": stage_export}  # fmt: skip


def _run_stage(name: str, database: Path, runs: int) -> dict:
    command = [sys.executable, "-m", "bench.access", "--stage", name, "--database",
               str(database), "--runs", str(runs)]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        errors = [line for line in done.stderr.splitlines() if "Error" in line] or ["?"]
        raise SystemExit(f"stage {name} failed: {errors[-1]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _machine() -> str:
    import duckdb
    import pyarrow
    import tantivy

    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")), platform.processor())  # fmt: skip
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    versions = (f"Python {platform.python_version()}, DuckDB {duckdb.__version__} with"
                f" tantivy {tantivy.__version__}, pyarrow {pyarrow.__version__}")  # fmt: skip
    return f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB; {versions}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300_000)
    parser.add_argument("--database", type=Path, help="default: a new synthetic archive in /tmp")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each query")
    parser.add_argument("--stage", choices=STAGES, help=argparse.SUPPRESS)
    parser.add_argument("--skip", nargs="*", default=[], choices=STAGES, help="stages to skip")
    args = parser.parse_args(argv)
    if args.stage:  # a child process: one stage, its figures as one JSON line
        figures = STAGES[args.stage](args.database, args.runs)
        print(json.dumps(figures | {"peak_mb": _peak_mb()}, ensure_ascii=False))
        return

    from rich.console import Console
    from rich.table import Table

    from foundation.settings import ArchivePaths

    print("command:", shlex.join(["python", "-m", "bench.access", *(argv or sys.argv[1:])]))
    print("machine:", _machine())
    database = args.database or Path(tempfile.gettempdir()) / f"synth-{args.articles}.duckdb"
    if not database.exists():
        started = time.perf_counter()
        # in a process of its own: Linux hands a parent's peak memory down to the processes it
        # starts, and the build's would stand as every stage's
        build = ["-m", "bench.synthetic_warehouse", "--articles", str(args.articles), "--out"]
        subprocess.run([sys.executable, *build, str(database)], check=True, capture_output=True)
        seconds = time.perf_counter() - started
        print(f"built {database} ({args.articles} articles) in {seconds:.0f} s")
    lake = sum(p.stat().st_size for p in ArchivePaths(database).lake_dir.rglob("*") if p.is_file())
    print(f"data: {database}, its lake {lake / 2**30:.2f} GiB")
    results = {n: _run_stage(n, database, args.runs) for n in STAGES if n not in args.skip}

    table = Table(title=f"researchers' access, {args.articles:,} articles")
    for column in ("stage", "figure", "target", "peak memory"):
        table.add_column(column)
    rows = {
        "index": lambda r: ("index (pipeline)", f"{r['seconds']} s for {r['documents']} documents"
                            f" ({r['index_mb']} MB);"
                            f" {r['no_op_seconds']} s with nothing new", "-"),
        "search": lambda r: ("search", f"median {r['median_ms']} ms, slowest {r['slowest_ms']} ms"
                             f" ({len(QUERIES)} queries, while a writer made"
                             f" {r['writer_commits']} commits); plain ILIKE scan: median"
                             f" {r['scan_median_ms']} ms", "median < 10 ms, slowest < 50 ms,"
                             " >= 10x the scan, at 300,000"),
        "count": lambda r: ("topic x month count", f"median {r['median_ms']} ms, slowest"
                            f" {r['slowest_ms']} ms ({r['topics']} topics)", "< 50 ms"),
        "export": lambda r: ("full Parquet export", f"{r['seconds']} s, {r['rows']} rows,"
                             f" {r['files']} files, {r['mb']} MB", "< 30 s"),
    }  # fmt: skip
    for name, figures in results.items():
        table.add_row(*rows[name](figures), f"{figures['peak_mb']} MB")
    Console().print(table)
    if found := results.get("search"):
        print("per query (ms):", json.dumps(found["per_query_ms"], ensure_ascii=False))
        print("results per query:", json.dumps(found["results"], ensure_ascii=False))


if __name__ == "__main__":
    main()
