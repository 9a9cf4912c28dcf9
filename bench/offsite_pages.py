"""The offsite set: news pages that are not of the platform (``bench/offsite/*.html``), written
for this project, each with its expected body in ``<name>.json`` (see the README there).

They measure the extractor's fallback path, which every page without the platform body takes:
other CMSs, other languages, special layouts. The expected paragraphs were chosen by a
hand-written selector per page (``select``: XPaths, or an element whose text is ``<br>``-split
lines; ``drop``: paragraphs left out, such as signatures; ``captions_select`` for the captions
among them) and are stored in the json as ``body`` and ``captions``, so a reader sees the text
itself; ``python -m bench.offsite_pages --write`` fills
``body`` and ``captions`` from the selectors again, ``--check`` says whether they agree.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from lxml import html as lxml_html

from extraction.text import clean

OFFSITE_DIR = Path(__file__).resolve().parent / "offsite"

#: Elements that end a ``<br>`` line and whose own text is not part of it (a table in the
#: middle of loose text is selected by its own XPath).
_BLOCKS = frozenset(
    {"p", "div", "table", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}
    | {"figure", "section", "article", "aside", "form", "script", "style", "noscript"}
)


@dataclass
class OffsitePage:
    name: str
    html: bytes
    url: str
    title: str
    body: list[str]  # the article's paragraphs, headings, list items, table cells, captions
    captions: list[str]  # those of ``body`` that are figure or table captions
    chrome: list[str]  # phrases of the page that are not the article's (must not be in a body)
    language: str
    layout: str
    traps: list[str]

    @property
    def body_text(self) -> str:
        return "\n\n".join(self.body)


def br_lines(element: lxml_html.HtmlElement) -> list[str]:
    """The element's text as ``<br>``-separated lines (inline markup flattened, nested blocks
    left out)."""
    lines: list[str] = []
    pieces: list[str] = []

    def end_line() -> None:
        line = clean("".join(pieces))
        pieces.clear()
        if line:
            lines.append(line)

    def walk(node: lxml_html.HtmlElement) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag == "br" or tag in _BLOCKS:
            end_line()
        elif tag:
            pieces.append(node.text or "")
            for child in node:
                walk(child)
        pieces.append(node.tail or "")

    pieces.append(element.text or "")
    for child in element:
        walk(child)
    end_line()
    return lines


def _texts(tree: lxml_html.HtmlElement, steps: list[dict[str, str]]) -> list[str]:
    found: list[str] = []
    for step in steps:
        if "xpath" in step:
            hits = tree.xpath(step["xpath"])
            found += [t for t in (clean(h.text_content()) for h in hits) if t]
        else:
            for hit in tree.xpath(step["br"]):
                found += br_lines(hit)
    return found


def select(html: bytes, spec: dict) -> tuple[list[str], list[str]]:
    """(body, captions) as the page's selectors give them."""
    tree = lxml_html.document_fromstring(html)
    dropped = set(spec.get("drop", []))
    body = [text for text in _texts(tree, spec["select"]) if text not in dropped]
    return body, _texts(tree, spec.get("captions_select", []))


def _specs() -> list[tuple[Path, dict]]:
    paths = sorted(OFFSITE_DIR.glob("*.json"))
    return [(path, json.loads(path.read_text(encoding="utf-8"))) for path in paths]


def load() -> list[OffsitePage]:
    """Every page of the set, in name order."""
    pages = []
    for path, spec in _specs():
        pages.append(
            OffsitePage(
                name=f"offsite/{path.stem}",
                html=path.with_suffix(".html").read_bytes(),
                url=spec["url"],
                title=spec["title"],
                body=list(spec["body"]),
                captions=list(spec.get("captions", [])),
                chrome=list(spec["chrome"]),
                language=spec["language"],
                layout=spec["layout"],
                traps=list(spec["traps"]),
            )
        )
    return pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Fill or check the offsite set's bodies.")
    parser.add_argument("--write", action="store_true", help="rewrite body and captions")
    args = parser.parse_args(argv)
    stale = []
    for path, spec in _specs():
        body, captions = select(path.with_suffix(".html").read_bytes(), spec)
        if (body, captions) != (spec.get("body"), spec.get("captions", [])):
            stale.append(path.name)
            if args.write:
                spec["body"] = body
                if captions:
                    spec["captions"] = captions
                text = json.dumps(spec, ensure_ascii=False, indent=2) + "\n"
                path.write_text(text, encoding="utf-8")
    verb = "rewritten" if args.write else "out of date"
    print(f"{len(stale)} of {len(_specs())} {verb}: {', '.join(stale) or '-'}")
    return 1 if stale and not args.write else 0


if __name__ == "__main__":
    sys.exit(main())
