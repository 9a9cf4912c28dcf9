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
}
#: Words after which a bare name is something else: a newspaper or broadcaster, a lake, river
#: or mountain, a village inside a commune, or a unit of another kind or province ("tỉnh
#: Khánh Hòa" is no xã Khánh Hoà).
NOT_A_UNIT_BEFORE = (
    "báo", "đài", "truyền hình", "phát thanh",
    "hồ", "sông", "suối", "núi", "đèo", "đỉnh",
    "thôn", "bản", "làng", "khu", "tổ dân phố", "thị trấn",
    "tỉnh", "thành phố", "thị xã", "huyện", "xã", "phường",
)  # fmt: skip
#: Words after a name that make it the former unit: "tỉnh Lào Cai (cũ)", "huyện Văn Bàn cũ".
FORMER_AFTER = re.compile(r"\s*(?:\(\s*cũ\s*\)|cũ\b|trước đây\b)")
FIELDS = ("title", "sapo", "body")
FIELD_WEIGHT = {"title": 3, "sapo": 2, "body": 1}
SPECIFICITY = {"xa": 3, "phuong": 3, "huyen": 2, "thi_xa": 2, "thanh_pho": 2, "tinh": 1}
