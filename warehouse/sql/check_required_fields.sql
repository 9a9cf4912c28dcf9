-- Articles without a title or a published time.
SELECT site, post_id, url FROM articles
WHERE title IS NULL OR trim(title) = '' OR published_at IS NULL
ORDER BY site, post_id;
