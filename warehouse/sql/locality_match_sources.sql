-- The text the locality matcher reads, for a batch of post ids ($1).
SELECT post_id, content_hash, published_at, title, sapo, body
FROM articles
WHERE post_id IN (SELECT unnest($1::BIGINT[]))
ORDER BY post_id;
