"""The coverage report: what researchers of local news ask first (how much the paper wrote per
month and on what, which communes it covers and which it never names, where the crawl has
holes), as one HTML page that opens offline with its charts beside their numbers.

``write_report(archive, filters, out)`` writes ``out/index.html`` and ``out/charts/*.png``; the
same archive snapshot and filters give the same bytes. ``coverage`` gives the numbers alone
(an export's data card draws the same charts for its subset).
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from charts import plots
from grouping.locality_rules import KIND_WORDS
from warehouse.archive import Archive
from warehouse.db import sql
from warehouse.filters import Filters

TOP = 6  # topics and units drawn as series; the tables hold every one
#: The charts, by file name, with their titles (an export's data card lists them too).
CHARTS = {
    "topics": "Articles per month, by topic",
    "localities": "The most covered communes and wards over time",
    "map": "Today's 99 communes and wards, by coverage",
    "health": "Crawl health per month",
}


@dataclass
class Chart:
    """One chart: its file, what it shows, and its numbers (a header and rows)."""

    name: str
    title: str
    png: bytes
    header: list[str]
    rows: list[list[object]]
    note: str = ""


@dataclass
class Coverage:
    """The numbers of a report, each chart's with it."""

    articles: int
    first: str | None
    last: str | None
    covered: int  # of today's units, those some article names (or names a former one of)
    units: int
    silent: list[str] = field(default_factory=list)  # today's units no article names
    charts: list[Chart] = field(default_factory=list)


