"""One re-derive rule for every derived stage: change one of its rules, run, and exactly the
rows the rule affects change (every row records the new version); a second run changes nothing.

The derived stages run on their own, with nothing fetched: a rule change is applied to the
archived captures. Extraction runs in this process, so a rule changed here is the rule used.
"""

from __future__ import annotations

import re

import pytest
from dagster import AssetSelection, DagsterInstance, ExecuteInProcessResult, materialize

from extraction import extractor_version, rules
from grouping import locality_rules
from grouping.locality_match import current_matcher, matcher_version
from pipeline.definitions import ASSETS
from pipeline.resources import default_resources
from warehouse import connect_reader, search_rules
from warehouse.search_documents import document_form
from warehouse.search_documents import version as document_version

#: Every table a derived stage writes, compared whole before and after a run.
DERIVED = ["articles", "article_revisions", "related_items", "article_topics", "article_tags",
           "tags", "article_localities", "locality_matches", "search_documents"]  # fmt: skip


def derive(data_dir) -> ExecuteInProcessResult:
    """The warehouse and research assets alone: extraction, grouping, search; no crawl."""
    with DagsterInstance.ephemeral() as instance:
        result = materialize(
            ASSETS,
            selection=AssetSelection.groups("warehouse", "research"),
            instance=instance,
            resources=default_resources(data_dir, "http://127.0.0.1:9", workers=1),
        )
    assert result.success
    return result


def figure(result: ExecuteInProcessResult, asset: str, name: str) -> int:
    return result.asset_materializations_for_node(asset)[0].metadata[name].value


def rows(data_dir, sql: str) -> dict:
    with connect_reader(data_dir) as con:
        return {row[0]: row[1:] for row in con.execute(sql).fetchall()}


def tables(data_dir) -> dict[str, list[tuple]]:
    with connect_reader(data_dir) as con:
        return {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in DERIVED}


def test_an_extraction_rule_re_derives_exactly_the_articles_it_affects(archive_copy, monkeypatch):
    before = rows(archive_copy, "SELECT post_id, author, authors, content_hash FROM articles")
    # a byline "Quang Huy - Tuấn Anh" is now one name
    monkeypatch.setattr(rules, "AUTHOR_SEPARATORS", re.compile(r"\s*[,;]\s*|\s+và\s+"))
    version = extractor_version()

    first = derive(archive_copy)
    after = rows(archive_copy, "SELECT post_id, author, authors, content_hash FROM articles")
    affected = {post_id for post_id, (author, *_) in before.items() if " - " in (author or "")}
    assert 0 < len(affected) < len(before)
    assert {p for p in before if after[p] != before[p]} == affected
    assert all(after[p][1] == [after[p][0]] for p in affected)
    assert figure(first, "articles", "extracted") == len(before)  # every row had another version
    versions = rows(archive_copy, "SELECT extractor_version, count(*) FROM articles GROUP BY 1")
    assert versions == {version: (len(before),)}
    # no text changed: the locality matcher and the search documents read nothing again
    assert figure(first, "article_localities", "articles_matched") == 0
    assert figure(first, "search_index", "updated") == 0

    settled = tables(archive_copy)
    second = derive(archive_copy)
    assert figure(second, "articles", "extracted") == 0
    assert tables(archive_copy) == settled


def test_a_locality_rule_re_derives_exactly_the_articles_it_affects(archive_copy, monkeypatch):
    def localities() -> dict[int, set]:
        found: dict[int, set] = {post_id: set() for post_id in articles}
        with connect_reader(archive_copy) as con:
            sql = "SELECT post_id, locality_id, mentions, is_focus FROM article_localities"
            for post_id, *mention in con.execute(sql).fetchall():
                found[post_id].add(tuple(mention))
        return found

    articles = rows(archive_copy, "SELECT post_id, published_at, title, sapo, body FROM articles")
    before = localities()
    # "huyện" is no kind word any more: "huyện Bát Xát" names no unit (the articles of the
    # former districts lose those mentions, the others keep theirs)
    kinds = {**locality_rules.KIND_WORDS, "huyen": ("h.", "huyện ủy")}
    monkeypatch.setattr(locality_rules, "KIND_WORDS", kinds)
    version = matcher_version()
    matcher = current_matcher()
    assert matcher.version == version
    expected = {
        post_id: {
            (m["locality_id"], m["mentions"], m["is_focus"])
            for m in matcher.match(post_id, at, {"title": t, "sapo": s, "body": b})
        }
        for post_id, (at, t, s, b) in articles.items()
    }

    first = derive(archive_copy)
    after = localities()
    assert after == expected  # every article matched again by the changed matcher
    affected = {p for p in articles if expected[p] != before[p]}
    assert 0 < len(affected) < len(articles)
    assert {p for p in articles if after[p] != before[p]} == affected
    assert figure(first, "article_localities", "articles_matched") == len(articles)
    assert rows(archive_copy, "SELECT matcher, count(*) FROM locality_matches GROUP BY 1") == {
        version: (len(articles),)
    }
    assert figure(first, "articles", "extracted") == 0

    settled = tables(archive_copy)
    second = derive(archive_copy)
    assert figure(second, "article_localities", "articles_matched") == 0
    assert tables(archive_copy) == settled


def test_a_search_rule_re_derives_the_documents_and_reindexes_only_changed_text(
    archive_copy, monkeypatch
):
    sources = rows(archive_copy, "SELECT post_id, title, coalesce(sapo, ''), coalesce(body, '')"
                   " FROM articles")  # fmt: skip
    before = rows(archive_copy, "SELECT post_id, exact FROM search_documents")
    # "15/7" and "Đảng ủy/UBND": a slash now ends a phrase, as a full stop does
    monkeypatch.setattr(search_rules, "BREAK", re.compile(r"[.!?;:\n/]"))
    version = document_version()
    expected = {post_id: (document_form(*text),) for post_id, text in sources.items()}
    affected = {p for p in sources if expected[p] != before[p]}
    assert 0 < len(affected) < len(sources)

    first = derive(archive_copy)
    assert rows(archive_copy, "SELECT post_id, exact FROM search_documents") == expected
    assert figure(first, "search_index", "updated") == len(sources)  # every document made again
    assert figure(first, "search_index", "indexed") == len(affected)  # the index takes the changed
    assert rows(archive_copy, "SELECT version, count(*) FROM search_documents GROUP BY 1") == {
        version: (len(sources),)
    }

    settled = tables(archive_copy)
    second = derive(archive_copy)
    assert figure(second, "search_index", "updated") == 0
    assert figure(second, "search_index", "indexed") == 0
    assert tables(archive_copy) == settled


@pytest.mark.fast
def test_a_version_follows_the_rules_and_nothing_else(monkeypatch):
    versions = (extractor_version(), matcher_version(), document_version())
    assert versions == (extractor_version(), matcher_version(), document_version())  # stable
    monkeypatch.setattr(search_rules, "QUOTED", re.compile(r"'([^']*)'"))
    assert (extractor_version(), matcher_version()) == versions[:2]
    assert document_version() != versions[2]
