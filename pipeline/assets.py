"""One asset per table or dataset, from the crawl's raw pages to topics and localities."""

import base64
import sys

from dagster import (
    AssetExecutionContext,
    BackfillPolicy,
    MaterializeResult,
    MetadataValue,
    PipesSubprocessClient,
    asset,
)

from foundation import progress, settings
from foundation.errors import BadValue
from foundation.sites import Site
from grouping import reference
from grouping.locality_match import current_matcher
from pipeline.extract import extract_batches
from pipeline.partitions import SITE_MONTHS, SITE_TAG, sites_and_months
from pipeline.resources import DUCKDB_POOL, ArchiveConfig, Warehouse
from warehouse import Archive, checks, load, search
from warehouse.export import export
from warehouse.maintain import cited_snapshots, maintain
from warehouse.report import write_report


def _crawl(
    context: AssetExecutionContext,
    archive: ArchiveConfig,
    client: PipesSubprocessClient,
    site_ids: list[str],
    *options: str,
) -> MaterializeResult:
    """Crawl the sites in one Scrapy subprocess (Twisted's reactor cannot restart in one
    process); Dagster Pipes carries its figures back as the asset's metadata. A site the run
    cannot reach (not among its ``sites``) is named in the metadata, not crawled."""
    reachable = archive.reachable
    targets = [f"{site}={reachable[site]}" for site in site_ids if site in reachable]
    left_out = [site for site in site_ids if site not in reachable]
    if left_out:
        context.log.info(f"not crawled (not among this run's sites): {', '.join(left_out)}")
    if not targets:
        return MaterializeResult(metadata={"not_crawled": ", ".join(left_out)})
    command = [
        sys.executable, "-m", "spiders.crawl", *(f"--site={t}" for t in targets),
        "--data-dir", str(archive.paths.root),
        "--max-articles", str(archive.max_articles), *options,
    ]  # fmt: skip
    progress.step("crawl", ", ".join(site_ids))
    result = client.run(command=command, context=context).get_materialize_result()
    if not left_out:
        return result
    return MaterializeResult(
        metadata={**(result.metadata or {}), "not_crawled": ", ".join(left_out)}
    )


@asset(
    group_name="crawl",
    kinds={"scrapy", "warc"},
    partitions_def=SITE_MONTHS,
    backfill_policy=BackfillPolicy.single_run(),
)
def raw_pages(
    context: AssetExecutionContext,
    archive: ArchiveConfig,
    pipes_subprocess_client: PipesSubprocessClient,
) -> MaterializeResult:
    """Article pages of the run's sites and months (each site's monthly news sitemaps, by
    publication month), fetched into WARC files with a capture index per site and run. A
    backfill of any range of sites and months is one run, hence one crawl of those sites."""
    site_ids, months = sites_and_months(context.partition_keys)
    options = ("--months", ",".join(months))
    return _crawl(context, archive, pipes_subprocess_client, site_ids, *options)


@asset(group_name="crawl", kinds={"scrapy", "warc"})
def latest_pages(
    context: AssetExecutionContext,
    archive: ArchiveConfig,
    pipes_subprocess_client: PipesSubprocessClient,
) -> MaterializeResult:
    """The newest articles, from the RSS feeds and the category listings (no sitemaps): what a
    run every half hour picks up. The site is the run's ``baoarchive/site`` tag (a site's
    schedule), else every site of the run's ``sites``, else every enabled site."""
    options = ["--latest"] + ([] if archive.listings else ["--no-listings"])
    tagged = context.run.tags.get(SITE_TAG)
    site_ids = [tagged] if tagged else archive.latest_sites
    return _crawl(context, archive, pipes_subprocess_client, site_ids, *options)


@asset(group_name="warehouse", pool=DUCKDB_POOL, deps=[raw_pages, latest_pages], kinds={"duckdb"})
def crawl_log(archive: ArchiveConfig, warehouse: Warehouse) -> MaterializeResult:
    """Every article fetch (status, WARC location, error), loaded from the capture indexes."""
    progress.step("loading", "crawl_log")
    with warehouse.writer() as con:
        new = load.load_crawl_log(con, archive.paths.captures_dir)
        total = load.table_count(con, "crawl_log")
    return MaterializeResult(metadata={"new_rows": new, "rows": total})


@asset(group_name="warehouse", pool=DUCKDB_POOL, deps=[raw_pages, latest_pages], kinds={"duckdb"})
def warc_records(archive: ArchiveConfig, warehouse: Warehouse) -> MaterializeResult:
    """Every record of the WARC files (request, response, capture entry) with its place in the
    file, read from the files alone; each file is read on from where it was last indexed."""
    progress.step("loading", "warc_records")
    with warehouse.writer() as con:
        new = load.load_warc_records(con, archive.paths.root)
        total = load.table_count(con, "warc_records")
    return MaterializeResult(metadata={"new_rows": new, "rows": total})


