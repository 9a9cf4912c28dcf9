-- Articles passing the filters, grouped by partition and in a fixed order within it: exports
-- are byte for byte reproducible. Exports read it one month at a time.
SELECT *
FROM article_records($topic, $locality, $since, $until, site_ := $site,
    across_reform_ := $across_reform)
ORDER BY section, year, month, published_at, site, post_id;
