-- The report's crawl health per month: failed fetches (by month fetched, of the paper asked
-- for), and of the articles passing the filters (by month published) those read by the
-- fallback path and those missing a field a researcher counts on.
SELECT strftime(timezone('Asia/Ho_Chi_Minh', fetched_at), '%Y-%m') AS month,
       'failed fetches' AS problem, count(*) AS articles
FROM crawl_log
WHERE (error IS NOT NULL OR status IS DISTINCT FROM 200) AND ($site IS NULL OR site = $site)
GROUP BY ALL
UNION ALL
SELECT strftime(timezone('Asia/Ho_Chi_Minh', a.published_at), '%Y-%m'),
       'fallback extractions', count(*)
FROM articles a
JOIN filtered_post_ids($topic, $locality, $since, $until, site_ := $site,
    across_reform_ := $across_reform) USING (site, post_id)
WHERE a.method = 'fallback' AND a.published_at IS NOT NULL
GROUP BY ALL
UNION ALL
SELECT strftime(timezone('Asia/Ho_Chi_Minh', a.published_at), '%Y-%m'),
       'missing author, sapo or category', count(*)
FROM articles a
JOIN filtered_post_ids($topic, $locality, $since, $until, site_ := $site,
    across_reform_ := $across_reform) USING (site, post_id)
WHERE a.published_at IS NOT NULL
  AND (nullif(a.author, '') IS NULL OR nullif(a.sapo, '') IS NULL OR nullif(a.category, '') IS NULL)
GROUP BY ALL
ORDER BY 1, 2;
