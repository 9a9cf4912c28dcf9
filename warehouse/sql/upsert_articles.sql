-- New posts are inserted; a known post is updated from a newer capture of it, or when a newer
-- extractor read it differently. Staging the same capture again changes no row. One staged row
-- per article (site, post id; the loader keeps the newest of a batch).
MERGE INTO articles USING staged_articles AS s
ON articles.site = s.site AND articles.post_id = s.post_id
WHEN MATCHED AND (articles.capture_id IS DISTINCT FROM s.capture_id
                  OR articles.content_hash IS DISTINCT FROM s.content_hash
                  OR articles.extractor_version IS DISTINCT FROM s.extractor_version)
THEN UPDATE SET
    url = s.url, title = s.title, sapo = s.sapo, body = s.body,
    body_markdown = s.body_markdown, author = s.author, authors = s.authors,
    published_at = s.published_at, modified_at = s.modified_at, category = s.category,
    category_name = s.category_name, tags = s.tags, images = s.images,
    word_count = s.word_count, layout = s.layout, method = s.method,
    content_hash = s.content_hash, capture_id = s.capture_id,
    extractor_version = s.extractor_version
WHEN NOT MATCHED THEN INSERT BY NAME;
