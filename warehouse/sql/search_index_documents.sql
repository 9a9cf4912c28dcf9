-- The search documents of post ids $1 to $2 with the fields a result shows (publication time in
-- microseconds since the epoch) and those the filters ask (topic and locality ids): an index
-- built whole reads them a range at a time, so the lake skips the files outside it and no sort
-- holds every body.
SELECT d.post_id, d.exact, a.title, a.url, a.sapo, a.body, epoch_us(a.published_at),
       t.topics, l.localities
FROM search_documents d
JOIN articles a USING (post_id)
LEFT JOIN (
    SELECT post_id, list(topic_id ORDER BY topic_id) AS topics
    FROM article_topics WHERE post_id BETWEEN $1 AND $2 GROUP BY post_id
) t USING (post_id)
LEFT JOIN (
    SELECT post_id, list(locality_id ORDER BY locality_id) AS localities
    FROM article_localities WHERE post_id BETWEEN $1 AND $2 GROUP BY post_id
) l USING (post_id)
WHERE d.post_id BETWEEN $1 AND $2 AND a.post_id BETWEEN $1 AND $2
ORDER BY d.post_id;
