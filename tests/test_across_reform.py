"""Across the 2025 reform: the 319 former communes, wards and towns in the gazetteer with their
successors, and matching that reads a name by the article's date and the words around it.
Each trap of the issue (Trung Tâm, Nghĩa Lộ, Bảo Thắng, Sa Pa, Yên Bái, Phố Lu, Bản Lầu) has
its own cases; the targets are checked on the labelled set."""

from __future__ import annotations

import csv
from collections import Counter
from datetime import datetime, timedelta, timezone

import pytest

from bench import localities as evaluation
from bench.gold import SHARED_DIR
from grouping.locality_match import match_localities
from grouping.reference import localities

pytestmark = pytest.mark.fast

VN = timezone(timedelta(hours=7))
BEFORE = datetime(2024, 3, 1, tzinfo=VN)
AFTER = datetime(2026, 3, 1, tzinfo=VN)
GAZETTEER = SHARED_DIR / "fixtures" / "gazetteer"


def units() -> dict[str, object]:
    return {u.locality_id: u for u in localities()}


def shared_rows(name: str) -> list[dict[str, str]]:
    with (GAZETTEER / name).open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def found(when: datetime, text: str) -> set[str]:
    return {r["locality_id"] for r in match_localities(1, when, {"body": text})}


def test_the_319_former_units_with_district_validity_and_successor():
    by_id = units()
    former = [u for u in by_id.values() if u.kind in ("xa", "phuong", "thi_tran")
              and not u.current]  # fmt: skip
    assert Counter(u.kind for u in former) == {"xa": 272, "phuong": 28, "thi_tran": 19}
    for unit in former:
        assert unit.valid_to == "2025-06-30" and not unit.valid_from
        assert by_id[unit.parent_id].kind in ("huyen", "thi_xa", "thanh_pho"), unit
        assert by_id[unit.successor_id].current, unit
    conversion = shared_rows("pre2025_to_2025.csv")
    assert len(conversion) == 319
    wrong = [r["old_code"] for r in conversion
             if by_id[f"OLD-{r['old_code']}"].successor_id != f"LC25-{r['new_code']}"]  # fmt: skip
    assert wrong == []


def test_each_of_todays_99_units_has_its_point():
    by_id = units()
    for row in shared_rows("lao_cai_units_2025_coords.csv"):
        unit = by_id[f"LC25-{row['code']}"]
        assert (float(unit.lat), float(unit.lon)) == (float(row["lat"]), float(row["lon"]))
    today = [u for u in by_id.values() if u.current and u.kind in ("xa", "phuong")]
    assert len(today) == 99 and all(u.lat and u.lon for u in today)


@pytest.mark.parametrize(
    ("locality_id", "alias"),
    [
        ("OLD-04342", "Khánh Hòa"),  # the other tone placement (S2: Khánh Hoà)
        ("OLD-04342", "Khanh Hoa"),  # without diacritics
        ("OLD-02902", "Nông trường Phong Hải"),  # S2: N.T Phong Hải
        ("OLD-02902", "NT Phong Hải"),
        ("OLD-04621", "N.T Liên Sơn"),  # S2: NT Liên Sơn
        ("OLD-02755", "Tả Ngài Chồ"),  # S4's spelling (S2: Tả Ngải Chồ)
        ("OLD-03073", "Nậm Dạng"),  # S4's spelling (S2: Nậm Rạng)
        ("OLD-04618", "Hát Lừu"),  # S4's spelling (S2: Hát Lìu)
    ],
)
def test_aliases(locality_id, alias):
    assert alias in units()[locality_id].aliases


def test_one_tone_placement_where_there_is_one():
    """Only a syllable ending in oa/oe/uy swings: "Hoàng" and "Quý" have one placement."""
    by_id = units()
    hoang = [u for u in by_id.values() if "Hoàng" in u.name]
    assert hoang and not any("Hòang" in a for u in hoang for a in u.aliases)
    assert not any("Qúy" in a for u in by_id.values() for a in u.aliases)
    # "Sa Pa" without diacritics is phường Sa Pả's form, but it is another unit's own name
    assert "Sa Pa" not in by_id["OLD-03002"].aliases


