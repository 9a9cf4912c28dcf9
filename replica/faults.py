"""Fault switches: the ways a news site goes wrong, switched on per path while a test crawls.

``Faults.on("status_503", "/some-article-post123.html")`` makes the replica misbehave on that
path until ``clear()`` (or for ``times`` requests). Response faults rewrite the response;
connection faults (``timeout``, ``reset``, ``truncated``) are played by the server's handler
on the socket itself.
"""

from __future__ import annotations

import gzip
import re
import threading
from dataclasses import dataclass, replace
from functools import cache

from .listing_pages import render_not_found
from .routes import Request, Response

CONNECTION_FAULTS = ("timeout", "reset", "truncated")
RESPONSE_FAULTS = (
    "status_500", "status_503", "gone_404", "gone_410", "no_charset", "wrong_charset",
    "gzip_bomb", "huge", "redirect_loop", "robots_disallow", "malformed_xml", "error_page_200",
    "alias_slugs",
)  # fmt: skip
FAULTS = CONNECTION_FAULTS + RESPONSE_FAULTS

HUGE_BYTES = 20 * 2**20  # the "20 MB page"
BOMB_BYTES = 512 * 2**20  # what the gzip bomb inflates to (the crawl stops at 16 MB)


@cache
def gzip_bomb() -> bytes:
    """512 MiB of zeros, gzipped to about 500 kB, made once in 64 MiB steps."""
    import io

    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=9, mtime=0) as packed:
        zeros = bytes(64 * 2**20)
        for _ in range(BOMB_BYTES // len(zeros)):
            packed.write(zeros)
    return out.getvalue()


@dataclass
class Switch:
    fault: str
    path: str
    times: int | None  # None: until cleared
    arg: str = ""  # robots_disallow: the path robots.txt disallows


class Faults:
    """The switches of one server; thread-safe (the server answers in many threads)."""

    def __init__(self, stall_seconds: float = 5.0) -> None:
        self.stall_seconds = stall_seconds  # how long a "timeout" keeps the client waiting
        self._switches: list[Switch] = []
        self._lock = threading.Lock()
        self.served: list[tuple[str, str]] = []  # (fault, path) each time one was played

    def on(self, fault: str, path: str, times: int | None = None, arg: str = "") -> None:
        if fault not in FAULTS:
            raise ValueError(f"unknown fault {fault!r}: one of {', '.join(FAULTS)}")
        with self._lock:
            self._switches.append(Switch(fault, path, times, arg))

    def clear(self) -> None:
        with self._lock:
            self._switches.clear()

    def take(self, path: str) -> Switch | None:
        """The switch to play for a request of ``path`` now, if any (counting it down)."""
        with self._lock:
            for switch in self._switches:
                if switch.path == path and switch.times != 0:
                    if switch.times is not None:
                        switch.times -= 1
                    self.served.append((switch.fault, path))
                    return switch
        return None


def apply(switch: Switch, request: Request, response: Response, base_url: str) -> Response:
    """A response fault played on the normal response."""
    fault, page = switch.fault, response.body
    if fault in ("status_500", "status_503"):
        status = int(fault[-3:])
        headers = {"Retry-After": "1"} if status == 503 else {}
        return Response(status, b"<html><body><h1>Service unavailable</h1></body></html>",
                        headers=headers)  # fmt: skip
    if fault in ("gone_404", "gone_410"):
        return Response(int(fault[-3:]), render_not_found(base_url).encode())
    if fault == "no_charset":
        stripped = re.sub(rb"<meta[^>]*charset[^>]*>", b"", page, flags=re.I)
        return replace(response, body=stripped, content_type="text/html")
    if fault == "wrong_charset":  # declared Latin-1, sent as UTF-8
        return replace(response, content_type="text/html; charset=iso-8859-1")
    if fault == "gzip_bomb":
        headers = {**response.headers, "Content-Encoding": "gzip"}
        return replace(response, body=gzip_bomb(), headers=headers, compressible=False)
    if fault == "huge":
        padding = b"<!-- " + b"x" * (HUGE_BYTES - len(page)) + b" -->"
        return replace(response, body=page.replace(b"</body>", padding + b"</body>", 1))
    if fault == "redirect_loop":
        return Response(302, b"", headers={"Location": request.path})
    if fault == "robots_disallow":
        rule = f"User-agent: *\nDisallow: {switch.arg or '/'}\n".encode()
        return replace(response, body=page.replace(b"User-agent: *\n", rule, 1))
    if fault == "malformed_xml":
        return replace(response, body=page[: len(page) // 2])
    if fault == "alias_slugs":  # every article link under another slug, same post id
        return replace(response, body=re.sub(rb"/([a-z0-9-]+)-post(\d+)\.html",
                                             rb"/ban-khac-\1-post\2.html", page))  # fmt: skip
    if fault == "error_page_200":
        return Response(200, render_not_found(base_url).encode())
    raise ValueError(f"{fault!r} is not a response fault")
