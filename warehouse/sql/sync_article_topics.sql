-- article_topics follows articles.category (first cut: the site's own category).
-- Categories the taxonomy does not know yet become topics named as the site names them.
INSERT INTO topics (topic_id, slug, name, parent_id, zone_id, sponsored, source)
SELECT category, regexp_extract(category, '[^/]+$'), any_value(category_name),
       NULLIF(regexp_extract(category, '^(.*)/[^/]+$', 1), ''), NULL,
       category = 'thong-tin-quang-cao', 'article breadcrumb'
FROM articles
WHERE category <> '' AND category NOT IN (SELECT topic_id FROM topics)
GROUP BY category;

DELETE FROM article_topics
WHERE (post_id, topic_id) NOT IN (SELECT post_id, category FROM articles WHERE category <> '');

INSERT INTO article_topics
SELECT post_id, category FROM articles WHERE category <> ''
ON CONFLICT (post_id, topic_id) DO NOTHING;
