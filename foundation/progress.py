"""How far long work is, as records of one logger (``baoarchive.progress``): the pipeline's steps
say which phase they are in and how far it has got; whoever wants to show it listens (the
CLI's console, ``baoarchive/console.py``). Nobody listening: nothing is shown or kept."""

from __future__ import annotations

import logging

LOGGER = logging.getLogger("baoarchive.progress")
LOGGER.propagate = False  # not a library log line: only a listener shows it


def step(phase: str, what: str) -> None:
    """A phase ("crawl", "extraction", "loading") starts or moves on to ``what``."""
    LOGGER.info("%s: %s", phase, what, extra={"phase": phase, "what": what, "done": None})


def advance(phase: str, done: int, total: int) -> None:
    """``done`` of ``total`` items of a phase are through."""
    LOGGER.info("%s: %d/%d", phase, done, total,
                extra={"phase": phase, "what": None, "done": done, "total": total})  # fmt: skip
