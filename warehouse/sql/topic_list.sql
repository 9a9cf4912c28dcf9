-- Each paper's topics with how many of its articles each holds (its own and its descendants');
-- $site: one paper's (NULL: every paper's).
SELECT t.site, t.topic_id, t.name, t.parent_id, t.sponsored, count(x.post_id) AS articles
FROM topics t
LEFT JOIN article_topics x ON x.site = t.site AND x.topic_id = t.topic_id
WHERE $site IS NULL OR t.site = $site
GROUP BY ALL
ORDER BY t.site, t.topic_id;
