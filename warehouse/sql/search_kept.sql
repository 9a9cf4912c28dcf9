-- Which of the candidates ($ids) pass the filters, in the snapshot read: the search index
-- ranks, the lake decides what is shown.
SELECT post_id
FROM filtered_post_ids($topic, $locality, $since, $until)
WHERE post_id IN (SELECT unnest($ids::BIGINT[]));
