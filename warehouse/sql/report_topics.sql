-- The report: articles per month (in the paper's zone) and section (the top of the category
-- path, by the paper's name for it) of the articles passing the filters.
SELECT strftime(timezone('Asia/Ho_Chi_Minh', a.published_at), '%Y-%m') AS month,
       coalesce(t.name, nullif(split_part(a.category, '/', 1), ''), 'none') AS topic,
       count(*) AS articles
FROM articles a
JOIN filtered_post_ids($topic, $locality, $since, $until, site_ := $site,
    across_reform_ := $across_reform) USING (site, post_id)
LEFT JOIN topics t ON t.site = a.site AND t.topic_id = split_part(a.category, '/', 1)
WHERE a.published_at IS NOT NULL
GROUP BY ALL
ORDER BY month, topic;
