-- The search documents of site $1, post ids $2 to $3, with the fields a result shows
-- (publication time in microseconds since the epoch) and those the filters ask (topic and
-- locality ids): an index built whole reads them a range at a time, so the lake skips the
-- files outside it and no sort holds every body.
SELECT d.site, d.post_id, d.exact, a.title, a.url, a.sapo, a.body, epoch_us(a.published_at),
       t.topics, l.localities
FROM search_documents d
JOIN articles a USING (site, post_id)
LEFT JOIN (
    SELECT site, post_id, list(topic_id ORDER BY topic_id) AS topics
    FROM article_topics WHERE site = $1 AND post_id BETWEEN $2 AND $3 GROUP BY site, post_id
) t USING (site, post_id)
LEFT JOIN (
    SELECT site, post_id, list(locality_id ORDER BY locality_id) AS localities
    FROM article_localities WHERE site = $1 AND post_id BETWEEN $2 AND $3
    GROUP BY site, post_id
) l USING (site, post_id)
WHERE d.site = $1 AND d.post_id BETWEEN $2 AND $3 AND a.site = $1
  AND a.post_id BETWEEN $2 AND $3
ORDER BY d.post_id;
