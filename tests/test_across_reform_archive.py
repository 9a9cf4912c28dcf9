"""Across the 2025 reform in a real archive (the session's pipeline run over the replica, whose
pre-reform articles name former communes with their districts): the gazetteer's new columns,
former units' ids kept for pre-reform mentions, ``article_localities_today`` against the
gazetteer, and ``--across-reform`` in the Python API, the SQL macro and the CLI."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date

import pytest

from foundation.errors import BadValue
from grouping.reference import localities
from tests.archive_runs import baoarchive
from warehouse.filters import resolve

MERGER = date(2025, 7, 1)


def expected_today() -> dict[str, set[tuple[str, str]]]:
    """From the gazetteer alone: each unit -> its (unit of today, via) pairs."""
    units = {u.locality_id: u for u in localities()}
    children: dict[str, set[str]] = defaultdict(set)
    for unit in units.values():
        if not unit.current and unit.successor_id and unit.parent_id:
            children[unit.parent_id].add(unit.successor_id)
    routes: dict[str, set[tuple[str, str]]] = {}
    for unit in units.values():
        if unit.current:
            routes[unit.locality_id] = {(unit.locality_id, "self")}
        elif unit.successor_id:
            routes[unit.locality_id] = {(unit.successor_id, "successor")}
        else:  # a former district, town or city
            routes[unit.locality_id] = {(u, "district") for u in children[unit.locality_id]}
    return routes


def test_localities_carry_successors_and_points(archive):
    former = archive.con.execute(
        "SELECT kind, count(*), count(successor_id) FROM localities WHERE valid_to IS NOT NULL"
        " GROUP BY kind"
    ).fetchall()
    assert {kind: (units, successors) for kind, units, successors in former} == {
        "xa": (272, 272), "phuong": (28, 28), "thi_tran": (19, 19), "tinh": (2, 2),
        "huyen": (14, 0), "thi_xa": (2, 0), "thanh_pho": (2, 0),
    }  # fmt: skip
    points = archive.con.execute(
        "SELECT count(*) FROM localities WHERE valid_to IS NULL AND kind IN ('xa', 'phuong')"
        " AND lat BETWEEN 21 AND 23 AND lon BETWEEN 103 AND 105.5"
    ).fetchone()[0]
    assert points == 99


def test_pre_reform_mentions_keep_the_former_communes_ids(archive, truth):
    named = defaultdict(set)
    for post_id, locality_id in archive.con.execute(
        "SELECT post_id, locality_id FROM article_localities"
    ).fetchall():
        named[post_id].add(locality_id)
    pre = [a for a in truth if a.published_at.date() < MERGER]
    communes = [(a, i) for a in pre for i in a.localities if i.startswith("OLD-") and len(i) == 9]
    assert len(communes) >= 3  # the replica names former communes before the merger
    assert all(i in named[a.post_id] for a, i in communes)
    after = archive.con.execute(
        "SELECT count(*) FROM article_localities x JOIN articles a USING (site, post_id)"
        " JOIN localities l USING (locality_id)"
        " WHERE l.kind IN ('xa', 'phuong', 'thi_tran') AND l.valid_to IS NOT NULL"
        " AND a.published_at >= TIMESTAMPTZ '2025-07-01 00:00:00+07'"
    ).fetchone()[0]
    assert after == 0  # the replica's articles of today name today's units only


def test_article_localities_today_follows_the_gazetteer(archive):
    routes = expected_today()
    mentions = archive.con.execute(
        "SELECT site, post_id, locality_id FROM article_localities"
    ).fetchall()
    expected = {
        (site, post_id, today, via, named)
        for site, post_id, named in mentions
        for today, via in routes[named]
    }
    got = set(archive.con.execute(
        "SELECT site, post_id, locality_id, via, named_id FROM article_localities_today"
    ).fetchall())  # fmt: skip
    assert got == expected
    assert {via for *_, via, _ in got} == {"self", "successor", "district"}


def busiest_successor(archive) -> tuple[str, str]:
    """Today's unit with the most articles reaching it through a former commune, and its name."""
    return archive.con.execute(
        "SELECT t.locality_id, l.name FROM article_localities_today t"
        " JOIN localities l USING (locality_id) WHERE via = 'successor' AND l.kind = 'xa'"
        " GROUP BY ALL ORDER BY count(*) DESC, t.locality_id LIMIT 1"
    ).fetchone()


def test_across_reform_adds_the_articles_on_the_units_it_was_formed_from(archive):
    unit, name = busiest_successor(archive)
    pairs = archive.con.execute(
        "SELECT DISTINCT x.site, x.post_id FROM article_localities x"
        " JOIN localities l USING (locality_id)"
        " WHERE x.locality_id = ? OR l.successor_id = ?",
        [unit, unit],
    ).fetchall()
    alone = {(r.site, r.post_id) for r in archive.articles(locality=unit).df().itertuples()}
    across = archive.articles(locality=f"xã {name}", across_reform=True).df()
    assert {(r.site, r.post_id) for r in across.itertuples()} == set(pairs)
    assert alone < set(pairs)  # strictly more: the former communes' articles
    assert all(unit in today for today in across.localities_today)
    macro = archive.con.execute(
        "SELECT count(*) FROM filtered_post_ids(NULL, ?, NULL, NULL, across_reform_ := true)",
        [unit],
    ).fetchone()[0]
    assert macro == len(pairs)
    # every default of the macros survives the lake (a NULL default did not: ducklake#1116)
    everything = archive.con.execute(
        "SELECT (SELECT count(*) FROM filtered_post_ids(NULL, NULL, NULL, NULL)),"
        " (SELECT count(*) FROM article_records(NULL, NULL, NULL, NULL)),"
        " (SELECT count(*) FROM articles)"
    ).fetchone()
    assert everything[0] == everything[1] == everything[2] > 0


def test_across_reform_on_the_command_line(archive, data_dir, tmp_path):
    unit, name = busiest_successor(archive)
    expected = len(archive.articles(locality=unit, across_reform=True))
    out = tmp_path / "export"
    done = baoarchive(data_dir, "export", "--format", "jsonl", "--out", str(out),
                      "--locality", f"xã {name}", "--across-reform")  # fmt: skip
    assert done.returncode == 0, done.stderr
    rows = (out / "data" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(rows) == expected
    card = json.loads((out / "datacard.json").read_text(encoding="utf-8"))
    assert card["filters"]["locality"] == unit and card["filters"]["across_reform"] is True


def test_a_former_unit_is_named_with_cu_or_its_district(archive):
    assert resolve(archive.con, locality="xã Cao Sơn").locality == "LC25-02782"
    assert resolve(archive.con, locality="xã Cao Sơn (cũ)").locality == "OLD-02782"
    assert resolve(archive.con, locality="xã Cao Son, huyen Muong Khuong").locality == "OLD-02782"
    with pytest.raises(BadValue, match="ambiguous"):
        resolve(archive.con, locality="phường Nam Cường (cũ)")  # one in each former city
    with pytest.raises(BadValue, match="give --locality"):
        resolve(archive.con, across_reform=True)
