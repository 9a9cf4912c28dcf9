"""Worker processes for CPU-bound steps (extraction, search documents) beside the DuckDB writer."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def process_pool(workers: int, preload: list[str]) -> ProcessPoolExecutor:
    """``workers`` processes started by a fork server that has imported ``preload``. Not plain
    fork: the caller holds DuckDB's threads, which a fork would copy mid-work, and a forked
    worker would count the caller's memory as its own."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(preload)
    return ProcessPoolExecutor(workers, mp_context=context)
