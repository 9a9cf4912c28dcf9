-- New posts are inserted; a known post is updated from a newer capture of it. Staging the
-- same capture again changes no row.
INSERT INTO articles
SELECT post_id, url, title, sapo, body, author, published_at, modified_at, category,
       category_name, tags, images, word_count, method, content_hash, capture_id
FROM staged_articles
ON CONFLICT (post_id) DO UPDATE SET
    url = excluded.url, title = excluded.title, sapo = excluded.sapo, body = excluded.body,
    author = excluded.author, published_at = excluded.published_at,
    modified_at = excluded.modified_at, category = excluded.category,
    category_name = excluded.category_name, tags = excluded.tags, images = excluded.images,
    word_count = excluded.word_count, method = excluded.method,
    content_hash = excluded.content_hash, capture_id = excluded.capture_id
WHERE articles.capture_id IS DISTINCT FROM excluded.capture_id
   OR articles.content_hash IS DISTINCT FROM excluded.content_hash;
