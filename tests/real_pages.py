"""The real pages of the platform (../shared/fixtures/real, see PROVENANCE.md there), read and
extracted once for every test module that checks extraction on them."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from extraction import Article, extract_article

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "fixtures" / "real"

BAOLAOCAI = "baolaocai_song-dep-tu-nhung-dieu-gian-di_post404649.html"
NHANDAN = "nhandan_danh-bai-argentina-tay-ban-nha-vo-dich-world-cup-lan-thu-hai_post976641.html"
TIENPHONG = "tienphong_sieu-mau-noi-y-bi-mang-khap-mang-xa-hoi_post1874068.html"
TNCK = "tinnhanhchungkhoan_thai-nguyen-du-an-1100-ty-dong-dang-do_post397051.html"


@cache
def raw(name: str) -> bytes:
    return (REAL / name).read_bytes()


@cache
def extracted(name: str) -> Article:
    return extract_article(raw(name))
