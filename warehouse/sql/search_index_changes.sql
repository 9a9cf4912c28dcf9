-- What the search index must change since snapshot $built (the one it was built from): the
-- documents whose text differs (only those made again since, another content_hash or
-- version, are compared), the articles whose shown fields moved without their text (URL,
-- publication time, title, sapo), and those whose topics or localities changed. Rows as
-- search_index_documents gives them; exact is NULL for a document that is gone.
WITH built AS (
    SELECT site, post_id, content_hash, version FROM search_documents AT (VERSION => $built)
),
remade AS (
    SELECT coalesce(n.site, b.site) AS site, coalesce(n.post_id, b.post_id) AS post_id
    FROM search_documents n
    FULL JOIN built b USING (site, post_id)
    WHERE n.content_hash IS DISTINCT FROM b.content_hash OR n.version IS DISTINCT FROM b.version
),
text_changed AS (
    SELECT r.site, r.post_id
    FROM remade r
    LEFT JOIN search_documents n USING (site, post_id)
    LEFT JOIN (
        SELECT site, post_id, exact FROM search_documents AT (VERSION => $built)
        WHERE (site, post_id) IN (SELECT (site, post_id) FROM remade)
    ) b USING (site, post_id)
    WHERE n.exact IS DISTINCT FROM b.exact
),
moved AS (
    SELECT n.site, n.post_id
    FROM articles n
    JOIN (
        SELECT site, post_id, url, published_at, title, sapo
        FROM articles AT (VERSION => $built)
    ) b USING (site, post_id)
    WHERE n.url IS DISTINCT FROM b.url OR n.published_at IS DISTINCT FROM b.published_at
       OR n.title IS DISTINCT FROM b.title OR n.sapo IS DISTINCT FROM b.sapo
),
regrouped AS (  -- a (post, topic) or (post, locality) pair in one snapshot and not the other
    (SELECT site, post_id, topic_id FROM article_topics
     EXCEPT SELECT site, post_id, topic_id FROM article_topics AT (VERSION => $built))
    UNION ALL
    (SELECT site, post_id, topic_id FROM article_topics AT (VERSION => $built)
     EXCEPT SELECT site, post_id, topic_id FROM article_topics)
    UNION ALL
    (SELECT site, post_id, locality_id FROM article_localities
     EXCEPT SELECT site, post_id, locality_id FROM article_localities AT (VERSION => $built))
    UNION ALL
    (SELECT site, post_id, locality_id FROM article_localities AT (VERSION => $built)
     EXCEPT SELECT site, post_id, locality_id FROM article_localities)
),
changed AS (
    SELECT site, post_id FROM text_changed
    UNION SELECT site, post_id FROM moved
    UNION SELECT site, post_id FROM regrouped
)
SELECT c.site, c.post_id, d.exact, a.title, a.url, a.sapo, a.body, epoch_us(a.published_at),
       (SELECT list(topic_id ORDER BY topic_id) FROM article_topics t
        WHERE t.site = c.site AND t.post_id = c.post_id) AS topics,
       (SELECT list(locality_id ORDER BY locality_id) FROM article_localities l
        WHERE l.site = c.site AND l.post_id = c.post_id) AS localities
FROM changed c
LEFT JOIN search_documents d USING (site, post_id)
LEFT JOIN articles a USING (site, post_id)
ORDER BY c.site, c.post_id;
