"""Topic datasets for colleagues and models: Parquet partitioned Hive-style by
``data/topic=<section>/year=YYYY/month=MM``, or one CSV or JSONL file, with a data card
(``README.md`` and ``datacard.json`` beside ``data/``) listing the filters, counts, schema and
every file's sha256.

The same database state and arguments give byte-identical files: rows come in a fixed order,
partitions are written whole, and the card holds no clock time, only facts of the database.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from foundation.errors import BadValue, Refused
from foundation.sites import DEFAULT_SITE, site
from warehouse.archive import COLUMNS, Archive
from warehouse.db import sql
from warehouse.filters import Filters
from warehouse.report import CHARTS, coverage

FORMATS = ("parquet", "csv", "jsonl")
PARTITION_KEYS = ("section", "year", "month")
CARD_FILES = ("README.md", "datacard.json")
#: Data files go below the card, as on the Hugging Face Hub: readers pointed at it see data only.
DATA_DIR = "data"
_BATCH_ROWS = 5_000
_CHUNK_ROWS = 10_000
_ROW_GROUP_ROWS = 20_000


class ExportError(Refused):
    """An export that cannot be written as asked (a target that is not ours to write)."""


@dataclass
class ExportResult:
    out: Path
    format: str
    rows: int = 0
    files: list[dict] = field(default_factory=list)  # path, rows, bytes, sha256
    reused: bool = False  # the export in ``out`` already held these very rows: nothing written


def confined(out: Path, relative: str) -> Path:
    """``out / relative``, refused if it would land outside ``out`` (``..``, absolute parts,
    a symbolic link pointing elsewhere)."""
    target = (out / relative).resolve()
    if not target.is_relative_to(out.resolve()):
        raise ExportError(f"refusing to write {relative!r}: it is outside {out}")
    return target


def _prepare(out: Path) -> None:
    """An empty directory, or one holding a previous export whose files we remove: an export
    never deletes or overwrites anything it did not write."""
    out.mkdir(parents=True, exist_ok=True)
    if not any(out.iterdir()):
        return
    card = out / "datacard.json"
    if not card.is_file():
        raise ExportError(
            f"{out} is not empty and holds no export (no datacard.json): choose another directory"
        )
    try:
        previous = [f["path"] for f in json.loads(card.read_text(encoding="utf-8"))["files"]]
    except (ValueError, KeyError, TypeError) as err:
        raise ExportError(
            f"{card} is not a data card of ours ({err}): choose another directory"
        ) from None
    for relative in [*previous, *CARD_FILES]:
        confined(out, relative).unlink(missing_ok=True)
    for directory in sorted(out.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        if directory.is_dir() and not any(directory.iterdir()):
            directory.rmdir()


def _last_day(year: int, month: int) -> date:
    return (date(year, month, 28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def _chunks(archive: Archive, filters: Filters) -> list[Filters]:
    """The filters narrowed to runs of whole months holding at most ``_CHUNK_ROWS`` rows
    together (a month holding more is a chunk of its own), in order. Rows are read a chunk at a
    time: sorting a month is cheap, while sorting every body at once outgrows memory (DuckDB
    ran out at a 600 MB limit with 300,000 articles); and a query a month cost 60 ms on the lake
    however few its rows."""
    spans: list[tuple[date, date]] = []
    rows = 0
    for year, month, articles in archive.con.execute(
        sql("export_months"), filters.params()
    ).fetchall():
        if not spans or rows + articles > _CHUNK_ROWS:
            spans.append((date(year, month, 1), _last_day(year, month)))
            rows = 0
        spans[-1] = (spans[-1][0], _last_day(year, month))
        rows += articles
    return [
        replace(
            filters,
            since=max(first, filters.since or first),
            until=min(last, filters.until or last),
        )
        for first, last in spans
    ]


def _batches(archive: Archive, chunks: list[Filters], query: str) -> Iterator[pa.RecordBatch]:
    for chunk in chunks:
        yield from archive.con.execute(sql(query), chunk.params()).to_arrow_reader(_BATCH_ROWS)


def _partitions(batches: Iterator[pa.RecordBatch]) -> Iterator[tuple[tuple, pa.Table]]:
    """Consecutive rows with the same (section, year, month), as one table per partition."""
    key, pending = None, []
    for batch in batches:
        keys = list(zip(*(batch.column(k).to_pylist() for k in PARTITION_KEYS), strict=True))
        start = 0
        for i in range(1, len(keys) + 1):
            if i == len(keys) or keys[i] != keys[start]:
                if keys[start] != key and pending:
                    yield key, pa.Table.from_batches(pending)
                    pending = []
                key = keys[start]
                pending.append(batch.slice(start, i - start))
                start = i
    if pending:
        yield key, pa.Table.from_batches(pending)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _record(out: Path, path: Path, rows: int) -> dict:
    return {
        "path": path.relative_to(out.resolve()).as_posix(),
        "rows": rows,
        "bytes": path.stat().st_size,
        "sha256": _sha256(path),
    }


def _intact(out: Path, card: dict) -> list[dict] | None:
    """The files of the export in ``out`` when its card is ``card`` in all but the files and
    every file is as that card lists it; else None."""
    try:
        previous = json.loads((out / "datacard.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    unchanged = {"files": None, "snapshot": None}  # the same rows: the card's snapshot holds them
    if not isinstance(previous, dict) or {**previous, **unchanged} != {**card, **unchanged}:
        return None
    try:
        for listed in previous["files"]:
            path = confined(out, listed["path"])
            if not path.is_file() or _sha256(path) != listed["sha256"]:
                return None
    except (KeyError, TypeError):  # a card not written by us: write the export anew
        return None
    return previous["files"]


def _write_parquet(
    out: Path, archive: Archive, chunks: list[Filters], result: ExportResult
) -> None:
    for (section, year, month), table in _partitions(_batches(archive, chunks, "article_records")):
        partition = f"topic={quote(section, safe='')}/year={year:04d}/month={month:02d}"
        relative = f"{DATA_DIR}/{partition}/part-0.parquet"
        path = confined(out, relative)
        path.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(
            table.drop_columns(list(PARTITION_KEYS)),  # Hive style: the keys live in the path
            path,
            compression="zstd",
            row_group_size=_ROW_GROUP_ROWS,
        )
        result.files.append(_record(out, path, table.num_rows))
        result.rows += table.num_rows


def _write_text(out: Path, archive: Archive, chunks: list[Filters], result: ExportResult) -> None:
    path = confined(out, f"{DATA_DIR}/articles.{result.format}")
    path.parent.mkdir(parents=True, exist_ok=True)
    batches = _batches(archive, chunks, f"article_records_{result.format}")
    with path.open("wb") as handle:
        if result.format == "csv":
            first = next(batches, None)
            if first is not None:
                with pacsv.CSVWriter(handle, first.schema) as writer:
                    for batch in (first, *batches):
                        writer.write_batch(batch)
                        result.rows += batch.num_rows
        else:
            for batch in batches:
                for (line,) in zip(*batch.to_pydict().values(), strict=True):
                    handle.write(line.encode("utf-8") + b"\n")
                result.rows += batch.num_rows
    result.files.append(_record(out, path, result.rows))


#: How each format writes what Parquet keeps typed.
ENCODINGS = {
    "parquet": "Hive partitions data/topic=<section>/year=YYYY/month=MM (keys in the path only);"
    " instants as UTC timestamps; lists as lists",
    "csv": "one file data/articles.csv, UTF-8, header row; instants as ISO 8601 with +07:00;"
    " lists as JSON arrays",
    "jsonl": "one file data/articles.jsonl, UTF-8, one JSON object per line; instants as"
    " ISO 8601 with +07:00",
}


def _schema(archive: Archive, filters: Filters, fmt: str) -> list[dict[str, str]]:
    """Each exported column with its DuckDB type and meaning."""
    query = sql("article_records").rstrip().rstrip(";")
    rows = archive.con.execute(f"DESCRIBE {query}", filters.params()).fetchall()
    types = {name: str(kind) for name, kind, *_ in rows}
    in_path = PARTITION_KEYS if fmt == "parquet" else ()
    return [
        {"name": name, "type": types[name], "meaning": meaning}
        for name, meaning in COLUMNS.items()
        if name not in in_path
    ]


def _card(archive: Archive, filters: Filters, fmt: str) -> dict:
    """Everything the data card says but its files."""
    facts = archive.con.execute(sql("export_facts")).fetchone()
    rows, first, last, versions, rows_hash, site_ids = archive.con.execute(
        sql("export_rows"), filters.params()
    ).fetchone()
    papers = [site(s) for s in site_ids or [DEFAULT_SITE]]  # an empty export: the default's
    named = papers[0].name if len(papers) == 1 else f"{len(papers)} papers'"
    return {
        "title": f"{named} articles: baoarchive export",
        "publisher": "; ".join(p.publisher for p in papers)
        + "; the articles' copyright stays with each paper",
        "papers": [{"site": p.id, "name": p.name, "publisher": p.publisher} for p in papers],
        "source_sites": facts[2],
        "filters": filters.as_dict(),
        "format": fmt,
        "encoding": ENCODINGS[fmt],
        "rows": rows,
        "rows_hash": rows_hash,
        # the lake's snapshot read: `baoarchive export --as-of` it gives these very files
        "snapshot": archive.snapshot,
        "date_range": {"first": first, "last": last},
        "archive": {"articles": facts[0], "last_fetch": facts[1]},
        "extractor_versions": versions,
        "columns": _schema(archive, filters, fmt),
        # the report's coverage charts of these very rows (warehouse.report)
        "coverage": [
            {"chart": title, "file": f"coverage/{name}.png"} for name, title in CHARTS.items()
        ],
        "files": [],
    }


_READERS = {
    "parquet": [
        ("pandas", 'pandas.read_parquet("data")'),
        ("polars", 'polars.read_parquet("data/**/*.parquet", hive_partitioning=True)'),
        ("DuckDB", "SELECT * FROM read_parquet('data/**/*.parquet', hive_partitioning = true)"),
        ("R (arrow)", 'arrow::open_dataset("data")'),
        ("Hugging Face", 'datasets.load_dataset("parquet", data_files="data/**/*.parquet")'),
    ],
    "csv": [
        ("pandas", 'pandas.read_csv("data/articles.csv")'),
        ("polars", 'polars.read_csv("data/articles.csv")'),
        ("R", 'read.csv("data/articles.csv", encoding = "UTF-8")'),
        ("Hugging Face", 'datasets.load_dataset("csv", data_files="data/articles.csv")'),
    ],
    "jsonl": [
        ("pandas", 'pandas.read_json("data/articles.jsonl", lines=True)'),
        ("polars", 'polars.read_ndjson("data/articles.jsonl")'),
        ("R (jsonlite)", 'jsonlite::stream_in(file("data/articles.jsonl"))'),
        ("Hugging Face", 'datasets.load_dataset("json", data_files="data/articles.jsonl")'),
    ],
}


def card_markdown(card: dict) -> str:
    """The data card for people: what is inside, how it was chosen, how to open it."""
    chosen = {k: v for k, v in card["filters"].items() if v} or {"(none)": "every article"}
    data_files = (
        "data/**/*.parquet" if card["format"] == "parquet" else f"data/articles.{card['format']}"
    )
    lines = [
        "---",  # the metadata block the Hugging Face Hub and `datasets` read
        "language: [vi]",
        "license: other  # the articles' copyright stays with "
        + ", ".join(p["name"] for p in card["papers"]),
        f"pretty_name: {json.dumps(card['title'], ensure_ascii=False)}",
        "configs:",
        "  - config_name: default",
        f'    data_files: "{data_files}"',
        "---",
        "",
        f"# {card['title']}",
        "",
        f"- Publisher: {card['publisher']}",
        "- Papers: " + ", ".join(f"{p['name']} (`{p['site']}`)" for p in card["papers"]),
        f"- Crawled from: {', '.join(card['source_sites']) or '-'}",
        f"- Filters: {', '.join(f'{k} = {v}' for k, v in chosen.items())}",
        f"- Rows: {card['rows']} articles, published {card['date_range']['first']}"
        f" to {card['date_range']['last']}",
        f"- Archive state: {card['archive']['articles']} articles,"
        f" last fetch {card['archive']['last_fetch']}",
        f"- Extractor versions: {', '.join(card['extractor_versions']) or '-'}",
        f"- Format: {card['format']}: {card['encoding']}",
        "",
        "Text is stored as the paper published it (Unicode NFC); related-news blocks and share",
        "bars are not part of any body. `datacard.json` holds this card for programs.",
        "",
        "## Coverage",
        "",
        *(f"![{c['chart']}]({c['file']})" for c in card.get("coverage", [])),
        "",
        "## Columns",
        "",
        "| column | type | meaning |",
        "|---|---|---|",
        *(f"| {c['name']} | {c['type']} | {c['meaning']} |" for c in card["columns"]),
        "",
        "## How to read it",
        "",
        *(f"- {who}: `{code}`" for who, code in _READERS[card["format"]]),
        "",
        "## Files",
        "",
        "| file | rows | bytes | sha256 |",
        "|---|---:|---:|---|",
        *(f"| {f['path']} | {f['rows']} | {f['bytes']} | {f['sha256']} |" for f in card["files"]),
        "",
    ]
    return "\n".join(lines)


def export(archive: Archive, filters: Filters, fmt: str, out: str | Path) -> ExportResult:
    """Write the articles passing ``filters`` under ``out`` with a data card. When ``out``
    already holds this very export (same card, files intact) nothing is written again."""
    if fmt not in FORMATS:
        raise BadValue("format", f"{fmt!r} is unknown: choose one of {', '.join(FORMATS)}")
    out = Path(out)
    card = _card(archive, filters, fmt)
    if (files := _intact(out, card)) is not None:
        return ExportResult(out=out, format=fmt, rows=card["rows"], files=files, reused=True)
    _prepare(out)
    result = ExportResult(out=out, format=fmt)
    chunks = _chunks(archive, filters)
    (_write_parquet if fmt == "parquet" else _write_text)(out, archive, chunks, result)
    if result.rows != card["rows"]:
        raise RuntimeError(f"export wrote {result.rows} rows, expected {card['rows']}")
    confined(out, "coverage").mkdir(exist_ok=True)
    for chart in coverage(archive, filters).charts:
        path = confined(out, f"coverage/{chart.name}.png")
        path.write_bytes(chart.png)
        result.files.append(_record(out, path, 0))
    card["files"] = sorted(result.files, key=lambda f: f["path"])
    confined(out, "datacard.json").write_text(
        json.dumps(card, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    confined(out, "README.md").write_text(card_markdown(card), encoding="utf-8")
    return result
