-- The text a search document is made from, for a batch of post ids ($1).
SELECT post_id, content_hash, title, coalesce(sapo, ''), coalesce(body, '')
FROM articles
WHERE post_id IN (SELECT unnest($1::BIGINT[]))
ORDER BY post_id;
