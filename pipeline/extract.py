"""Extract archived captures a batch at a time, in worker processes, for the ``articles`` asset.

Extraction is a pure function of the archived bytes, so it can be re-run over old captures
whenever the rules improve, without touching the site again.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from extraction import ExtractionError, extract_article
from extraction.record import Article
from foundation.workers import process_pool
from warc.reader import read_payload

if TYPE_CHECKING:
    from warehouse.load import PendingCapture


def _extract_one(job: tuple[Path, str, int, str, str, str]) -> tuple[str, Article | str]:
    data_dir, warc_file, offset, url, capture_id, site = job
    try:
        article = extract_article(read_payload(data_dir, warc_file, offset), url)
        article.site = site  # the paper the capture was made of
        return capture_id, article
    except ExtractionError as err:
        return capture_id, f"{err}".splitlines()[0]
    except Exception as err:  # a broken page must not stop the batch: record it, go on
        return capture_id, f"{type(err).__name__}: {err}".splitlines()[0]


def batches_by_post(captures: Sequence[PendingCapture], size: int) -> Iterator[list]:
    """Batches of about ``size`` captures that never split a post: the loader compares each
    post's captures with one another to find its revisions."""
    batch: list[PendingCapture] = []
    for capture in sorted(captures, key=lambda c: (c.site, c.post_id, c.capture_id)):
        if len(batch) >= size and (capture.site, capture.post_id) != (
            batch[-1].site,
            batch[-1].post_id,
        ):
            yield batch
            batch = []
        batch.append(capture)
    if batch:
        yield batch


Extracted = tuple[list[tuple[str, Article]], list[tuple[str, int | None, str]]]


def extract_batches(
    data_dir: Path, captures: Sequence[PendingCapture], workers: int = 1, size: int = 500
) -> Iterator[Extracted]:
    """Extract pending captures a batch at a time: (capture_id, Article) pairs and
    (capture_id, post_id, error) triples. Each batch can be loaded (and committed) before the
    next is handed over; the workers extract the next batch meanwhile, so at most two batches
    are held in memory."""
    pool = None
    # Starting the workers costs about 2 s of CPU (each imports the extractor); a page takes
    # about 8 ms. Below one batch the pool costs more than it saves.
    if workers > 1 and len(captures) > size:
        pool = process_pool(workers, ["pipeline.extract"])

    def start(batch: list[PendingCapture]) -> tuple[list[PendingCapture], Iterator]:
        jobs = [(data_dir, c.warc_file, c.warc_offset, c.final_url, c.capture_id, c.site)
                for c in batch]  # fmt: skip
        if pool:  # Executor.map submits every job at once: the workers start right away
            return batch, pool.map(_extract_one, jobs, chunksize=16)
        return batch, map(_extract_one, jobs)

    try:
        batches = batches_by_post(captures, size)
        running = start(first) if (first := next(batches, None)) else None
        while running is not None:
            batch, results = running
            post_ids = {c.capture_id: c.post_id for c in batch}
            done: Extracted = ([], [])
            for capture_id, out in results:
                if isinstance(out, Article):
                    done[0].append((capture_id, out))
                else:
                    done[1].append((capture_id, post_ids[capture_id], out))
            running = start(following) if (following := next(batches, None)) else None
            yield done
    finally:
        if pool:
            pool.shutdown(cancel_futures=True)
