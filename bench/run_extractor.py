"""One extractor in its own process: ``python -m bench.run_extractor NAME --data DIR --out PATH``.

``bench.extraction`` starts one of these per extractor so that libraries never share a process:
each one's peak memory (VmHWM, see ``peak_rss_mb``) is its own, and one library's import or
crash cannot touch another's figures. The worker pins itself to one CPU, extracts the gold pages
(untimed), warms up on a few replica pages, then times only the extraction calls over the
replica pages (each page is read from disk *before* its clock starts, so at most one page is
held in memory besides the outputs). It writes the raw outputs as JSON; scoring happens in the
parent, which holds the ground truth.

``DIR`` holds ``manifest.json`` (``{"gold": [{"file", "url"}], "replica": [...], "offsite":
[...]}``) and the page files it names; the offsite pages are extracted untimed too.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

#: An adapter: page bytes and URL (or None) in, our field names out (``body`` = plain text).
Adapter = Callable[[bytes, str | None], dict[str, Any]]

#: Which package each extractor needs (for the "not installed" report).
PACKAGES = {
    "ours": "baoarchive",
    "trafilatura": "trafilatura",
    "trafilatura-fast": "trafilatura",
    "trafilatura-extract": "trafilatura",
    "readability": "readability-lxml",
    "goose3": "goose3",
}
EXTRACTORS = tuple(PACKAGES)

#: Elements after which readability's HTML gets a paragraph break.
_BLOCKS = frozenset(
    {"p", "div", "li", "ul", "ol", "blockquote", "pre", "br", "table", "tr", "figcaption"}
    | {"figure", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6"}
)

MAX_ERRORS_KEPT = 5  # error messages kept per data set (the count covers them all)


# -- adapters: each library's output mapped to our field names --------------------------------


def _iso(value: object) -> str | None:
    """Instants travel as ISO strings; the parent turns them back into datetimes."""
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value) if value else None


def _ours() -> Adapter:
    """Our extractor; a page without a post id (the offsite set's) is still read, with
    ``post_id`` None (the gold and replica pages all have one)."""
    from extraction import extract_article

    def run(html: bytes, url: str | None) -> dict[str, Any]:
        article = extract_article(html, url, require_post_id=False)
        return {
            "body": article.body,
            "title": article.title,
            "author": article.author,
            "published_at": _iso(article.published_at),
            "modified_at": _iso(article.modified_at),
            "tags": list(article.tags),
            "sapo": article.sapo,
            "category": article.category,
            "post_id": article.post_id,
            "url": article.url,
        }

    return run


def _trafilatura(fast: bool) -> Adapter:
    """``bare_extraction`` with its default settings (``fast=True``: trafilatura 2.x's switch
    that skips the readability/jusText fallbacks, formerly ``no_fallback``). Metadata is asked
    for (``with_metadata``), and the date in a format with the time and offset: trafilatura's
    default format is the day alone, which can never equal a published instant."""
    import trafilatura
    from trafilatura.settings import DEFAULT_CONFIG, set_date_params

    date_params = set_date_params(DEFAULT_CONFIG.getboolean("DEFAULT", "EXTENSIVE_DATE_SEARCH"))
    date_params["outputformat"] = "%Y-%m-%dT%H:%M:%S%z"

    def run(html: bytes, url: str | None) -> dict[str, Any]:
        doc = trafilatura.bare_extraction(
            html, url=url, fast=fast, with_metadata=True, date_extraction_params=date_params
        )
        if doc is None:
            return {"body": ""}
        return {
            "body": doc.text or "",
            "title": doc.title,
            "author": doc.author,
            "published_at": doc.date,  # original_date=True: the publication date
            "tags": list(doc.tags) if doc.tags is not None else None,
            "sapo": doc.description,
            "category": ", ".join(doc.categories or []) or None,
            "url": doc.url,
        }

    return run


def _trafilatura_extract() -> Adapter:
    """Plain ``trafilatura.extract(html)``: the library's one-call default (text output, its
    fallback extractors on, comments kept), body only. The bar for our fallback path."""
    import trafilatura

    def run(html: bytes, url: str | None) -> dict[str, Any]:
        return {"body": trafilatura.extract(html) or ""}

    return run


def _html_to_text(fragment: str) -> str:
    """Readability returns HTML: text with a paragraph break after every block element, so
    that words of adjacent blocks are not glued into one token."""
    from lxml import html as lxml_html

    tree = lxml_html.fromstring(fragment)
    for element in tree.iter():
        if isinstance(element.tag, str) and element.tag in _BLOCKS:
            element.tail = "\n\n" + (element.tail or "")
    paragraphs = (" ".join(p.split()) for p in tree.text_content().split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def _readability() -> Adapter:
    from readability import Document

    def run(html: bytes, url: str | None) -> dict[str, Any]:
        doc = Document(html, url=url)
        return {"body": _html_to_text(doc.summary()), "title": doc.short_title()}

    return run


def _goose3() -> Adapter:
    from goose3 import Goose

    goose = Goose()  # image fetching is off by default; raw_html is never fetched

    def run(html: bytes, url: str | None) -> dict[str, Any]:
        article = goose.extract(url=url, raw_html=html.decode("utf-8", errors="replace"))
        return {
            "body": article.cleaned_text or "",
            "title": article.title,
            "author": ", ".join(article.authors or []),
            "published_at": _iso(article.publish_date),
            "tags": list(article.tags or []),
            "sapo": article.meta_description,
            "url": article.canonical_link,
        }

    return run


def adapter(name: str) -> Adapter:
    """Import the library and build its adapter (ModuleNotFoundError when it is missing)."""
    builders: dict[str, Callable[[], Adapter]] = {
        "ours": _ours,
        "trafilatura": lambda: _trafilatura(fast=False),
        "trafilatura-fast": lambda: _trafilatura(fast=True),
        "trafilatura-extract": _trafilatura_extract,
        "readability": _readability,
        "goose3": _goose3,
    }
    return builders[name]()


# -- the measured run -----------------------------------------------------------------------


def _status_mb(key: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024  # kB
    return float("nan")


def rss_mb() -> float:
    """Current resident set size (VmRSS), in MB."""
    return _status_mb("VmRSS")


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (VmHWM), in MB.

    Not ``ru_maxrss``: Linux carries the high-water mark across fork+exec, so a worker's
    ``ru_maxrss`` is at least the parent's RSS when it was started (here ~140 MB of rendered
    pages), whatever the library uses. VmHWM belongs to the worker's own address space."""
    return _status_mb("VmHWM")