@asset(group_name="warehouse", pool=DUCKDB_POOL, deps=[crawl_log], kinds={"duckdb"})
def articles(
    context: AssetExecutionContext, archive: ArchiveConfig, warehouse: Warehouse
) -> MaterializeResult:
    """One row per post id, extracted from its newest capture; also fills ``related_items``."""
    extracted = failed = 0
    with warehouse.writer() as con:
        pending = load.pending_captures(con)
        context.log.info(f"extracting {len(pending)} new captures")
        progress.advance("extraction", 0, len(pending))
        for batch, errors in extract_batches(archive.paths.root, pending, archive.workers):
            for capture_id, post_id, error in errors:
                context.log.warning(f"not extracted: {capture_id} (post {post_id}): {error}")
            load.upsert_articles(con, batch, errors)  # a transaction each: a crash keeps them
            extracted, failed = extracted + len(batch), failed + len(errors)
            progress.advance("extraction", extracted + failed, len(pending))
        total = load.table_count(con, "articles")
        per_month = checks.articles_per_month(con)
    return MaterializeResult(
        metadata={
            "extracted": extracted,
            "failed": failed,
            "rows": total,
            "articles_per_month": MetadataValue.json(per_month),  # read by a check next run
        }
    )


def _profile(archive: ArchiveConfig, site_id: str) -> Site:
    """The profile of an archived site, from the run's registry."""
    if site_id not in archive.registry:
        raise BadValue("site", f"{site_id!r} is archived but has no profile")
    return archive.registry[site_id]


@asset(group_name="warehouse", pool=DUCKDB_POOL, deps=[crawl_log], kinds={"duckdb"})
def topics(archive: ArchiveConfig, warehouse: Warehouse) -> MaterializeResult:
    """The menus (grouping/data/taxonomy.csv) of the archived sites whose profile says
    ``taxonomy = "menu"``, each under its own site: the same category path on two papers is
    two topics. The archived sites are those of the crawl log, so a rebuild from the WARC
    files gives the same topics, and an archive of one paper holds that paper's alone."""
    progress.step("loading", "topics")
    with warehouse.writer() as con:
        profiles = [_profile(archive, site) for site in load.archived_sites(con)]
        menus = {p.id: reference.topics(p.id) for p in profiles if p.taxonomy == "menu"}
        if missing := [site for site, rows in menus.items() if not rows]:
            raise BadValue("taxonomy", f"no menu in taxonomy.csv for {', '.join(missing)}")
        load.load_topics(con, [topic for rows in menus.values() for topic in rows])
        total = load.table_count(con, "topics")
    return MaterializeResult(
        metadata={"rows": total, "menu_sites": MetadataValue.json(list(menus))}
    )


@asset(group_name="warehouse", pool=DUCKDB_POOL, deps=[articles, topics], kinds={"duckdb"})
def article_topics(warehouse: Warehouse) -> MaterializeResult:
    """Each article's category and its ancestors in its own site's topics (``is_primary``
    marks the category itself). A category its site's menu does not know, and every category
    of a site whose topics are its breadcrumbs, joins ``topics`` under that site."""
    progress.step("loading", "article_topics")
    with warehouse.writer() as con:
        load.sync_article_topics(con)
        total = load.table_count(con, "article_topics")
    return MaterializeResult(metadata={"rows": total})


@asset(group_name="warehouse", pool=DUCKDB_POOL, deps=[articles], kinds={"duckdb"})
def article_tags(warehouse: Warehouse) -> MaterializeResult:
    """Each article's tags, in order; the ``tags`` table holds one row per distinct tag."""
    progress.step("loading", "article_tags")
    with warehouse.writer() as con:
        load.sync_article_tags(con)
        total = load.table_count(con, "article_tags")
        distinct = load.table_count(con, "tags")
    return MaterializeResult(metadata={"rows": total, "tags": distinct})


@asset(group_name="warehouse", pool=DUCKDB_POOL, kinds={"duckdb"})
def localities(warehouse: Warehouse) -> MaterializeResult:
    """Every gazetteer's units (grouping/data/gazetteers.csv): today's communes and wards, the
    former districts and provinces."""
    progress.step("loading", "localities")
    with warehouse.writer() as con:
        load.load_localities(con, reference.localities())
        total = load.table_count(con, "localities")
    return MaterializeResult(metadata={"rows": total})


