-- The text a search document is made from, for a batch of articles of one site ($1), post
-- ids $2 (sorted, from $3 to $4): the range lets the lake skip the files outside it instead of
-- reading every body.
SELECT site, post_id, content_hash, title, coalesce(sapo, ''), coalesce(body, '')
FROM articles
WHERE site = $1 AND post_id BETWEEN $3 AND $4 AND post_id IN (SELECT unnest($2::BIGINT[]))
ORDER BY post_id;
