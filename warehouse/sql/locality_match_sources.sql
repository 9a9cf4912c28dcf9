-- The text the locality matcher reads, for a batch of articles: $1 their sites, $2 their post
-- ids (pairwise).
SELECT site, post_id, content_hash, published_at, title, sapo, body
FROM articles
WHERE (site, post_id) IN (SELECT (unnest($1::VARCHAR[]), unnest($2::BIGINT[])))
ORDER BY site, post_id;
