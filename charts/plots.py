"""The report's four charts. Each takes plain numbers (what the report also prints as a table
beside it) and returns PNG bytes; the same numbers give the same bytes (no timestamp, fixed
size and font), so a re-run report is byte-identical."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

import matplotlib

matplotlib.use("Agg")  # no screen: draw to files only

from matplotlib import pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

#: DejaVu Sans ships with matplotlib and has every Vietnamese letter.
STYLE = {"font.family": "DejaVu Sans", "font.size": 9, "axes.spines.top": False,
         "axes.spines.right": False, "svg.hashsalt": "baoarchive"}  # fmt: skip
SIZE = (8.0, 3.6)  # inches, at 100 dpi: 800 x 360 pixels


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100, metadata={"Software": None})
    plt.close(figure)
    return buffer.getvalue()


def monthly_lines(months: Sequence[str], series: Mapping[str, Sequence[int]], title: str) -> bytes:
    """One line per series over the months (YYYY-MM): articles per month by topic or place."""
    with plt.rc_context(STYLE):
        figure, axes = plt.subplots(figsize=SIZE, layout="constrained")
        for name, values in series.items():
            axes.plot(range(len(months)), values, marker="o", markersize=3, label=name)
        _month_axis(axes, months)
        axes.set_ylabel("articles")
        axes.set_title(title, loc="left")
        if series:
            axes.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1, 1))
        return _png(figure)


def stacked_months(months: Sequence[str], series: Mapping[str, Sequence[int]], title: str) -> bytes:
    """Bars per month, stacked by series: articles by top topics, crawl problems by kind."""
    with plt.rc_context(STYLE):
        figure, axes = plt.subplots(figsize=SIZE, layout="constrained")
        bottom = [0] * len(months)
        for name, values in series.items():
            axes.bar(range(len(months)), values, bottom=bottom, label=name, width=0.8)
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
        _month_axis(axes, months)
        axes.set_title(title, loc="left")
        if series:
            axes.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1, 1))
        return _png(figure)


def unit_map(points: Sequence[tuple[str, float, float, int]], title: str) -> bytes:
    """A point per unit (name, lat, lon, articles), its area by its articles; the ten most
    covered named. Units no article names are drawn hollow: the gaps are findings too."""
    with plt.rc_context(STYLE):
        figure, axes = plt.subplots(figsize=(6.4, 6.4), layout="constrained")
        most = max((n for *_, n in points), default=0) or 1
        covered = [p for p in points if p[3]]
        silent = [p for p in points if not p[3]]
        axes.scatter([p[2] for p in silent], [p[1] for p in silent], s=12, facecolors="none",
                     edgecolors="0.6", linewidths=0.6, label="no article")  # fmt: skip
        axes.scatter([p[2] for p in covered], [p[1] for p in covered],
                     s=[20 + 600 * p[3] / most for p in covered], alpha=0.6,
                     color="tab:red", label="articles (area)")  # fmt: skip
        for name, lat, lon, _ in sorted(covered, key=lambda p: (-p[3], p[0]))[:10]:
            axes.annotate(name, (lon, lat), fontsize=7, xytext=(3, 3), textcoords="offset points")
        axes.set_xlabel("longitude")
        axes.set_ylabel("latitude")
        axes.set_aspect("equal")
        axes.set_title(title, loc="left")
        axes.legend(fontsize=8, frameon=False, loc="lower left")
        return _png(figure)


def _month_axis(axes, months: Sequence[str]) -> None:
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))  # counts of articles
    step = max(1, len(months) // 12)
    axes.set_xticks(range(0, len(months), step), [months[i] for i in range(0, len(months), step)],
                    rotation=45, ha="right")  # fmt: skip
