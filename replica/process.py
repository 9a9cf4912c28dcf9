"""The replica in a process of its own, for benchmarks: its page rendering then takes neither
the time nor the memory of the process being measured.

    with ReplicaProcess(articles=10_000) as replica:
        crawl(replica.url)
        replica.apply(edit_some, 100)   # edit_some(site, 100) runs in the replica's process
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from .server import ReplicaServer
from .site_index import build_site


def _serve(articles: int, seed: int, conn: Connection) -> None:
    # one thread per connection: switching the GIL every 0.5 ms instead of 5 ms keeps a
    # thread back from zlib or a socket from waiting behind the others
    sys.setswitchinterval(0.0005)
    with ReplicaServer(site=build_site(articles, seed)) as server:
        conn.send(server.url)
        while (message := conn.recv()) is not None:
            func, args = message
            try:
                conn.send((True, func(server.site, *args)))
            except Exception as err:  # the caller sees it; the replica keeps serving
                conn.send((False, f"{type(err).__name__}: {err}"))


class ReplicaProcess:
    """A context manager: ``.url`` once started; ``.apply(func, *args)`` runs ``func(site,
    *args)`` in the replica's process and returns its (picklable) result."""

    def __init__(self, articles: int = 300, seed: int = 20250701):
        spawn = multiprocessing.get_context("spawn")  # a fresh interpreter: none of our state
        self._conn, child = spawn.Pipe()
        self._process = spawn.Process(
            target=_serve, args=(articles, seed, child), name="replica", daemon=True
        )
        self.url = ""

    @property
    def pid(self) -> int | None:
        return self._process.pid

    def apply(self, func: Callable[..., Any], *args: Any) -> Any:
        self._conn.send((func, args))
        ok, result = self._conn.recv()
        if not ok:
            raise RuntimeError(f"replica: {result}")
        return result

    def __enter__(self) -> ReplicaProcess:
        self._process.start()
        try:
            self.url = self._conn.recv()
        except EOFError:
            raise RuntimeError(
                f"the replica process ended before serving (exit code {self._process.exitcode})"
            ) from None
        return self

    def __exit__(self, *exc: object) -> None:
        self._conn.send(None)
        self._process.join(timeout=10)
        if self._process.is_alive():
            self._process.terminate()
