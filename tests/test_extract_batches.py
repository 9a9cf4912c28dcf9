"""Extraction a batch at a time: in worker processes past one batch, in the step's own process
below it; either way the same articles, in batches that never split a post."""

from __future__ import annotations

import pytest

from pipeline.extract import extract_batches
from warehouse import connect_reader
from warehouse.load import PendingCapture


@pytest.fixture(scope="module")
def captures(data_dir) -> list[PendingCapture]:
    with connect_reader(data_dir) as con:
        rows = con.execute(
            "SELECT capture_id, post_id, final_url, warc_file, warc_offset, site FROM crawl_log"
            " WHERE status = 200 AND warc_file IS NOT NULL AND post_id IS NOT NULL"
        ).fetchall()
    return [PendingCapture(*row) for row in rows]


def extracted(data_dir, captures, workers: int, size: int) -> tuple[list[set[int]], dict]:
    batches, articles = [], {}
    for done, errors in extract_batches(data_dir, captures, workers=workers, size=size):
        assert errors == []
        batches.append({article.post_id for _, article in done})
        articles.update({capture_id: article for capture_id, article in done})
    return batches, articles


def test_worker_processes_extract_what_one_process_does(data_dir, captures):
    assert len(captures) > 20
    in_workers, by_workers = extracted(data_dir, captures, workers=2, size=10)
    _, in_process = extracted(data_dir, captures, workers=1, size=500)
    assert len(in_workers) >= 2  # several batches: the pool was used
    assert by_workers == in_process
    seen: set[int] = set()
    for batch in in_workers:  # a post's captures are all in one batch
        assert not batch & seen
        seen |= batch
