"""The replica as a real HTTP server on 127.0.0.1, for tests and the offline demo crawl.

``ReplicaServer`` runs a ``ThreadingHTTPServer`` in a background thread (a context manager;
``port=0`` picks a free port). It only moves bytes: routing and pages live in
``replica.routes``; here are gzip (when the client accepts it), HEAD, the fault switches
(``replica.faults``: ``server.faults.on("status_503", path)``) and a ``transform`` hook.
"""

from __future__ import annotations

import contextlib
import gzip
import socket
import struct
import sys
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from foundation import sites
from foundation.errors import BadValue
from foundation.sites import DEFAULT_SITE

from . import faults, themes
from .routes import Request, Response, Routes
from .site_index import Site, build_site

#: Rewrites a response before it is sent (fault injection hooks in here).
Transform = Callable[[Request, Response], Response]


def _accepts_gzip(header: str) -> bool:
    for part in header.split(","):
        coding, _, params = part.strip().partition(";")
        if coding.strip().lower() in ("gzip", "*"):
            return params.replace(" ", "").lower() not in ("q=0", "q=0.0", "q=0.00", "q=0.000")
    return False


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: a crawl reuses connections
    server_version = "replica"
    server: _Server

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._serve(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._serve(send_body=False)

    def _serve(self, send_body: bool) -> None:
        parts = urlsplit(self.path)
        headers = {k.lower(): v for k, v in self.headers.items()}
        request = Request(self.command, parts.path or "/", parts.query, headers)
        switch = self.server.faults.take(request.path)
        if switch and switch.fault in faults.CONNECTION_FAULTS:
            self._play(switch.fault, request)
            return
        response = self.server.routes.respond(request)
        if switch:
            response = faults.apply(switch, request, response, self.server.routes.base_url)
        if self.server.transform is not None:
            response = self.server.transform(request, response)
        body = response.body
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        if response.compressible:
            self.send_header("Vary", "Accept-Encoding")
            if body and _accepts_gzip(headers.get("accept-encoding", "")):
                # level 1, nginx's default (gzip_comp_level); mtime=0: same bytes every time
                body = gzip.compress(body, compresslevel=1, mtime=0)
                self.send_header("Content-Encoding", "gzip")
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body and body:
            self.wfile.write(body)

    def _play(self, fault: str, request: Request) -> None:
        """A connection fault: no answer in time, a reset, or a body cut short."""
        self.close_connection = True
        if fault == "timeout":
            time.sleep(self.server.faults.stall_seconds)
        elif fault == "reset":  # close now with SO_LINGER 0: the peer gets a TCP RST
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
        elif fault == "truncated":
            body = self.server.routes.respond(request).body
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()

    def version_string(self) -> str:
        return self.server_version

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        if self.server.verbose:
            sys.stderr.write(f"{self.address_string()} {format % args}\n")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    routes: Routes
    transform: Transform | None
    faults: faults.Faults
    verbose: bool


class ReplicaServer:
    """A running replica of a paper (baolaocai.vn unless ``site_id`` names another profile).
    ``.url`` is its base URL, ``.site`` the ground truth.

    Pass ``site`` to serve a prebuilt site (e.g. one with hand-made articles added);
    otherwise ``build_site(articles, seed, suffix=..., site_id=..., theme=...)`` is served:
    the paper's article URL ending, theme and post ids unless ``suffix``/``theme`` are given.
    """

    def __init__(
        self,
        articles: int = 300,
        seed: int = 20250701,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        site: Site | None = None,
        transform: Transform | None = None,
        verbose: bool = False,
        suffix: str | None = None,
        site_id: str = DEFAULT_SITE,
        theme: str | None = None,
    ):
        self.faults = faults.Faults()
        self.site = (
            site
            if site is not None
            else build_site(articles, seed, suffix=suffix, site_id=site_id, theme=theme)
        )
        if self.site.theme not in themes.THEMES:  # fail before binding a port
            raise BadValue(
                "site",
                f"{self.site.site_id!r} wears the theme {self.site.theme!r}, which the replica "
                f"does not render (only {', '.join(themes.THEMES)})",
            )
        self._httpd = _Server((host, port), _Handler)
        self.host, self.port = self._httpd.server_address[:2]
        self.url = f"http://{self.host}:{self.port}"
        self._httpd.routes = Routes(self.site, self.url)
        self._httpd.transform = transform
        self._httpd.faults = self.faults
        self._httpd.verbose = verbose
        self._thread: threading.Thread | None = None

    @property
    def routes(self) -> Routes:
        return self._httpd.routes

    def start(self) -> ReplicaServer:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._httpd.serve_forever, name=f"replica:{self.port}", daemon=True
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join()
            self._thread = None
        self._httpd.server_close()

    def serve_forever(self) -> None:
        """Serve in the calling thread until interrupted."""
        try:
            self._httpd.serve_forever()
        finally:
            self._httpd.server_close()

    def __enter__(self) -> ReplicaServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def serve(
    port: int = 8000,
    articles: int = 300,
    seed: int = 20250701,
    host: str = "127.0.0.1",
    site: str = DEFAULT_SITE,
) -> None:
    """Run the replica in the foreground (``python -m replica``, ``baoarchive replica``): in
    ``site``'s theme, with its article URL ending and post ids."""
    profile = sites.site(site)
    server = ReplicaServer(articles, seed, host, port, verbose=True, site_id=site)
    print(
        f"replica of {profile.name} ({profile.theme} theme): {len(server.site)} articles "
        f"(seed {seed}) at {server.url}/ "
        f"- sitemap {server.url}/sitemap.xml - Ctrl-C stops",
        flush=True,
    )
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
