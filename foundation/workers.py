"""Processes: workers for CPU-bound steps (extraction, search documents) beside the DuckDB
writer, and the end of a command's own process."""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")


def process_pool(workers: int, preload: list[str]) -> ProcessPoolExecutor:
    """``workers`` processes started by a fork server that has imported ``preload``. Not plain
    fork: the caller holds DuckDB's threads, which a fork would copy mid-work, and a forked
    worker would count the caller's memory as its own."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(preload)
    return ProcessPoolExecutor(workers, mp_context=context)


def read_ahead(batches: Iterator[T]) -> Iterator[T]:
    """``batches``, the next one read in a thread while the caller works on this one: DuckDB
    releases the GIL while it reads, so reading and, say, indexing share the two cores."""
    with ThreadPoolExecutor(1) as reader:
        pending = reader.submit(next, batches, None)
        while (batch := pending.result()) is not None:
            pending = reader.submit(next, batches, None)
            yield batch


def end_process(code: int) -> None:
    """End this process now, once it has written and closed everything: logs and standard
    streams are flushed, the interpreter's teardown is skipped (Scrapy's, Twisted's, Dagster's
    and DuckDB's modules took 0.5 s after a crawl and 1.2 s after a run)."""
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
