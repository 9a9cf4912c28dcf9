"""Locality matching: the rules on small texts, and the evaluation targets on the labelled set
(tests/localities/labelled.json, written by hand) and on replica ground truth."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from bench import localities as evaluation
from grouping.locality_match import match_localities

pytestmark = pytest.mark.fast

VN = timezone(timedelta(hours=7))
AFTER = datetime(2026, 3, 1, tzinfo=VN)
BEFORE = datetime(2024, 3, 1, tzinfo=VN)


def found(when: datetime, **fields: str) -> dict[str, int]:
    return {r["locality_id"]: r["mentions"] for r in match_localities(1, when, fields)}


@pytest.mark.parametrize(
    ("when", "text", "expected"),
    [
        (AFTER, "Du lịch xã Bát Xát khởi sắc", {"LC25-02683": 1}),
        (BEFORE, "Du lịch huyện Bát Xát khởi sắc", {"OLD-082": 1}),
        (AFTER, "Bát Xát đón khách", {"LC25-02683": 1}),  # bare: today's commune
        (BEFORE, "Bát Xát đón khách", {"OLD-082": 1}),  # bare: the district then
        (AFTER, "Người dân chà xát, Xát và bát", {}),  # never a part of a name
        (AFTER, "Báo Lào Cai đưa tin", {}),  # the newspaper is no place
        (AFTER, "Ông Hoàng Văn Bàn phát biểu", {}),  # nor a person's name
        (AFTER, "Trung tâm y tế và hạnh phúc gia đình", {}),  # common words, not names
        (AFTER, "Du khách đến hồ Thác Bà", {}),  # the lake, not the commune
        (AFTER, "Đoàn công tác tới tỉnh Khánh Hòa", {}),  # another province's name
        (AFTER, "Xã Khánh Hoà và xã Khánh Hòa", {"LC25-04342": 2}),  # tone placement
        (AFTER, "TP. Lào Cai cũ và TX Nghĩa Lộ", {"OLD-080": 1, "OLD-133": 1}),
        (AFTER, "Tỉnh Lào Cai và tỉnh Lào Cai (cũ)", {"LC25-15": 1, "OLD-10": 1}),
        (BEFORE, "Thành ủy Lào Cai họp", {"OLD-080": 1}),  # the city's party committee
        (AFTER, "Thị xã Sapa trước đây", {"OLD-088": 1}),
    ],
)
def test_rules(when, text, expected):
    assert found(when, body=text) == expected


def test_focus_weighs_title_and_specificity():
    rows = match_localities(
        1,
        AFTER,
        {"title": "Xã Mỏ Vàng bầu cử", "body": "Tỉnh Lào Cai và xã Mỏ Vàng. Tỉnh Lào Cai."},
    )
    focus = [r["locality_id"] for r in rows if r["is_focus"]]
    assert focus == ["LC25-04450"]  # title 3 + body 1 beats body 2


def test_evaluation_targets_on_the_labelled_set():
    scores = evaluation.evaluate(evaluation.load())
    assert scores.items >= 60
    assert scores.precision >= 0.95, scores.errors
    assert scores.recall >= 0.90, scores.errors
    assert scores.focus_accuracy >= 0.85, scores.errors


def test_evaluation_on_replica_ground_truth():
    scores = evaluation.evaluate(evaluation.replica_items(200))
    assert scores.precision >= 0.99 and scores.recall >= 0.99, scores.errors[:10]
