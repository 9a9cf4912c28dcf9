-- Topics with how many articles each holds (its own and its descendants').
SELECT t.topic_id, t.name, t.parent_id, t.sponsored, count(x.post_id) AS articles
FROM topics t
LEFT JOIN article_topics x USING (topic_id)
GROUP BY ALL
ORDER BY t.topic_id;
