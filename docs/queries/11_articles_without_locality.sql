-- Question: How many articles of each section name no commune, district or province at all?
SELECT t.name AS section,
       count(*) AS articles,
       count(*) FILTER (WHERE (a.site, a.post_id) NOT IN (
           SELECT (site, post_id) FROM article_localities))
           AS without_locality,
       round(100.0 * without_locality / count(*), 1) AS without_pct
FROM articles a
JOIN article_topics x USING (site, post_id)
JOIN topics t USING (site, topic_id)
WHERE a.site = 'baolaocai' AND t.parent_id IS NULL
GROUP BY ALL
ORDER BY without_pct DESC, articles DESC, section
LIMIT 10;
