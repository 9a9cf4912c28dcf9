-- Administrative units with how many articles name them and how many are about them.
SELECT l.locality_id, l.name, l.kind, l.parent_id, l.valid_from, l.valid_to,
       count(x.post_id) AS articles, count(x.post_id) FILTER (WHERE x.is_focus) AS focus_articles
FROM localities l
LEFT JOIN article_localities x USING (locality_id)
GROUP BY ALL
ORDER BY l.locality_id;
