"""The locality matcher's rules, as data: kind words, the words that make a bare name something
else, the words that mark a former unit, and the weights that pick an article's focus.

The matcher (``locality_match``) applies them and knows no word of its own; a change here is a
new matcher version, and every article is matched again on the next run.
"""

from __future__ import annotations

import re
from datetime import date

MERGER = date(2025, 7, 1)
#: Kind words and their abbreviations, in the matching form (lower case).
#: A unit's party committee names its level too: "Thành ủy Lào Cai" is the city's.
KIND_WORDS = {
    "tinh": ("tỉnh", "tỉnh ủy"),
    "thanh_pho": ("thành phố", "tp.", "tp", "thành ủy"),
    "thi_xa": ("thị xã", "tx.", "tx", "thị ủy"),
    "huyen": ("huyện", "h.", "huyện ủy"),
    "xa": ("xã",),
    "phuong": ("phường",),
    "thi_tran": ("thị trấn", "tt."),  # the former towns (until 2025-06-30)
}
#: The kinds of district level, whose former units are read as "the former district" when a
#: bare name could be one ("Bảo Thắng" before the merger) and mark a commune beside them as
#: the former one ("xã Bản Lầu, huyện Mường Khương").
DISTRICT_KINDS = ("huyen", "thi_xa", "thanh_pho")
#: Words after which a bare name is something else: a newspaper or broadcaster, a lake, river
#: or mountain, a village inside a commune, or a unit of another kind or province ("tỉnh
#: Khánh Hòa" is no xã Khánh Hoà).
NOT_A_UNIT_BEFORE = (
    "báo", "đài", "truyền hình", "phát thanh",
    "hồ", "sông", "suối", "núi", "đèo", "đỉnh",
    "thôn", "bản", "làng", "khu", "tổ dân phố", "thị trấn",
    "tỉnh", "thành phố", "thị xã", "huyện", "xã", "phường",
)  # fmt: skip
#: Words after a name that make it the former unit: "tỉnh Lào Cai (cũ)", "huyện Văn Bàn cũ",
#: "xã Bản Lầu trước đây"; and before it: "trước đây là xã Lùng Vai", "nguyên là xã ...", and
#: the words of every merger: "xã Cao Sơn được thành lập trên cơ sở xã Cao Sơn, xã Tả Thàng".
FORMER_AFTER = re.compile(r"\s*(?:\(\s*cũ\s*\)|cũ\b|trước đây\b|\(\s*trước đây\s*\))")
FORMER_BEFORE = re.compile(
    r"(?:trước đây(?: là)?|nguyên là|trước sáp nhập(?: là)?"
    r"|trên cơ sở(?: sáp nhập)?(?: toàn bộ)?(?: các)?)\s*$"
)
#: After a name before the merger, the unit of today it announces: "xã Bảo Thắng (mới)".
TODAY_AFTER = re.compile(r"\s*\(\s*mới\s*\)")
#: What joins the names of one list under one kind word: "các xã Bản Lầu, Lùng Vai và Bản Sen".
LIST_JOINER = re.compile(r"\s*(?:,|;|và|,\s*và)\s*")
#: What may stand between a commune and its former district: "xã Bản Lầu, huyện Mường
#: Khương", "xã Bản Lầu (huyện Mường Khương)", "phường Cầu Mây của thị xã Sa Pa".
BESIDE = re.compile(r"\s*(?:,|\(|-|–|của|thuộc)?\s*")
#: Names that are also common words: a mention only with their kind word ("phường Trung
#: Tâm"), never bare ("TRUNG TÂM Y TẾ" in a title in capitals).
COMMON_WORD_NAMES = ("trung tâm", "hạnh phúc", "phúc lợi", "bình minh")
#: Names of units abolished before the sources' list (2019-2024), each read as the unit of the
#: gazetteer that took its place: huyện Sa Pa became thị xã Sa Pa, and its town (thị trấn Sa
#: Pa) the thị xã's wards, on 2020-01-01.
EARLIER_NAMES = {"huyện sa pa": "OLD-088", "thị trấn sa pa": "OLD-088"}
FIELDS = ("title", "sapo", "body")
FIELD_WEIGHT = {"title": 3, "sapo": 2, "body": 1}
SPECIFICITY = {
    "xa": 3, "phuong": 3, "thi_tran": 3, "huyen": 2, "thi_xa": 2, "thanh_pho": 2, "tinh": 1,
}  # fmt: skip
