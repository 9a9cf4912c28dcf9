-- New posts are inserted; a known post is updated from a newer capture of it, or when a newer
-- extractor read it differently. Staging the same capture again changes no row.
INSERT INTO articles BY NAME
SELECT * FROM staged_articles
ON CONFLICT (post_id) DO UPDATE SET
    url = excluded.url, title = excluded.title, sapo = excluded.sapo, body = excluded.body,
    body_markdown = excluded.body_markdown, author = excluded.author,
    authors = excluded.authors, published_at = excluded.published_at,
    modified_at = excluded.modified_at, category = excluded.category,
    category_name = excluded.category_name, tags = excluded.tags, images = excluded.images,
    word_count = excluded.word_count, layout = excluded.layout, method = excluded.method,
    content_hash = excluded.content_hash, capture_id = excluded.capture_id,
    extractor_version = excluded.extractor_version
WHERE articles.capture_id IS DISTINCT FROM excluded.capture_id
   OR articles.content_hash IS DISTINCT FROM excluded.content_hash
   OR articles.extractor_version IS DISTINCT FROM excluded.extractor_version;
