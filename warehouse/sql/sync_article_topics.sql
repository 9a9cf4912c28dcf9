-- article_topics follows articles.category: the category (is_primary) and all its ancestors,
-- each in the article's own site's topics. A category its site's menu does not know (and
-- every category of a site whose topics are its breadcrumbs) becomes a topic of that site,
-- named as the site names it.
INSERT INTO topics (site, topic_id, slug, name, parent_id, zone_id, sponsored, source)
SELECT site, category, regexp_extract(category, '[^/]+$'), any_value(category_name),
       NULLIF(regexp_extract(category, '^(.*)/[^/]+$', 1), ''), NULL,
       category = 'thong-tin-quang-cao', 'article breadcrumb'
FROM articles
WHERE category <> '' AND (site, category) NOT IN (SELECT (site, topic_id) FROM topics)
GROUP BY site, category;

CREATE OR REPLACE TEMP TABLE derived_topics AS
WITH RECURSIVE path(site, post_id, topic_id, is_primary) AS (
    SELECT site, post_id, category, true FROM articles WHERE category <> ''
    UNION ALL
    SELECT p.site, p.post_id, t.parent_id, false
    FROM path p JOIN topics t ON t.site = p.site AND t.topic_id = p.topic_id
    WHERE t.parent_id IS NOT NULL
)
SELECT site, post_id, topic_id, bool_or(is_primary) AS is_primary FROM path GROUP BY ALL;

DELETE FROM article_topics
WHERE (site, post_id, topic_id, is_primary) NOT IN (
    SELECT (site, post_id, topic_id, is_primary) FROM derived_topics);

MERGE INTO article_topics USING derived_topics AS d
ON article_topics.site = d.site AND article_topics.post_id = d.post_id
   AND article_topics.topic_id = d.topic_id
WHEN NOT MATCHED THEN INSERT (site, post_id, topic_id, is_primary)
    VALUES (d.site, d.post_id, d.topic_id, d.is_primary);
