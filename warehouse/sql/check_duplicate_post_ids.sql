-- Duplicates: an article (site, post id) on more than one row, or one canonical URL or one
-- text (content hash) archived under more than one post id of one site (the same text in two
-- papers is syndication, not a duplicate).
SELECT 'post_id ' || site || ' ' || post_id AS duplicate, count(*) AS copies FROM articles
GROUP BY site, post_id HAVING count(*) > 1
UNION ALL
SELECT 'url ' || url, count(*) FROM articles GROUP BY url HAVING count(*) > 1
UNION ALL
SELECT 'content_hash ' || site || ' ' || content_hash, count(*) FROM articles
WHERE content_hash IS NOT NULL AND content_hash <> ''
GROUP BY site, content_hash HAVING count(*) > 1;
