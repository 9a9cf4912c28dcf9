"""The coverage report of the session's archive, as a researcher opens it: written by the real
command, opened in headless Chromium (Debian's ``chromium``; .ci/run installs it) with every
request it makes going through a recording proxy of ours, so a request to another host cannot
go unseen; and its tables hold SQL's numbers."""

from __future__ import annotations

import http.server
import shutil
import subprocess
import threading
from collections import Counter
from pathlib import Path

import pytest
from lxml import html

from tests.archive_runs import baoarchive

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
#: What Chromium asks of its maker's services by itself, whatever page it opens (sign-in,
#: network time, components): not the page's requests. Those an empty page makes are added.
BROWSER_OWN = {
    "accounts.google.com", "www.google.com", "clients2.google.com", "update.googleapis.com",
    "optimizationguide-pa.googleapis.com", "content-autofill.googleapis.com",
    "safebrowsingohttpgateway.googleapis.com", "redirector.gvt1.com", "edgedl.me.gvt1.com",
    "safebrowsing.googleapis.com", "clients1.google.com", "clientservices.googleapis.com",
    "android.clients.google.com", "passwordsleakcheck-pa.googleapis.com",
}  # fmt: skip


class RecordingProxy(http.server.ThreadingHTTPServer):
    """An HTTP proxy that answers nothing and remembers every request line it was sent."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _refuse(self) -> None:
                proxy.requests.append(f"{self.command} {self.path}")
                self.send_error(502)

            def log_request(self, *args: object) -> None:
                pass

            do_GET = do_POST = do_HEAD = do_CONNECT = _refuse

            def log_message(self, *args: object) -> None:
                pass

        super().__init__(("127.0.0.1", 0), Handler)


@pytest.fixture()
def proxy():
    server = RecordingProxy()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def hosts(requests: list[str]) -> set[str]:
    """The hosts of proxy request lines: "CONNECT host:443", "GET http://host/path"."""
    found = set()
    for line in requests:
        target = line.split(" ", 1)[1]
        found.add(target.split("://", 1)[-1].split("/", 1)[0].rsplit(":", 1)[0])
    return found


def screenshot(page: Path, png: Path, proxy: RecordingProxy) -> None:
    assert CHROMIUM, "no chromium: .ci/run installs Debian's package"
    port = proxy.server_address[1]
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-pings", "--disable-domain-reliability", "--disable-extensions",
         "--disable-features=NetworkTimeServiceQuerying,OptimizationHints,Translate,MediaRouter",
         f"--user-data-dir={png.parent / 'profile'}", f"--proxy-server=http://127.0.0.1:{port}",
         "--proxy-bypass-list=<-loopback>", "--window-size=1400,2600",
         f"--screenshot={png}", page.as_uri()],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0 and png.exists(), done.stderr[-2000:]


@pytest.fixture(scope="module")
def report(archive_run, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report")
    done = baoarchive(archive_run[0], "report", "--out", str(out))
    assert done.returncode == 0, done.stderr
    return out


def test_the_report_opens_offline_in_a_browser(report, proxy, tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_text("<p>nothing</p>", encoding="utf-8")
    screenshot(empty, tmp_path / "empty.png", proxy)
    own = BROWSER_OWN | hosts(proxy.requests)
    proxy.requests.clear()
    png = tmp_path / "report.png"
    screenshot(report / "index.html", png, proxy)
    assert png.stat().st_size > 50_000  # charts and tables drawn, not a blank page
    assert hosts(proxy.requests) - own == set()  # nothing from another host


def test_the_proxy_sees_a_page_that_asks_another_host(proxy, tmp_path):
    """The check above can fail: a page with one image from elsewhere is seen asking for it."""
    page = tmp_path / "leaky.html"
    page.write_text('<img src="http://example.org/pixel.png">', encoding="utf-8")
    screenshot(page, tmp_path / "leaky.png", proxy)
    assert "example.org" in hosts(proxy.requests) - BROWSER_OWN, proxy.requests


def tables(report: Path) -> dict[str, list[list[str]]]:
    tree = html.parse(str(report / "index.html"))
    found = {}
    for table in tree.iter("table"):
        name = table.get("data-chart") or table.get("id")
        found[name] = [[cell.text_content() for cell in row] for row in table.iter("tr")]
    return found


def test_the_numbers_shown_are_sqls(report, archive):
    shown = tables(report)
    figures = {row[0]: row[1] for row in shown["figures"]}
    con = archive.con
    assert int(figures["articles"]) == con.execute("SELECT count(*) FROM articles").fetchone()[0]

    header, *rows = shown["topics"]
    per_month = {row[0]: sum(int(v) for v in row[1:]) for row in rows}
    expected = dict(con.execute(
        "SELECT strftime(timezone('Asia/Ho_Chi_Minh', published_at), '%Y-%m'), count(*)"
        " FROM articles WHERE published_at IS NOT NULL GROUP BY 1"
    ).fetchall())  # fmt: skip
    assert {m: n for m, n in per_month.items() if n} == expected

    header, *rows = shown["map"]
    on_map = {row[1]: int(row[4]) for row in rows}
    assert len(on_map) == 99
    # every article naming a unit of today, or a former commune that went into it
    counted = Counter()
    for (unit,) in con.execute(
        "SELECT l.locality_id FROM article_localities x JOIN localities f USING (locality_id)"
        " JOIN localities l ON l.locality_id = CASE WHEN f.valid_to IS NULL THEN f.locality_id"
        " ELSE f.successor_id END WHERE l.kind IN ('xa', 'phuong')"
        " GROUP BY l.locality_id, x.site, x.post_id"
    ).fetchall():
        counted[unit] += 1
    assert on_map == {unit: counted.get(unit, 0) for unit in on_map}
    covered = sum(1 for n in on_map.values() if n)
    assert figures["today's units covered"] == f"{covered} of 99"

    header, *rows = shown["health"]
    column = header.index("fallback extractions") if "fallback extractions" in header else None
    fallback = con.execute("SELECT count(*) FROM articles WHERE method = 'fallback'").fetchone()[0]
    assert (sum(int(row[column]) for row in rows) if column else 0) == fallback


def test_a_filtered_report_is_the_subsets(report, archive_run, archive, tmp_path):
    out = tmp_path / "economy"
    done = baoarchive(archive_run[0], "report", "--topic", "kinh-te", "--out", str(out))
    assert done.returncode == 0, done.stderr
    figures = {row[0]: row[1] for row in tables(out)["figures"]}
    assert int(figures["articles"]) == len(archive.articles(topic="kinh-te")) > 0
    assert figures["topic"] == "kinh-te"
    again = tmp_path / "again"
    assert baoarchive(archive_run[0], "report", "--out", str(again)).returncode == 0
    for name in ("index.html", "charts/map.png", "charts/topics.png"):
        assert (again / name).read_bytes() == (report / name).read_bytes()  # same bytes


def test_the_pipeline_rebuilds_the_report_and_shows_its_charts(archive_run, report):
    data_dir, result = archive_run
    metadata = result.asset_materializations_for_node("report")[0].metadata
    page = Path(metadata["page"].value)
    assert page == data_dir / "report" / "index.html" and page.exists()
    charts = {name for name in metadata if name.startswith("chart_")}
    assert charts == {"chart_health", "chart_localities", "chart_map", "chart_topics"}
    image = metadata["chart_map"].value
    assert image.startswith("![map](data:image/png;base64,")
    # the pipeline's report is the command's, for the same snapshot
    assert (page.parent / "charts" / "map.png").read_bytes() == (
        report / "charts/map.png"
    ).read_bytes()
