"""The ``baoarchive`` command: demo, run, extract, replica, query, search, export, snapshots,
topics, localities, reprocess, maintain, move-to-lake, bench, ui."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import warnings
from pathlib import Path

from rich.console import Console
from rich.table import Table

from foundation import settings, sites
from foundation.errors import Refused
from foundation.site_choice import Target, chosen_sites, format_targets
from foundation.sites import DEFAULT_SITE
from foundation.workers import end_process

from .usage import OneLineParser, error_line

console = Console(stderr=True)


def _summary_table(title: str, figures: dict) -> Table:
    table = Table(title=title)
    table.add_column("figure")
    table.add_column("value", justify="right")
    for key, value in figures.items():
        table.add_row(key, f"{value:.1f}" if isinstance(value, float) else str(value))
    return table


def _materialize(data_dir: Path, targets: list[Target], args: argparse.Namespace) -> dict:
    from pipeline.run import materialize_archive
    from warehouse import connect_reader
    from warehouse.checks import summary

    from .console import RunConsole

    started = time.monotonic()
    for site, url in targets:
        console.print(f"[bold]crawling[/] {site} at {url} into {data_dir}")
    with RunConsole(data_dir, args.command, verbose=args.verbose):
        result = materialize_archive(
            data_dir,
            targets,
            listings=not args.no_listings,
            max_articles=args.max_articles,
            # the live papers publish every day; a generated replica has fixed dates
            freshness_hours=0 if all(settings.is_local(url) for _, url in targets) else 48,
        )
    seconds = time.monotonic() - started
    failed_checks = [e.check_name for e in result.get_asset_check_evaluations() if not e.passed]
    with connect_reader(data_dir) as con:
        figures = summary(con)
    figures["failed_checks"] = ", ".join(failed_checks) or "none"
    figures["seconds"] = round(seconds, 1)
    return figures


def cmd_demo(args: argparse.Namespace) -> int:
    from replica.server import ReplicaServer

    data_dir = settings.ArchivePaths(settings.data_dir(args.data_dir)).writable().root
    with ReplicaServer(articles=args.articles, seed=args.seed) as server:
        console.print(f"replica of baolaocai.vn with {args.articles} articles at {server.url}")
        figures = _materialize(data_dir, [(DEFAULT_SITE, server.url)], args)
    Console().print(_summary_table("baoarchive demo", figures))
    return 0 if figures["failed_checks"] == "none" else 1


def cmd_run(args: argparse.Namespace) -> int:
    """Every chosen paper in one run: one Scrapy process crawls them all, each at its pace."""
    data_dir = settings.ArchivePaths(settings.data_dir(args.data_dir)).writable().root
    targets = chosen_sites(args.site, args.site_url)
    figures = _materialize(data_dir, targets, args)
    Console().print(_summary_table(f"baoarchive run: {', '.join(s for s, _ in targets)}", figures))
    return 0 if figures["failed_checks"] == "none" else 1


def cmd_extract(args: argparse.Namespace) -> int:
    from extraction import extract_article

    page = Path(args.page)
    article = extract_article(page.read_bytes(), args.url)
    fields = article.to_dict()
    keep = ["post_id", "url", "title", "sapo", "body", "author", "published_at", "modified_at",
            "category", "tags", "images"]  # fmt: skip
    output = {key: fields[key] for key in keep}
    output.update({k: v for k, v in fields.items() if k not in output})
    print(json.dumps(output, ensure_ascii=False, indent=2))
    return 0


def cmd_replica(args: argparse.Namespace) -> int:
    from replica.server import serve

    serve(port=args.port, articles=args.articles, seed=args.seed, site=args.site)
    return 0


def _print_rows(columns: list[str], rows: list[tuple], fmt: str) -> None:
    """Rows on stdout as a table for people, JSON lines or CSV for programs."""
    if fmt == "json":
        for row in rows:
            print(json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False, default=str))
    elif fmt == "csv":
        import csv

        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        table = Table(*columns)
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        Console().print(table)


def _data_dir(args: argparse.Namespace) -> Path:
    return settings.data_dir(args.data_dir)


def cmd_query(args: argparse.Namespace) -> int:
    import duckdb

    from warehouse import connect_reader

    with connect_reader(_data_dir(args), sandboxed=True, as_of=args.as_of) as con:
        try:
            cursor = con.execute(args.sql)
        except duckdb.InvalidInputException as err:
            if "read-only" not in str(err):
                raise
            raise Refused("the archive is open read-only here: writing is refused") from None
        columns = [d[0] for d in cursor.description] if cursor.description else []
        _print_rows(columns, cursor.fetchall(), args.format)
    return 0


def _filters(args: argparse.Namespace) -> dict[str, str | None]:
    return {"topic": args.topic, "locality": args.locality, "since": args.since,
            "until": args.until, "site": args.site,
            "across_reform": args.across_reform}  # fmt: skip


def cmd_search(args: argparse.Namespace) -> int:
    from warehouse import Archive
    from warehouse.search import snippet

    accents = not args.no_accents
    with Archive(_data_dir(args), as_of=args.as_of) as archive:
        found = archive.search(args.words, accents=accents, limit=args.limit, **_filters(args))
        rows = [
            (rank, published_at.date().isoformat() if published_at else "", title, url,
             snippet(f"{sapo or ''}\n{body or ''}", args.words, accents), score, post_id, site)
            for rank, (post_id, title, published_at, url, sapo, body, score, site)
            in enumerate(found.fetchall(), start=1)
        ]  # fmt: skip
    columns = ["rank", "date", "title", "url", "snippet", "score", "post_id", "site"]
    if args.format == "table":
        columns, rows = columns[:5], [row[:5] for row in rows]
    _print_rows(columns, rows, args.format)
    if not rows:
        console.print("no article matches")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from warehouse import Archive
    from warehouse.export import export

    with Archive(_data_dir(args), as_of=args.as_of) as archive:
        result = export(archive, archive.filters(**_filters(args)), args.format, args.out)
    console.print(f"{result.rows} articles in {len(result.files)} files under {result.out}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from warehouse import Archive
    from warehouse.report import write_report

    with Archive(_data_dir(args), as_of=args.as_of) as archive:
        page = write_report(archive, archive.filters(**_filters(args)), args.out)
    console.print(f"the report: {page} (opens offline)")
    return 0


def cmd_snapshots(args: argparse.Namespace) -> int:
    from warehouse import Archive

    with Archive(_data_dir(args)) as archive:
        listing = archive.snapshots()
        _print_rows(listing.columns, listing.fetchall(), args.format)
    return 0


def cmd_listing(args: argparse.Namespace) -> int:
    """`topics` or `localities` (`Archive.topics`, `.localities`); one paper's with --site."""
    from warehouse import Archive

    with Archive(_data_dir(args)) as archive:
        listing = getattr(archive, args.command)(site=args.site)
        _print_rows(listing.columns, listing.fetchall(), args.format)
    return 0


