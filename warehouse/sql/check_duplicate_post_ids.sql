-- Duplicates: a post id on more than one row (the primary key should make this empty), or one
-- canonical URL or one text (content hash) archived under more than one post id.
SELECT 'post_id ' || post_id AS duplicate, count(*) AS copies FROM articles
GROUP BY post_id HAVING count(*) > 1
UNION ALL
SELECT 'url ' || url, count(*) FROM articles GROUP BY url HAVING count(*) > 1
UNION ALL
SELECT 'content_hash ' || content_hash, count(*) FROM articles
WHERE content_hash IS NOT NULL AND content_hash <> ''
GROUP BY content_hash HAVING count(*) > 1;