@pytest.mark.parametrize(
    ("when", "text", "expected"),
    [
        # Trung Tâm: a ward of Nghĩa Lộ and a commune of Lục Yên before; a ward today; words
        (BEFORE, "Xã Trung Tâm, huyện Lục Yên trồng cam", {"OLD-04372", "OLD-135"}),
        (BEFORE, "Phường Trung Tâm đón bằng khen", {"OLD-04285"}),
        (AFTER, "Phường Trung Tâm đón bằng khen", {"LC25-04663"}),
        (AFTER, "Các phường trung tâm và Trung tâm Y tế", set()),
        (AFTER, "TRUNG TÂM Y TẾ KHAI TRƯƠNG", set()),
        # Nghĩa Lộ: a former commune, a former thị xã, today's ward
        (BEFORE, "Xã Nghĩa Lộ, thị xã Nghĩa Lộ", {"OLD-04624", "OLD-133"}),
        (BEFORE, "Nghĩa Lộ mở hội", {"OLD-133"}),
        (AFTER, "Nghĩa Lộ mở hội", {"LC25-04288"}),
        (AFTER, "Xã Nghĩa Lộ (cũ) nay thuộc phường Trung Tâm", {"OLD-04624", "LC25-04663"}),
        # Bảo Thắng: a former district, today's commune
        (BEFORE, "Bảo Thắng ra quân làm thủy lợi", {"OLD-086"}),
        (AFTER, "Bảo Thắng ra quân làm thủy lợi", {"LC25-02905"}),
        (AFTER, "Huyện Bảo Thắng cũ và xã Bảo Thắng", {"OLD-086", "LC25-02905"}),
        (BEFORE, "Xã Bảo Thắng (mới) sẽ gồm thị trấn Phố Lu", {"LC25-02905", "OLD-02905"}),
        (BEFORE, "Xã Bảo Thắng sẽ gồm thị trấn Phố Lu", {"OLD-02905"}),  # none yet
        # Sa Pa: a former ward, the former thị xã (and its huyện and town before 2020), today's
        (BEFORE, "Phường Sa Pa, thị xã Sa Pa", {"OLD-03001", "OLD-088"}),
        (BEFORE, "Sapa đông khách", {"OLD-088"}),
        (datetime(2016, 8, 1, tzinfo=VN), "Thị trấn Sa Pa, huyện Sa Pa", {"OLD-088"}),
        (AFTER, "Phường Sa Pa đông khách", {"LC25-03006"}),
        (AFTER, "Phường Sa Pa (cũ) và phường Sa Pả", {"OLD-03001", "OLD-03002"}),
        # Yên Bái: a former province, a former city, today's ward
        (BEFORE, "Tỉnh Yên Bái và TP Yên Bái", {"OLD-15", "OLD-132"}),
        (AFTER, "Yên Bái trước đây có 9 huyện", {"OLD-15"}),
        (AFTER, "Phường Yên Bái và thành phố Yên Bái cũ", {"LC25-04252", "OLD-132"}),
        (AFTER, "Báo Yên Bái đưa tin", set()),
        # Phố Lu: a former town, today part of xã Bảo Thắng
        (BEFORE, "Thị trấn Phố Lu đạt chuẩn văn minh", {"OLD-02905"}),
        (AFTER, "Thị trấn Phố Lu (cũ) nay thuộc xã Bảo Thắng", {"OLD-02905", "LC25-02905"}),
        (BEFORE, "Ga Phố Lu đón tàu", set()),  # a bare former commune's name: a station
        # Bản Lầu: a name kept by a unit whose borders changed
        (BEFORE, "Xã Bản Lầu trồng chuối", {"OLD-02788"}),
        (AFTER, "Xã Bản Lầu trồng chuối", {"LC25-02788"}),
        (AFTER, "Xã Bản Lầu, huyện Mường Khương", {"OLD-02788", "OLD-083"}),
        (AFTER, "Xã Bản Lầu trước đây", {"OLD-02788"}),
        (AFTER, "Thành lập trên cơ sở xã Bản Lầu, xã Bản Sen", {"OLD-02788", "OLD-02797"}),
    ],
)
def test_traps(when, text, expected):
    assert found(when, text) == expected


@pytest.mark.parametrize(
    ("when", "text", "expected"),
    [
        # a list under one kind word, with its former district after it
        (AFTER, "Các xã Pha Long, Tả Ngải Chồ và Dìn Chin, huyện Mường Khương",
         {"OLD-02752", "OLD-02755", "OLD-02764", "OLD-083"}),
        (AFTER, "Các xã Pha Long và Bản Lầu", {"LC25-02752", "LC25-02788"}),
        # each with its kind word: one list too, the marks after it reach all its names
        (AFTER, "Phường Sa Pa và phường Cầu Mây của thị xã Sa Pa (cũ)",
         {"OLD-03001", "OLD-03028", "OLD-088"}),
        (AFTER, "Xã Bát Xát và xã Y Tý", {"LC25-02683", "LC25-02701"}),
        (AFTER, "Xã Bản Lầu, Pha Long và Cao Sơn (cũ)", {"OLD-02788", "OLD-02752", "OLD-02782"}),
        (AFTER, "Xã Bát Xát và phường Sa Pa, huyện Mường Khương", {"LC25-02683", "OLD-03001",
                                                                   "OLD-083"}),
        # namesakes: the district beside, or named elsewhere, says which
        (BEFORE, "Phường Nam Cường, thành phố Lào Cai", {"OLD-02671", "OLD-080"}),
        (BEFORE, "Phường Nam Cường (thành phố Yên Bái)", {"OLD-04273", "OLD-132"}),
        (BEFORE, "Phường Nam Cường mở hội", set()),  # two of that name: no guess
        (BEFORE, "Huyện Sa Pa có xã Thanh Bình", {"OLD-088", "OLD-03022"}),
        # a bare former commune's name counts once the text has named it with its kind word
        (BEFORE, "Xã Nghĩa Đô đón khách. Nghĩa Đô có nhà sàn cổ.", {"OLD-02953"}),
    ],
)  # fmt: skip
def test_lists_namesakes_and_names_named_before(when, text, expected):
    assert found(when, text) == expected


def test_a_pre_reform_mention_keeps_the_former_units_id():
    title = "Xã Lùng Khấu Nhin, huyện Mường Khương làm đường"
    rows = match_localities(1, datetime(2025, 3, 15, tzinfo=VN), {"title": title})
    assert {r["locality_id"] for r in rows} == {"OLD-02776", "OLD-083"}
    assert units()["OLD-02776"].successor_id == "LC25-02782"  # today: part of xã Cao Sơn


def test_targets_on_the_former_units_of_the_labelled_set():
    items = evaluation.load()
    reform = [i for i in items if i.id.startswith("reform-")]
    assert sum(i.published_at < datetime(2025, 7, 1, tzinfo=VN) for i in reform) >= 30
    assert len(reform) >= 40
    scores = evaluation.evaluate(items, evaluation.former)
    assert scores.true_positives + scores.false_negatives >= 150
    assert scores.precision >= 0.95, scores.errors
    assert scores.recall >= 0.90, scores.errors
    rows, wrong = evaluation.successor_mismatches()
    assert (rows, wrong) == (319, [])