def _months(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last`` (YYYY-MM): a month without articles is a hole."""
    year, month = map(int, first.split("-"))
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _series(rows: Sequence[tuple[str, str, int]], months: list[str]) -> dict[str, list[int]]:
    """(month, name, count) rows as one list of counts per name over ``months``, largest total
    first."""
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for month, name, n in rows:
        counts[name][month] = counts[name].get(month, 0) + n
    ordered = sorted(counts, key=lambda name: (-sum(counts[name].values()), name))
    return {name: [counts[name].get(m, 0) for m in months] for name in ordered}


def _table(months: list[str], series: dict[str, list[int]]) -> tuple[list[str], list[list]]:
    header = ["month", *series]
    return header, [[m, *(values[i] for values in series.values())] for i, m in enumerate(months)]


def coverage(archive: Archive, filters: Filters) -> Coverage:
    """The report's numbers and charts for the articles passing ``filters``."""
    con, params = archive.con, filters.params()
    topics = con.execute(sql("report_topics"), params).fetchall()
    places = con.execute(sql("report_localities"), params).fetchall()
    points = con.execute(sql("report_map"), params).fetchall()
    health = con.execute(sql("report_health"), params).fetchall()
    articles = con.execute(sql("report_articles"), params).fetchone()[0]
    seen = sorted({row[0] for row in (*topics, *places, *health)})
    months = _months(seen[0], seen[-1]) if seen else []
    report = Coverage(
        articles, months[0] if months else None, months[-1] if months else None,
        covered=sum(1 for p in points if p[5]), units=len(points),
        silent=[f"{KIND_WORDS[kind][0]} {name}" for _, name, kind, _, _, n in points if not n],
    )  # fmt: skip

    by_topic = _series(topics, months)
    top = dict(list(by_topic.items())[:TOP])
    if len(by_topic) > TOP:
        top["other topics"] = [sum(v) for v in zip(*list(by_topic.values())[TOP:], strict=True)]
    report.charts.append(Chart(
        "topics", CHARTS["topics"],
        plots.stacked_months(months, top, "Articles per month, by topic"), *_table(months, top),
        note="The top of each article's category path, by the paper's name for it.",
    ))  # fmt: skip

    named = [(m, f"{KIND_WORDS[kind][0]} {name}", n) for m, _, name, kind, n in places]
    by_place = dict(list(_series(named, months).items())[:TOP])
    report.charts.append(Chart(
        "localities", CHARTS["localities"],
        plots.monthly_lines(months, by_place, "Articles per month naming the unit"),
        *_table(months, by_place),
        note="Today's units; an article naming a former commune counts under its successor.",
    ))  # fmt: skip

    report.charts.append(Chart(
        "map", CHARTS["map"],
        plots.unit_map([(name, lat, lon, n) for _, name, _, lat, lon, n in points],
                       "Articles naming each unit (or a former commune it took over)"),
        ["unit", "id", "lat", "lon", "articles"],
        [[f"{KIND_WORDS[kind][0]} {name}", uid, lat, lon, n]
         for uid, name, kind, lat, lon, n in points],
        note="Points are approximate centres (gazetteer), not boundaries.",
    ))  # fmt: skip

    problems = _series(health, months)
    report.charts.append(Chart(
        "health", CHARTS["health"],
        plots.stacked_months(months, problems, "Fetch failures, fallback extractions, gaps"),
        *_table(months, problems),
        note="Failed fetches by month fetched; the others by month published.",
    ))  # fmt: skip
    return report


def write_report(archive: Archive, filters: Filters, out: str | Path) -> Path:
    """Write ``out/index.html`` and its charts; returns the page's path."""
    out = Path(out)
    (out / "charts").mkdir(parents=True, exist_ok=True)
    report = coverage(archive, filters)
    for chart in report.charts:
        (out / "charts" / f"{chart.name}.png").write_bytes(chart.png)
    page = out / "index.html"
    page.write_text(_page(report, filters, archive.snapshot), encoding="utf-8")
    return page


STYLE = """
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2em auto; max-width: 75em;
       color: #222; line-height: 1.4; }
section { display: flex; gap: 2em; align-items: flex-start; margin: 2em 0;
          border-top: 1px solid #ddd; padding-top: 1em; }
figure { margin: 0; flex: 0 1 auto; } figure img { max-width: 44em; width: 100%; }
.numbers { flex: 1 0 22em; max-height: 28em; overflow: auto; font-size: 0.8em; }
table { border-collapse: collapse; }
td, th { padding: 0.1em 0.5em; text-align: right; white-space: nowrap; }
th { position: sticky; top: 0; background: #f4f4f4; } td:first-child { text-align: left; }
.figures td { text-align: left; }
"""


def _page(report: Coverage, filters: Filters, snapshot: int) -> str:
    chosen = {k: v for k, v in filters.as_dict().items() if v} or {"filters": "none"}
    facts = [
        ("articles", report.articles),
        ("months", f"{report.first} to {report.last}" if report.first else "none"),
        ("today's units covered", f"{report.covered} of {report.units}"),
        ("snapshot", snapshot),
        *((name, value) for name, value in chosen.items()),
    ]
    parts = [
        "<!doctype html>", '<html lang="vi"><head><meta charset="utf-8">',
        "<title>baoarchive: coverage report</title>", f"<style>{STYLE}</style></head><body>",
        "<h1>Coverage report</h1>",
        '<table class="figures" id="figures">',
        *(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in facts),
        "</table>",
    ]  # fmt: skip
    for chart in report.charts:
        parts += [
            f'<section id="{chart.name}"><figure>',
            f'<img src="charts/{chart.name}.png" alt="{_e(chart.title)}">',
            f"<figcaption><b>{_e(chart.title)}</b>. {_e(chart.note)}</figcaption></figure>",
            f'<div class="numbers"><table data-chart="{chart.name}">',
            "<tr>" + "".join(f"<th>{_e(h)}</th>" for h in chart.header) + "</tr>",
            *("<tr>" + "".join(f"<td>{_e(v)}</td>" for v in row) + "</tr>" for row in chart.rows),
            "</table></div></section>",
        ]
    silent = ", ".join(report.silent) or "none"
    parts += [
        f'<section id="silent"><p><b>Never named</b> ({len(report.silent)}): {_e(silent)}</p>'
        "</section>",
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value))
