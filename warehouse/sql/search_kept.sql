-- Which of the candidates ($sites and $ids, pairwise) pass the filters, in the snapshot read:
-- the search index ranks, the lake decides what is shown.
SELECT site, post_id
FROM filtered_post_ids($topic, $locality, $since, $until, site_ := $site,
    across_reform_ := $across_reform)
WHERE (site, post_id) IN (SELECT (unnest($sites::VARCHAR[]), unnest($ids::BIGINT[])));
