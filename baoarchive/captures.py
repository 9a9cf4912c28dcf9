"""Read archived pages back from the WARC files, and extract a batch of them.

Extraction is a pure function of the archived bytes, so it can be re-run over old captures
whenever the rules improve, without touching the site again.
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from extraction import ExtractionError, extract_article
from extraction.record import Article


def read_payload(data_dir: Path, warc_file: str, offset: int) -> bytes:
    """The HTTP body of the WARC record at ``offset`` in ``data_dir/warc_file``."""
    with (data_dir / warc_file).open("rb") as fh:
        fh.seek(offset)
        record = next(iter(ArchiveIterator(fh)))
        return record.content_stream().read()


def _extract_one(job: tuple[Path, str, int, str, str]) -> tuple[str, Article | str]:
    data_dir, warc_file, offset, url, capture_id = job
    try:
        return capture_id, extract_article(read_payload(data_dir, warc_file, offset), url)
    except ExtractionError as err:
        return capture_id, f"{err}".splitlines()[0]
    except Exception as err:  # a broken page must not stop the batch: record it, go on
        return capture_id, f"{type(err).__name__}: {err}".splitlines()[0]


def extract_captures(
    data_dir: Path, captures: Iterable, workers: int = 1
) -> tuple[list[tuple[str, Article]], list[tuple[str, int | None, str]]]:
    """Extract pending captures: (capture_id, Article) pairs, and (capture_id, post_id, error)."""
    captures = list(captures)
    jobs = [(data_dir, c.warc_file, c.warc_offset, c.final_url, c.capture_id) for c in captures]
    post_ids = {c.capture_id: c.post_id for c in captures}
    if workers > 1 and len(jobs) > 50:
        with ProcessPoolExecutor(workers) as pool:
            results = list(pool.map(_extract_one, jobs, chunksize=32))
    else:
        results = [_extract_one(job) for job in jobs]
    articles = [(cid, out) for cid, out in results if isinstance(out, Article)]
    errors = [(cid, post_ids[cid], out) for cid, out in results if isinstance(out, str)]
    return articles, errors