def ru_maxrss_mb() -> float:
    """``ru_maxrss`` (kB on Linux), kept in the JSON only to show the inherited figure."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _call(run: Adapter, html: bytes, url: str | None) -> tuple[dict[str, Any], str | None]:
    """One page: an exception is an empty output for that page, never the end of the run."""
    try:
        return run(html, url), None
    except Exception as error:  # noqa: BLE001 - any library failure is scored, not raised
        return {"body": ""}, f"{type(error).__name__}: {error}"[:300]


def extract_all(run: Adapter, data: Path, pages: list[dict]) -> dict[str, Any]:
    """Untimed extraction of a whole data set (the gold pages)."""
    outputs, errors = [], []
    for page in pages:
        output, error = _call(run, (data / page["file"]).read_bytes(), page["url"])
        outputs.append(output)
        if error:
            errors.append(error)
    return {"outputs": outputs, "errors": len(errors), "error_samples": errors[:MAX_ERRORS_KEPT]}


def timed(run: Adapter, data: Path, pages: list[dict], warmup: int) -> dict[str, Any]:
    """The replica pages: warm-up first, then only the extraction calls on the clock."""
    for page in pages[:warmup]:
        _call(run, (data / page["file"]).read_bytes(), page["url"])
    rss_before, peak_before = rss_mb(), peak_rss_mb()
    outputs, errors, seconds = [], [], 0.0
    for page in pages:
        html = (data / page["file"]).read_bytes()
        start = time.perf_counter()
        output, error = _call(run, html, page["url"])
        seconds += time.perf_counter() - start
        outputs.append(output)
        if error:
            errors.append(error)
    return {
        "outputs": outputs,
        "errors": len(errors),
        "error_samples": errors[:MAX_ERRORS_KEPT],
        "seconds": seconds,
        "pages_per_second": len(pages) / seconds if seconds else None,
        "rss_before_loop_mb": rss_before,
        "peak_rss_before_loop_mb": peak_before,  # gold pages and warm-up included
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("name", choices=EXTRACTORS)
    parser.add_argument("--data", type=Path, required=True, help="directory with manifest.json")
    parser.add_argument("--out", type=Path, required=True, help="where to write the JSON result")
    parser.add_argument("--cpu", type=int, required=True, help="the one CPU to run on")
    parser.add_argument("--warmup", type=int, default=5, help="replica pages run before timing")
    args = parser.parse_args(argv)

    os.sched_setaffinity(0, {args.cpu})
    manifest = json.loads((args.data / "manifest.json").read_text(encoding="utf-8"))
    result: dict[str, Any] = {"name": args.name, "cpu": args.cpu, "rss_start_mb": rss_mb()}
    try:
        run = adapter(args.name)
    except ModuleNotFoundError as error:
        result.update(status="not installed", missing=error.name)
        args.out.write_text(json.dumps(result), encoding="utf-8")
        return 0
    result["rss_imported_mb"] = rss_mb()
    result["gold"] = extract_all(run, args.data, manifest["gold"])
    result["replica"] = timed(run, args.data, manifest["replica"], args.warmup)
    result["peak_rss_mb"] = peak_rss_mb()
    result["ru_maxrss_mb"] = ru_maxrss_mb()
    if "offsite" in manifest:  # untimed, after the memory figures (theirs stay comparable)
        result["offsite"] = extract_all(run, args.data, manifest["offsite"])
    result["status"] = "ok"
    args.out.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