def cmd_sites(args: argparse.Namespace) -> int:
    """The site registry (``foundation/sites/*.toml``): one profile per paper."""
    profiles = list(sites.all_sites().values())
    if args.format == "json":  # every field of every profile
        for site in profiles:
            print(json.dumps(site.describe(), ensure_ascii=False))
        return 0
    columns = ["id", "name", "theme", "live_url", "enabled", "post_urls", "first_date"]
    rows = [
        (s.id, s.name, s.theme, s.live_url, s.enabled,
         " ".join(p.pattern for p in s.post_url_patterns), s.first_date)
        for s in profiles
    ]  # fmt: skip
    _print_rows(columns, rows, args.format)
    return 0


def cmd_reprocess(args: argparse.Namespace) -> int:
    from baoarchive.reprocess import reprocess
    from warehouse import connect_reader
    from warehouse.checks import summary

    data_dir = settings.data_dir(args.data_dir)
    started = time.monotonic()
    figures = reprocess(data_dir)
    with connect_reader(data_dir) as con:
        figures |= summary(con)
    figures["seconds"] = round(time.monotonic() - started, 1)
    Console().print(_summary_table("baoarchive reprocess", figures))
    return 0


def cmd_maintain(args: argparse.Namespace) -> int:
    from warehouse import connect_writer
    from warehouse.maintain import cited_snapshots, maintain

    paths = settings.ArchivePaths(_data_dir(args))
    with connect_writer(paths.root) as con:
        figures = maintain(
            con, settings.retention_days(args.retention_days), cited_snapshots(paths.exports_dir)
        )
    Console().print(_summary_table("baoarchive maintain", figures))
    return 0


