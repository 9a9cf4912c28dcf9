-- The text a search document is made from, for a batch of post ids ($1, sorted, from $2 to $3):
-- the range lets the lake skip the files outside it instead of reading every body.
SELECT post_id, content_hash, title, coalesce(sapo, ''), coalesce(body, '')
FROM articles
WHERE post_id BETWEEN $2 AND $3 AND post_id IN (SELECT unnest($1::BIGINT[]))
ORDER BY post_id;