@asset(group_name="warehouse", pool=DUCKDB_POOL, deps=[articles, localities], kinds={"duckdb"})
def article_localities(archive: ArchiveConfig, warehouse: Warehouse) -> MaterializeResult:
    """Units named in each article's title, sapo and body, from the gazetteers its site's
    profile lists (none: no units): counts, the first mention as evidence, and the one unit the
    article is about (``is_focus``). Only articles new or changed since they were last matched
    are read, and all of a site's when its matcher's version (its rules, its gazetteers, the
    text normaliser) changed."""
    matched: dict[str, int] = {}
    progress.step("loading", "article_localities")
    with warehouse.writer() as con:
        for site_id in load.archived_sites(con):
            matcher = current_matcher(_profile(archive, site_id).gazetteers)
            for rows in load.unmatched_articles(con, site_id, matcher.version):
                mentions = [
                    mention | {"site": site}
                    for site, post_id, _, published_at, title, sapo, body in rows
                    for mention in matcher.match(
                        post_id, published_at, {"title": title, "sapo": sapo, "body": body}
                    )
                ]
                done = [{"site": r[0], "post_id": r[1], "content_hash": r[2],
                         "matcher": matcher.version} for r in rows]  # fmt: skip
                load.sync_article_localities(con, done, mentions)  # a transaction each batch
                matched[site_id] = matched.get(site_id, 0) + len(rows)
        total = load.table_count(con, "article_localities")
    return MaterializeResult(
        metadata={
            "rows": total,
            "articles_matched": sum(matched.values()),
            "matched_per_site": MetadataValue.json(matched),
        }
    )


@asset(
    group_name="research",
    pool=DUCKDB_POOL,
    deps=[articles, article_topics, article_localities],
    kinds={"duckdb"},
)
def search_index(archive: ArchiveConfig, warehouse: Warehouse) -> MaterializeResult:
    """The full-text index of ``baoarchive search`` (tantivy, in ``lake/search``): new or changed
    articles get their search documents, and only documents whose text, shown fields, topics or
    localities changed are replaced in the index, which records the lake snapshot it was built
    from."""
    progress.step("indexing", "search_index")
    with warehouse.writer() as con:
        done = search.refresh_index(con, archive.paths.search_dir, workers=archive.workers)
    return MaterializeResult(metadata=done)


@asset(
    group_name="research",
    pool=DUCKDB_POOL,
    deps=[article_topics, article_localities],
    kinds={"parquet"},
)
def topic_exports(archive: ArchiveConfig, warehouse: Warehouse) -> MaterializeResult:
    """Parquet datasets with their data cards under ``<data dir>/exports/<topic>``, one per
    configured topic ("all": every article), written again whole when their rows changed."""
    written, unchanged = {}, []
    progress.step("exports", "topic_exports")
    with warehouse.writer() as con:
        reader = Archive(archive.paths.root, con=con)
        for topic in archive.topics_to_export:
            chosen = reader.filters(topic=None if topic == settings.EVERYTHING else topic)
            out = archive.paths.exports_dir / topic.replace("/", ".")
            result = export(reader, chosen, "parquet", out)
            written[topic] = result.rows
            if result.reused:
                unchanged.append(topic)
    return MaterializeResult(
        metadata={"rows": MetadataValue.json(written), "unchanged": MetadataValue.json(unchanged)}
    )


@asset(
    group_name="research",
    pool=DUCKDB_POOL,
    deps=[crawl_log, articles, article_topics, article_localities],
    kinds={"html"},
)
def report(archive: ArchiveConfig, warehouse: Warehouse) -> MaterializeResult:
    """The coverage report (``<data dir>/report/index.html``, see ``warehouse.report``),
    rebuilt after each run; its charts are shown here, in the asset's metadata."""
    progress.step("report", "report")
    with warehouse.writer() as con:
        reader = Archive(archive.paths.root, con=con)
        page = write_report(reader, reader.filters(), archive.paths.report_dir)
    charts = {
        f"chart_{png.stem}": MetadataValue.md(
            f"![{png.stem}](data:image/png;base64,{base64.b64encode(png.read_bytes()).decode()})"
        )
        for png in sorted((page.parent / "charts").glob("*.png"))
    }
    return MaterializeResult(metadata={"page": MetadataValue.path(str(page)), **charts})


@asset(group_name="maintenance", pool=DUCKDB_POOL, kinds={"ducklake"})
def lake_maintenance(archive: ArchiveConfig, warehouse: Warehouse) -> MaterializeResult:
    """The lake's upkeep (weekly): small files merged, snapshots past the retention
    (``BAOARCHIVE_RETENTION_DAYS``) expired except those an export's data card cites, and the
    files nothing refers to deleted."""
    keep = cited_snapshots(archive.paths.exports_dir)
    progress.step("maintenance", "lake_maintenance")
    with warehouse.writer() as con:
        done = maintain(con, settings.retention_days(), keep)
    return MaterializeResult(metadata=done)
