-- The report's crawl health per month: failed fetches (by month fetched, of the paper asked
-- for), and of the articles passing the filters (by month published) those read by the
-- fallback path and those missing a field a researcher counts on.
WITH chosen AS (
    SELECT strftime(timezone('Asia/Ho_Chi_Minh', a.published_at), '%Y-%m') AS month,
           a.method = 'fallback' AS fallback,
           nullif(a.author, '') IS NULL OR nullif(a.sapo, '') IS NULL
               OR nullif(a.category, '') IS NULL AS incomplete
    FROM articles a
    JOIN filtered_post_ids($topic, $locality, $since, $until, site_ := $site,
        across_reform_ := $across_reform) USING (site, post_id)
    WHERE a.published_at IS NOT NULL
)
SELECT strftime(timezone('Asia/Ho_Chi_Minh', fetched_at), '%Y-%m') AS month,
       'failed fetches' AS problem, count(*) AS articles
FROM crawl_log
WHERE (error IS NOT NULL OR status IS DISTINCT FROM 200) AND ($site IS NULL OR site = $site)
GROUP BY ALL
UNION ALL
SELECT month, 'fallback extractions', count(*) FROM chosen WHERE fallback GROUP BY ALL
UNION ALL
SELECT month, 'missing author, sapo or category', count(*) FROM chosen WHERE incomplete
GROUP BY ALL
ORDER BY 1, 2;