def cmd_move_to_lake(args: argparse.Namespace) -> int:
    from warehouse import connect_writer
    from warehouse.move import move_into_lake

    paths = settings.ArchivePaths(_data_dir(args))
    database = Path(args.database) if args.database else paths.database
    with connect_writer(paths.root) as con:
        moved = move_into_lake(con, database)
    Console().print(_summary_table(f"moved {database} into the lake", moved))
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from bench import lake, pipeline

    return {"pipeline": pipeline.main, "lake": lake.main}[args.which](args.options)


def cmd_ui(args: argparse.Namespace) -> int:
    from pipeline.run import instance_for

    paths = settings.ArchivePaths(settings.data_dir(args.data_dir)).writable()
    instance_for(paths)  # writes <data dir>/dagster/dagster.yaml
    env = dict(os.environ, DAGSTER_HOME=str(paths.dagster_home),
               BAOARCHIVE_DATA_DIR=str(paths.root),
               BAOARCHIVE_SITES=format_targets(chosen_sites(args.site, args.site_url)))  # fmt: skip
    env.pop("BAOARCHIVE_SITE_URL", None)  # said in BAOARCHIVE_SITES
    command = [sys.executable, "-m", "dagster", "dev", "-m", "pipeline.definitions",
               "-p", str(args.port)]  # fmt: skip
    os.execve(sys.executable, command, env)


