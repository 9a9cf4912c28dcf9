"""The replica's post ids per paper: baolaocai's are the draw as it always was; any two papers
share some ids and not others, a shared id naming a different article on each."""

from __future__ import annotations

from itertools import combinations

import pytest

from foundation.sites import all_sites
from replica.id_series import MAX_OFFSET, id_offset, overlapping
from replica.site_index import build_site

pytestmark = pytest.mark.fast

SEED = 20250701
#: Platform papers (an off-platform one has no replica theme, but its ids follow the same rule).
PAPERS = sorted(s.id for s in all_sites().values() if s.theme != "other")


def test_baolaocais_ids_are_the_draw_as_before():
    """Pinned: the ids 12 articles of the default seed had before papers had ids of their own
    (every test and benchmark of baolaocai depends on them)."""
    assert id_offset("baolaocai") == 0
    assert build_site(12, SEED).ids() == [
        984690, 930447, 916156, 880969, 841926, 823459, 717030, 708980, 494269, 569386, 473564,
        463799,
    ]  # fmt: skip
    assert build_site(12, SEED, site_id="baolaocai").ids() == build_site(12, SEED).ids()


@pytest.mark.parametrize(("first", "second"), list(combinations(PAPERS, 2)))
def test_two_papers_share_some_ids_and_not_others(first, second):
    one, other = build_site(40, SEED, site_id=first), build_site(40, SEED, site_id=second)
    shared = set(one.ids()) & set(other.ids())
    assert 0 < len(shared) < 40, (first, second, len(shared))
    for post_id in shared:  # one id, two articles
        assert one.entry(post_id).title != other.entry(post_id).title
        assert one.article(post_id).body != other.article(post_id).body


def test_each_paper_moves_its_own_ids_by_an_offset_of_its_own():
    offsets = {paper: id_offset(paper) for paper in all_sites()}
    others = [offset for paper, offset in offsets.items() if paper != "baolaocai"]
    assert all(1 <= offset <= MAX_OFFSET for offset in others)
    assert len(set(others)) == len(others), offsets
    for paper in PAPERS:  # the same dates and sections as the default site: only ids differ
        site = build_site(30, SEED, site_id=paper)
        default = build_site(30, SEED)
        assert len(set(site.ids())) == 30
        assert [site.entry(i).published_at for i in site.ids()] == [
            default.entry(i).published_at for i in default.ids()
        ]


def test_a_moved_id_skips_the_ids_already_taken():
    assert overlapping([10, 11, 20, 21], 0) == [10, 11, 20, 21]
    assert overlapping([10, 11, 20, 21], 10) == [10, 21, 20, 31]
    assert overlapping([10, 0, 20], 10) == [10, 30, 20]  # 10 and 20 are kept ids
    assert overlapping([5, 4, 7, 5 - 10], 10) == [5, 14, 7, 15]  # -5 + 10 = 5: taken
