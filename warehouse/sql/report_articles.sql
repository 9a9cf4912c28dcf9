-- The report: how many articles pass the filters.
SELECT count(*)
FROM filtered_post_ids($topic, $locality, $since, $until, site_ := $site,
    across_reform_ := $across_reform);