def parser() -> argparse.ArgumentParser:
    top = OneLineParser(prog="baoarchive", description=__doc__)
    sub = top.add_subparsers(dest="command", required=True, parser_class=OneLineParser)

    def with_data_dir(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument(
            "--data-dir", help="data directory (env BAOARCHIVE_DATA_DIR, default ./data)"
        )
        return p

    def with_sites(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument(
            "--site-url",
            help=f"the default paper's URL (env BAOARCHIVE_SITE_URL, default"
            f" {settings.LIVE_SITE_URL})",
        )
        p.add_argument(
            "--site",
            action="append",
            metavar="ID[=URL]",
            help="a paper to crawl (repeatable; baoarchive sites), at URL or its live URL;"
            " default: env BAOARCHIVE_SITES, else every enabled paper",
        )
        return p  # fmt: skip

    def with_crawl_options(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--no-listings", action="store_true", help="skip category listings")
        p.add_argument("--max-articles", type=int, default=0, help="stop after N (0: all)")
        p.add_argument(
            "-v",
            "--verbose",
            action="store_true",
            help="Scrapy's and Dagster's logs on the console too (always in logs/)",
        )
        return p

    demo = with_crawl_options(
        with_data_dir(
            sub.add_parser(
                "demo", help="crawl the offline replica into the data directory and print a summary"
            )
        )
    )
    demo.add_argument("--articles", type=int, default=300, help="replica size")
    demo.add_argument("--seed", type=int, default=20250701)
    demo.set_defaults(func=cmd_demo)

    run = with_crawl_options(
        with_data_dir(
            sub.add_parser(
                "run",
                help="crawl the papers (by default every enabled one) into the data directory",
            )
        )
    )
    with_sites(run).set_defaults(func=cmd_run)

    extract = sub.add_parser("extract", help="extract one saved page and print it as JSON")
    extract.add_argument("page", help="an article page saved as HTML")
    extract.add_argument("--url", help="the page's URL, when the page does not say it")
    extract.set_defaults(func=cmd_extract)

    replica = sub.add_parser("replica", help="serve the offline replica of a paper (baolaocai.vn)")
    replica.add_argument("--port", type=int, default=8000)
    replica.add_argument("--articles", type=int, default=300)
    replica.add_argument("--seed", type=int, default=20250701)
    replica.add_argument(
        "--site", default=DEFAULT_SITE, metavar="ID",
        help="the paper to imitate (its theme, article URL ending and post ids)",
    )  # fmt: skip
    replica.set_defaults(func=cmd_replica)

    def with_as_of(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument(
            "--as-of", type=int, metavar="SNAPSHOT",
            help="read the archive as it was at this snapshot (`baoarchive snapshots`)",
        )  # fmt: skip
        return p

    def with_format(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--format", choices=["table", "json", "csv"], default="table")
        return p

    def with_filters(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--topic", help="topic id, slug or name (kinh-te): any paper's, or --site's")
        p.add_argument("--locality", help="a locality id (LC25-02683) or name (xã Bát Xát)")
        p.add_argument(
            "--across-reform", action="store_true",
            help="--locality as the area it is today: with the former communes it was formed from",
        )  # fmt: skip
        p.add_argument("--since", help="first publication day, YYYY-MM-DD")
        p.add_argument("--until", help="last publication day, YYYY-MM-DD (included)")
        p.add_argument("--site", help="one paper's articles: its profile id (baoarchive sites)")
        return with_data_dir(p)

    query = with_as_of(
        with_format(
            with_data_dir(
                sub.add_parser("query", help="run SQL on a read-only, sandboxed connection")
            )
        )
    )
    query.add_argument("sql")
    query.set_defaults(func=cmd_query)

    search = with_as_of(
        with_format(with_filters(sub.add_parser("search", help="full-text search")))
    )
    search.add_argument("words", help='words to find, all required; "quoted phrase" as written')
    search.add_argument("--no-accents", action="store_true", help="ignore diacritics (da nang)")
    search.add_argument("--limit", type=int, default=20)
    search.set_defaults(func=cmd_search)

    export = with_as_of(
        with_filters(sub.add_parser("export", help="write a dataset with its data card"))
    )
    export.add_argument("--format", choices=["parquet", "csv", "jsonl"], default="parquet")
    export.add_argument("--out", required=True, help="directory to write (only inside it)")
    export.set_defaults(func=cmd_export)

    report = with_as_of(with_filters(sub.add_parser(
        "report", help="a coverage report: charts and a map with their numbers, as one page"
    )))  # fmt: skip
    report.add_argument("--out", required=True, help="directory to write index.html in")
    report.set_defaults(func=cmd_report)

    snapshots = with_format(
        with_data_dir(
            sub.add_parser(
                "snapshots", help="list the lake's snapshots by run: cite one, read it with --as-of"
            )
        )
    )
    snapshots.set_defaults(func=cmd_snapshots)

    topics = with_format(with_data_dir(sub.add_parser("topics", help="list the topics")))
    topics.add_argument("--site", help="one paper's topics and article counts (baoarchive sites)")
    topics.set_defaults(func=cmd_listing)
    localities = with_format(with_data_dir(sub.add_parser("localities", help="list the units")))
    localities.add_argument("--site", help="count one paper's articles only (baoarchive sites)")
    localities.set_defaults(func=cmd_listing)

    sites = with_format(sub.add_parser("sites", help="list the papers the archive knows"))
    sites.set_defaults(func=cmd_sites)

    reprocess = with_data_dir(
        sub.add_parser("reprocess", help="rebuild every table from the WARC files alone")
    )
    reprocess.set_defaults(func=cmd_reprocess)

    maintain = with_data_dir(
        sub.add_parser(
            "maintain", help="merge small files, expire old snapshots, delete unreferenced files"
        )
    )
    maintain.add_argument(
        "--retention-days",
        type=int,
        help="keep snapshots this long (env BAOARCHIVE_RETENTION_DAYS, 30)",
    )
    maintain.set_defaults(func=cmd_maintain)

    move = with_data_dir(
        sub.add_parser(
            "move-to-lake", help="move an archive.duckdb made before the lake into the lake"
        )
    )
    move.add_argument("--database", help="the file (default: <data dir>/archive.duckdb)")
    move.set_defaults(func=cmd_move_to_lake)

    bench = sub.add_parser("bench", help="benchmarks: `bench pipeline|lake --articles N`")
    bench.add_argument("which", choices=["pipeline", "lake"])
    bench.add_argument(
        "options", nargs=argparse.REMAINDER, help="--articles N [--seed S] [--baseline REF]"
    )
    bench.set_defaults(func=cmd_bench)

    ui = with_data_dir(sub.add_parser("ui", help="open the Dagster UI (dagster dev)"))
    ui.add_argument("--port", type=int, default=3000)
    with_sites(ui).set_defaults(func=cmd_ui)
    return top  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    warnings.filterwarnings("ignore", module="dagster")  # beta/preview notices about Dagster itself
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except Exception as err:  # every failure is one line for the user, never a traceback
        if os.environ.get("BAOARCHIVE_DEBUG"):
            raise
        print(f"baoarchive {args.command}: error: {error_line(err)}", file=sys.stderr)
        return 2


def entry() -> None:
    """The console command: ``main``, then the process ends without the interpreter's
    teardown of Dagster's, Scrapy's and DuckDB's modules (1.2 s after a run). Every command has
    committed what it wrote when ``main`` returns; the lake's writers are closed here."""
    code = main()
    from warehouse.lake import close_writers

    close_writers()
    end_process(code)


if __name__ == "__main__":
    entry()
