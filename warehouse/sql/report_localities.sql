-- The report: articles per month and unit of today (a former commune's articles counted under
-- its successor: article_localities_today, via self or successor), of the articles passing
-- the filters. An article counts once per unit.
SELECT strftime(timezone('Asia/Ho_Chi_Minh', a.published_at), '%Y-%m') AS month,
       l.locality_id, l.name, l.kind, count(DISTINCT (a.site, a.post_id)) AS articles
FROM article_localities_today x
JOIN articles a USING (site, post_id)
JOIN filtered_post_ids($topic, $locality, $since, $until, site_ := $site,
    across_reform_ := $across_reform) USING (site, post_id)
JOIN localities l ON l.locality_id = x.locality_id
WHERE x.via IN ('self', 'successor') AND l.kind IN ('xa', 'phuong') AND a.published_at IS NOT NULL
GROUP BY ALL
ORDER BY month, l.locality_id;
